import Seeding
import Tensors

/// A fully connected layer: y = x Wᵀ + b.
///
/// The weight is stored as (outputs, inputs), PyTorch's layout, so a saved `"<name>.weight"` loads into
/// `nn.Linear` unchanged.
///
/// Default initialization is PyTorch's: W and b uniform in ±1/√inputs (``Initializer/pytorchDefaultWeight``).
public final class Linear: Layer {
    public let name: String
    /// W, (outputs, inputs).
    public let weight: Parameter
    /// b, (outputs), when the layer has a bias.
    public let bias: Parameter?

    /// Creates a layer with parameters `"<name>.weight"` and, when `bias` is true, `"<name>.bias"`.
    ///
    /// - Parameters:
    ///   - inputSize: the number of input features.
    ///   - outputSize: the number of output features.
    ///   - bias: whether to add a learned bias.
    ///   - weightInitializer: how W is drawn (PyTorch's default unless given).
    ///   - name: the prefix of the parameter names.
    ///   - rng: the generator; W is drawn first, then b.
    public init(
        inputSize: Int, outputSize: Int, bias: Bool = true,
        weightInitializer: Initializer = .pytorchDefaultWeight,
        name: String, using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            inputSize > 0 && outputSize > 0,
            "Linear '\(name)': sizes must be positive, got \(inputSize) inputs and \(outputSize) outputs")
        self.name = name
        weight = Parameter(
            name: name + ".weight",
            value: weightInitializer.makeTensor(shape: [outputSize, inputSize], using: &rng))
        self.bias = bias
            ? Parameter(
                name: name + ".bias",
                value: Initializer.pytorchDefaultBias(fanIn: inputSize).makeTensor(shape: [outputSize], using: &rng))
            : nil
    }

    /// The number of input features.
    public var inputSize: Int { weight.shape[1] }
    /// The number of output features.
    public var outputSize: Int { weight.shape[0] }

    public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

    /// Applies the layer to x, (N, inputs), giving (N, outputs).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        enforce(
            input.rank == 2 && input.shape[1] == inputSize,
            "Linear '\(name)': input \(input.shape) does not match weight \(weight.shape); expected (N, \(inputSize))")
        let tape = input.tape
        let product = matmul(input, weight.variable(on: tape).transposed())  // (N, outputs)
        guard let bias else { return product }
        return product + bias.variable(on: tape)
    }
}
