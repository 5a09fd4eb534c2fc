import Foundation
import NASModels
import NASSpaces
import Seeding
import Testing
import _TestSupport

@Suite("LatencyTable")
struct LatencyTableTests {
    let space = MnasNetSpace(skeleton: tinyMnasNetSkeleton)
    let machine = MachineDescription(cpuModel: "Test CPU 9000", logicalCores: 64, engineWorkers: 64, blasThreads: 1)

    /// A table of the tiny space whose entry i takes i + 1 hundredths of a millisecond (median) and i + 1
    /// thousandths (minimum), so sums are exact to check.
    func table(dropping dropped: LatencyKey? = nil) -> LatencyTable {
        let keys = LatencyKey.allKeys(of: space, classes: 10).filter { $0 != dropped }
        let provenance = LatencyTable.Provenance(
            machine: machine, swiftVersion: "Swift version 6.3.1", command: "nasrun latency-table --output t.json",
            date: "2026-11-23T20:00:00Z", measuringSeconds: 1.5, batchSize: 1, repetitions: 50, warmupRepetitions: 5)
        return LatencyTable(
            space: "mnasnet", skeleton: space.skeleton, classes: 10, provenance: provenance,
            entries: keys.enumerated().map {
                LatencyTable.Entry(key: $1, milliseconds: Double($0 + 1) / 100, minimumMilliseconds: Double($0 + 1) / 1000)
            })
    }

