import Layers
import NASCore
import Tensors

/// A network that holds every architecture of a cell space at once: every edge runs a choice of the space's
/// candidate operations (``EdgeSelection``), and the weights of an operation are shared by every architecture
/// that uses it.
///
/// The supernet owns only weights (``parameters``); architecture parameters belong to the one-shot optimizer
/// (``ArchitectureParameters``), so methods without them (random weight sharing, ENAS) use the same supernet.
/// One-shot optimizers see a space only through this protocol: its edge groups, a forward pass under given
/// selections, the single path of an architecture, and the discretisation of per-edge operation scores.
public protocol Supernet: AnyObject {
    /// The space whose architectures the supernet holds.
    associatedtype Space: SearchSpace

    /// The space.
    var space: Space { get }
    /// The edge groups, each with its own architecture parameters.
    var edgeGroups: [SupernetEdgeGroup] { get }
    /// Every weight and buffer, in a fixed order.
    var parameters: [Parameter] { get }

    /// Logits (N, classes) for images (N, C, H, W), every edge of group g running `selections[g][edge]`.
    func callAsFunction(_ images: Variable, selections: [[EdgeSelection]], mode: ForwardMode) -> Variable

    /// The single path of `architecture`: one unweighted operation per edge it keeps, ``EdgeSelection/off``
    /// for edges it drops.
    func selections(for architecture: Space.Architecture) -> [[EdgeSelection]]

    /// The architecture the space's discretisation keeps from operation scores `scores[group][edge][operation]`
    /// (for instance softmax(α)): NB201 keeps the arg-max operation of each edge.
    func derive(fromScores scores: [[[Double]]]) -> Space.Architecture

    /// The architecture of one operation index per edge of every group (`choices[group][edge]`), the form in
    /// which samplers (uniform, a controller) draw single paths.
    ///
    /// - Throws: ``SupernetError`` when the choices are not an architecture of the space.
    func architecture(fromChoices choices: [[Int]]) throws(SupernetError) -> Space.Architecture

    /// How single-path samplers (random weight sharing, ENAS) draw an architecture: per edge group, the number of
    /// options of each decision. By default one decision per edge over its operations (NB201, MnasNet); a space
    /// whose architectures are not any choice per edge (DARTS cells: two inputs per node) draws its own decisions.
    var pathDecisionSizes: [[Int]] { get }

    /// The architecture of one option per path decision (``pathDecisionSizes``); by default
    /// ``architecture(fromChoices:)``.
    ///
    /// - Throws: ``SupernetError`` when the choices do not fit the decisions.
    func architecture(fromPathChoices choices: [[Int]]) throws(SupernetError) -> Space.Architecture
}

extension Supernet {
    /// Equal scores for every operation of every edge: what a discretisation keeps when nothing ranks the
    /// operations (its tie rule decides).
    public var uniformScores: [[[Double]]] {
        edgeGroups.map { Array(repeating: Array(repeating: 1.0, count: $0.operationCount), count: $0.edgeCount) }
    }

    /// One decision per edge, over the edge's operations.
    public var pathDecisionSizes: [[Int]] {
        edgeGroups.map { Array(repeating: $0.operationCount, count: $0.edgeCount) }
    }

    /// ``architecture(fromChoices:)``: a path decision is an edge's operation.
    public func architecture(fromPathChoices choices: [[Int]]) throws(SupernetError) -> Space.Architecture {
        try architecture(fromChoices: choices)
    }

    /// The number of weights that are trained (buffers excluded).
    public var trainableParameterCount: Int {
        parameters.filter(\.isTrainable).reduce(0) { $0 + $1.value.count }
    }
}
