import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing
import _TestSupport

@testable import OneShot

@Suite struct MnasNetSupernetTests {
    /// The supernet's latency model is the table's: for every single path, the sum the table gives the derived
    /// network, and E[latency] under one-hot probabilities.
    @Test func latencyModelAgreesWithTheTable() throws {
        let supernet = try MnasNetSupernetFixtures.supernet()
        let table = MnasNetSupernetFixtures.table()
        var rng = Xoshiro256(seed: 3)
        for _ in 0..<10 {
            let choices = [(0..<2).map { _ in rng.uniformInt(below: 12) }, (0..<2).map { _ in rng.uniformInt(below: 3) }]
            let architecture = try supernet.architecture(fromChoices: choices)
            let predicted = supernet.predictedLatency(of: architecture)
            #expect(Swift.abs(predicted - (try table.predictedLatency(of: architecture))) < 1e-9)
            let oneHot = choices.enumerated().map { group, edges in
                edges.map { choice in
                    Variable(Tensor(shape: [group == 0 ? 12 : 3], scalars: (0..<(group == 0 ? 12 : 3)).map { $0 == choice ? 1 : 0 }))
                }
            }
            #expect(Swift.abs(Double(supernet.expectedLatency(probabilities: oneHot).value.scalars[0]) - predicted) < 1e-4)
        }
    }

    @Test func expectedLatencyHasTheGradientOfItsDefinition() throws {
        let supernet = try MnasNetSupernetFixtures.supernet()
        let inputs = [
            TestTensors.uniform([12], seed: 1, from: 0, to: 1), TestTensors.uniform([12], seed: 2, from: 0, to: 1),
            TestTensors.uniform([3], seed: 3, from: 0, to: 1), TestTensors.uniform([3], seed: 4, from: 0, to: 1),
        ]
        let reports = GradientCheck().run(inputs) { variables in
            supernet.expectedLatency(probabilities: [[variables[0], variables[1]], [variables[2], variables[3]]])
        }
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test func derivesTheArgMaxWithTheResidual() throws {
        let supernet = try MnasNetSupernetFixtures.supernet()
        var operation = [[Double]](repeating: Array(repeating: 0.01, count: 12), count: 2)
        operation[0][11] = 0.9  // e6k5se1
        operation[1][2] = 0.9  // e1k5se0
        let depth: [[Double]] = [[0.1, 0.2, 0.7], [0.5, 0.3, 0.2]]
        #expect(supernet.space.format(supernet.derive(fromScores: [operation, depth])) == "e6k5se1n3r|e1k5se0n1r")
    }

    @Test func refusesALatencyTableOfAnotherNetworkOrWithoutALayer() throws {
        var rng = Xoshiro256(seed: 0)
        let other = MnasNetSkeleton(
            inputResolution: 8, stemChannels: 4, stemStride: 1, blocks: [.init(outputChannels: 8, stride: 2)],
            headChannels: 16)
        #expect(throws: SupernetError(
            "MnasNet supernet: the latency table was measured for another network (1 blocks, 10 classes) than this supernet's (2 blocks, 10 classes); measure one for it: nasrun latency-table --space mnasnet --output FILE"
        )) {
            try MnasNetSupernet(
                space: MnasNetSupernetFixtures.space, latencyTable: MnasNetSupernetFixtures.table(skeleton: other),
                using: &rng)
        }
        let missing = LatencyKey.allKeys(of: MnasNetSupernetFixtures.space, classes: 10)
            .first { $0.kind == .mbconv && $0.expansion == 6 }!
        let error = #expect(throws: SupernetError.self) {
            try MnasNetSupernet(
                space: MnasNetSupernetFixtures.space, latencyTable: MnasNetSupernetFixtures.table(dropping: missing),
                using: &rng)
        }
        #expect(error?.message.contains("\(missing)") == true)
    }

    /// The single path of a derived architecture runs on real images.
    @Test func singlePathsRunOnRealImages() throws {
        let supernet = try MnasNetSupernetFixtures.supernet()
        let images = try OneShotFixtures.images(4)
        let architecture = try supernet.space.parse("e3k3se1n2r|e6k5se0n3r")
        let logits = supernet(
            Variable(images.images), selections: supernet.selections(for: architecture), mode: .training(seed: 0))
        #expect(logits.shape == [4, 10] && logits.value.scalars.allSatisfy(\.isFinite))
    }
}
