import Seeding
import Tensors

/// Which fan a variance-scaling initializer divides by.
public enum FanMode: String, Hashable, Sendable, Codable {
    /// The number of inputs feeding one output: preserves the variance of activations in the forward pass.
    case fanIn
    /// The number of outputs one input feeds: preserves the variance of gradients in the backward pass.
    case fanOut
}

/// The nonlinearity that follows a layer, which fixes the gain of variance-scaling initializers.
///
/// The gains are PyTorch's `calculate_gain`: 1 for linear and sigmoid, 5/3 for tanh, √2 for relu and
/// √(2 / (1 + slope²)) for leaky relu.
public enum Nonlinearity: Hashable, Sendable {
    case linear
    case sigmoid
    case tanh
    case relu
    case leakyReLU(negativeSlope: Float)

    /// The recommended gain.
    public var gain: Double {
        switch self {
        case .linear, .sigmoid: 1
        case .tanh: 5.0 / 3.0
        case .relu: 2.0.squareRoot()
        case .leakyReLU(let slope): (2 / (1 + Double(slope) * Double(slope))).squareRoot()
        }
    }
}

/// How a parameter's initial value is drawn.
///
/// Variance-scaling initializers read the fans from the shape with PyTorch's convention: dimension 0 counts
/// outputs, dimension 1 inputs, and any further dimensions form the receptive field, so for a weight
/// (O, I, K, K) fan-in is I·K² and fan-out is O·K². Elements are drawn in row-major order from the generator
/// given to ``makeTensor(shape:using:)``.
public enum Initializer: Hashable, Sendable {
    /// All zeros.
    case zeros
    /// All ones.
    case ones
    /// Every element `value`.
    case constant(Float)
    /// Uniform in [−bound, bound).
    case uniform(bound: Float)
    /// Normal with mean 0.
    case normal(standardDeviation: Float)
    /// He et al. 2015: normal with standard deviation gain / √fan.
    case kaimingNormal(mode: FanMode, nonlinearity: Nonlinearity)
    /// He et al. 2015: uniform in ±gain·√(3 / fan).
    case kaimingUniform(mode: FanMode, nonlinearity: Nonlinearity)
    /// Glorot & Bengio 2010: uniform in ±gain·√(6 / (fanIn + fanOut)).
    case xavierUniform(gain: Float = 1)
    /// Glorot & Bengio 2010: normal with standard deviation gain·√(2 / (fanIn + fanOut)).
    case xavierNormal(gain: Float = 1)

    /// PyTorch's default for `nn.Linear` and `nn.Conv2d` weights: Kaiming uniform with a = √5, which is
    /// uniform in ±1/√fanIn.
    public static let pytorchDefaultWeight = Initializer.kaimingUniform(
        mode: .fanIn, nonlinearity: .leakyReLU(negativeSlope: Float(5.0.squareRoot())))

    /// PyTorch's default for `nn.Linear` and `nn.Conv2d` biases: uniform in ±1/√fanIn, where fanIn comes from
    /// the weight (the bias alone does not know it).
    public static func pytorchDefaultBias(fanIn: Int) -> Initializer {
        .uniform(bound: fanIn > 0 ? Float(1 / Double(fanIn).squareRoot()) : 0)
    }

    /// The fans of a weight shape: (fanIn, fanOut) = (shape[1]·r, shape[0]·r) with r the product of the
    /// remaining dimensions.
    ///
    /// - Precondition: rank at least 2.
    public static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        enforce(shape.count >= 2, "Initializer.fans: needs a shape of rank ≥ 2, got \(shape)")
        let receptiveField = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptiveField, shape[0] * receptiveField)
    }

    /// Draws a tensor.
    ///
    /// - Parameters:
    ///   - shape: the tensor's shape (rank ≥ 2 for the Kaiming and Xavier cases).
    ///   - rng: the generator; consumed in row-major element order.
    /// - Returns: the initial value.
    /// - Complexity: O(count).
    public func makeTensor(shape: [Int], using rng: inout some RandomNumberGenerator) -> Tensor {
        let count = shape.reduce(1, *)
        switch self {
        case .zeros:
            return Tensor(zeros: shape)
        case .ones:
            return Tensor(repeating: 1, shape: shape)
        case .constant(let value):
            return Tensor(repeating: value, shape: shape)
        case .uniform(let bound):
            return Tensor(shape: shape, scalars: (0..<count).map { _ in rng.uniformFloat(from: -bound, to: bound) })
        case .normal(let standardDeviation):
            return Tensor(
                shape: shape,
                scalars: (0..<count).map { _ in rng.normalFloat(standardDeviation: standardDeviation) })
        case .kaimingNormal(let mode, let nonlinearity):
            let standardDeviation = nonlinearity.gain / Self.fan(mode, shape).squareRoot()
            return Initializer.normal(standardDeviation: Float(standardDeviation)).makeTensor(shape: shape, using: &rng)
        case .kaimingUniform(let mode, let nonlinearity):
            let bound = nonlinearity.gain * (3 / Self.fan(mode, shape)).squareRoot()
            return Initializer.uniform(bound: Float(bound)).makeTensor(shape: shape, using: &rng)
        case .xavierUniform(let gain):
            let (fanIn, fanOut) = Self.fans(of: shape)
            let bound = Double(gain) * (6 / Double(max(fanIn + fanOut, 1))).squareRoot()
            return Initializer.uniform(bound: Float(bound)).makeTensor(shape: shape, using: &rng)
        case .xavierNormal(let gain):
            let (fanIn, fanOut) = Self.fans(of: shape)
            let standardDeviation = Double(gain) * (2 / Double(max(fanIn + fanOut, 1))).squareRoot()
            return Initializer.normal(standardDeviation: Float(standardDeviation)).makeTensor(shape: shape, using: &rng)
        }
    }

    private static func fan(_ mode: FanMode, _ shape: [Int]) -> Double {
        let (fanIn, fanOut) = fans(of: shape)
        return Double(max(mode == .fanIn ? fanIn : fanOut, 1))
    }
}
