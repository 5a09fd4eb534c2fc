import Layers
import Tensors

/// A layer of a NAS-Bench-Graph network: maps the features of every node to new ones using the graph.
public protocol GraphLayer: AnyObject {
    /// The layer's name, the prefix of its parameters' names.
    var name: String { get }
    /// Every parameter, trainable or not, in a fixed order; NAS-Bench-Graph's parameter count is their size.
    var parameters: [Parameter] { get }
    /// The output width.
    var outputSize: Int { get }
    /// The new features of every node, (N, outputSize).
    func callAsFunction(_ input: NodeFeatures, structure: GraphStructure) -> Variable
}

/// The initialisations PyTorch Geometric 2.0 gives the layers NAS-Bench-Graph builds, for a weight stored as
/// (inputs, outputs).
enum GraphInitialization {
    /// Glorot uniform (PyG's `glorot`): ±√(6 / (fanIn + fanOut)).
    case glorot
    /// PyTorch's `nn.Linear` default (and PyG `Linear`'s without an initializer): ±1/√fanIn.
    case pytorchLinear

    /// A weight (inputs, outputs), drawn row-major from `rng`.
    func weight(inputs: Int, outputs: Int, using rng: inout some RandomNumberGenerator) -> Tensor {
        let bound = switch self {
        case .glorot: Float((6 / Double(inputs + outputs)).squareRoot())
        case .pytorchLinear: Float(1 / Double(inputs).squareRoot())
        }
        return Initializer.uniform(bound: bound).makeTensor(shape: [inputs, outputs], using: &rng)
    }

    /// A bias (outputs): zeros for PyG's convolutions (which use `glorot`), ±1/√fanIn for `nn.Linear`.
    func bias(inputs: Int, outputs: Int, using rng: inout some RandomNumberGenerator) -> Tensor {
        switch self {
        case .glorot: Tensor(zeros: [outputs])
        case .pytorchLinear: Initializer.pytorchDefaultBias(fanIn: inputs).makeTensor(shape: [outputs], using: &rng)
        }
    }
}
