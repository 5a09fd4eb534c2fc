import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing

@testable import Predictors

/// The scorer's contracts: refusals naming what is missing, exact baselines, determinism, an unchanged network.
struct ZeroCostScorerTests {
    /// A small NB201 network (C = 4, one cell per stage: fast in a debug build).
    static func smallNetwork(_ text: String, seed: UInt64, stemChannels: Int = 4) throws -> NB201Network {
        var rng = Xoshiro256(seed: seed)
        return NB201Network(
            architecture: try NB201Space().parse(text),
            configuration: NB201NetworkConfiguration(stemChannels: stemChannels, cellsPerStage: 1), using: &rng)
    }

    static let cell = "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|"

    @Test func refusesADataDependentProxyWithoutABatch() throws {
        let network = try Self.smallNetwork(Self.cell, seed: 1)
        #expect(throws: ZeroCostError(
            "zero-cost proxy snip needs a mini-batch of data (images and labels) but none was given; pass a "
                + "ZeroCostBatch (nasrun proxies reads one from --data), or choose a data-free proxy (synflow, "
                + "l2_norm, zen, params, flops)")
        ) {
            try ZeroCostScorer.scores([.synflow, .snip], of: network, inputShape: [3, 32, 32], batch: nil)
        }
        #expect(throws: ZeroCostError(
            "zero-cost proxy flops needs the network's multiply-adds but none were given; pass them "
                + "(NB201Network.cost().multiplyAdds)")
        ) {
            try ZeroCostScorer.scores([.flops], of: network, inputShape: [3, 32, 32], batch: nil)
        }
    }

    @Test func declaresItsData() {
        let dataFree = ZeroCostProxy.allCases.filter { !$0.requirements.usesDataBatch }
        #expect(dataFree == [.synflow, .l2Norm, .zen, .params, .flops])
        #expect(ZeroCostProxy.allCases.allSatisfy { $0.requirements.minimumTrainingSize == 0 })
    }

    /// NAS-Bench-201's published size of the all-`nor_conv_3x3` cell's network: 1,531,546 parameters,
    /// 220,119,690 multiply-adds (the full-size network; building it takes no forward pass).
    @Test func parametersAndFlopsAreTheBenchmarksCounts() throws {
        var rng = Xoshiro256(seed: 0)
        let text = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"
        let network = NB201Network(architecture: try NB201Space().parse(text), using: &rng)
        let scores = try ZeroCostScorer.scores(
            [.params, .flops], of: network, inputShape: [3, 32, 32], batch: nil,
            multiplyAdds: network.cost().multiplyAdds)
        #expect(scores == [1_531_546, 220_119_690])
    }

    /// Every proxy twice on the same network gives the same bits, and the network is unchanged afterwards.
    @Test func isDeterministicAndLeavesTheNetworkAsBuilt() throws {
        let batch = try ZeroCostFixtures.cifarBatch(4)
        let network = try Self.smallNetwork(Self.cell, seed: 2)
        let before = network.parameters.map(\.value)
        let proxies = ZeroCostProxy.allCases
        let first = try ZeroCostScorer.scores(
            proxies, of: network, inputShape: [3, 32, 32], batch: batch, multiplyAdds: 1)
        let second = try ZeroCostScorer.scores(
            proxies, of: try Self.smallNetwork(Self.cell, seed: 2), inputShape: [3, 32, 32], batch: batch,
            multiplyAdds: 1)
        #expect(first.map(\.bitPattern) == second.map(\.bitPattern))
        #expect(network.parameters.map(\.value) == before)
        #expect(first.allSatisfy { $0.isFinite })
    }

    /// Proxies that share a pass (jacov and epe_nas the Jacobian; snip, grad_norm, plain and grasp the loss
    /// gradient) give the same bits together as each on its own.
    @Test func sharedPassesGiveTheSeparateScores() throws {
        let batch = try ZeroCostFixtures.cifarBatch(4)
        let network = try Self.smallNetwork(Self.cell, seed: 4)
        let proxies: [ZeroCostProxy] = [.jacov, .epeNAS, .snip, .gradNorm, .plain, .fisher]
        let together = try ZeroCostScorer.scores(proxies, of: network, inputShape: [3, 32, 32], batch: batch)
        let separate = try proxies.map { proxy in
            try ZeroCostScorer.scores([proxy], of: network, inputShape: [3, 32, 32], batch: batch)[0]
        }
        #expect(together.map(\.bitPattern) == separate.map(\.bitPattern))
    }

    /// The observed forward pass gives the plain pass's logits bit for bit, and reports every ReLU the benchmark
    /// runs: the cell's 3 convolution edges in each of the 3 cells, 2 per reduction block, 1 in the head.
    @Test func observedForwardPassKeepsTheOutput() throws {
        let batch = try ZeroCostFixtures.cifarBatch(2)
        let network = try Self.smallNetwork(Self.cell, seed: 3)
        final class Counter: ActivationObserver {
            var rectifiers = 0
            var pooled: [Int] = []
            func observeRectifierInput(_ input: Variable) { rectifiers += 1 }
            func observeFeaturesBeforePooling(_ features: Variable) { pooled = features.shape }
        }
        let counter = Counter()
        let plain = network(Variable(batch.images), mode: .evaluation)
        let observed = network(Variable(batch.images), mode: .evaluation, observer: counter)
        #expect(plain.value == observed.value)
        #expect(counter.rectifiers == 3 * 3 + 2 * 2 + 1)
        #expect(counter.pooled == [2, 16, 8, 8])
    }
}
