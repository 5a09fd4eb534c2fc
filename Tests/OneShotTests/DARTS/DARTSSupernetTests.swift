import Layers
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

@testable import OneShot

/// The DARTS supernet at toy size (C = 2, 3 cells: normal, reduce, reduce; 8x8 or 4x4 images), so every test
/// runs in about a second in a debug build; the full-size counts only build the supernet.
@Suite struct DARTSSupernetTests {
    static func supernet(channels: Int = 2, layers: Int = 3, seed: UInt64 = 0) throws -> DARTSSupernet {
        var rng = Xoshiro256(seed: seed)
        return try DARTSSupernet(
            configuration: DARTSSupernetConfiguration(initialChannels: channels, layers: layers), using: &rng)
    }

    /// Counted by hand from `model_search.py` (non-affine batch norms have no parameters): a stride-1 mixed edge
    /// at C channels holds two separable convolutions (2·(9C + C²) and 2·(25C + C²)) and two dilated ones
    /// (9C + C² and 25C + C²), 102C + 6C²; a stride-2 edge adds skip_connect's FactorizedReduce, C². Preprocessing
    /// is C_in·C (ReLUConvBN 1x1 or FactorizedReduce alike).
    /// C = 2, 3 cells: stem 3·6·9 + 2·6 = 174; cell 0 (normal, C 2, inputs 6, 6) 24 + 14·228 = 3,216; cell 1
    /// (reduce, C 4, inputs 6, 8) 56 + 14·504 + 8·16 = 7,240; cell 2 (reduce, C 8, inputs 8, 16) 192 + 14·1,200
    /// + 8·64 = 17,504; classifier 32·10 + 10 = 330. Total 28,464.
    /// DARTS's search model (C = 16, 8 cells) gives 1,930,618, the "param size = 1.930618MB" its
    /// `train_search.py` logs; NASKit's CPU-sized default (C = 8, 5 cells) 394,210 by the same formula.
    @Test func countsDARTSsSearchModel() throws {
        #expect(try Self.supernet().trainableParameterCount == 28_464)
        var rng = Xoshiro256(seed: 0)
        #expect(try DARTSSupernet(configuration: .darts, using: &rng).trainableParameterCount == 1_930_618)
        #expect(try DARTSSupernet(using: &rng).trainableParameterCount == 394_210)
    }

