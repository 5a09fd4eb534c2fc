import Foundation
import Testing

@Suite("nasrun train")
struct TrainCommandTests {
    @Test("an unknown dataset lists the valid choices and exits with 64")
    func unknownDataset() throws {
        let result = try CommandLineRunner.run(["train", "--dataset", "nope"])
        #expect(result.status == 64)
        #expect(result.standardError.contains(
            "Error: The value 'nope' is invalid for '--dataset <dataset>'. Please provide one of 'fashion-mnist' and 'digits'."))
    }

    @Test("zero epochs is refused with the setting named")
    func zeroEpochs() throws {
        let result = try CommandLineRunner.run(["train", "--epochs", "0"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: --epochs must be at least 1, got 0\n"))
    }

    @Test("a missing dataset file names the file and exits non-zero")
    func missingData() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-empty-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try CommandLineRunner.run(["train", "--dataset", "digits"], in: empty)
        #expect(result.status == 1)
        #expect(result.standardError.contains("data/digits/digits.csv.gz"))
    }

    @Test("a damaged checkpoint is refused without being touched")
    func damagedCheckpoint() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naskit-damaged-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let state = directory.appendingPathComponent("state.json")
        try Data("garbage".utf8).write(to: state)
        let result = try CommandLineRunner.run(["train", "--dataset", "digits", "--output", directory.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("is not a NASKit training checkpoint"))
        #expect(try Data(contentsOf: state) == Data("garbage".utf8))
    }

    @Test(
        "training on the digits prints one line per epoch and the final accuracy",
        .enabled(if: FileManager.default.fileExists(atPath: "data/digits/digits.csv.gz"), "run Scripts/setup.sh"))
    func digits() throws {
        let result = try CommandLineRunner.run(["train", "--dataset", "digits", "--epochs", "2", "--seed", "3"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("nasrun train: digits, seed 3, OpenBLAS ") == true)
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("epoch 1/2  train loss "))
        #expect(lines[4].hasPrefix("test accuracy "))
    }
}
