import Tensors

/// The UCI optical-recognition handwritten digits as shipped with scikit-learn (`load_digits`): 1797 rows of
/// 64 pixel counts in 0...16 (an 8 x 8 image, row by row) followed by the class 0...9, comma-separated, in
/// `digits.csv.gz`.
///
/// The data have no official train/test split: use ``ImageDataset/stratifiedSplit(trainFraction:seed:)``.
public enum Digits {
    /// Where `Scripts/fetch-datasets.sh` puts the file, relative to the repository root.
    public static let defaultPath = "data/digits/digits.csv.gz"
    /// Rows in scikit-learn's file.
    public static let rowCount = 1797

    /// Reads the digits CSV (gzip-compressed or not) as (N, 1, 8, 8) images scaled from 0...16 to [0, 1]
    /// with 10 classes.
    ///
    /// - Throws: ``DatasetError`` if the file is missing, or a row does not have 65 values, or a pixel is
    ///   outside 0...16, or a label outside 0...9 (naming the line and column).
    public static func load(path: String = defaultPath) throws(DatasetError) -> ImageDataset {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch {
            throw DatasetError(error.message + (path == defaultPath ? "; run Scripts/fetch-datasets.sh" : ""))
        }
        var pixels: [Float] = []
        var labels: [Int32] = []
        pixels.reserveCapacity(rowCount * 64)
        labels.reserveCapacity(rowCount)
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            if fields.count == 1, fields[0].allSatisfy(isSpace) { continue }  // blank line
            guard fields.count == 65 else {
                throw DatasetError(
                    "\(path): line \(lineNumber) has \(fields.count) values, expected 65 (64 pixels and a label)")
            }
            for (column, field) in fields.enumerated() {
                let maximum = column < 64 ? 16 : 9
                guard let value = integer(field), value <= maximum else {
                    let text = String(decoding: field, as: UTF8.self)
                    let what = column < 64 ? "pixel" : "label"
                    throw DatasetError(
                        "\(path): line \(lineNumber), column \(column + 1): \(what) '\(text)' is not an integer in 0...\(maximum)"
                    )
                }
                if column < 64 { pixels.append(Float(value) / 16) } else { labels.append(Int32(value)) }
            }
        }
        guard !labels.isEmpty else { throw DatasetError("\(path): no rows; run Scripts/fetch-datasets.sh") }
        return ImageDataset(
            images: Tensor(shape: [labels.count, 1, 8, 8], scalars: pixels), labels: labels, classCount: 10)
    }

    /// A non-negative decimal integer of at most 6 digits, with optional surrounding spaces (and a trailing
    /// carriage return), or `nil`.
    private static func integer(_ field: ArraySlice<UInt8>) -> Int? {
        let digits = field.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }
}
