import Datasets
import Tensors
import Testing

@Suite("Normalisation and resampling")
struct PreprocessingTests {
    @Test("channel statistics and normalisation give zero mean and unit deviation per channel")
    func normalisation() {
        // Two 2-channel 1 x 2 images: channel 0 holds 1, 3, 5, 7; channel 1 holds 10 everywhere.
        let dataset = ImageDataset(
            images: Tensor(shape: [2, 2, 1, 2], scalars: [1, 3, 10, 10, 5, 7, 10, 10]), labels: [0, 1], classCount: 2)
        let statistics = ChannelStatistics(of: dataset)
        #expect(statistics.mean == [4, 10])
        #expect(statistics.standardDeviation == [Float(5).squareRoot(), 0])  // population: (9 + 1 + 1 + 9) / 4
        let normalized = dataset.normalized(by: statistics)
        let scale = 1 / Float(5).squareRoot()
        #expect(normalized.images.scalars == [-3 * scale, -1 * scale, 0, 0, 1 * scale, 3 * scale, 0, 0])
        #expect(statistics.normalizedZero == [-4 / Float(5).squareRoot(), -10])
        let given = dataset.normalized(by: ChannelStatistics(mean: [1, 0], standardDeviation: [2, 10]))
        #expect(given.images.scalars == [0, 1, 1, 1, 2, 3, 1, 1])
    }

    @Test("area resampling keeps a constant image constant", arguments: [(28, 14), (28, 16), (28, 9), (8, 3), (5, 7)])
    func constant(sizes: (Int, Int)) {
        let (input, output) = sizes
        let images = Tensor(repeating: 0.37, shape: [2, 3, input, input])
        let resized = AreaResampling.resize(images, height: output, width: output)
        #expect(resized.shape == [2, 3, output, output])
        #expect(resized.scalars.allSatisfy { abs($0 - 0.37) < 1e-6 }, "\(resized)")
    }

    @Test("halving averages 2 x 2 blocks exactly")
    func halving() {
        let image = Tensor(shape: [1, 1, 4, 4], scalars: (0..<16).map(Float.init))
        let resized = AreaResampling.resize(image, height: 2, width: 2)
        #expect(resized.scalars == [2.5, 4.5, 10.5, 12.5])  // e.g. (0 + 1 + 4 + 5) / 4
    }

    @Test("a fractional scale weights partly covered pixels by the covered area")
    func fractional() {
        // 3 -> 2 columns: each output covers 1.5 inputs, [0, 1.5) and [1.5, 3).
        let row = Tensor(shape: [1, 1, 1, 3], scalars: [3, 6, 12])
        let resized = AreaResampling.resize(row, height: 1, width: 2)
        let expected: [Float] = [(3 + 0.5 * 6) / 1.5, (0.5 * 6 + 12) / 1.5]  // 4, 10
        #expect(zip(resized.scalars, expected).allSatisfy { abs($0 - $1) < 1e-5 }, "\(resized.scalars)")
        // 28 -> 16 on a horizontal ramp (pixel x holds x, so the image is floor(t) for t in [0, 28)): output
        // column x is the mean of floor over [1.75x, 1.75x + 1.75), from the antiderivative
        // F(t) = floor(t) (t - floor(t)) + floor(t) (floor(t) - 1) / 2.
        func antiderivative(_ t: Double) -> Double {
            let whole = t.rounded(.down)
            return whole * (t - whole) + whole * (whole - 1) / 2
        }
        let ramp = Tensor(shape: [1, 1, 28, 28], scalars: (0..<784).map { Float($0 % 28) })
        let small = AreaResampling.resize(ramp, height: 16, width: 16)
        for x in 0..<16 {
            let start = 1.75 * Double(x)
            let expected = Float((antiderivative(start + 1.75) - antiderivative(start)) / 1.75)
            #expect(
                abs(small.scalars[5 * 16 + x] - expected) < 1e-4,
                "column \(x): \(small.scalars[5 * 16 + x]) vs \(expected)")
        }
        let dataset = ImageDataset(images: ramp, labels: [0], classCount: 1).resized(height: 16, width: 16)
        #expect(dataset.images == small)
    }
}
