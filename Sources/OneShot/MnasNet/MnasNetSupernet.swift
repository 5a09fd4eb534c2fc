import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors

/// A supernet over the MnasNet-like space for ProxylessNAS (Cai, Zhu & Han, ICLR 2019): each block holds, for
/// each of its three layer slots, the 12 MBConv candidates (expansion x kernel x squeeze-and-excitation, built by
/// ``NASModels/MBConvLayer``, each with its own weights), and a mixed choice of depth over the slots' outputs.
///
/// Two edge groups, one edge per block: "operation" (12 candidates, shared by the block's layers, as the
/// space's factorisation ties them) and "depth" (1, 2 or 3 layers: the block's output is the weighted sum of the
/// states after 1, 2 and 3 layers, so a single path stops after its depth). The skip decision is fixed to the
/// identity residual wherever a layer can take it (the supernet covers the 36 of the space's 72 options per block
/// that have it; for one-layer blocks the two options are the same network). The stem, head and classifier are
/// the network's (``NASModels/MnasNetNetwork``'s units).
public final class MnasNetSupernet: LatencyAwareSupernet {
    public let space: MnasNetSpace
    /// The classes of the classifier.
    public let classes: Int
    let stem: ConvolutionBatchNormReLU
    /// `slots[block][layer]`: the 12 candidates of that layer.
    let slots: [[MixedEdge]]
    let head: ConvolutionBatchNormReLU
    let classifier: PooledClassifier
    /// `latencies[block][candidate][depth]`: the table's milliseconds of the block's first depth+1 layers.
    let latencies: [[[Double]]]
    /// The stem's, head's and classifier's milliseconds.
    let fixedLatency: Double

    /// A supernet over `space` whose latency model is `table`, weights drawn from `rng`.
    ///
    /// - Throws: ``SupernetError`` when the table was measured for another skeleton or class count, or lacks a
    ///   layer the supernet can run (naming it and the command that measures a table).
    public init(
        space: MnasNetSpace = MnasNetSpace(), classes: Int = 10, latencyTable table: LatencyTable,
        using rng: inout some RandomNumberGenerator
    ) throws(SupernetError) {
        let skeleton = space.skeleton
        guard table.skeleton == skeleton, table.classes == classes else {
            throw SupernetError(
                "MnasNet supernet: the latency table was measured for another network (\(table.skeleton.blocks.count) "
                    + "blocks, \(table.classes) classes) than this supernet's (\(skeleton.blocks.count) blocks, "
                    + "\(classes) classes); measure one for it: nasrun latency-table --space mnasnet --output FILE")
        }
        self.space = space
        self.classes = classes
        stem = ConvolutionBatchNormReLU(
            inputChannels: skeleton.inputChannels, outputChannels: skeleton.stemChannels, kernelSize: 3,
            stride: skeleton.stemStride, name: "stem", using: &rng)
        var slots: [[MixedEdge]] = []
        var latencies: [[[Double]]] = []
        for block in skeleton.blocks.indices {
            let output = skeleton.blocks[block].outputChannels
            var blockSlots: [MixedEdge] = []
            var resolution = skeleton.inputResolution(ofBlock: block)
            var blockLatencies = Array(repeating: [Double](), count: MnasNetCandidate.all.count)
            var cumulative = Array(repeating: 0.0, count: MnasNetCandidate.all.count)
            for layer in 0..<MnasNetBlock.layerCounts.max()! {
                let input = layer == 0 ? skeleton.inputChannels(ofBlock: block) : output
                let stride = layer == 0 ? skeleton.blocks[block].stride : 1
                let residual = skeleton.layerCanTakeResidual(block: block, layer: layer)
                var candidates: [(any Layer)?] = []
                for (index, candidate) in MnasNetCandidate.all.enumerated() {
                    candidates.append(MBConvLayer(
                        inputChannels: input, outputChannels: output, stride: stride, expansion: candidate.expansion,
                        kernelSize: candidate.kernelSize, squeezeExcitation: candidate.squeezeExcitation,
                        residual: residual, name: "blocks.\(block).layers.\(layer).\(candidate.name)", using: &rng))
                    let key = LatencyKey(MnasNetLayerGeometry(
                        block: block, layer: layer, inputResolution: resolution, inputChannels: input,
                        outputChannels: output, stride: stride, expansion: candidate.expansion,
                        kernelSize: candidate.kernelSize, squeezeExcitation: candidate.squeezeExcitation,
                        residual: residual))
                    do {
                        cumulative[index] += try table.latency(of: key, position: "block \(block), layer \(layer)")
                    } catch {
                        throw SupernetError("MnasNet supernet: \(error)")
                    }
                    blockLatencies[index].append(cumulative[index])
                }
                blockSlots.append(MixedEdge(name: "blocks.\(block).layers.\(layer)", candidates: candidates))
                resolution = MnasNetSkeleton.outputSide(resolution, stride: stride)
            }
            slots.append(blockSlots)
            latencies.append(blockLatencies)
        }
        self.slots = slots
        self.latencies = latencies
        head = ConvolutionBatchNormReLU(
            inputChannels: skeleton.blocks.last!.outputChannels, outputChannels: skeleton.headChannels, kernelSize: 1,
            stride: 1, name: "head", using: &rng)
        classifier = PooledClassifier(
            inputChannels: skeleton.headChannels, classes: classes, name: "classifier", using: &rng)
        do {
            fixedLatency = try table.latency(of: LatencyKey.stem(skeleton), position: "stem")
                + table.latency(of: LatencyKey.head(skeleton), position: "head")
                + table.latency(of: LatencyKey.classifier(skeleton, classes: classes), position: "classifier")
        } catch {
            throw SupernetError("MnasNet supernet: \(error)")
        }
    }

