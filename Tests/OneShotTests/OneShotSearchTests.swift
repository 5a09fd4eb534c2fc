import Datasets
import NASSpaces
import Seeding
import Testing

@testable import OneShot

/// Whole searches at toy size (C = 2, 64 + 64 images of 8x8, 2 epochs of batch 16): every method runs, derives
/// a cell of the space, and repeats itself byte for byte from its seed.
@Suite struct OneShotSearchTests {
    enum Method: CaseIterable { case dartsFirst, dartsSecond, gdas, randomWeightSharing, enas }

    static func search(_ method: Method, seed: UInt64 = 0) throws -> (String, [OneShotEpochRecord]) {
        let images = try OneShotFixtures.images(128)
        let search = try OneShotSearch<AnyOptimizer>(
            configuration: OneShotSearchConfiguration(epochs: 2, batchSize: 16, seed: seed, rankingBatches: 1),
            training: images.subset(Array(0..<64)), validation: images.subset(Array(64..<128)))
        let supernet = try OneShotFixtures.supernet(channels: 2, seed: seed)
        var rng = Xoshiro256(seed: seed)
        var optimizer: AnyOptimizer
        switch method {
        case .dartsFirst: optimizer = AnyOptimizer(DARTS(supernet: supernet, order: .first, using: &rng))
        case .dartsSecond: optimizer = AnyOptimizer(DARTS(supernet: supernet, order: .second, using: &rng))
        case .gdas: optimizer = AnyOptimizer(GDAS(supernet: supernet, using: &rng))
        case .randomWeightSharing: optimizer = AnyOptimizer(RandomWeightSharing(candidates: 5, using: &rng))
        case .enas: optimizer = AnyOptimizer(ENAS(supernet: supernet, aggregate: 3, candidates: 3, using: &rng))
        }
        var records: [OneShotEpochRecord] = []
        let derived = try search.run(supernet, optimizer: &optimizer) { record, _ in records.append(record) }
        return (supernet.space.format(derived), records.map { var record = $0; record.seconds = 0; return record })
    }

    @Test(arguments: Method.allCases)
    func runsDerivesAndRepeatsItself(method: Method) throws {
        let (derived, records) = try Self.search(method)
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.trainingLoss.isFinite && $0.trainingAccuracy >= 0 })
        #expect(records.last?.derived == derived)
        #expect((try? NB201Space().parse(derived)) != nil)
        if method != .randomWeightSharing && method != .enas { #expect(records.first?.operationProbabilities != nil) }
        let (again, recordsAgain) = try Self.search(method)
        #expect(again == derived && recordsAgain == records)
    }

    @Test func refusesSchedulesItCannotRun() throws {
        let images = try OneShotFixtures.images(8)
        #expect(throws: SupernetError("one-shot search: epochs must be at least 1, got 0")) {
            try OneShotSearch<AnyOptimizer>(
                configuration: OneShotSearchConfiguration(epochs: 0), training: images, validation: images)
        }
        #expect(throws: SupernetError(
            "one-shot search: the splits hold 8 training and 8 validation examples, fewer than a batch of 64; lower the batch size"
        )) {
            try OneShotSearch<AnyOptimizer>(
                configuration: OneShotSearchConfiguration(epochs: 1), training: images, validation: images)
        }
    }
}

/// Any one-shot optimizer of the NB201 supernet, for the parameterised tests.
struct AnyOptimizer: OneShotOptimizer {
    typealias Net = NB201Supernet
    var base: any OneShotOptimizer<NB201Supernet>

    init(_ base: any OneShotOptimizer<NB201Supernet>) { self.base = base }

    /// The wrapper is never checkpointed (OneShotCheckpointTests checkpoints a concrete optimizer).
    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "AnyOptimizer is not decodable"))
    }

    func encode(to encoder: any Encoder) throws { try base.encode(to: encoder) }

    var name: String { base.name }
    var operationProbabilities: [[[Double]]]? { base.operationProbabilities }

    mutating func step(_ supernet: NB201Supernet, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        try base.step(supernet, training: training, validation: validation, context: context)
    }

    mutating func derive(_ supernet: NB201Supernet, validation: [Batch]) -> NB201Architecture {
        base.derive(supernet, validation: validation)
    }
}