    @Test func hasTwoGroupsOfFourteenEdgesOverThePrimitives() throws {
        let supernet = try Self.supernet()
        #expect(supernet.edgeGroups.map(\.name) == ["normal", "reduce"])
        #expect(supernet.edgeGroups[1].edgeNames == [
            "2<-0", "2<-1", "3<-0", "3<-1", "3<-2", "4<-0", "4<-1", "4<-2", "4<-3", "5<-0", "5<-1", "5<-2", "5<-3", "5<-4",
        ])
        #expect(supernet.edgeGroups[0].operationNames == [
            "none", "max_pool_3x3", "avg_pool_3x3", "skip_connect", "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3",
            "dil_conv_5x5",
        ])
        let names = supernet.parameters.map(\.name)
        #expect(names.first == "stem.0.weight" && names.last == "classifier.bias")
        #expect(names.contains("cells.1._ops.0._ops.3.conv_1.weight"))  // skip_connect at stride 2
        #expect(names.contains("cells.2.preprocess0.conv_1.weight"))  // after a reduction
        #expect(names.contains("cells.0._ops.13._ops.1.1.running_mean"))  // max pool's batch norm
    }

    @Test func refusesAConfigurationItCannotBuild() {
        var rng = Xoshiro256(seed: 0)
        #expect(throws: SupernetError("DARTS supernet: C must be positive and even (FactorizedReduce halves it), got 3")) {
            try DARTSSupernet(configuration: DARTSSupernetConfiguration(initialChannels: 3), using: &rng)
        }
        #expect(throws: SupernetError("DARTS supernet: at least 3 cells are needed (two of them reduce), got 2")) {
            try DARTSSupernet(configuration: DARTSSupernetConfiguration(layers: 2), using: &rng)
        }
    }

    /// Real images through every mixed edge (DARTS's weighting), a genotype's single path, and GDAS's gate on
    /// `none` at every edge (stride-2 edges included): finite logits of the right shape.
    @Test func runsWeightedSingleAndGatedPathsOnRealImages() throws {
        let supernet = try Self.supernet()
        let images = Variable(try OneShotFixtures.images(4).images)  // (4, 3, 8, 8)
        let uniform = Variable(Tensor(shape: [8], scalars: Array(repeating: 0.125, count: 8)))
        let weighted = supernet(images, selections: Array(repeating: Array(repeating: .weighted(uniform), count: 14), count: 2), mode: .training(seed: 1))
        #expect(weighted.shape == [4, 10] && weighted.value.scalars.allSatisfy(\.isFinite))

        let genotype = DARTSArchitecture.dartsV2
        let single = supernet(images, selections: supernet.selections(for: genotype), mode: .evaluation)
        #expect(single.shape == [4, 10] && single.value.scalars.allSatisfy(\.isFinite))

        // GDAS's edge on `none`: output w_none·0 + Σ_{others} w (0 in value, with the straight-through gradient)
        // of the node's shape, half the input's on a stride-2 edge. In the reduction cells, edges from state 0
        // gate `none` and edges from state 1 run sep_conv_3x3 at stride 2: their sum needs the same shape.
        let hard = Variable(Tensor(shape: [8], scalars: [1, 0, 0, 0, 0, 0, 0, 0]))
        let reduce = DARTSSupernet.edgeInputs.map { input -> EdgeSelection in
            input == 0 ? .gated([0], weights: hard) : .single(4)
        }
        let (s0, s1) = (Variable(Tensor(zeros: [4, 6, 8, 8])), Variable(Tensor(zeros: [4, 8, 8, 8])))  // stem, cell 0
        #expect(supernet.cells[1](s0, s1, selections: reduce, mode: .training(seed: 1)).shape == [4, 16, 4, 4])
        let gated = supernet(
            images, selections: [Array(repeating: .gated([0], weights: hard), count: 14), reduce],
            mode: .training(seed: 1))
        #expect(gated.shape == [4, 10] && gated.value.scalars.allSatisfy(\.isFinite))
    }

    /// The single path of a genotype runs its 8 pairs and nothing else: edges it drops are off, and a cell's
    /// output does not change when an off edge's weights change.
    @Test func singlePathsFollowTheGenotype() throws {
        let supernet = try Self.supernet()
        let genotype = try DARTSSpace().parse(
            "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('avg_pool_3x3', 3), ('sep_conv_5x5', 1), ('skip_connect', 4), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('max_pool_3x3', 0), ('max_pool_3x3', 1), ('skip_connect', 2), ('max_pool_3x3', 0), ('max_pool_3x3', 0), ('skip_connect', 2), ('skip_connect', 2), ('avg_pool_3x3', 0)], reduce_concat=[2, 3, 4, 5])")
        let selections = supernet.selections(for: genotype)
        #expect(selections[0].map(\.computed) == [
            [3], [4], [1], [], [7], [], [5], [], [2], [], [], [6], [], [3],
        ])
        #expect(selections[1].map(\.computed) == [
            [1], [1], [1], [], [3], [1], [], [3], [], [2], [], [3], [], [],
        ])
        #expect(selections.joined().allSatisfy { $0.weights == nil })
        let images = Variable(try OneShotFixtures.images(4).images)
        let before = supernet(images, selections: selections, mode: .training(seed: 2)).value
        // sep_conv_3x3 of normal edge 3<-1 is off in this genotype.
        let off = supernet.parameters.first { $0.name == "cells.0._ops.3._ops.4.op.1.weight" }!
        off.value = Tensor(shape: off.value.shape, scalars: off.value.scalars.map { $0 * 3 })
        #expect(supernet(images, selections: selections, mode: .training(seed: 2)).value == before)
    }

    /// ∂L/∂α through softmax, the mixed edges of every cell (stride-2 edges and preprocessing included), batch
    /// norms and the classifier, against central differences on real images. Two rows are checked (normal 4<-3,
    /// reduce 2<-0 at stride 2) to keep the test short (each element costs two passes); the other rows are fixed.
    @Test func theLossHasTheGradientOfItsDefinitionInAlpha() throws {
        let supernet = try Self.supernet()
        let batch = OneShotFixtures.batch(try OneShotFixtures.images(8, side: 4))
        let fixed = TestTensors.normal([2, 14, 8], seed: 5, scale: 0.5)
        let checked = [(0, 8), (1, 0)]
        let rows = TestTensors.normal([2, 8], seed: 9, scale: 0.5)
        let reports = GradientCheck(step: 3e-3, absoluteTolerance: 2e-3, relativeTolerance: 2e-2).run([rows]) {
            variables in
            let variable = split(variables[0], sizes: [1, 1], axis: 0).map { $0.reshaped([8]) }
            let selections = (0..<2).map { group in
                (0..<14).map { edge -> EdgeSelection in
                    let alpha = checked.firstIndex { $0 == (group, edge) }.map { variable[$0] }
                        ?? Variable(Tensor(shape: [8], scalars: Array(fixed.scalars[((group * 14 + edge) * 8)..<((group * 14 + edge + 1) * 8)])))
                    return .weighted(softmax(alpha, axis: 0))
                }
            }
            let logits = supernet(Variable(batch.images), selections: selections, mode: .training(seed: 1))
            return crossEntropy(logits: logits, labels: batch.labels)
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }
}
