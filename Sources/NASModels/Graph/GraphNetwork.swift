import Layers
import NASSpaces
import Seeding
import Tensors

/// A NAS-Bench-Graph network (Qin et al., "NAS-Bench-Graph: Benchmarking Graph Neural Architecture Search",
/// NeurIPS 2022): an architecture's four layers between the input features and a classifier, as the benchmark's
/// training code (`Net` and `Cell`) builds it.
///
/// Forward pass, with the settings of ``GraphNetworkConfiguration`` (d the hidden size, p the dropout rate):
/// 1. dropout(p) on the input features; then the pre-processing layers (`num_pre`, fully connected to d);
/// 2. node 0 is that input; layer i reads node `links[i]`: when that node is a computed one it is first put
///    through batch normalisation, ReLU and dropout(p); a node that is the raw input (node 0 without
///    pre-processing, or a chain of `skip` layers on it) is read as it is, and the layer's input width is the
///    feature count;
/// 3. the leaves (nodes no layer reads) are concatenated, put through ReLU and a fully connected layer to d
///    (to the classes without post-processing), then the post-processing layer to the classes.
///
/// The network is built for the architecture's canonical form (``GraphArchitecture/canonical``), the one the
/// benchmark trained for the whole class: in it a `skip` layer is never a leaf on the raw input, so every leaf
/// is d wide. Every layer has its batch normalisation (2d parameters), used or not, as in the reference, so the
/// parameter count matches the benchmark's `para`.
public final class GraphNetwork {
    /// The architecture built (canonical).
    public let architecture: GraphArchitecture
    /// The settings.
    public let configuration: GraphNetworkConfiguration
    /// The number of input features.
    public let inputSize: Int
    /// The number of classes.
    public let classCount: Int
    let preprocessing: Linear?
    /// The layer of every architecture layer, `nil` for `skip`.
    let layers: [GraphLayer?]
    let normalizations: [BatchNorm]
    let output: Linear
    let postprocessing: Linear?

    /// Builds a network with freshly initialised weights.
    ///
    /// - Parameters:
    ///   - architecture: any description; its canonical form is built.
    ///   - inputSize: the number of input features.
    ///   - classCount: the number of classes.
    ///   - configuration: the macro settings.
    ///   - rng: the generator of every initial weight (each layer draws from its own child stream).
    /// - Precondition: positive sizes, 0 or 1 pre- and post-processing layers, and a head count dividing d.
    public init(
        architecture: GraphArchitecture, inputSize: Int, classCount: Int,
        configuration: GraphNetworkConfiguration = GraphNetworkConfiguration(),
        using rng: inout some RandomNumberGenerator
    ) {
        precondition(
            (0...1).contains(configuration.preprocessingLayers) && (0...1).contains(configuration.postprocessingLayers),
            "GraphNetwork: 0 or 1 pre- and post-processing layers are built (as every NAS-Bench-Graph dataset uses), got \(configuration.preprocessingLayers) and \(configuration.postprocessingLayers)")
        precondition(
            inputSize > 0 && classCount > 0 && configuration.hiddenSize > 0,
            "GraphNetwork: sizes must be positive, got \(inputSize) features, \(classCount) classes, hidden size \(configuration.hiddenSize)")
        let architecture = architecture.canonical
        self.architecture = architecture
        self.configuration = configuration
        self.inputSize = inputSize
        self.classCount = classCount
        let hidden = configuration.hiddenSize
        var rng = Xoshiro256(seed: rng.next())
        preprocessing = configuration.preprocessingLayers == 1
            ? Linear(inputSize: inputSize, outputSize: hidden, name: "pre", using: &rng) : nil
        var isRaw = [configuration.preprocessingLayers == 0]
        var layers: [GraphLayer?] = []
        for (index, (link, operation)) in zip(architecture.links, architecture.operations).enumerated() {
            let width = isRaw[link] ? inputSize : hidden
            let name = "layer\(index + 1)"
            var layerRNG = rng.child(name)
            switch operation {
            case .skip:
                layers.append(nil)
            case .graphAttention:
                layers.append(
                    GraphAttentionLayer(
                        inputSize: width, outputSize: hidden, headCount: configuration.attentionHeads, name: name,
                        using: &layerRNG))
            default:
                layers.append(
                    GraphConvolutionLayer(operation, inputSize: width, outputSize: hidden, name: name, using: &layerRNG))
            }
            isRaw.append(isRaw[link] && operation == .skip)
        }
        self.layers = layers
        normalizations = (1...GraphArchitecture.layerCount).map { BatchNorm(channels: hidden, name: "layer\($0).norm") }
        let leafCount = Self.leaves(of: architecture).count
        for leaf in Self.leaves(of: architecture) {
            precondition(!isRaw[leaf], "GraphNetwork: leaf \(leaf) of \(architecture) is the raw input")
        }
        var headRNG = rng.child("output")
        let hasPost = configuration.postprocessingLayers == 1
        output = Linear(
            inputSize: leafCount * hidden, outputSize: hasPost ? hidden : classCount, name: "output", using: &headRNG)
        postprocessing = hasPost
            ? Linear(inputSize: hidden, outputSize: classCount, name: "post", using: &headRNG) : nil
    }

