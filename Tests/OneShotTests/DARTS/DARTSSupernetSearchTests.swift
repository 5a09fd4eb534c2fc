import Datasets
import NASSpaces
import Seeding
import Testing

@testable import OneShot

/// Whole searches on the DARTS supernet at toy size (C = 2, 3 cells, 32 + 32 CIFAR-10 images of 4x4, one epoch
/// of batch 16): first-order DARTS, GDAS, random weight sharing and ENAS run unchanged (the last two draw the
/// supernet's path decisions: an input pair and two operations per node), derive a genotype the DARTS space parses,
/// and repeat themselves byte for byte from their seed.
@Suite struct DARTSSupernetSearchTests {
    enum Method: CaseIterable { case dartsFirst, gdas, randomWeightSharing, enas }

    static func search(_ method: Method, seed: UInt64 = 0) throws -> (String, [OneShotEpochRecord]) {
        let images = try OneShotFixtures.images(64, side: 4)
        let supernet = try DARTSSupernetTests.supernet(seed: seed)
        var rng = Xoshiro256(seed: seed)
        var records: [OneShotEpochRecord] = []
        func run<Optimizer: OneShotOptimizer>(_ optimizer: Optimizer) throws -> DARTSArchitecture
        where Optimizer.Net == DARTSSupernet {
            var optimizer = optimizer
            let search = try OneShotSearch<Optimizer>(
                configuration: OneShotSearchConfiguration(epochs: 1, batchSize: 16, seed: seed, rankingBatches: 1),
                training: images.subset(Array(0..<32)), validation: images.subset(Array(32..<64)))
            return try search.run(supernet, optimizer: &optimizer) { record, _ in records.append(record) }
        }
        let derived = switch method {
        case .dartsFirst: try run(DARTS(supernet: supernet, order: .first, using: &rng))
        case .gdas: try run(GDAS(supernet: supernet, using: &rng))
        case .randomWeightSharing: try run(RandomWeightSharing(candidates: 3, using: &rng))
        case .enas: try run(ENAS(supernet: supernet, aggregate: 1, candidates: 2, using: &rng))
        }
        return (supernet.space.format(derived), records.map { var record = $0; record.seconds = 0; return record })
    }

    @Test(arguments: Method.allCases)
    func runsDerivesAGenotypeAndRepeatsItself(method: Method) throws {
        let (derived, records) = try Self.search(method)
        #expect(records.count == 1)
        #expect(records.allSatisfy { $0.trainingLoss.isFinite && $0.trainingAccuracy >= 0 })
        #expect(records.last?.derived == derived)
        if method == .dartsFirst || method == .gdas {
            #expect(records.last?.operationProbabilities.map { $0.count == 2 && $0[1].count == 14 } == true)
        }
        let genotype = try DARTSSpace().parse(derived)
        #expect(DARTSSpace().format(genotype) == derived)
        let (again, recordsAgain) = try Self.search(method)
        #expect(again == derived && recordsAgain == records)
    }

    /// Path decisions are genotypes: every draw parses, a uniform draw of each decision covers every input pair,
    /// and the decisions' sizes are C(n, 2), 7, 7 per node.
    @Test func pathDecisionsAreGenotypes() throws {
        let supernet = try DARTSSupernetTests.supernet()
        #expect(supernet.pathDecisionSizes[0] == [1, 7, 7, 3, 7, 7, 6, 7, 7, 10, 7, 7])
        var rng = Xoshiro256(seed: 5)
        for _ in 0..<50 {
            let choices = supernet.pathDecisionSizes.map { $0.map { rng.uniformInt(below: $0) } }
            let genotype = try supernet.architecture(fromPathChoices: choices)
            #expect(try DARTSSpace().parse(DARTSSpace().format(genotype)) == genotype)
            #expect(!DARTSSpace().format(genotype).contains("none"))
        }
        let pair = try supernet.architecture(fromPathChoices: [
            [0, 0, 1, 2, 2, 3, 5, 4, 5, 9, 6, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        ])
        // Node 3's pair 2 is (1, 2), node 4's pair 5 is (2, 3), node 5's pair 9 is (3, 4); operations are PRIMITIVES[k + 1].
        #expect(pair.normal.edges.map(\.input) == [0, 1, 1, 2, 2, 3, 3, 4])
        #expect(pair.normal.edges.map(\.operation.rawValue) == [1, 2, 3, 4, 5, 6, 7, 1])
        #expect(throws: SupernetError.self) { try supernet.architecture(fromPathChoices: [[0, 7]]) }
    }
}
