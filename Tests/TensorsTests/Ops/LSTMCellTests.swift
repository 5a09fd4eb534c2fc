#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Tensors
import _TestSupport

@Suite("LSTM cell")
struct LSTMCellTests {
    /// Input (N, I), hidden, cell (N, H), weights (I, 4H), (H, 4H), bias (4H), for N = 2, I = 3, H = 4.
    static func inputs(batch: Int = 2, inputSize: Int = 3, hiddenSize: Int = 4) -> [Tensor] {
        [
            TestTensors.normal([batch, inputSize], seed: 61),
            TestTensors.normal([batch, hiddenSize], seed: 62),
            TestTensors.normal([batch, hiddenSize], seed: 63),
            TestTensors.normal([inputSize, 4 * hiddenSize], seed: 64, scale: 0.5),
            TestTensors.normal([hiddenSize, 4 * hiddenSize], seed: 65, scale: 0.5),
            TestTensors.normal([4 * hiddenSize], seed: 66, scale: 0.5),
        ]
    }

    static func cell(_ v: [Variable]) -> (hidden: Variable, cell: Variable) {
        lstmCell(input: v[0], hidden: v[1], cell: v[2], inputWeight: v[3], hiddenWeight: v[4], bias: v[5])
    }

    @Test("lstmCell passes the gradient check for all six inputs, through both outputs")
    func gradients() {
        let reports = GradientCheck().run(Self.inputs()) { v in
            let (hidden, cell) = Self.cell(v)
            return concatenate([hidden, cell], axis: 1)
        }
        #expect(reports.count == 6)
        for report in reports { #expect(report.passed, "\(report)") }
    }

    @Test("lstmCell equals the same step composed of matmul, slices, sigmoid and tanh")
    func composedReference() {
        let hiddenSize = 5
        let v = Self.inputs(batch: 3, inputSize: 4, hiddenSize: hiddenSize).map(Variable.init)
        let fused = Self.cell(v)
        let gates = matmul(v[0], v[3]) + matmul(v[1], v[4]) + v[5]
        let blocks = split(gates, sizes: Array(repeating: hiddenSize, count: 4), axis: 1)
        let i = sigmoid(blocks[0]), f = sigmoid(blocks[1]), g = tanh(blocks[2]), o = sigmoid(blocks[3])
        let cell = f * v[2] + i * g
        let hidden = o * tanh(cell)
        #expect(fused.hidden.shape == [3, hiddenSize] && fused.cell.shape == [3, hiddenSize])
        for (a, b) in zip(fused.hidden.value.scalars + fused.cell.value.scalars,
                          hidden.value.scalars + cell.value.scalars) {
            #expect(Swift.abs(a - b) < 1e-5, "\(a) vs \(b)")
        }
    }

    @Test("a one-unit step computed by hand, gates in the order i, f, g, o")
    func handComputed() {
        func sigma(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
        // x = 1, h = 0.5, c = 0.2; gate pre-activations a = x·Wᵢ + h·Wₕ + b.
        let wi: [Float] = [0.1, 0.2, 0.3, 0.4], wh: [Float] = [0.5, -0.5, 1, -1], b: [Float] = [0, 0.1, -0.1, 0.2]
        let a: [Double] = (0..<4).map { (k: Int) -> Double in
            let fromInput = Double(wi[k]) * 1
            let fromHidden = Double(wh[k]) * 0.5
            return fromInput + fromHidden + Double(b[k])
        }
        let newCell = sigma(a[1]) * 0.2 + sigma(a[0]) * tanh(a[2])
        let newHidden = sigma(a[3]) * tanh(newCell)
        let result = lstmCell(
            input: Variable(Tensor(shape: [1, 1], scalars: [1])),
            hidden: Variable(Tensor(shape: [1, 1], scalars: [0.5])),
            cell: Variable(Tensor(shape: [1, 1], scalars: [0.2])),
            inputWeight: Variable(Tensor(shape: [1, 4], scalars: wi)),
            hiddenWeight: Variable(Tensor(shape: [1, 4], scalars: wh)),
            bias: Variable(Tensor(shape: [4], scalars: b)))
        #expect(Swift.abs(Double(result.cell.value.scalar) - newCell) < 1e-6)
        #expect(Swift.abs(Double(result.hidden.value.scalar) - newHidden) < 1e-6)
    }

    @Test("a hidden weight of the wrong shape names the op and the expected shape")
    func badWeight() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = lstmCell(
                input: Variable(Tensor(zeros: [2, 3])), hidden: Variable(Tensor(zeros: [2, 4])),
                cell: Variable(Tensor(zeros: [2, 4])), inputWeight: Variable(Tensor(zeros: [3, 16])),
                hiddenWeight: Variable(Tensor(zeros: [4, 12])), bias: Variable(Tensor(zeros: [16])))
        }.map { result in
            let text = String(decoding: result.standardErrorContent, as: UTF8.self)
            #expect(text.contains("lstmCell: hiddenWeight has shape [4, 12] but hidden [2, 4] needs [4, 16]"))
        }
    }
}
