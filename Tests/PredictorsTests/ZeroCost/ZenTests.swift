import Foundation
import Layers
import NASModels
import NASSpaces
import Seeding
import Tensors
import Testing

@testable import Predictors

/// Zen-score against its definition written out in Double loops on a small network (3x3 convolution, batch norm in
/// training mode, ReLU, global pooling, linear), and on NB201 cells.
struct ZenTests {
    /// Conv2D(3 → 4, 3x3, padding 1, no bias), BatchNorm(4), ReLU, then global average pooling and Linear(4 → 10);
    /// the features before pooling are the ReLU's output.
    final class SmallNetwork: ObservableLayer {
        let convolution: Conv2D
        let batchNorm = BatchNorm(channels: 4, name: "net.1")
        let classifier: Linear
        init(seed: UInt64) {
            var rng = Xoshiro256(seed: seed)
            convolution = Conv2D(
                inputChannels: 3, outputChannels: 4, kernelSize: 3, padding: 1, bias: false, name: "net.0",
                using: &rng)
            classifier = Linear(inputSize: 4, outputSize: 10, name: "net.4", using: &rng)
        }
        var name: String { "net" }
        var parameters: [Parameter] { convolution.parameters + batchNorm.parameters + classifier.parameters }
        func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
            callAsFunction(input, mode: mode, observer: NoObserver())
        }
        func callAsFunction(_ input: Variable, mode: ForwardMode, observer: any ActivationObserver) -> Variable {
            let features = relu(batchNorm(convolution(input, mode: mode), mode: mode))
            observer.observeFeaturesBeforePooling(features)
            return classifier(globalAveragePool(features), mode: mode)
        }
        final class NoObserver: ActivationObserver {}
    }

    static let shape = [4, 3, 8, 8]

    /// The definition in Double: the same draws (weights in parameter order, then x, then ε), two training-mode
    /// passes, running variances moved by momentum 0.1 with the unbiased batch variance.
    static func reference(seed: UInt64) -> Double {
        let network = SmallNetwork(seed: 1)
        var rng = Xoshiro256(seed: seed)
        Zen.initializeGaussian(network, using: &rng)
        let count = shape.reduce(1, *)
        let input = (0..<count).map { _ in Double(rng.normalFloat()) }
        let noise = (0..<count).map { _ in Double(rng.normalFloat()) }
        let mixed = zip(input, noise).map { $0 + Double(Float(Zen.mixupGamma)) * $1 }
        let kernel = network.convolution.weight.value.scalars.map(Double.init)  // (4, 3, 3, 3)
        let (n, c, h, w, o) = (shape[0], shape[1], shape[2], shape[3], 4)
        var runningVariance = [Double](repeating: 1, count: o)
        func features(_ x: [Double]) -> [Double] {
            var y = [Double](repeating: 0, count: n * o * h * w)
            for example in 0..<n {
                for out in 0..<o {
                    for row in 0..<h {
                        for column in 0..<w {
                            var sum = 0.0
                            for channel in 0..<c {
                                for dr in -1...1 {
                                    for dc in -1...1 {
                                        let (r, s) = (row + dr, column + dc)
                                        guard r >= 0, r < h, s >= 0, s < w else { continue }
                                        sum += kernel[((out * c + channel) * 3 + dr + 1) * 3 + dc + 1]
                                            * x[((example * c + channel) * h + r) * w + s]
                                    }
                                }
                            }
                            y[((example * o + out) * h + row) * w + column] = sum
                        }
                    }
                }
            }
            let m = Double(n * h * w)
            for out in 0..<o {
                var indices: [Int] = []
                for example in 0..<n {
                    let start = (example * o + out) * h * w
                    indices += Array(start..<(start + h * w))
                }
                var (sum, squares) = (0.0, 0.0)
                for i in indices { sum += y[i] }
                let mean = sum / m
                for i in indices { squares += (y[i] - mean) * (y[i] - mean) }
                let variance = squares / m
                runningVariance[out] = 0.9 * runningVariance[out] + 0.1 * variance * m / (m - 1)
                let deviation = (variance + 1e-5).squareRoot()
                for i in indices { y[i] = max((y[i] - mean) / deviation, 0) }
            }
            return y
        }
        let (first, second) = (features(input), features(mixed))
        let distance = zip(first, second).reduce(0.0) { $0 + abs($1.0 - $1.1) } / Double(n)
        let meanVariance = runningVariance.reduce(0, +) / Double(o)
        return log(distance) + log(meanVariance.squareRoot())
    }

    @Test func equalsTheDefinitionOnASmallNetwork() {
        let score = Zen.score(SmallNetwork(seed: 1), inputShape: Self.shape, seed: 4)
        let expected = Self.reference(seed: 4)
        #expect(abs(score - expected) < 1e-4, "zen \(score), definition \(expected)")
    }

    /// The initialisation is Zen-NAS's: kernels and matrices standard normal, batch-norm scale 1, biases 0.
    @Test func initializesZenNASsWeights() {
        let network = SmallNetwork(seed: 1)
        var rng = Xoshiro256(seed: 2)
        Zen.initializeGaussian(network, using: &rng)
        let draws = network.convolution.weight.value.scalars + network.classifier.weight.value.scalars
        let mean = draws.reduce(0.0) { $0 + Double($1) } / Double(draws.count)
        let variance = draws.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(draws.count)
        #expect(abs(mean) < 0.2 && abs(variance - 1) < 0.3, "mean \(mean), variance \(variance) of 148 draws")
        #expect(network.batchNorm.scale!.value.scalars.allSatisfy { $0 == 1 })
        #expect(network.classifier.bias!.value.scalars.allSatisfy { $0 == 0 })
    }

    /// A cell of `none` edges cuts the input off: the features do not change and zen is log 0 = −∞ (ranked last),
    /// as the reference's torch.log(0).
    @Test func disconnectedCellScoresMinusInfinity() throws {
        let text = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"
        let network = try ZeroCostScorerTests.smallNetwork(text, seed: 1)
        #expect(Zen.score(network, inputShape: [4, 3, 32, 32], seed: 0) == -.infinity)
    }
}
