import Testing
import Tensors
import _TestSupport

@Suite("Sparsity pattern")
struct SparseMatrixTests {
    @Test("edges in any order become sorted CSR arrays")
    func fromEdges() {
        let pattern = SparsityPattern(rows: 3, columns: 4, edges: [(2, 3), (0, 1), (2, 0), (0, 0)])
        #expect(pattern.rowOffsets == [0, 2, 2, 4])
        #expect(pattern.columnIndices == [0, 1, 0, 3])
        #expect(pattern.nonzeroCount == 4)
        #expect(pattern.edges.map { [$0.row, $0.column] } == [[0, 0], [0, 1], [2, 0], [2, 3]])
        #expect(pattern.position(row: 2, column: 3) == 3)
        #expect(pattern.position(row: 1, column: 0) == nil)
        #expect(pattern.position(row: 0, column: 2) == nil)
        #expect(pattern == SparsityPattern(rows: 3, columns: 4, rowOffsets: [0, 2, 2, 4], columnIndices: [0, 1, 0, 3]))
    }

    @Test("densified puts each value at its entry")
    func densified() {
        let pattern = SparsityPattern(rows: 2, columns: 3, edges: [(1, 2), (0, 1)])
        let dense = pattern.densified(values: Tensor(shape: [2], scalars: [7, 8]))
        #expect(dense == Tensor(shape: [2, 3], scalars: [0, 7, 0, 0, 0, 8]))
    }

    @Test("a duplicate edge is rejected by name")
    func duplicateEdge() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = SparsityPattern(rows: 2, columns: 2, edges: [(0, 1), (1, 0), (0, 1)])
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("SparsityPattern: edge (0, 1) occurs more than once"))
        }
    }

    @Test("an out-of-range column in CSR arrays is rejected by name")
    func badColumn() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = SparsityPattern(rows: 2, columns: 2, rowOffsets: [0, 1, 2], columnIndices: [0, 2])
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("SparsityPattern: column 2 in row 1 is out of range for 2 columns"))
        }
    }

    @Test("unsorted columns within a row are rejected by name")
    func unsortedColumns() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = SparsityPattern(rows: 1, columns: 3, rowOffsets: [0, 2], columnIndices: [2, 1])
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("SparsityPattern: columns of row 0 must strictly increase, got 2 then 1"))
        }
    }
}
