import NASCore

/// Architectures encoded as the rows of a dense `Float` matrix, the input every model-based predictor reads.
public struct EncodedArchitectures: Hashable, Sendable {
    /// The values, row-major: row `i` is architecture `i`'s encoding.
    public let values: [Float]
    /// The number of architectures.
    public let rowCount: Int
    /// The length of each encoding.
    public let columnCount: Int

    /// Encodes `architectures` of `space` as `encoding`.
    ///
    /// - Throws: ``SearchError`` if the space does not provide `encoding` (naming those it does) or its vectors
    ///   differ in length.
    public init<Space: SearchSpace>(
        _ architectures: [Space.Architecture], as encoding: ArchitectureEncoding, in space: Space
    ) throws(SearchError) {
        guard space.encodings.contains(encoding) else {
            throw SearchError(
                "the space \(space.name) has no \(encoding.rawValue) encoding (it has "
                    + "\(space.encodings.map(\.rawValue).joined(separator: ", ")))")
        }
        var values: [Float] = []
        var columnCount = 0
        for (position, architecture) in architectures.enumerated() {
            let row = space.encode(architecture, as: encoding)
            if position == 0 { columnCount = row.count }
            guard row.count == columnCount else {
                throw SearchError(
                    "the space \(space.name) encoded two architectures as \(encoding.rawValue) vectors of lengths "
                        + "\(columnCount) and \(row.count); an encoding must have one length")
            }
            values.append(contentsOf: row)
        }
        self.values = values
        self.rowCount = architectures.count
        self.columnCount = columnCount
    }

    /// Wraps row-major `values` of `rowCount` rows (for feature matrices built from encodings, such as OMNI's).
    init(values: [Float], rowCount: Int, columnCount: Int) {
        self.values = values
        self.rowCount = rowCount
        self.columnCount = columnCount
    }

    /// The columns in which some row is not zero, ascending.
    ///
    /// - Complexity: O(rows × columns).
    public var nonzeroColumns: [Int] {
        var used = [Bool](repeating: false, count: columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount where values[row * columnCount + column] != 0 { used[column] = true }
        }
        return used.indices.filter { used[$0] }
    }

    /// The same rows restricted to `columns`, in that order.
    ///
    /// - Precondition: every column is in `0..<columnCount`.
    public func selecting(columns: [Int]) -> EncodedArchitectures {
        var selected: [Float] = []
        selected.reserveCapacity(rowCount * columns.count)
        for row in 0..<rowCount {
            for column in columns { selected.append(values[row * columnCount + column]) }
        }
        return EncodedArchitectures(values: selected, rowCount: rowCount, columnCount: columns.count)
    }
}
