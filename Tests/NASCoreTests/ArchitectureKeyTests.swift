import NASCore
import Testing

@Suite("ArchitectureKey")
struct ArchitectureKeyTests {
    @Test("orders and compares by its text")
    func ordering() {
        #expect(ArchitectureKey("a") < ArchitectureKey("b"))
        #expect(ArchitectureKey("x") == ArchitectureKey("x"))
        #expect("\(ArchitectureKey("k"))" == "k")
    }
}
