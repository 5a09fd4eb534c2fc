import Layers
import Seeding
import Tensors
import Testing

@Suite("Embedding")
struct EmbeddingTests {
    @Test("names and shapes, and default standard-normal initialization")
    func parameters() {
        var rng = Xoshiro256(seed: 1)
        let table = Embedding(count: 200, dimension: 50, name: "controller.embedding", using: &rng)
        #expect(table.parameters.map(\.name) == ["controller.embedding.weight"])
        #expect(table.weight.shape == [200, 50])
        let values = table.weight.value.scalars.map(Double.init)
        let variance = values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
        #expect(Swift.abs(variance - 1) < 0.05)  // 10,000 draws: standard error of the variance ≈ 0.014
    }

    @Test("lookup returns the rows and scatters gradients back to them")
    func lookup() {
        var rng = Xoshiro256(seed: 1)
        let table = Embedding(count: 3, dimension: 2, name: "e", using: &rng)
        table.weight.value = Tensor(shape: [3, 2], scalars: [0, 1, 10, 11, 20, 21])
        let tape = Tape()
        let rows = table([2, 0, 2], on: tape)
        #expect(rows.value == Tensor(shape: [3, 2], scalars: [20, 21, 0, 1, 20, 21]))
        #expect(tape.gradients(of: rows.sum())[table.weight]?.scalars == [1, 1, 0, 0, 2, 2])
        #expect(!table([1], on: nil).isRecorded)
    }

    @Test("as a Layer, indices held in a tensor give input.shape + [dimension]")
    func layerForm() {
        var rng = Xoshiro256(seed: 1)
        let table = Embedding(count: 3, dimension: 2, name: "e", using: &rng)
        let y = table(Variable(Tensor(shape: [2, 2], scalars: [0, 1, 2, 0])), mode: .evaluation)
        #expect(y.shape == [2, 2, 2])
        #expect(Array(y.value.scalars[4..<6]) == Array(table.weight.value.scalars[4..<6]))
        let tape = Tape()
        let recorded = table(tape.constant(Tensor(shape: [2], scalars: [1, 1])), mode: .training(seed: 0))
        #expect(tape.gradients(of: recorded.sum())[table.weight]?.scalars == [0, 0, 2, 2, 0, 0])
    }
}
