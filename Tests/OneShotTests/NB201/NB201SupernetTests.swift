import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

@testable import OneShot

@Suite struct NB201SupernetTests {
    /// C = 2, N = 1 on CIFAR-10, counted by hand: each cell edge holds a 1x1 (c²) and a 3x3 (9c²) convolution
    /// (search batch norms have no parameters): 6·10·(2² + 4² + 8²) = 5,040; stem 3·2·9 + 2·2 = 58; reduction
    /// blocks 2→4: 72 + 8 + 144 + 8 + 8 = 240 and 4→8: 288 + 16 + 576 + 16 + 32 = 928; last batch norm 16;
    /// classifier 8·10 + 10 = 90. Total 6,372.
    @Test func countsTheBenchmarksSkeletonAndEveryCandidate() throws {
        #expect(try OneShotFixtures.supernet(channels: 2).trainableParameterCount == 6_372)
        // Without the convolutions only the skeleton is left: 58 + 240 + 928 + 16 + 90.
        let pooled = try OneShotFixtures.supernet(channels: 2, operations: ["none", "skip_connect", "avg_pool_3x3"])
        #expect(pooled.trainableParameterCount == 1_332)
        #expect(pooled.edgeGroups[0].operationNames == ["none", "skip_connect", "avg_pool_3x3"])
    }

    @Test func refusesAnOperationTheSpaceDoesNotHave() {
        #expect(throws: SupernetError(
            "NB201 supernet: 'sep_conv_3x3' is not an operation of the nb201 space; its operations are none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3"
        )) { try OneShotFixtures.supernet(operations: ["nor_conv_3x3", "sep_conv_3x3"]) }
        #expect(throws: SupernetError(
            "NB201 supernet: the operations [\"skip_connect\", \"skip_connect\"] must be a non-empty list without repeats"
        )) { try OneShotFixtures.supernet(operations: ["skip_connect", "skip_connect"]) }
    }

    @Test func derivesTheArgMaxOfEveryEdgeInItsOwnOperationOrder() throws {
        let supernet = try OneShotFixtures.supernet(operations: ["avg_pool_3x3", "skip_connect", "nor_conv_3x3"])
        #expect(supernet.operations == [.skipConnect, .convolution3x3, .averagePool3x3])
        let scores: [[[Double]]] = [[
            [0.1, 0.8, 0.1], [0.5, 0.2, 0.3], [0.2, 0.2, 0.6], [0.4, 0.4, 0.2], [0.1, 0.1, 0.8], [0.3, 0.6, 0.1],
        ]]
        #expect(supernet.space.format(supernet.derive(fromScores: scores))
            == "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_3x3~2|")
    }

    @Test func choicesBecomeArchitecturesAndBadChoicesAreRefused() throws {
        let supernet = try OneShotFixtures.supernet()
        let architecture = try supernet.architecture(fromChoices: [[3, 3, 1, 0, 4, 2]])
        #expect(supernet.space.format(architecture)
            == "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|none~0|avg_pool_3x3~1|nor_conv_1x1~2|")
        #expect(throws: SupernetError("NB201 supernet: choices [[0, 5]] are not one list of 6 operation indices in 0..<5")) {
            try supernet.architecture(fromChoices: [[0, 5]])
        }
    }

    /// The single path of a cell: `none` edges off, the others one unweighted operation; a cell whose output node
    /// receives only `none` gives logits that do not depend on the cell's input.
    @Test func singlePathsFollowTheArchitecture() throws {
        let supernet = try OneShotFixtures.supernet()
        let architecture = try supernet.space.parse(
            "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|avg_pool_3x3~2|")
        let selections = supernet.selections(for: architecture)[0]
        #expect(selections.map(\.computed) == [[3], [], [1], [], [], [4]])
        #expect(selections.allSatisfy { $0.weights == nil })
        let images = try OneShotFixtures.images(4)
        let logits = supernet(Variable(images.images), selections: [selections], mode: .evaluation)
        #expect(logits.shape == [4, 10] && logits.value.scalars.allSatisfy(\.isFinite))
    }

    /// ∂L/∂α through softmax, every mixed edge of every cell, batch norms and the classifier, against finite
    /// differences, on real images.
    @Test func theLossHasTheGradientOfItsDefinitionInAlpha() throws {
        let supernet = try OneShotFixtures.supernet(channels: 2)
        let batch = OneShotFixtures.batch(try OneShotFixtures.images(8, side: 4))
        let alpha = TestTensors.normal([6, 5], seed: 9, scale: 0.5)
        let reports = GradientCheck(step: 3e-3, absoluteTolerance: 2e-3, relativeTolerance: 2e-2).run([alpha]) {
            variables in
            let rows = split(variables[0], sizes: Array(repeating: 1, count: 6), axis: 0).map { $0.reshaped([5]) }
            let logits = supernet(
                Variable(batch.images), selections: [rows.map { .weighted(softmax($0, axis: 0)) }],
                mode: .training(seed: 1))
            return crossEntropy(logits: logits, labels: batch.labels)
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }
}
