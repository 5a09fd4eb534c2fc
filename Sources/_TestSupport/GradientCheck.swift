import Seeding
import Tensors

/// Checks an op's pullback against central finite differences.
///
/// The scalar objective is L(x) = Σ r ⊙ f(x) with a fixed random projection r (so every output element counts
/// with its own weight). The analytic gradient comes from the tape with r as the seed; the numerical one is
/// (L(x + h eᵢ) − L(x − h eᵢ)) / 2h for every input element i, with L summed and the quotient taken in Double.
///
/// The engine computes in Float32, so the difference quotient carries a rounding error of about
/// ε_f32·|L| / h ≈ 1e-7·|L| / h, and a truncation error of about h²·|L'''|/6. With the default h = 1e-2 and
/// inputs of order 1 both stay near 1e-4..1e-3, hence the default tolerance: an element passes when
/// |analytic − numeric| ≤ absoluteTolerance + relativeTolerance·|numeric| (1e-3 and 1e-2).
public struct GradientCheck {
    /// The outcome for one input.
    public struct InputReport: Sendable, CustomStringConvertible {
        /// The input's position.
        public let input: Int
        /// The largest |analytic − numeric| over its elements.
        public let maximumError: Double
        /// The element where the worst violation of the tolerance occurred, with both values.
        public let worstElement: Int
        public let analytic: Double
        public let numeric: Double
        /// Whether every element passed.
        public let passed: Bool

        public var description: String {
            "input \(input): max |analytic - numeric| = \(maximumError); worst element \(worstElement): analytic \(analytic), numeric \(numeric)"
        }
    }

    /// Finite-difference step.
    public var step: Double = 1e-2
    /// Absolute part of the per-element tolerance.
    public var absoluteTolerance: Double = 1e-3
    /// Relative part of the per-element tolerance.
    public var relativeTolerance: Double = 1e-2
    /// Seed of the random projection r.
    public var seed: UInt64 = 17

    public init(step: Double = 1e-2, absoluteTolerance: Double = 1e-3, relativeTolerance: Double = 1e-2) {
        self.step = step
        self.absoluteTolerance = absoluteTolerance
        self.relativeTolerance = relativeTolerance
    }

    /// Compares analytic and numerical gradients of `function` at `inputs`.
    ///
    /// - Parameters:
    ///   - inputs: the point of evaluation; every input is differentiated unless listed in `constants`.
    ///   - constants: positions of inputs that are not differentiated (indices, labels).
    ///   - function: the computation, written over variables.
    /// - Returns: one report per differentiated input.
    public func run(
        _ inputs: [Tensor], constants: Set<Int> = [], function: ([Variable]) -> Variable
    ) -> [InputReport] {
        // Analytic gradient, with the projection as the seed.
        let tape = Tape()
        let variables = inputs.enumerated().map { index, tensor in
            constants.contains(index) ? Variable(tensor) : tape.variable(tensor)
        }
        let output = function(variables)
        var rng = Xoshiro256(seed: seed)
        let projection = Tensor(
            shape: output.shape, scalars: (0..<output.value.count).map { _ in rng.normalFloat() })
        let gradients = tape.gradients(of: output, seed: projection)

        func objective(_ point: [Tensor]) -> Double {
            let value = function(point.map(Variable.init)).value
            var total = 0.0
            for i in 0..<value.count { total += Double(projection.scalars[i]) * Double(value.scalars[i]) }
            return total
        }

        var reports: [InputReport] = []
        for index in inputs.indices where !constants.contains(index) {
            let analytic = gradients[variables[index]]
            var point = inputs
            var maximumError = 0.0
            var worst = (element: 0, analytic: 0.0, numeric: 0.0, excess: -Double.infinity)
            for element in 0..<inputs[index].count {
                let original = inputs[index].scalars[element]
                point[index].scalars[element] = Float(Double(original) + step)
                let plus = objective(point)
                point[index].scalars[element] = Float(Double(original) - step)
                let minus = objective(point)
                point[index].scalars[element] = original
                let numeric = (plus - minus) / (2 * step)
                let exact = Double(analytic.scalars[element])
                let error = Swift.abs(exact - numeric)
                maximumError = max(maximumError, error)
                let excess = error - (absoluteTolerance + relativeTolerance * Swift.abs(numeric))
                if excess > worst.excess { worst = (element, exact, numeric, excess) }
            }
            reports.append(InputReport(
                input: index, maximumError: maximumError, worstElement: worst.element,
                analytic: worst.analytic, numeric: worst.numeric, passed: worst.excess <= 0))
        }
        return reports
    }
}

/// Random test tensors from a seed.
public enum TestTensors {
    /// A tensor of normal values, shifted away from 0 by `margin` when asked (to avoid kinks like relu's).
    public static func normal(_ shape: [Int], seed: UInt64, scale: Float = 1, margin: Float = 0) -> Tensor {
        var rng = Xoshiro256(seed: seed)
        let count = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<count).map { _ in
            let value = rng.normalFloat() * scale
            return value >= 0 ? value + margin : value - margin
        })
    }

    /// A tensor of uniform values in [lower, upper).
    public static func uniform(_ shape: [Int], seed: UInt64, from lower: Float, to upper: Float) -> Tensor {
        var rng = Xoshiro256(seed: seed)
        let count = shape.reduce(1, *)
        return Tensor(shape: shape, scalars: (0..<count).map { _ in rng.uniformFloat(from: lower, to: upper) })
    }
}