    public var edgeGroups: [SupernetEdgeGroup] {
        let blocks = space.skeleton.blocks.indices.map { "block \($0)" }
        return [
            SupernetEdgeGroup(name: "operation", edgeNames: blocks, operationNames: MnasNetCandidate.all.map(\.name)),
            SupernetEdgeGroup(name: "depth", edgeNames: blocks, operationNames: MnasNetBlock.layerCounts.map { "n\($0)" }),
        ]
    }

    public var parameters: [Parameter] {
        stem.parameters + slots.flatMap { $0.flatMap(\.parameters) } + head.parameters + classifier.parameters
    }

    public func callAsFunction(_ images: Variable, selections: [[EdgeSelection]], mode: ForwardMode) -> Variable {
        precondition(selections.count == 2, "MnasNetSupernet: \(selections.count) edge groups of selections, expected 2")
        var features = stem(images, mode: mode)
        for block in slots.indices {
            let operation = selections[0][block]
            let depth = selections[1][block]
            precondition(!depth.computed.isEmpty && !operation.computed.isEmpty, "MnasNetSupernet: block \(block) runs nothing")
            var states = [features]
            for layer in 0...depth.computed.max()! {
                states.append(slots[block][layer](states[layer], selection: operation, mode: mode)!)
            }
            let scalars = depth.weights.map { split($0, sizes: [1, 1, 1], axis: 0) }
            var output: Variable?
            for option in depth.computed {
                let state = scalars.map { states[option + 1] * $0[option] } ?? states[option + 1]
                output = output.map { $0 + state } ?? state
            }
            if depth.addsWeightsOfSkippedOperations, let scalars {
                for option in 0..<3 where !depth.computed.contains(option) { output = output! + scalars[option] }
            }
            features = output!
        }
        return classifier(head(features, mode: mode), mode: mode)
    }

    public func selections(for architecture: MnasNetArchitecture) -> [[EdgeSelection]] {
        [
            architecture.blocks.map { block in
                .single(MnasNetCandidate.all.firstIndex(of: MnasNetCandidate(
                    expansion: block.expansion, kernelSize: block.kernelSize,
                    squeezeExcitation: block.hasSqueezeExcitation))!)
            },
            architecture.blocks.map { .single(MnasNetBlock.layerCounts.firstIndex(of: $0.layerCount)!) },
        ]
    }

    /// The arg-max candidate and depth of every block, with the identity residual.
    public func derive(fromScores scores: [[[Double]]]) -> MnasNetArchitecture {
        func argmax(_ row: [Double]) -> Int {
            var best = 0
            for index in row.indices where row[index] > row[best] { best = index }
            return best
        }
        return (try? architecture(fromChoices: scores.map { $0.map(argmax) }))!
    }

    public func architecture(fromChoices choices: [[Int]]) throws(SupernetError) -> MnasNetArchitecture {
        let blocks = space.skeleton.blocks.count
        guard choices.count == 2, choices.allSatisfy({ $0.count == blocks }),
            choices[0].allSatisfy({ MnasNetCandidate.all.indices.contains($0) }),
            choices[1].allSatisfy({ MnasNetBlock.layerCounts.indices.contains($0) })
        else {
            throw SupernetError(
                "MnasNet supernet: choices \(choices) are not [\(blocks) candidates in 0..<12, \(blocks) depths in 0..<3]")
        }
        return MnasNetArchitecture(blocks: (0..<blocks).map { block in
            let candidate = MnasNetCandidate.all[choices[0][block]]
            return MnasNetBlock(
                layerCount: MnasNetBlock.layerCounts[choices[1][block]], expansion: candidate.expansion,
                kernelSize: candidate.kernelSize, hasSqueezeExcitation: candidate.squeezeExcitation,
                hasIdentityResidual: true)
        })
    }

    /// Σ_blocks p_opᵀ · L_block · p_depth + the fixed units, L_block[candidate][depth] the table's milliseconds.
    public func expectedLatency(probabilities: [[Variable]]) -> Variable {
        var total = Variable(Tensor(shape: [1], scalars: [Float(fixedLatency)]))
        for block in latencies.indices {
            let matrix = Variable(Tensor(
                shape: [MnasNetCandidate.all.count, 3], scalars: latencies[block].flatMap { $0.map(Float.init) }))
            let operation = probabilities[0][block].reshaped([1, MnasNetCandidate.all.count])
            let depth = probabilities[1][block].reshaped([3, 1])
            total = total + matmul(matmul(operation, matrix), depth).reshaped([1])
        }
        return total
    }

    public func predictedLatency(of architecture: MnasNetArchitecture) -> Double {
        let choices = selections(for: architecture).map { $0.map { $0.computed[0] } }
        return fixedLatency + latencies.indices.reduce(0) { $0 + latencies[$1][choices[0][$1]][choices[1][$1]] }
    }
}
