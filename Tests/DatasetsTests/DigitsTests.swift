import Datasets
import Tensors
import Testing
import _TestSupport

@Suite("UCI digits CSV")
struct DigitsTests {
    /// A row: 64 pixels (index mod 17) and the label.
    static func row(label: Int, shift: Int = 0) -> String {
        ((0..<64).map { String(($0 + shift) % 17) } + [String(label)]).joined(separator: ",")
    }

    @Test("rows become (N, 1, 8, 8) images scaled by 1/16, plain or gzip-compressed", arguments: [false, true])
    func readsRows(compressed: Bool) throws {
        let directory = TemporaryDirectory()
        let text = Self.row(label: 3) + "\r\n" + Self.row(label: 9, shift: 5) + "\n"
        let bytes = Array(text.utf8)
        let path = directory.write(compressed ? GzipFixture.compress(bytes) : bytes, to: "digits.csv.gz")
        let dataset = try Digits.load(path: path)
        #expect(dataset.images.shape == [2, 1, 8, 8])
        #expect(dataset.labels == [3, 9])
        #expect(dataset.classCount == 10)
        #expect(dataset.images.scalars[16] == 1)  // pixel 16 of row 0 is 16
        #expect(dataset.images.scalars[64 + 3] == Float(8) / 16)  // row 1, pixel 3: (3 + 5) % 17 = 8
    }

    @Test("a short row, a pixel above 16 and a label above 9 name the line and column")
    func malformed() throws {
        let directory = TemporaryDirectory()
        let short = directory.write(Array((Self.row(label: 1) + "\n" + "1,2,3\n").utf8), to: "short.csv")
        #expect(throws: DatasetError("\(short): line 2 has 3 values, expected 65 (64 pixels and a label)")) {
            try Digits.load(path: short)
        }
        let bright = directory.write(Array(Self.row(label: 1).replacingOccurrences16().utf8), to: "bright.csv")
        #expect(throws: DatasetError("\(bright): line 1, column 17: pixel '17' is not an integer in 0...16")) {
            try Digits.load(path: bright)
        }
        let label = directory.write(Array(Self.row(label: 10).utf8), to: "label.csv")
        #expect(throws: DatasetError("\(label): line 1, column 65: label '10' is not an integer in 0...9")) {
            try Digits.load(path: label)
        }
        let empty = directory.write(Array("\n".utf8), to: "empty.csv")
        #expect(throws: DatasetError("\(empty): no rows; run Scripts/fetch-datasets.sh")) {
            try Digits.load(path: empty)
        }
    }
}

extension String {
    /// The row with its 17th value (16) replaced by 17.
    fileprivate func replacingOccurrences16() -> String {
        var fields = split(separator: ",").map(String.init)
        fields[16] = "17"
        return fields.joined(separator: ",")
    }
}
