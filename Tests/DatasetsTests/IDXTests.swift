import Datasets
import Tensors
import Testing
import _TestSupport

@Suite("IDX files")
struct IDXTests {
    /// Two 2 x 3 images with bytes 0, 51, 102, ... and their labels.
    static let imageBytes: [UInt8] = (0..<12).map { UInt8(($0 * 51) % 256) }

    @Test(
        "images and labels are read, plain or gzip-compressed, with pixels scaled to [0, 1]", arguments: [false, true])
    func readsSmallFiles(compressed: Bool) throws {
        let directory = TemporaryDirectory()
        let encode = { (bytes: [UInt8]) in compressed ? GzipFixture.compress(bytes) : bytes }
        let images = directory.write(encode(Fixture.idx(shape: [2, 2, 3], data: Self.imageBytes)), to: "images")
        let labels = directory.write(encode(Fixture.idx(shape: [2], data: [7, 0])), to: "labels")
        let dataset = try IDX.loadDataset(images: images, labels: labels, classCount: 10)
        #expect(dataset.images.shape == [2, 1, 2, 3])
        #expect(dataset.images.scalars == Self.imageBytes.map { Float($0) / 255 })
        #expect(dataset.images.scalars[5] == 1)  // 255 maps to exactly 1
        #expect(dataset.labels == [7, 0])
        #expect(dataset.classCount == 10)
    }

    @Test("a gzip file of several members and one larger than a stored block are read whole")
    func gzipMembers() throws {
        let directory = TemporaryDirectory()
        let data = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let whole = Fixture.idx(shape: [2, 400, 250], data: data)
        let split = GzipFixture.compress(Array(whole[..<1000])) + GzipFixture.compress(Array(whole[1000...]))
        let images = try IDX.readImages(directory.write(split, to: "members.gz"))
        #expect(images.shape == [2, 1, 400, 250])
        #expect(images.scalars == data.map { Float($0) / 255 })
    }

    @Test("a labels file where images are expected is a bad magic number")
    func badMagic() throws {
        let directory = TemporaryDirectory()
        let labels = directory.write(Fixture.idx(shape: [2], data: [1, 2]), to: "labels")
        #expect(
            throws: DatasetError(
                "\(labels): bad magic number 0x00000801, expected 0x00000803 (IDX images: unsigned bytes, 3 dimensions); is this the images file?"
            )
        ) {
            try IDX.readImages(labels)
        }
        let floats = directory.write(Fixture.idx(shape: [1], data: [0, 0, 0, 0], typeCode: 0x0D), to: "floats")
        #expect(
            throws: DatasetError(
                "\(floats): bad magic number 0x00000D01, expected 0x00000801 (IDX labels: unsigned bytes, 1 dimension); is this the labels file?"
            )
        ) {
            try IDX.readLabels(floats, classCount: 10)
        }
        let text = directory.write(Array("hello, world".utf8), to: "text")
        #expect(
            throws: DatasetError(
                "\(text): bad magic number 0x68656C6C, expected 0x00000801 (IDX labels: unsigned bytes, 1 dimension); is this the labels file?"
            )
        ) {
            try IDX.readLabels(text, classCount: 10)
        }
    }

    @Test("a truncated file says how many bytes were expected and found", arguments: [false, true])
    func truncated(compressed: Bool) throws {
        let directory = TemporaryDirectory()
        let full = Fixture.idx(shape: [2, 2, 3], data: Self.imageBytes)  // 16 + 12 = 28 bytes
        let cut = Array(full.prefix(25))
        let path = directory.write(compressed ? GzipFixture.compress(cut) : cut, to: "cut")
        #expect(throws: DatasetError("\(path): truncated: expected 28 bytes for shape [2, 2, 3], found 25")) {
            try IDX.readImages(path)
        }
        let header = directory.write(Array(full.prefix(10)), to: "header")
        #expect(throws: DatasetError("\(header): truncated: expected at least 16 bytes of IDX header, found 10")) {
            try IDX.readImages(header)
        }
        let extra = directory.write(full + [0, 0], to: "extra")
        #expect(throws: DatasetError("\(extra): 2 unexpected bytes after the 28 bytes of shape [2, 2, 3]")) {
            try IDX.readImages(extra)
        }
    }

    @Test("a gzip stream that ends early or is corrupt is reported")
    func brokenGzip() throws {
        let directory = TemporaryDirectory()
        let compressed = GzipFixture.compress(Fixture.idx(shape: [3], data: [1, 2, 3]))
        let cut = directory.write(Array(compressed.dropLast(6)), to: "cut.gz")
        let error = #expect(throws: DatasetError.self) { try IDX.readLabels(cut, classCount: 10) }
        #expect(
            error?.message.hasPrefix(
                "\(cut): truncated gzip data: the compressed stream ends after 28 bytes (11 bytes decompressed)")
                == true, "\(String(describing: error))")
        var corrupt = compressed
        corrupt[corrupt.count - 5] ^= 0xFF  // the stored CRC-32 no longer matches
        let bad = directory.write(corrupt, to: "bad.gz")
        #expect(
            throws: DatasetError(
                "\(bad): corrupt gzip data after 11 decompressed bytes: incorrect data check; download the file again")
        ) {
            try IDX.readLabels(bad, classCount: 10)
        }
    }

    @Test("labels outside the classes and mismatched counts are errors")
    func inconsistent() throws {
        let directory = TemporaryDirectory()
        let labels = directory.write(Fixture.idx(shape: [3], data: [1, 10, 2]), to: "labels")
        #expect(throws: DatasetError("\(labels): label 10 at index 1 is out of range 0..<10")) {
            try IDX.readLabels(labels, classCount: 10)
        }
        let images = directory.write(Fixture.idx(shape: [2, 2, 3], data: Self.imageBytes), to: "images")
        #expect(
            throws: DatasetError(
                "\(images): image/label count mismatch: 2 images but \(labels) has 3 labels; use files from the same split"
            )
        ) {
            try IDX.loadDataset(images: images, labels: labels, classCount: 11)
        }
        let missing = directory.path + "/missing"
        #expect(throws: DatasetError("\(missing): no such file")) { try IDX.readImages(missing) }
    }
}
