import Layers
import Tensors
import Testing

@Suite("Pooling layers")
struct PoolingTests {
    // A 4x4 plane holding 1...16 row by row.
    let plane = Variable(Tensor(shape: [1, 1, 4, 4], scalars: (1...16).map(Float.init)))

    @Test("MaxPool2D 2x2 takes each block's maximum; stride defaults to the kernel size")
    func maxPool() {
        let pool = MaxPool2D(kernelSize: 2)
        #expect(pool.stride == 2 && pool.parameters.isEmpty)
        #expect(pool(plane, mode: .evaluation).value == Tensor(shape: [1, 1, 2, 2], scalars: [6, 8, 14, 16]))
    }

    @Test("AvgPool2D 3x3, stride 1, padding 1: the corner averages 4 values, or divides by 9 when counting padding")
    func avgPool() {
        let excluding = AvgPool2D(kernelSize: 3, stride: 1, padding: 1)(plane, mode: .evaluation).value
        let including = AvgPool2D(kernelSize: 3, stride: 1, padding: 1, countingPadding: true)(plane, mode: .evaluation).value
        #expect(excluding.shape == [1, 1, 4, 4])
        #expect(excluding.scalars[0] == Float(1 + 2 + 5 + 6) / 4)
        #expect(including.scalars[0] == Float(1 + 2 + 5 + 6) / 9)
        #expect(excluding.scalars[5] == Float(1 + 2 + 3 + 5 + 6 + 7 + 9 + 10 + 11) / 9)  // an interior window
    }

    @Test("the pooling layers are their ops")
    func matchOps() {
        let x = Variable(TestInputs.normal([2, 3, 7, 7], seed: 1))
        #expect(MaxPool2D(kernelSize: 3, stride: 2, padding: 1)(x, mode: .evaluation).value
            == maxPool2d(x, kernelSize: 3, stride: 2, padding: 1).value)
        #expect(AvgPool2D(kernelSize: 3, stride: 2, padding: 1, countingPadding: true)(x, mode: .evaluation).value
            == avgPool2d(x, kernelSize: 3, stride: 2, padding: 1, countingPadding: true).value)
    }

    @Test("GlobalAveragePool averages each plane to (N, C)")
    func globalAverage() {
        let y = GlobalAveragePool()(plane, mode: .evaluation)
        #expect(y.value == Tensor(shape: [1, 1], scalars: [8.5]))
    }
}
