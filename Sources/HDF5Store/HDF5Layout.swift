/// How a dataset's elements are laid out in the file: contiguously, or in chunks that may be compressed with
/// gzip (deflate).
///
/// Chunking needs at least one element and rank at least 1: rank-0 and empty datasets are always written
/// contiguously, whatever the layout asks.
public struct HDF5Layout: Sendable, Hashable {
    /// The extent of one chunk per dimension, or `nil` for contiguous storage (or, with
    /// ``compressionLevel`` set, for a chunk shape chosen on write: the whole dataset, with the outer
    /// dimensions halved until a chunk holds at most 1 MiB).
    public var chunkShape: [Int]?
    /// The gzip level, 0 (store) to 9 (smallest), or `nil` for no compression.
    public var compressionLevel: Int?

    /// Creates a layout; see ``chunked(_:compressionLevel:)`` and ``compressed(level:)``.
    public init(chunkShape: [Int]? = nil, compressionLevel: Int? = nil) {
        self.chunkShape = chunkShape
        self.compressionLevel = compressionLevel
    }

    /// All elements in one contiguous block (HDF5's default).
    public static let contiguous = HDF5Layout()

    /// Chunks of `chunkShape` elements (same rank as the dataset, every extent positive), optionally
    /// gzip-compressed at `compressionLevel`.
    public static func chunked(_ chunkShape: [Int], compressionLevel: Int? = nil) -> HDF5Layout {
        HDF5Layout(chunkShape: chunkShape, compressionLevel: compressionLevel)
    }

    /// gzip compression at `level` (default 4) with an automatically chosen chunk shape.
    public static func compressed(level: Int = 4) -> HDF5Layout {
        HDF5Layout(chunkShape: nil, compressionLevel: level)
    }

    /// The chunk shape to use for a dataset of `shape` with elements of `elementSize` bytes, or `nil` for
    /// contiguous storage.
    func resolvedChunkShape(for shape: [Int], elementSize: Int) -> [Int]? {
        guard !shape.isEmpty, !shape.contains(0) else { return nil }
        if let chunkShape { return chunkShape }
        guard compressionLevel != nil else { return nil }
        var chunk = shape
        let limit = 1 << 20
        var dimension = 0
        while chunk.reduce(elementSize, *) > limit, dimension < chunk.count {
            if chunk[dimension] > 1 { chunk[dimension] = (chunk[dimension] + 1) / 2 } else { dimension += 1 }
        }
        return chunk
    }
}