    /// The nodes (1...4) no layer reads, in increasing order: they feed the output.
    static func leaves(of architecture: GraphArchitecture) -> [Int] {
        (1...GraphArchitecture.layerCount).filter { !architecture.links.contains($0) }
    }

    /// Every parameter, in a fixed order: pre-processing, each layer, each batch normalisation (weights,
    /// biases and running statistics), output, post-processing.
    public var parameters: [Parameter] {
        (preprocessing?.parameters ?? []) + layers.flatMap { $0?.parameters ?? [] }
            + normalizations.flatMap(\.parameters) + output.parameters + (postprocessing?.parameters ?? [])
    }

    /// The number of trainable parameters, as the benchmark counts them (`para` × 10⁶): every parameter of
    /// every module, used or not, without the batch normalisations' running statistics.
    public var trainableParameterCount: Int {
        parameters.filter(\.isTrainable).reduce(0) { $0 + $1.value.count }
    }

    /// The class scores of every node (N, classes).
    ///
    /// - Parameters:
    ///   - features: the sparse input features (N × F) and their values: a constant on the step's tape
    ///     (`tape.constant`) in training, so that the parameters are recorded on it; a plain constant to evaluate.
    ///   - structure: the graph's propagation matrices.
    ///   - mode: training (dropout from the seed, batch statistics, running statistics updated) or evaluation.
    /// - Returns: the logits (N, classes).
    public func callAsFunction(
        features: (pattern: SparsityPattern, values: Variable), structure: GraphStructure, mode: ForwardMode
    ) -> Variable {
        precondition(
            features.pattern.columns == inputSize && features.pattern.rows == structure.nodeCount,
            "GraphNetwork: features are \(features.pattern.rows) x \(features.pattern.columns), expected \(structure.nodeCount) x \(inputSize)")
        let rate = configuration.dropout
        func dropped(_ x: Variable, _ site: String) -> Variable {
            guard case .training(let seed) = mode, rate > 0 else { return x }
            return dropout(x, rate: rate, seed: StableHash.derive(seed: seed, site))
        }
        var input = NodeFeatures.sparse(features.pattern, values: dropped(features.values, "input"))
        if let preprocessing, let bias = preprocessing.bias {
            let tape = input.tape  // (N × F) · (F, d) + b, the pre-processing layer on the sparse features
            input = .dense(
                input.multiplied(by: preprocessing.weight.variable(on: tape).transposed()) + bias.variable(on: tape))
        }
        var nodes = [input]
        var isRaw = [preprocessing == nil]
        for (index, link) in architecture.links.enumerated() {
            var layerInput = nodes[link]
            if !isRaw[link], case .dense(let x) = layerInput {
                layerInput = .dense(dropped(relu(normalizations[index](x, mode: mode)), "layer\(index + 1)"))
            }
            if let layer = layers[index] {
                nodes.append(.dense(layer(layerInput, structure: structure)))
            } else {
                nodes.append(layerInput)  // skip: its input, after the normalisation, ReLU and dropout
            }
            isRaw.append(isRaw[link] && layers[index] == nil)
        }
        let leafFeatures: [Variable] = Self.leaves(of: architecture).map { leaf in
            guard case .dense(let x) = nodes[leaf] else { preconditionFailure("GraphNetwork: a leaf is the raw input") }
            return x
        }
        let joined = leafFeatures.count == 1 ? leafFeatures[0] : concatenate(leafFeatures, axis: 1)
        var logits = output(relu(joined), mode: mode)
        if let postprocessing { logits = postprocessing(logits, mode: mode) }
        return logits
    }
}
