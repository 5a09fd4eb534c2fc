/// The compressed sparse row (CSR) pattern of a (rows × columns) matrix: which entries are stored, not their
/// values.
///
/// The stored entries of row r are at positions `rowOffsets[r]..<rowOffsets[r + 1]`, with their columns in
/// `columnIndices` at the same positions, strictly increasing within each row. A values array of
/// `nonzeroCount` elements in this order (row by row, columns ascending) makes a sparse matrix; see
/// ``sparseMatmul(_:values:_:)``. Because the order is canonical, two patterns are equal exactly when they
/// store the same entries.
public struct SparsityPattern: Hashable, Sendable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// Where each row's entries start, plus the total at the end: `rows + 1` nondecreasing offsets from 0.
    public let rowOffsets: [Int32]
    /// The column of each stored entry, row by row.
    public let columnIndices: [Int32]

    /// Creates a pattern from CSR arrays, checking them.
    ///
    /// - Precondition: `rowOffsets` has `rows + 1` nondecreasing entries starting at 0 and ending at
    ///   `columnIndices.count`; every column index is in `0..<columns` and the columns of each row strictly
    ///   increase (sorted, no duplicates).
    public init(rows: Int, columns: Int, rowOffsets: [Int32], columnIndices: [Int32]) {
        precondition(
            rows >= 0 && columns >= 0,
            "SparsityPattern: negative size \(rows) x \(columns)")
        precondition(
            rowOffsets.count == rows + 1,
            "SparsityPattern: \(rowOffsets.count) row offsets for \(rows) rows; expected \(rows + 1)")
        precondition(
            rowOffsets[0] == 0 && Int(rowOffsets[rows]) == columnIndices.count,
            "SparsityPattern: row offsets must run from 0 to \(columnIndices.count) (the column index count), got \(rowOffsets[0]) to \(rowOffsets[rows])")
        for row in 0..<rows {
            let (start, end) = (Int(rowOffsets[row]), Int(rowOffsets[row + 1]))
            precondition(
                start <= end,
                "SparsityPattern: row offsets decrease at row \(row): \(start) then \(end)")
            for position in start..<end {
                let column = columnIndices[position]
                precondition(
                    column >= 0 && Int(column) < columns,
                    "SparsityPattern: column \(column) in row \(row) is out of range for \(columns) columns")
                precondition(
                    position == start || columnIndices[position - 1] < column,
                    "SparsityPattern: columns of row \(row) must strictly increase, got \(columnIndices[position - 1]) then \(column)")
            }
        }
        self.rows = rows
        self.columns = columns
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
    }

    /// Creates a pattern from (row, column) pairs in any order; they are sorted into CSR order.
    ///
    /// Duplicate pairs are rejected rather than merged, because each stored entry owns one element of the
    /// values array: look up positions with ``position(row:column:)`` or iterate ``edges``.
    ///
    /// - Precondition: every pair is in range and no pair occurs twice.
    /// - Complexity: O(e log e) for e edges.
    public init(rows: Int, columns: Int, edges: [(Int, Int)]) {
        precondition(rows >= 0 && columns >= 0, "SparsityPattern: negative size \(rows) x \(columns)")
        for (row, column) in edges {
            precondition(
                row >= 0 && row < rows && column >= 0 && column < columns,
                "SparsityPattern: edge (\(row), \(column)) is out of range for a \(rows) x \(columns) matrix")
        }
        let sorted = edges.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var offsets = [Int32](repeating: 0, count: rows + 1)
        for index in sorted.indices {
            let (row, column) = sorted[index]
            precondition(
                index == 0 || sorted[index - 1] != (row, column),
                "SparsityPattern: edge (\(row), \(column)) occurs more than once")
            offsets[row + 1] += 1
        }
        for row in 0..<rows { offsets[row + 1] += offsets[row] }
        self.init(rows: rows, columns: columns, rowOffsets: offsets, columnIndices: sorted.map { Int32($0.1) })
    }

    /// The number of stored entries.
    public var nonzeroCount: Int { columnIndices.count }

    /// The stored entries as (row, column) pairs, in the order of the values array.
    public var edges: [(row: Int, column: Int)] {
        (0..<rows).flatMap { row in
            (Int(rowOffsets[row])..<Int(rowOffsets[row + 1])).map { (row: row, column: Int(columnIndices[$0])) }
        }
    }

    /// The position of entry (row, column) in the values array, or `nil` when it is not stored.
    ///
    /// - Complexity: O(log of the row's entry count).
    public func position(row: Int, column: Int) -> Int? {
        guard row >= 0 && row < rows else { return nil }
        var (low, high) = (Int(rowOffsets[row]), Int(rowOffsets[row + 1]))
        while low < high {
            let middle = (low + high) / 2
            if Int(columnIndices[middle]) < column { low = middle + 1 } else { high = middle }
        }
        return low < Int(rowOffsets[row + 1]) && Int(columnIndices[low]) == column ? low : nil
    }

    /// The dense (rows, columns) matrix with `values` at the stored entries and zeros elsewhere.
    ///
    /// - Precondition: `values` has `nonzeroCount` elements.
    public func densified(values: Tensor) -> Tensor {
        precondition(
            values.count == nonzeroCount,
            "SparsityPattern.densified: \(values.count) values for a pattern with \(nonzeroCount) entries")
        var result = [Float](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for position in Int(rowOffsets[row])..<Int(rowOffsets[row + 1]) {
                result[row * columns + Int(columnIndices[position])] = values.scalars[position]
            }
        }
        return Tensor(shape: [rows, columns], scalars: result)
    }
}
