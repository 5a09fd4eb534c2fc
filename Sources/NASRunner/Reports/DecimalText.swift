/// Locale-free decimal text for report numbers: the same `Double` gives the same characters on every machine.
///
/// The rule: start from Swift's shortest decimal form that reads back as the same `Double` (`description`,
/// computed by the standard library, never by the C library or a locale), then round that decimal half away from
/// zero. So 2.675 prints as `2.68` (its shortest form is "2.675"), where C's `printf("%.2f")` rounds the binary
/// value 2.67499999... down. A result that rounds to zero prints without a sign (`0.00`, never `-0.00`).
/// Non-finite values print as `nan`, `inf` and `-inf`.
enum DecimalText {
    /// `value` with exactly `decimals` digits after the point (none and no point for 0).
    ///
    /// Complexity: O(number of digits printed).
    static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(decimals >= 0, "DecimalText.fixed: negative decimals")
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let decimal = ShortestDecimal(value.magnitude)
        // The digits of |value| × 10^decimals, rounded to an integer.
        let integerLength = decimal.pointPosition + decimals
        var integer: [UInt8] = []
        var roundUp = false
        if integerLength >= 0 {
            for index in 0..<integerLength { integer.append(index < decimal.digits.count ? decimal.digits[index] : 0) }
            roundUp = integerLength < decimal.digits.count && decimal.digits[integerLength] >= 5
        }
        if roundUp { increment(&integer) }
        // At least one digit before the point.
        while integer.count < decimals + 1 { integer.insert(0, at: 0) }
        while integer.count > decimals + 1, integer.first == 0 { integer.removeFirst() }
        let isZero = integer.allSatisfy { $0 == 0 }
        var text = value < 0 && !isZero ? "-" : ""
        let pointIndex = integer.count - decimals
        for (index, digit) in integer.enumerated() {
            if index == pointIndex { text += "." }
            text += String(digit)
        }
        return text
    }

    /// `value` rounded to `digits` significant digits, never to fewer than zero decimals (an integer part is
    /// printed in full: 1234.5 with 3 digits is `1235`), and the number of decimals used. Zero prints as `0`.
    static func significant(_ value: Double, digits: Int) -> (text: String, decimals: Int) {
        let decimals = significantDecimals(value, digits: digits)
        return (fixed(value, decimals: decimals), decimals)
    }

    /// `value` to at most `digits` significant digits with trailing zeros after the point dropped (`0.005`,
    /// `0.0123`, `150`), for captions and legends.
    static func compact(_ value: Double, digits: Int) -> String {
        trimmed(significant(value, digits: digits).text)
    }

    /// `text` without trailing zeros after a decimal point, nor a bare point (`70.50` → `70.5`, `70.00` → `70`).
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The decimals that show `value` to `digits` significant digits (0 for zero, non-finite or large values).
    static func significantDecimals(_ value: Double, digits: Int) -> Int {
        precondition(digits >= 1, "DecimalText.significant: fewer than one digit")
        guard value.isFinite, value != 0 else { return 0 }
        let decimal = ShortestDecimal(value.magnitude)
        let decimals = max(0, digits - decimal.pointPosition)
        // Rounding may carry into a new leading digit (0.09996 -> 0.1000): then one decimal fewer.
        if decimals > 0, significantDigitCount(fixed(value, decimals: decimals)) > digits { return decimals - 1 }
        return decimals
    }

    /// The digits from the first nonzero one to the end.
    private static func significantDigitCount(_ text: String) -> Int {
        let digits = text.filter(\.isNumber).drop { $0 == "0" }
        return digits.count
    }

    /// Adds one to a big-endian decimal digit array, growing it on carry.
    private static func increment(_ digits: inout [UInt8]) {
        var index = digits.count - 1
        while index >= 0 {
            if digits[index] < 9 {
                digits[index] += 1
                return
            }
            digits[index] = 0
            index -= 1
        }
        digits.insert(1, at: 0)
    }
}

/// A non-negative finite `Double`'s shortest round-trip decimal: `0.d₁d₂d₃… × 10^pointPosition`, with
/// d₁ ≠ 0 (or a single 0 digit for zero).
struct ShortestDecimal {
    /// The significant digits, most significant first.
    var digits: [UInt8]
    /// How many of ``digits`` stand before the decimal point (negative: zeros after the point first).
    var pointPosition: Int

    /// Parses `value.description` ("94.37333", "1e-05", "1.2345e+20").
    init(_ value: Double) {
        precondition(value.isFinite && value >= 0, "ShortestDecimal: needs a non-negative finite value")
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        var digits: [UInt8] = []
        var integerCount = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
            } else if let digit = character.wholeNumberValue {
                digits.append(UInt8(digit))
                if !seenPoint { integerCount += 1 }
            }
        }
        var position = integerCount + exponent
        while digits.count > 1, digits.first == 0 {
            digits.removeFirst()
            position -= 1
        }
        while digits.count > 1, digits.last == 0 { digits.removeLast() }
        if digits == [0] { position = 1 }
        self.digits = digits
        self.pointPosition = position
    }
}
