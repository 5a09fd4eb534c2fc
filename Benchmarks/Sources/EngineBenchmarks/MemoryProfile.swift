import Foundation
import Layers
import Seeding
import Tensors

/// Where the memory of one training step goes: resident memory (RSS) and bytes allocated on the heap after
/// building the model, after the forward pass (what the tape keeps for the backward pass), and at the peak of
/// the backward pass.
///
/// The step is `TrainingStep`'s, spelled out phase by phase: forward on a new tape, cross entropy, gradients.
/// A background thread samples the allocated bytes every millisecond to find the backward pass's peak.
struct MemoryProfile {
    struct Result {
        let network: String
        let modelRSSMiB: Double
        let forwardRSSMiB: Double
        let forwardAllocatedMiB: Double
        let backwardPeakRSSMiB: Double
        let backwardPeakAllocatedMiB: Double
        let afterStepAllocatedMiB: Double
        let startAllocatedMiB: Double
    }

    static func run(supernet: Bool, batch: Int) -> Result {
        let startAllocated = allocatedMiB()
        let (model, _) = makeNASBench201Network(supernet: supernet)
        var rng = Xoshiro256(seed: 2)
        let images = Tensor(
            shape: [batch, 3, 32, 32], scalars: (0..<(batch * 3 * 32 * 32)).map { _ in rng.normalFloat() })
        let labels = (0..<batch).map { _ in Int32(rng.uniformInt(below: 10)) }
        let modelRSS = Measurement.residentMemoryMiB()
        var forwardRSS = 0.0
        var forwardAllocated = 0.0
        var backwardPeakRSS = 0.0
        var backwardPeakAllocated = 0.0
        var afterStep = 0.0
        // Two steps: the first warms up OpenBLAS and the heap; the second is reported.
        for step in 0..<2 {
            let tape = Tape()
            let logits = model(tape.constant(images), mode: .training(seed: UInt64(step)))
            let loss = crossEntropy(logits: logits, labels: labels)
            forwardRSS = Measurement.residentMemoryMiB()
            forwardAllocated = allocatedMiB()
            Measurement.resetPeakMemory()
            let sampler = PeakSampler()
            sampler.start()
            let gradients = tape.gradients(of: loss)
            backwardPeakAllocated = sampler.stop()
            backwardPeakRSS = Measurement.peakMemoryMiB()
            afterStep = allocatedMiB()
            withExtendedLifetime(gradients) {}
        }
        return Result(
            network: supernet ? "supernet" : "nor_conv_3x3 cell", modelRSSMiB: modelRSS,
            forwardRSSMiB: forwardRSS, forwardAllocatedMiB: forwardAllocated,
            backwardPeakRSSMiB: backwardPeakRSS, backwardPeakAllocatedMiB: backwardPeakAllocated,
            afterStepAllocatedMiB: afterStep, startAllocatedMiB: startAllocated)
    }

    static func allocatedMiB() -> Double {
        Double(MemoryReuse.allocatedBytes() ?? 0) / 1_048_576
    }
}

/// The largest allocated-bytes reading of a background thread that samples every millisecond.
final class PeakSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var running = false
    private var peak = 0.0
    private var thread: Thread?
    private let done = DispatchSemaphore(value: 0)

    func start() {
        lock.withLock { running = true }
        let thread = Thread { [self] in
            while lock.withLock({ running }) {
                let now = MemoryProfile.allocatedMiB()
                lock.withLock { peak = max(peak, now) }
                usleep(1000)
            }
            done.signal()
        }
        self.thread = thread
        thread.start()
    }

    /// Stops sampling and returns the peak in MiB.
    func stop() -> Double {
        lock.withLock { running = false }
        done.wait()
        return lock.withLock { max(peak, MemoryProfile.allocatedMiB()) }
    }
}
