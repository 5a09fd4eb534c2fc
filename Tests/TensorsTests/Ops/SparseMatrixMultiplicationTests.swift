import Testing
import Tensors
import _TestSupport

@Suite("Sparse matrix multiplication")
struct SparseMatrixMultiplicationTests {
    /// A 4 x 5 pattern with an empty row (row 2) and a full row (row 3).
    static let pattern = SparsityPattern(
        rows: 4, columns: 5,
        edges: [(0, 1), (0, 4), (1, 0), (1, 1), (1, 3), (3, 0), (3, 1), (3, 2), (3, 3), (3, 4)])

    @Test("sparseMatmul equals matmul of the densified matrix")
    func matchesDense() {
        let values = TestTensors.normal([Self.pattern.nonzeroCount], seed: 71)
        let dense = TestTensors.normal([5, 3], seed: 72)
        let sparse = sparseMatmul(Self.pattern, values: Variable(values), Variable(dense)).value
        let reference = matmul(Variable(Self.pattern.densified(values: values)), Variable(dense)).value
        #expect(sparse.shape == [4, 3])
        for (a, b) in zip(sparse.scalars, reference.scalars) { #expect(Swift.abs(a - b) < 1e-5, "\(a) vs \(b)") }
        #expect(sparse.scalars[6..<9].allSatisfy { $0 == 0 })  // the empty row
    }

    @Test("sparseMatmul passes the gradient check for the values and the dense matrix")
    func gradients() {
        let values = TestTensors.normal([Self.pattern.nonzeroCount], seed: 73)
        let dense = TestTensors.normal([5, 3], seed: 74)
        let reports = GradientCheck().run([values, dense]) { sparseMatmul(Self.pattern, values: $0[0], $0[1]) }
        #expect(reports.count == 2)
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test("the gradient of a value is the dot product of its upstream row and its dense row")
    func valueGradient() {
        let pattern = SparsityPattern(rows: 2, columns: 2, edges: [(1, 0)])
        let tape = Tape()
        let values = tape.variable(Tensor(shape: [1], scalars: [3]))
        let dense = tape.variable(Tensor(shape: [2, 2], scalars: [1, 2, 5, 7]))
        let product = sparseMatmul(pattern, values: values, dense)
        let gradients = tape.gradients(of: product, seed: Tensor(shape: [2, 2], scalars: [9, 9, 10, 100]))
        #expect(gradients[values].scalars == [10 * 1 + 100 * 2])  // ⟨G[1], dense[0]⟩
        #expect(gradients[dense].scalars == [30, 300, 0, 0])  // 3 · G[1] into row 0
    }

    @Test("values that do not match the pattern name the op and the entry count")
    func badValues() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let pattern = SparsityPattern(rows: 2, columns: 2, edges: [(0, 0), (1, 1)])
            _ = sparseMatmul(pattern, values: Variable(Tensor(zeros: [3])), Variable(Tensor(zeros: [2, 4])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("sparseMatmul: values have shape [3] but the pattern stores 2 entries"))
        }
    }

    @Test("a dense matrix of the wrong height names the op and both sizes")
    func badDense() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let pattern = SparsityPattern(rows: 2, columns: 2, edges: [(0, 0), (1, 1)])
            _ = sparseMatmul(pattern, values: Variable(Tensor(zeros: [2])), Variable(Tensor(zeros: [3, 4])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("sparseMatmul: dense has shape [3, 4] but a 2 x 2 sparse matrix needs (2, F)"))
        }
    }
}
