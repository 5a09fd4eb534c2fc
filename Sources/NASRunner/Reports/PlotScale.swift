#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A map from data values to pixel positions along one axis, with its ticks.
struct PlotScale {
    /// The kind of map.
    let kind: AxisScale
    /// The data domain, `lower < upper` (both positive when logarithmic).
    let lower: Double
    let upper: Double
    /// The pixel positions of `lower` and `upper` (`end < start` for a y axis, which grows upwards).
    let start: Double
    let end: Double

    /// The pixel position of `value`.
    func position(_ value: Double) -> Double {
        let fraction: Double
        switch kind {
        case .linear: fraction = (value - lower) / (upper - lower)
        case .logarithmic: fraction = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
        return start + fraction * (end - start)
    }

    /// The ticks inside the domain, ascending: labelled major ticks and, on a logarithmic axis, unlabelled minor
    /// ticks at 2…9 × 10ᵏ.
    func ticks() -> [PlotTick] {
        switch kind {
        case .linear: linearTicks()
        case .logarithmic: logarithmicTicks()
        }
    }

    /// Multiples of a step of 1, 2, 2.5 or 5 × 10ᵏ giving at most 6 intervals over the domain.
    private func linearTicks() -> [PlotTick] {
        let raw = (upper - lower) / 6
        let exponent = PowerOfTen.exponent(below: raw)
        let magnitude = PowerOfTen.value(exponent)
        let mantissa = [1.0, 2, 2.5, 5, 10].first { $0 * magnitude >= raw * (1 - 1e-12) } ?? 10
        let step = mantissa * magnitude
        // 2.5 × 10ᵏ needs one decimal more than 10ᵏ.
        let decimals = max(0, (mantissa == 2.5 ? 1 : 0) - (mantissa == 10 ? exponent + 1 : exponent))
        var ticks: [PlotTick] = []
        var index = (lower / step - 1e-9).rounded(.up)
        while index * step <= upper * (1 + 1e-12) + 1e-12 {
            let value = index * step
            ticks.append(PlotTick(value: value, label: DecimalText.fixed(value, decimals: decimals)))
            index += 1
        }
        return ticks
    }

    /// 10ᵏ labelled, 2…9 × 10ᵏ unlabelled.
    private func logarithmicTicks() -> [PlotTick] {
        var ticks: [PlotTick] = []
        let first = PowerOfTen.exponent(below: lower)
        let last = PowerOfTen.exponent(below: upper)
        for exponent in first...last {
            let decade = PowerOfTen.value(exponent)
            for multiple in 1...9 {
                let value = Double(multiple) * decade
                guard value >= lower * (1 - 1e-12), value <= upper * (1 + 1e-12) else { continue }
                ticks.append(PlotTick(value: value, label: multiple == 1 ? PowerOfTen.label(exponent) : nil))
            }
        }
        return ticks
    }
}

/// A tick: its value and its label (`nil` for a minor tick).
struct PlotTick: Hashable {
    let value: Double
    let label: String?
}

/// Powers of ten computed from decimal text, so they are exact to the last bit on every machine.
enum PowerOfTen {
    /// 10ᵏ, the `Double` nearest to the decimal `1eK`.
    static func value(_ exponent: Int) -> Double {
        Double("1e\(exponent)") ?? pow(10, Double(exponent))
    }

    /// The k with 10ᵏ ≤ value < 10ᵏ⁺¹, decided on the value's shortest decimal form (no rounding of log10).
    static func exponent(below value: Double) -> Int {
        ShortestDecimal(value.magnitude).pointPosition - 1
    }

    /// Whether `value` is exactly a power of ten in decimal (1, 10, 0.01).
    static func isPower(_ value: Double) -> Bool {
        value > 0 && ShortestDecimal(value).digits == [1]
    }

    /// `1`, `10`, `0.01`; beyond 10⁻⁴…10⁵, `1e-5`, `1e6`.
    static func label(_ exponent: Int) -> String {
        guard (-4...5).contains(exponent) else { return "1e\(exponent)" }
        return DecimalText.fixed(value(exponent), decimals: max(0, -exponent))
    }
}