    @Test("the keys a space can produce: per block a first layer and the later ones, duplicates merged")
    func allKeys() throws {
        // Tiny space: block 0's first layer (8x8, 4 -> 8, stride 2): 3 · 2 · 2 = 12 keys, no residual; its later
        // layers (4x4, 8 -> 8, stride 1): 24 with and without residual; block 1's layers are the same 24 keys.
        // Plus stem, head and classifier: 39.
        #expect(LatencyKey.allKeys(of: space, classes: 10).count == 39)
        // Default space: 7 blocks · (12 + 24) + 3 = 255, no block sharing a key with another.
        #expect(LatencyKey.allKeys(of: MnasNetSpace(), classes: 10).count == 255)
        let keys = LatencyKey.keys(of: try space.parse("e3k3se1n1-|e1k5se0n2r"), skeleton: space.skeleton, classes: 10)
        #expect(keys.map(\.description) == [
            "stem r8 c3->4 s1 e1 k3 se0 res0", "mbconv r8 c4->8 s2 e3 k3 se1 res0", "mbconv r4 c8->8 s1 e1 k5 se0 res1",
            "mbconv r4 c8->8 s1 e1 k5 se0 res1", "head r4 c8->16 s1 e1 k1 se0 res0", "classifier r4 c16->10 s1 e1 k0 se0 res0",
        ])
    }

    @Test("the predicted latency is the sum of the network's entries")
    func predictedLatency() throws {
        let table = table()
        let architecture = try space.parse("e3k3se1n1-|e1k5se0n2r")
        let keys = LatencyKey.keys(of: architecture, skeleton: space.skeleton, classes: 10)
        // Entry i holds (i + 1) / 100 (median) and (i + 1) / 1000 (minimum), i the key's position in allKeys.
        let all = LatencyKey.allKeys(of: space, classes: 10)
        let positions = keys.map { all.firstIndex(of: $0)! + 1 }
        #expect(try table.predictedLatency(of: architecture) == positions.reduce(0.0) { $0 + Double($1) / 100 })
        #expect(
            try table.predictedLatency(of: architecture, statistic: .minimum)
                == positions.reduce(0.0) { $0 + Double($1) / 1000 })
        // The stem is the first key.
        #expect(try table.latency(of: keys[0]) == 0.01)
        #expect(try table.latency(of: keys[0], statistic: .minimum) == 0.001)
    }

    @Test("JSON round trip: written, read back equal, and the same table gives the same bytes")
    func jsonRoundTrip() throws {
        let directory = TemporaryDirectory(prefix: "latency-table")
        let path = directory.file("table.json")
        let table = table()
        try table.write(to: path)
        let loaded = try LatencyTable.load(from: path, currentMachine: machine)
        #expect(loaded == table)
        #expect(try loaded.jsonData() == table.jsonData())
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(text.contains("\"cpuModel\" : \"Test CPU 9000\""))
        #expect(text.contains("\"layer\" : \"mbconv r8 c4->8 s2 e3 k3 se1 res0\""))
        try? FileManager.default.removeItem(atPath: directory.path)
    }

    @Test("a table measured on another machine is refused, naming both machines and the fix")
    func foreignMachine() throws {
        let directory = TemporaryDirectory(prefix: "latency-table")
        let path = directory.file("table.json")
        try table().write(to: path)
        let here = MachineDescription(cpuModel: "AMD EPYC", logicalCores: 2, engineWorkers: 2, blasThreads: 1)
        #expect(throws: LatencyTableError("latency table \(path) was measured on Test CPU 9000 (64 logical cores), but this machine is AMD EPYC (2 logical cores); latencies do not transfer between machines: measure it here: nasrun latency-table --space mnasnet --output \(path)")) {
            try LatencyTable.load(from: path, currentMachine: here)
        }
        // Another core count alone is another machine; other thread counts are not.
        let fewerCores = MachineDescription(cpuModel: "Test CPU 9000", logicalCores: 32, engineWorkers: 64, blasThreads: 1)
        #expect(throws: LatencyTableError.self) { try LatencyTable.load(from: path, currentMachine: fewerCores) }
        let otherThreads = MachineDescription(cpuModel: "Test CPU 9000", logicalCores: 64, engineWorkers: 1, blasThreads: 64)
        #expect(throws: Never.self) { try LatencyTable.load(from: path, currentMachine: otherThreads) }
        try? FileManager.default.removeItem(atPath: directory.path)
    }

    @Test("an architecture with a layer the table lacks is refused, naming the layer's key and position")
    func missingKey() throws {
        let architecture = try space.parse("e3k3se1n1-|e1k5se0n2r")
        let missing = LatencyKey.keys(of: architecture, skeleton: space.skeleton, classes: 10)[2]
        #expect(throws: LatencyTableError("the latency table has no entry for mbconv r4 c8->8 s1 e1 k5 se0 res1 (block 1, layer 0); it was measured for another skeleton or number of classes: measure one for this space: nasrun latency-table --space mnasnet --output FILE")) {
            try table(dropping: missing).predictedLatency(of: architecture)
        }
        #expect(throws: LatencyTableError.self) { try table().predictedLatency(of: MnasNetSpace().parse("e1k3se0n1-|e1k3se0n1-|e1k3se0n1-|e1k3se0n1-|e1k3se0n1-|e1k3se0n1-|e1k3se0n1-")) }
    }

    @Test("the committed table (SearchSpaces/mnasnet) covers every key of the default space and predicts every network")
    func committedTable() throws {
        let path = TestTables.packageRoot + "/SearchSpaces/mnasnet/latency-table.json"
        // Read it as on the machine it names (elsewhere it is refused, as the foreign-machine test shows).
        let measuredOn = MachineDescription(cpuModel: "AMD EPYC", logicalCores: 2, engineWorkers: 2, blasThreads: 1)
        let table = try LatencyTable.load(from: path, currentMachine: measuredOn)
        let defaultSpace = MnasNetSpace()
        #expect(table.entries.map(\.key) == LatencyKey.allKeys(of: defaultSpace, classes: 10))
        #expect(table.skeleton == .cifar && table.classes == 10 && table.space == "mnasnet")
        #expect(table.entries.allSatisfy { $0.milliseconds > 0 && $0.minimumMilliseconds <= $0.milliseconds })
        var rng = Xoshiro256(seed: 0)
        for _ in 0..<20 {
            #expect(try table.predictedLatency(of: defaultSpace.sampleArchitecture(using: &rng)) > 0)
        }
    }

    @Test("the measurer times every key of a space (one repetition each: a smoke test of the command's path)")
    func measurement() {
        let measurer = LatencyMeasurer(repetitions: 1, warmupRepetitions: 0)
        var progress: [Int] = []
        let entries = measurer.measureEntries(of: space, classes: 10) { done, _ in progress.append(done) }
        #expect(entries.map(\.key) == LatencyKey.allKeys(of: space, classes: 10))
        #expect(entries.allSatisfy { $0.milliseconds >= 0 && $0.milliseconds.isFinite })
        #expect(progress == Array(1...39))
        #expect(LatencyMeasurer.median([3, 1, 2]) == 2)
        #expect(LatencyMeasurer.median([4, 1, 3, 2]) == 2.5)
    }
}
