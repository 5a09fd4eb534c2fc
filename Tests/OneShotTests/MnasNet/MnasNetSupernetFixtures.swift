import NASModels
import NASSpaces
import Seeding

@testable import OneShot

/// A two-block MnasNet skeleton on 8x8 inputs and a latency table for it whose entry i takes (i + 1)/100 ms: a
/// made-up but exactly summable table, the machine-independent stand-in for a measured one in tests.
enum MnasNetSupernetFixtures {
    static let skeleton = MnasNetSkeleton(
        inputResolution: 8, stemChannels: 4, stemStride: 1,
        blocks: [.init(outputChannels: 8, stride: 2), .init(outputChannels: 8, stride: 1)], headChannels: 16)
    static let space = MnasNetSpace(skeleton: skeleton)

    static func table(skeleton: MnasNetSkeleton = skeleton, dropping dropped: LatencyKey? = nil) -> LatencyTable {
        let keys = LatencyKey.allKeys(of: MnasNetSpace(skeleton: skeleton), classes: 10).filter { $0 != dropped }
        let provenance = LatencyTable.Provenance(
            machine: MachineDescription(cpuModel: "Test CPU", logicalCores: 2, engineWorkers: 2, blasThreads: 1),
            swiftVersion: nil, command: "test", date: "2026-11-23T00:00:00Z", measuringSeconds: 0, batchSize: 1,
            repetitions: 1, warmupRepetitions: 0)
        return LatencyTable(
            space: "mnasnet", skeleton: skeleton, classes: 10, provenance: provenance,
            entries: keys.enumerated().map {
                LatencyTable.Entry(key: $1, milliseconds: Double($0 + 1) / 100, minimumMilliseconds: Double($0 + 1) / 100)
            })
    }

    static func supernet(seed: UInt64 = 0) throws -> MnasNetSupernet {
        var rng = Xoshiro256(seed: seed)
        return try MnasNetSupernet(space: space, latencyTable: table(), using: &rng)
    }
}
