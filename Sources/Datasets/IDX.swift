import Tensors

/// Readers for the IDX format of MNIST and Fashion-MNIST (LeCun et al. 1998): a big-endian header
/// `00 00 <type> <rank>`, one 32-bit big-endian extent per dimension, then the elements in row-major order.
/// Files may be gzip-compressed (detected by their magic bytes). Only unsigned-byte elements (type 0x08)
/// are read, which is what every MNIST-style file uses.
public enum IDX {
    /// The magic number of an IDX file of unsigned bytes with one dimension (labels).
    static let labelMagic: UInt32 = 0x0000_0801
    /// The magic number of an IDX file of unsigned bytes with three dimensions (images).
    static let imageMagic: UInt32 = 0x0000_0803

    /// Reads an image file: N images of H x W bytes become an (N, 1, H, W) tensor scaled from 0...255 to [0, 1].
    ///
    /// - Throws: ``DatasetError`` if the file is missing, has another magic number than 0x00000803, or is
    ///   truncated.
    /// - Complexity: O(N H W).
    public static func readImages(_ path: String) throws(DatasetError) -> Tensor {
        let (shape, bytes, dataStart) = try parse(path, expecting: imageMagic, what: "images")
        let scalars = PixelScaling.unitInterval(bytes[dataStart...])
        return Tensor(shape: [shape[0], 1, shape[1], shape[2]], scalars: scalars)  // (N, 1, H, W)
    }

    /// Reads a label file of N class indices, each below `classCount`.
    ///
    /// - Throws: ``DatasetError`` if the file is missing, has another magic number than 0x00000801, is
    ///   truncated, or holds a label outside `0..<classCount`.
    public static func readLabels(_ path: String, classCount: Int) throws(DatasetError) -> [Int32] {
        let (_, bytes, dataStart) = try parse(path, expecting: labelMagic, what: "labels")
        let labels = bytes[dataStart...].map { Int32($0) }
        if let index = labels.firstIndex(where: { $0 >= classCount }) {
            throw DatasetError("\(path): label \(labels[index]) at index \(index) is out of range 0..<\(classCount)")
        }
        return labels
    }

    /// Reads a pair of image and label files into a dataset.
    ///
    /// - Throws: ``DatasetError`` from either file, or if they hold different numbers of examples.
    public static func loadDataset(images: String, labels: String, classCount: Int) throws(DatasetError) -> ImageDataset
    {
        let imageTensor = try readImages(images)
        let labelValues = try readLabels(labels, classCount: classCount)
        guard imageTensor.shape[0] == labelValues.count else {
            throw DatasetError(
                "\(images): image/label count mismatch: \(imageTensor.shape[0]) images but \(labels) has "
                    + "\(labelValues.count) labels; use files from the same split")
        }
        return ImageDataset(images: imageTensor, labels: labelValues, classCount: classCount)
    }

    /// Reads `path` and checks its header: the magic number, and that the file holds exactly the bytes
    /// its extents announce. Returns the extents, the bytes and where the elements start.
    static func parse(
        _ path: String, expecting magic: UInt32, what: String
    ) throws(DatasetError) -> (shape: [Int], bytes: [UInt8], dataStart: Int) {
        let bytes = try FileBytes.read(path)
        let rank = Int(magic & 0xFF)
        let headerSize = 4 + 4 * rank
        guard bytes.count >= 4 else {
            throw DatasetError(
                "\(path): truncated: expected at least \(headerSize) bytes of IDX header, found \(bytes.count)")
        }
        let found = bigEndianWord(bytes, at: 0)
        guard found == magic else {
            throw DatasetError(
                "\(path): bad magic number 0x\(hex(found)), expected 0x\(hex(magic)) (IDX \(what): unsigned bytes, "
                    + "\(rank) dimension\(rank == 1 ? "" : "s")); is this the \(what) file?")
        }
        guard bytes.count >= headerSize else {
            throw DatasetError(
                "\(path): truncated: expected at least \(headerSize) bytes of IDX header, found \(bytes.count)")
        }
        let shape = (0..<rank).map { Int(bigEndianWord(bytes, at: 4 + 4 * $0)) }
        // Saturating arithmetic: a corrupt header may announce more elements than Int can count.
        var elements = 1
        for extent in shape {
            let (product, overflow) = elements.multipliedReportingOverflow(by: extent)
            elements = overflow ? Int.max : product
        }
        let expected = elements > Int.max - headerSize ? Int.max : headerSize + elements
        guard bytes.count >= expected else {
            throw DatasetError(
                "\(path): truncated: expected \(expected) bytes for shape \(shape), found \(bytes.count)")
        }
        guard bytes.count == expected else {
            throw DatasetError(
                "\(path): \(bytes.count - expected) unexpected bytes after the \(expected) bytes of shape \(shape)")
        }
        return (shape, bytes, headerSize)
    }

    private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
