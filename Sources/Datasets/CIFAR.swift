import Tensors

/// Reader for the binary batches of CIFAR-10 and CIFAR-100 (Krizhevsky 2009): fixed-size records of label
/// byte(s) followed by a 32 x 32 colour image as 1024 red, 1024 green, then 1024 blue bytes, each plane row by
/// row, which is already (C, H, W) order.
public enum CIFAR {
    /// Which record layout and which labels to read.
    public enum Format: Sendable, Hashable, CaseIterable {
        /// CIFAR-10: 1 label byte (10 classes) + 3072 pixel bytes.
        case cifar10
        /// CIFAR-100 with its 100 fine labels: records are 1 coarse + 1 fine label byte + 3072 pixel bytes.
        case cifar100
        /// CIFAR-100 with its 20 coarse (superclass) labels.
        case cifar100Coarse

        /// Bytes per record: label bytes plus 3 x 32 x 32 pixels.
        public var recordSize: Int { self == .cifar10 ? 3073 : 3074 }

        /// The number of classes of the labels read.
        public var classCount: Int {
            switch self {
            case .cifar10: 10
            case .cifar100: 100
            case .cifar100Coarse: 20
            }
        }

        /// The offset of the label byte used within a record.
        var labelOffset: Int { self == .cifar100 ? 1 : 0 }
    }

    /// Reads and concatenates CIFAR binary batch files (e.g. `data_batch_1.bin` ... `data_batch_5.bin`, or
    /// `test_batch.bin`; `train.bin` / `test.bin` for CIFAR-100) into one dataset of (N, 3, 32, 32) images
    /// scaled to [0, 1].
    ///
    /// - Parameters:
    ///   - batchFiles: The files, read in order; each may be gzip-compressed.
    ///   - format: `.cifar10` (default), `.cifar100` (fine labels) or `.cifar100Coarse`.
    /// - Throws: ``DatasetError`` if a file is missing, is not a whole number of records, or holds a label
    ///   outside the format's classes.
    /// - Complexity: O(total bytes).
    public static func load(batchFiles: [String], format: Format = .cifar10) throws(DatasetError) -> ImageDataset {
        var pixels: [UInt8] = []
        var labels: [Int32] = []
        let pixelCount = 3 * 32 * 32
        for path in batchFiles {
            let bytes = try FileBytes.read(path)
            try checkRecords(bytes.count, path: path, format: format)
            let recordCount = bytes.count / format.recordSize
            pixels.reserveCapacity(pixels.count + recordCount * pixelCount)
            labels.reserveCapacity(labels.count + recordCount)
            for record in 0..<recordCount {
                let start = record * format.recordSize
                let label = Int32(bytes[start + format.labelOffset])
                guard label < format.classCount else {
                    throw DatasetError(
                        "\(path): label \(label) of record \(record) is out of range 0..<\(format.classCount) "
                            + "for \(format); is this a \(format == .cifar10 ? "CIFAR-100" : "CIFAR-10") file?")
                }
                labels.append(label)
                let imageStart = start + format.recordSize - pixelCount
                pixels.append(contentsOf: bytes[imageStart..<imageStart + pixelCount])
            }
        }
        let images = Tensor(shape: [labels.count, 3, 32, 32], scalars: PixelScaling.unitInterval(pixels[...]))
        return ImageDataset(images: images, labels: labels, classCount: format.classCount)
    }

    private static func checkRecords(_ size: Int, path: String, format: Format) throws(DatasetError) {
        guard size > 0 else {
            throw DatasetError("\(path): empty file; expected records of \(format.recordSize) bytes")
        }
        guard size % format.recordSize != 0 else { return }
        let expected = (size / format.recordSize + 1) * format.recordSize
        var message =
            "\(path): truncated: expected \(expected) bytes (whole \(format.recordSize)-byte records), found \(size)"
        if let other = Format.allCases.first(where: { $0.recordSize != format.recordSize && size % $0.recordSize == 0 })
        {
            message +=
                "; its size fits \(other.recordSize)-byte records: is it a \(other == .cifar10 ? "CIFAR-10" : "CIFAR-100") file?"
        }
        throw DatasetError(message)
    }
}
