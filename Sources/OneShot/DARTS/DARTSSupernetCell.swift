import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors

/// One cell of DARTS's search network (`Cell` in `cnn/model_search.py`): the two inputs preprocessed to C
/// channels (``DARTSPreprocessing``, batch norms not affine), then node k = Σ_{j<k} edge(j→k)(state j) for the
/// intermediate nodes 2 to 5, each edge a ``MixedEdge`` over the 8 operations of DARTS's `PRIMITIVES`; the output
/// concatenates nodes 2 to 5 (4C channels). In a reduction cell the edges from states 0 and 1 run at stride 2.
///
/// Module paths are DARTS's `state_dict` keys: `<name>.preprocess0`, `<name>.preprocess1`,
/// `<name>._ops.<edge>._ops.<operation>` (edge in ``DARTSSupernet/edgeNames`` order, operation in `PRIMITIVES`
/// order).
final class DARTSSupernetCell {
    let name: String
    let isReduction: Bool
    /// C, the channels of every node.
    let channels: Int
    let preprocess0: any Layer
    let preprocess1: any Layer
    /// The 14 edges, node by node and, within a node, by input.
    let edges: [MixedEdge]

    init(
        previousPreviousChannels: Int, previousChannels: Int, channels: Int, isReduction: Bool,
        previousWasReduction: Bool, name: String, using rng: inout some RandomNumberGenerator
    ) {
        self.name = name
        self.isReduction = isReduction
        self.channels = channels
        preprocess0 = DARTSPreprocessing.makeLayer(
            inputChannels: previousPreviousChannels, outputChannels: channels, reducesResolution: previousWasReduction,
            affine: false, name: name + ".preprocess0", using: &rng)
        preprocess1 = DARTSPreprocessing.makeLayer(
            inputChannels: previousChannels, outputChannels: channels, reducesResolution: false, affine: false,
            name: name + ".preprocess1", using: &rng)
        var edges: [MixedEdge] = []
        for (index, input) in DARTSSupernet.edgeInputs.enumerated() {
            let path = "\(name)._ops.\(index)"
            let stride = isReduction && input < 2 ? 2 : 1
            edges.append(MixedEdge(name: path, candidates: DARTSOperation.allCases.map { operation in
                operation == .none
                    ? nil
                    : operation.makeLayer(
                        channels: channels, stride: stride, variant: .mixedOperationCandidate,
                        name: "\(path)._ops.\(operation.rawValue)", using: &rng)
            }))
        }
        self.edges = edges
    }

    var parameters: [Parameter] {
        preprocess0.parameters + preprocess1.parameters + edges.flatMap(\.parameters)
    }

    /// The output channels: 4C.
    var outputChannels: Int { DARTSCell.concatenatedNodes.count * channels }

    /// (s0: the output of the cell two back, s1: the previous cell's) → (N, 4C, H', W'), H' = H/2 in a reduction
    /// cell; edge e runs `selections[e]`.
    ///
    /// An edge that computes no operation but `none` (an off edge, or GDAS's gate on `none`) is given zeros of the
    /// node's shape as its input, so the constant a gated selection adds (``MixedEdge``'s `input * 0 + w`) has
    /// the node's shape even on a stride-2 edge, whose input is twice as large. A node that receives nothing is
    /// zero.
    func callAsFunction(_ s0: Variable, _ s1: Variable, selections: [EdgeSelection], mode: ForwardMode) -> Variable {
        precondition(selections.count == edges.count, "DARTSSupernetCell: \(selections.count) selections for 14 edges")
        var states = [preprocess0(s0, mode: mode), preprocess1(s1, mode: mode)]  // (N, C, H, W) each
        let shape = states[1].shape
        let nodeShape = isReduction ? [shape[0], channels, shape[2] / 2, shape[3] / 2] : shape
        let tape = states[1].tape
        func zeros() -> Variable {
            let value = Tensor(zeros: nodeShape)
            return tape?.constant(value) ?? Variable(value)
        }
        var edge = 0
        for _ in 0..<DARTSCell.nodeCount {
            var sum: Variable?
            for state in states {
                let selection = selections[edge]
                let mixed = edges[edge]
                let computesAnOperation = selection.computed.contains { mixed.candidates[$0] != nil }
                let output = mixed(computesAnOperation ? state : zeros(), selection: selection, mode: mode)
                if let output { sum = sum.map { $0 + output } ?? output }
                edge += 1
            }
            states.append(sum ?? zeros())
        }
        return concatenate(Array(states[2...]), axis: 1)
    }
}
