import ArgumentParser
import Foundation
import NASModels
import NASSpaces
import Seeding

#if canImport(Glibc)
import Glibc
#endif

/// `nasrun latency-table`: measures the per-layer latency table of the MnasNet-like space on this machine with
/// the engine, writes it as JSON, and checks it on sampled architectures (predicted sum against the whole
/// network's measured forward time). See `SearchSpaces/mnasnet/SPACE.md`.
struct LatencyTableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency-table",
        abstract: "Measure the per-layer latency table of a space on this machine.",
        discussion: """
            Every layer the space can produce is timed at batch size 1 in evaluation mode (median of --repetitions \
            forward passes after --warmup ones), with the engine's threading (OpenBLAS single-threaded, the engine's \
            workers on every core). The table records the machine; loading it on another machine is refused.
            """)

    /// The spaces that have a latency table.
    enum Space: String, CaseIterable, ExpressibleByArgument {
        case mnasnet
    }

    @Option(help: "The search space.")
    var space: Space = .mnasnet

    @Option(help: "The JSON file to write.")
    var output: String

    @Option(help: "Timed forward passes per layer; the median is kept.")
    var repetitions = 50

    @Option(help: "Untimed forward passes before them.")
    var warmup = 5

    @Option(help: "The classifier's outputs (CIFAR-10: 10).")
    var classes = 10

    @Option(help: "Sampled architectures whose predicted latency is compared with their measured end-to-end one.")
    var compare = 5

    @Option(help: "The seed of the compared architectures and of every network's weights.")
    var seed: UInt64 = 0

    func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1, got \(repetitions)") }
        if warmup < 0 { throw ValidationError("--warmup must not be negative, got \(warmup)") }
        if classes < 1 { throw ValidationError("--classes must be at least 1, got \(classes)") }
        if compare < 0 { throw ValidationError("--compare must not be negative, got \(compare)") }
    }

    func run() throws {
        let space = MnasNetSpace()
        let machine = MachineDescription.current()
        let measurer = LatencyMeasurer(repetitions: repetitions, warmupRepetitions: warmup)
        let load = Self.loadAverage()
        emit(
            "machine: \(machine), engine workers \(machine.engineWorkers), BLAS threads \(machine.blasThreads)"
                + (load.map { String(format: ", load average %.2f", $0) } ?? ""))
        let clock = ContinuousClock()
        let start = clock.now
        let entries = measurer.measureEntries(of: space, classes: classes) { done, total in
            if done % 25 == 0 || done == total { emit("measured \(done)/\(total) layers") }
        }
        let seconds = Double((clock.now - start).components.seconds)
            + Double((clock.now - start).components.attoseconds) / 1e18
        let provenance = LatencyTable.Provenance(
            machine: machine, swiftVersion: Self.swiftVersion(),
            command: (["nasrun"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            date: ISO8601DateFormatter().string(from: Date()), measuringSeconds: (seconds * 10).rounded() / 10,
            batchSize: measurer.batchSize, repetitions: repetitions, warmupRepetitions: warmup,
            loadAverage: load.map { ($0 * 100).rounded() / 100 })
        let table = LatencyTable(
            space: space.name, skeleton: space.skeleton, classes: classes, provenance: provenance, entries: entries)
        try table.write(to: output)
        emit("wrote \(entries.count) layers to \(output) in \(String(format: "%.1f", seconds)) s")
        guard compare > 0 else { return }
        emit(
            "seed \(seed): predicted (sum of the table's medians; of its minima) against the measured end-to-end "
                + "forward (median; minimum), milliseconds")
        var rng = Xoshiro256(seed: seed)
        for _ in 0..<compare {
            let architecture = space.sampleArchitecture(using: &rng)
            let predicted = try table.predictedLatency(of: architecture)
            let predictedMinimum = try table.predictedLatency(of: architecture, statistic: .minimum)
            var weights = Xoshiro256(seed: seed)
            let network = MnasNetNetwork(
                architecture: architecture, skeleton: space.skeleton, classes: classes, using: &weights)
            let measured = measurer.timing(of: network)
            emit(
                space.format(architecture)
                    + String(
                        format: "  median: predicted %.3f measured %.3f ratio %.3f  minimum: predicted %.3f measured %.3f ratio %.3f",
                        predicted, measured.median, predicted / measured.median, predictedMinimum, measured.minimum,
                        predictedMinimum / measured.minimum))
        }
    }

    /// The one-minute load average, or `nil` where the system does not report it.
    static func loadAverage() -> Double? {
        var averages = [Double](repeating: 0, count: 3)
        return getloadavg(&averages, 3) >= 1 ? averages[0] : nil
    }

    /// `swift --version`'s first line, or `nil` when the toolchain cannot be run.
    static func swiftVersion() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init)
    }
}
