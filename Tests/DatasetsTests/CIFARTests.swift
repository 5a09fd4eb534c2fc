import Datasets
import Tensors
import Testing
import _TestSupport

@Suite("CIFAR binary batches")
struct CIFARTests {
    /// A record: label bytes, then 1024 red, 1024 green, 1024 blue bytes with pixel (c, y, x) = c * 80 + y + x.
    static func record(labels: [UInt8]) -> [UInt8] {
        labels + (0..<3).flatMap { c in (0..<32).flatMap { y in (0..<32).map { x in UInt8(c * 80 + y + x) } } }
    }

    @Test("CIFAR-10 records become (N, 3, 32, 32) images in channel planes, across several files")
    func cifar10() throws {
        let directory = TemporaryDirectory()
        let first = directory.write(Self.record(labels: [3]) + Self.record(labels: [9]), to: "data_batch_1.bin")
        let second = directory.write(GzipFixture.compress(Self.record(labels: [0])), to: "data_batch_2.bin.gz")
        let dataset = try CIFAR.load(batchFiles: [first, second])
        #expect(dataset.images.shape == [3, 3, 32, 32])
        #expect(dataset.labels == [3, 9, 0])
        #expect(dataset.classCount == 10)
        let pixels = dataset.images.scalars
        // image 1, channel 2 (blue), y 5, x 7: 160 + 12 = 172.
        #expect(pixels[((1 * 3 + 2) * 32 + 5) * 32 + 7] == Float(172) / 255)
        #expect(pixels[((2 * 3 + 0) * 32 + 0) * 32 + 0] == 0)
    }

    @Test("CIFAR-100 records carry coarse then fine labels; fine is the default for 100 classes")
    func cifar100() throws {
        let directory = TemporaryDirectory()
        let path = directory.write(Self.record(labels: [19, 99]) + Self.record(labels: [4, 30]), to: "train.bin")
        let fine = try CIFAR.load(batchFiles: [path], format: .cifar100)
        #expect(fine.labels == [99, 30])
        #expect(fine.classCount == 100)
        let coarse = try CIFAR.load(batchFiles: [path], format: .cifar100Coarse)
        #expect(coarse.labels == [19, 4])
        #expect(coarse.classCount == 20)
        #expect(coarse.images == fine.images)
        #expect(fine.images.scalars[32 * 32 + 1] == Float(81) / 255)  // channel 1 (green) starts after the label bytes
    }

    @Test("a truncated batch says how many bytes were expected and found")
    func truncated() throws {
        let directory = TemporaryDirectory()
        let path = directory.write(
            Array((Self.record(labels: [1]) + Self.record(labels: [2])).dropLast(100)), to: "cut.bin")
        #expect(throws: DatasetError("\(path): truncated: expected 6146 bytes (whole 3073-byte records), found 6046")) {
            try CIFAR.load(batchFiles: [path])
        }
        let empty = directory.write([], to: "empty.bin")
        #expect(throws: DatasetError("\(empty): empty file; expected records of 3073 bytes")) {
            try CIFAR.load(batchFiles: [empty])
        }
    }

    @Test("a CIFAR-100 file read as CIFAR-10 is caught by its size or its labels")
    func wrongFormat() throws {
        let directory = TemporaryDirectory()
        let hundred = directory.write(Self.record(labels: [1, 2]), to: "test.bin")
        #expect(
            throws: DatasetError(
                "\(hundred): truncated: expected 6146 bytes (whole 3073-byte records), found 3074; its size fits 3074-byte records: is it a CIFAR-100 file?"
            )
        ) {
            try CIFAR.load(batchFiles: [hundred])
        }
        let ten = directory.write(Self.record(labels: [12]), to: "ten.bin")
        #expect(
            throws: DatasetError(
                "\(ten): label 12 of record 0 is out of range 0..<10 for cifar10; is this a CIFAR-100 file?")
        ) {
            try CIFAR.load(batchFiles: [ten])
        }
    }
}
