import Layers
import NASSpaces
import Seeding
import Tensors

/// Times forward passes with the engine: the median and the minimum wall-clock time of `repetitions` passes after
/// `warmupRepetitions` untimed ones, in evaluation mode (running statistics, no tape), on random normal inputs.
///
/// The median is the table's latency; the minimum is what the pass costs when nothing else runs on the cores
/// (on a shared machine, other processes' time slices lengthen long passes more than short ones).
///
/// The engine runs with whatever threading the process set (`nasrun` makes OpenBLAS single-threaded and lets the
/// engine's workers own the cores: ``EngineThreading/useEngineWorkers()``); the table records both counts.
public struct LatencyMeasurer: Sendable {
    /// Timed passes per measurement; the median is kept.
    public var repetitions: Int
    /// Untimed passes before them.
    public var warmupRepetitions: Int
    /// Images per pass.
    public var batchSize: Int

    /// - Precondition: positive repetitions and batch size, non-negative warm-up.
    public init(repetitions: Int = 50, warmupRepetitions: Int = 5, batchSize: Int = 1) {
        precondition(repetitions > 0 && warmupRepetitions >= 0 && batchSize > 0, "LatencyMeasurer: invalid counts")
        self.repetitions = repetitions
        self.warmupRepetitions = warmupRepetitions
        self.batchSize = batchSize
    }

    /// The median and minimum of a set of timed passes, in milliseconds.
    public struct Timing: Hashable, Sendable {
        public let median: Double
        public let minimum: Double
    }

    /// The timing of `layer` on an input of `inputShape` (batch axis excluded).
    public func timing(of layer: any Layer, inputShape: [Int], seed: UInt64 = 0) -> Timing {
        let shape = [batchSize] + inputShape
        var rng = Xoshiro256(seed: seed)
        let input = Variable(Tensor(
            shape: shape, scalars: (0..<shape.reduce(1, *)).map { _ in rng.normalFloat() }))
        for _ in 0..<warmupRepetitions {
            _ = layer(input, mode: .evaluation)
        }
        let clock = ContinuousClock()
        var times: [Double] = []
        times.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            let start = clock.now
            let output = layer(input, mode: .evaluation)
            let elapsed = clock.now - start
            precondition(output.value.count > 0)
            times.append(Self.milliseconds(elapsed))
        }
        return Timing(median: Self.median(times), minimum: times.min() ?? 0)
    }

    /// The timing of the unit `key` describes, built with weights from `seed`.
    public func timing(of key: LatencyKey, seed: UInt64 = 0) -> Timing {
        var rng = Xoshiro256(seed: seed)
        let layer: any Layer
        switch key.kind {
        case .stem, .head:
            layer = ConvolutionBatchNormReLU(
                inputChannels: key.inputChannels, outputChannels: key.outputChannels, kernelSize: key.kernelSize,
                stride: key.stride, name: key.kind.rawValue, using: &rng)
        case .mbconv:
            layer = MBConvLayer(
                inputChannels: key.inputChannels, outputChannels: key.outputChannels, stride: key.stride,
                expansion: key.expansion, kernelSize: key.kernelSize, squeezeExcitation: key.squeezeExcitation,
                residual: key.residual, name: "mbconv", using: &rng)
        case .classifier:
            layer = PooledClassifier(
                inputChannels: key.inputChannels, classes: key.outputChannels, name: "classifier", using: &rng)
        }
        return timing(
            of: layer, inputShape: [key.inputChannels, key.inputResolution, key.inputResolution], seed: seed &+ 1)
    }

    /// The timing of the whole network's forward pass.
    public func timing(of network: MnasNetNetwork, seed: UInt64 = 0) -> Timing {
        let side = network.skeleton.inputResolution
        return timing(of: network, inputShape: [network.skeleton.inputChannels, side, side], seed: seed)
    }

    /// Measures every key `space` can produce (``LatencyKey/allKeys(of:classes:)``) in table order.
    ///
    /// - Parameters:
    ///   - progress: called after each entry with the number done and the total.
    /// - Returns: the entries, in key order.
    public func measureEntries(
        of space: MnasNetSpace, classes: Int, progress: (Int, Int) -> Void = { _, _ in }
    ) -> [LatencyTable.Entry] {
        let keys = LatencyKey.allKeys(of: space, classes: classes)
        var entries: [LatencyTable.Entry] = []
        for (index, key) in keys.enumerated() {
            let timing = timing(of: key)
            entries.append(LatencyTable.Entry(
                key: key, milliseconds: Self.rounded(timing.median),
                minimumMilliseconds: Self.rounded(timing.minimum)))
            progress(index + 1, keys.count)
        }
        return entries
    }

    /// The middle value (the mean of the two middle ones for an even count).
    public static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no values")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Milliseconds rounded to 0.1 µs, so that the file shows what the clock can resolve.
    static func rounded(_ milliseconds: Double) -> Double { (milliseconds * 10_000).rounded() / 10_000 }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
