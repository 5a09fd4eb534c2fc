import Datasets
import NASSpaces
import Seeding
import Testing

@testable import OneShot

/// Whole searches on the DARTS supernet at toy size (C = 2, 3 cells, 32 + 32 CIFAR-10 images of 4x4, one epoch
/// of batch 16): first-order DARTS and GDAS run unchanged, derive a genotype the DARTS space parses, and repeat
/// themselves byte for byte from their seed.
@Suite struct DARTSSupernetSearchTests {
    enum Method: CaseIterable { case dartsFirst, gdas }

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
        }
        return (supernet.space.format(derived), records.map { var record = $0; record.seconds = 0; return record })
    }

    @Test(arguments: Method.allCases)
    func runsDerivesAGenotypeAndRepeatsItself(method: Method) throws {
        let (derived, records) = try Self.search(method)
        #expect(records.count == 1)
        #expect(records.allSatisfy { $0.trainingLoss.isFinite && $0.trainingAccuracy >= 0 })
        #expect(records.last?.derived == derived)
        #expect(records.last?.operationProbabilities.map { $0.count == 2 && $0[1].count == 14 } == true)
        let genotype = try DARTSSpace().parse(derived)
        #expect(DARTSSpace().format(genotype) == derived)
        let (again, recordsAgain) = try Self.search(method)
        #expect(again == derived && recordsAgain == records)
    }

    /// ENAS's controller draws one operation per edge, which is almost never a genotype (two inputs per node): the
    /// supernet refuses the draw and the search stops with that message instead of ranking something else.
    @Test func refusesENASsPerEdgeDraws() throws {
        let images = try OneShotFixtures.images(32)
        let supernet = try DARTSSupernetTests.supernet()
        var rng = Xoshiro256(seed: 0)
        var optimizer = ENAS(supernet: supernet, aggregate: 2, candidates: 2, using: &rng)
        let search = try OneShotSearch<ENAS<DARTSSupernet>>(
            configuration: OneShotSearchConfiguration(epochs: 1, batchSize: 16, rankingBatches: 1),
            training: images.subset(Array(0..<16)), validation: images.subset(Array(16..<32)))
        do {
            _ = try search.run(supernet, optimizer: &optimizer)
            Issue.record("ENAS's per-edge draws were accepted")
        } catch let error as SupernetError {
            #expect(error.message.hasPrefix("DARTS supernet: the normal cell's node"), "\(error)")
            #expect(error.message.hasSuffix("draw genotypes instead (DARTSSpace.sampleArchitecture, then choices(of:))"))
        }
    }
}
