import Layers
import NASSpaces
import Seeding
import Tensors

/// One cell of DARTS's evaluation network (`model.py`'s `Cell`): the two inputs preprocessed to C channels, then
/// node k = op(first pair)(state) + op(second pair)(state) for nodes 2 to 5, output the concatenation of nodes 2
/// to 5 (4C channels). In a reduction cell, the pairs reading inputs 0 and 1 run at stride 2.
///
/// Module paths are the reference's: `<name>.preprocess0`, `<name>.preprocess1`, `<name>._ops.<k>` with k the
/// pair's position in the genotype.
final class DARTSNetworkCell {
    let name: String
    let isReduction: Bool
    let preprocess0: any Layer
    let preprocess1: any Layer
    /// The 8 pairs' operations, in genotype order.
    let operations: [any Layer]
    /// The 8 pairs' inputs.
    let inputs: [Int]
    /// C, the channels of every node.
    let channels: Int

    init(
        cell: DARTSCell, previousPreviousChannels: Int, previousChannels: Int, channels: Int, isReduction: Bool,
        previousWasReduction: Bool, name: String, using rng: inout some RandomNumberGenerator
    ) {
        self.name = name
        self.isReduction = isReduction
        self.channels = channels
        preprocess0 = DARTSPreprocessing.makeLayer(
            inputChannels: previousPreviousChannels, outputChannels: channels, reducesResolution: previousWasReduction,
            affine: true, name: name + ".preprocess0", using: &rng)
        preprocess1 = DARTSPreprocessing.makeLayer(
            inputChannels: previousChannels, outputChannels: channels, reducesResolution: false, affine: true,
            name: name + ".preprocess1", using: &rng)
        var operations: [any Layer] = []
        for (position, edge) in cell.edges.enumerated() {
            let stride = isReduction && edge.input < 2 ? 2 : 1
            operations.append(edge.operation.makeLayer(
                channels: channels, stride: stride, variant: .derivedNetwork, name: "\(name)._ops.\(position)",
                using: &rng))
        }
        self.operations = operations
        inputs = cell.edges.map(\.input)
    }

    var parameters: [Parameter] {
        preprocess0.parameters + preprocess1.parameters + operations.flatMap(\.parameters)
    }

    /// The output channels: 4C.
    var outputChannels: Int { DARTSCell.concatenatedNodes.count * channels }

    /// (s0: the output of the cell two back, s1: the previous cell's) → (N, 4C, H', W').
    ///
    /// In training with `dropPathProbability` > 0, every operation output but an identity's is multiplied by a
    /// per-example mask, 0 with that probability and 1/(1 − p) otherwise (DARTS's `drop_path`); the mask of pair k
    /// is drawn from `Xoshiro256(seed: StableHash.derive(seed: stepSeed, "<name>._ops.<k>.drop_path"))`, one
    /// `uniformFloat()` per example (kept when below 1 − p).
    func callAsFunction(
        _ s0: Variable, _ s1: Variable, mode: ForwardMode, dropPathProbability: Float
    ) -> Variable {
        var states = [preprocess0(s0, mode: mode), preprocess1(s1, mode: mode)]
        for node in 0..<DARTSCell.nodeCount {
            let outputs = [2 * node, 2 * node + 1].map { position in
                let operation = operations[position]
                let output = operation(states[inputs[position]], mode: mode)
                guard case .training(let seed) = mode, dropPathProbability > 0, !(operation is DARTSIdentity) else {
                    return output
                }
                return dropPath(output, probability: dropPathProbability, seed: StableHash.derive(
                    seed: seed, "\(name)._ops.\(position).drop_path"))
            }
            states.append(outputs[0] + outputs[1])
        }
        return concatenate(DARTSCell.concatenatedNodes.map { states[$0] }, axis: 1)
    }

    /// `x` with each example kept (scaled by 1/(1 − probability)) or zeroed.
    func dropPath(_ x: Variable, probability: Float, seed: UInt64) -> Variable {
        let keep = 1 - probability
        var rng = Xoshiro256(seed: seed)
        let mask = (0..<x.shape[0]).map { _ in rng.uniformFloat() < keep ? 1 / keep : Float(0) }
        return x * Variable(Tensor(shape: [x.shape[0], 1, 1, 1], scalars: mask))  // (N, C, H, W) ⊙ (N, 1, 1, 1)
    }
}
