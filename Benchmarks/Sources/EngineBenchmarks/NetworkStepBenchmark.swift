import Layers
import Seeding
import Tensors
import Training

/// (c) and (d): one training step (forward, backward, SGD with Nesterov momentum and weight decay) of the
/// NAS-Bench-201 network and of its supernet at batch 64 on 32x32x3 inputs, with the peak memory of the step.
struct NetworkStepBenchmark {
    struct Result {
        let network: String
        let medianSeconds: Double
        let peakMemoryMiB: Double
        let parameterCount: Int
    }

    static func run(supernet: Bool, batch: Int, repetitions: Int) -> Result {
        let (model, _) = makeNASBench201Network(supernet: supernet)
        var rng = Xoshiro256(seed: 2)
        let images = Tensor(
            shape: [batch, 3, 32, 32], scalars: (0..<(batch * 3 * 32 * 32)).map { _ in rng.normalFloat() })
        let labels = (0..<batch).map { _ in Int32(rng.uniformInt(below: 10)) }
        var optimizer = SGD(momentum: 0.9, nesterov: true, weightDecay: 5e-4)
        let step = TrainingStep()
        var stepNumber = 0
        func oneStep() {
            do {
                _ = try step.run(
                    model: model, images: images, labels: labels, optimizer: &optimizer, learningRate: 0.01,
                    step: stepNumber, seed: UInt64(stepNumber))
            } catch {
                fatalError("benchmark step failed: \(error)")
            }
            stepNumber += 1
        }
        oneStep()  // warm up: allocations, OpenBLAS threads
        Measurement.resetPeakMemory()
        let seconds = Measurement.medianSeconds(warmup: 1, repetitions: repetitions, oneStep)
        return Result(
            network: supernet ? "supernet" : "nor_conv_3x3 cell", medianSeconds: seconds,
            peakMemoryMiB: Measurement.peakMemoryMiB(),
            parameterCount: model.trainableParameterCount)
    }
}
