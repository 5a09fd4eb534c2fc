import Foundation
import Seeding
import Testing
import _TestSupport

@testable import OneShot

/// A search interrupted after an epoch and resumed from its checkpoint ends with the same records, α, weights and
/// derived cell as an uninterrupted one (toy size, as OneShotSearchTests).
@Suite struct OneShotCheckpointTests {
    static let settings = ["method": "gdas", "seed": "0"]

    static func search(epochs: Int) throws -> OneShotSearch<GDAS<NB201Supernet>> {
        let images = try OneShotFixtures.images(128)
        return try OneShotSearch(
            configuration: OneShotSearchConfiguration(epochs: epochs, batchSize: 16, seed: 0, rankingBatches: 1),
            training: images.subset(Array(0..<64)), validation: images.subset(Array(64..<128)))
    }

    static func fresh() throws -> (NB201Supernet, GDAS<NB201Supernet>) {
        let supernet = try OneShotFixtures.supernet(channels: 2)
        var rng = Xoshiro256(seed: 0)
        return (supernet, GDAS(supernet: supernet, using: &rng))
    }

    @Test func resumedSearchEqualsUninterruptedOne() throws {
        let (supernet, gdasStart) = try Self.fresh()
        var gdas = gdasStart
        var records: [OneShotEpochRecord] = []
        let derived = try Self.search(epochs: 3).run(supernet, optimizer: &gdas) { record, _ in records.append(record) }

        let directory = TemporaryDirectory()
        let url = URL(fileURLWithPath: directory.path)
        // First run: killed after its second epoch (the callback throws once the checkpoint is written).
        struct Killed: Error {}
        let (first, firstStart) = try Self.fresh()
        var interrupted = firstStart
        var partial: [OneShotEpochRecord] = []
        #expect(throws: Killed.self) {
            try Self.search(epochs: 3).run(first, optimizer: &interrupted) { record, optimizer in
                partial.append(record)
                try OneShotCheckpoint(settings: Self.settings, optimizer: optimizer, records: partial)
                    .save(to: url, supernet: first)
                if partial.count == 2 { throw Killed() }
            }
        }
        // Second run: fresh objects, state from the checkpoint.
        let (second, _) = try Self.fresh()
        let saved = try #require(try OneShotCheckpoint<GDAS<NB201Supernet>>.load(
            from: url, supernet: second, settings: Self.settings))
        #expect(saved.completedEpochs == 2)
        var resumed = saved.optimizer
        var resumedRecords = saved.records
        let resumedDerived = try Self.search(epochs: 3).run(second, optimizer: &resumed, startEpoch: 2) { record, _ in
            resumedRecords.append(record)
        }
        #expect(resumedDerived == derived)
        #expect(resumedRecords.map { var r = $0; r.seconds = 0; return r } == records.map { var r = $0; r.seconds = 0; return r })
        #expect(resumed.alpha.parameters[0].value == gdas.alpha.parameters[0].value)
        #expect(second.parameters.map(\.value) == supernet.parameters.map(\.value))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files == ["state.json", "weights-2.safetensors"])
    }

    @Test func refusesACheckpointOfOtherSettings() throws {
        let directory = TemporaryDirectory()
        let url = URL(fileURLWithPath: directory.path)
        let (supernet, gdas) = try Self.fresh()
        try OneShotCheckpoint(settings: Self.settings, optimizer: gdas, records: []).save(to: url, supernet: supernet)
        #expect(throws: SupernetError(
            "one-shot checkpoint \(directory.path) was made with seed = 0, this run has 1; rerun with the same settings to resume, or use another checkpoint directory"
        )) {
            try OneShotCheckpoint<GDAS<NB201Supernet>>.load(
                from: url, supernet: supernet, settings: ["method": "gdas", "seed": "1"])
        }
    }
}
