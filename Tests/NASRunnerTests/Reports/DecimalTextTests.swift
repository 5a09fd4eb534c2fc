import Testing

@testable import NASRunner

@Suite("DecimalText")
struct DecimalTextTests {
    @Test("fixed decimals round the shortest decimal form half away from zero")
    func fixed() {
        #expect(DecimalText.fixed(94.37333, decimals: 2) == "94.37")
        #expect(DecimalText.fixed(2.675, decimals: 2) == "2.68")  // printf's %.2f gives 2.67
        #expect(DecimalText.fixed(9.995, decimals: 2) == "10.00")
        #expect(DecimalText.fixed(0.005, decimals: 2) == "0.01")
        #expect(DecimalText.fixed(-1.5, decimals: 0) == "-2")
        #expect(DecimalText.fixed(0.1 + 0.2, decimals: 6) == "0.300000")
        #expect(DecimalText.fixed(1e-5, decimals: 3) == "0.000")
        #expect(DecimalText.fixed(1e-5, decimals: 6) == "0.000010")
        #expect(DecimalText.fixed(123_456_789, decimals: 0) == "123456789")
        #expect(DecimalText.fixed(1e20, decimals: 1) == "100000000000000000000.0")
        #expect(DecimalText.fixed(0, decimals: 2) == "0.00")
    }

    @Test("a value that rounds to zero has no minus sign; non-finite values are named")
    func signsAndSpecials() {
        #expect(DecimalText.fixed(-0.001, decimals: 2) == "0.00")
        #expect(DecimalText.fixed(-0.0, decimals: 1) == "0.0")
        #expect(DecimalText.fixed(.nan, decimals: 2) == "nan")
        #expect(DecimalText.fixed(-.infinity, decimals: 2) == "-inf")
    }

    @Test("significant digits: never fewer than zero decimals; a carry into a new digit drops one decimal")
    func significant() {
        #expect(DecimalText.significant(0.012345, digits: 3).text == "0.0123")
        #expect(DecimalText.significant(1.2345, digits: 3).text == "1.23")
        #expect(DecimalText.significant(12.345, digits: 3).text == "12.3")
        #expect(DecimalText.significant(1234.5, digits: 3).text == "1235")
        #expect(DecimalText.significant(0.09996, digits: 3).text == "0.100")
        #expect(DecimalText.significant(0, digits: 3).text == "0")
        #expect(DecimalText.compact(0.00500, digits: 3) == "0.005")
    }
}
