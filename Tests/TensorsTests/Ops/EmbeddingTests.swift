import Testing
import Tensors
import _TestSupport

@Suite("Embedding")
struct EmbeddingTests {
    @Test("embedding with repeated indices passes the gradient check")
    func gradients() {
        let table = TestTensors.normal([5, 3], seed: 51)
        let indices: [Int32] = [1, 3, 1, 0, 1]
        for report in GradientCheck().run([table], function: { embedding(indices, table: $0[0]) }) {
            #expect(report.passed, "\(report)")
        }
    }

    @Test("rows are picked in order, and a repeated index receives the sum of its gradients")
    func values() {
        let tape = Tape()
        let table = tape.variable(Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6]))
        let rows = embedding([2, 0, 2], table: table)
        #expect(rows.value == Tensor(shape: [3, 2], scalars: [5, 6, 1, 2, 5, 6]))
        let seed = Tensor(shape: [3, 2], scalars: [1, 10, 100, 1000, 2, 20])
        let gradient = tape.gradients(of: rows, seed: seed)[table]
        #expect(gradient == Tensor(shape: [3, 2], scalars: [100, 1000, 0, 0, 3, 30]))
    }

    @Test("an out-of-range index names the op, the index and the table size")
    func badIndex() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = embedding([0, 5], table: Variable(Tensor(zeros: [5, 2])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("embedding: index 5 at position 1 is out of range for a table of 5 rows"))
        }
    }
}
