import Datasets
import NASModels
import NASSpaces
import OneShot
import Seeding
import Tensors

/// The one-shot methods on the NAS-Bench-201 supernet (``OneShot/NB201Supernet``, all five operations): the
/// step time of each method as a ratio to one plain training step of the stand-alone ``NASModels/NB201Network``
/// of the same C, N and batch with every edge nor_conv_3x3, and the memory one forward pass of each method's
/// largest step holds.
struct NB201Benchmark {
    /// C, N and the classes.
    let configuration: NB201NetworkConfiguration
    /// The images' side.
    let side: Int
    /// The batch size.
    let batchSize: Int
    /// Rounds and steps per round of the step-time study.
    let study: StepTimeStudy

    /// A line naming the configuration.
    var label: String {
        "NB201 supernet C=\(configuration.stemChannels) N=\(configuration.cellsPerStage), "
            + "\(side)x\(side) images, batch \(batchSize)"
    }

    /// A supernet whose weights all methods start from (seed 0), one per method.
    func supernet() throws -> NB201Supernet {
        var rng = Xoshiro256(seed: 0)
        return try NB201Supernet(configuration: configuration, using: &rng)
    }

    /// The step-time rows: the reference first.
    func stepTimes(_ dataset: ImageDataset, progress: (String) -> Void) throws -> [StepTimeStudy.Row] {
        let batches = BenchmarkBatches(dataset, batchSize: batchSize, steps: study.steps, side: side)
        var rng = Xoshiro256(seed: 0)
        let network = NB201Network(
            architecture: NB201Architecture(repeating: .convolution3x3), configuration: configuration, using: &rng)
        let referenceBatch = batches.firstTrainingBatch
        var reference = PlainTrainingStep()
        var methods: [any SteppedMethod] = []
        var methodRNG = Xoshiro256(seed: 1)
        var supernet = try self.supernet()
        methods.append(Method(
            "DARTS first order", supernet: supernet, optimizer: DARTS(supernet: supernet, order: .first, using: &methodRNG)))
        supernet = try self.supernet()
        methods.append(Method(
            "DARTS second order", supernet: supernet, optimizer: DARTS(supernet: supernet, order: .second, using: &methodRNG)))
        supernet = try self.supernet()
        methods.append(Method("GDAS", supernet: supernet, optimizer: GDAS(supernet: supernet, using: &methodRNG)))
        supernet = try self.supernet()
        methods.append(Method(
            "random weight sharing", supernet: supernet,
            optimizer: RandomWeightSharing<NB201Supernet>(using: &methodRNG)))
        supernet = try self.supernet()
        methods.append(Method("ENAS", supernet: supernet, optimizer: ENAS(supernet: supernet, using: &methodRNG)))
        return try study.run(
            reference: { reference.run(network, on: referenceBatch, learningRate: 0.025) }, methods: &methods,
            batches: batches, progress: progress)
    }

    /// The bytes one forward pass holds: DARTS's all-operations mixture (its architecture and weight steps),
    /// GDAS's hard Gumbel sample (one operation per edge, α on the tape), random weight sharing's uniform single
    /// path, and the stand-alone all-nor_conv_3x3 network; single paths are medians over `draws` draws.
    func memory(_ dataset: ImageDataset, draws: Int) throws -> [(name: String, bytes: Int?)] {
        let batches = BenchmarkBatches(dataset, batchSize: batchSize, steps: 1, side: side)
        let batch = batches.firstValidationBatch
        let supernet = try self.supernet()
        var rng = Xoshiro256(seed: 1)
        let alpha = ArchitectureParameters(groups: supernet.edgeGroups, using: &rng)
        var noise = rng.child("gumbel")
        var paths = rng.child("paths")
        let darts = ForwardMemory.median(repetitions: 3) { _ in
            ForwardMemory.heldBytes(supernet, on: batch) { StepSelections.mixture(alpha, on: $0) }
        }
        let gdas = ForwardMemory.median(repetitions: draws) { _ in
            ForwardMemory.heldBytes(supernet, on: batch) {
                StepSelections.gumbelSample(alpha, on: $0, temperature: 10, using: &noise)
            }
        }
        let randomPath = ForwardMemory.median(repetitions: draws) { _ in
            let selections = StepSelections.uniformPath(supernet, using: &paths)
            return ForwardMemory.heldBytes(supernet, on: batch) { _ in selections }
        }
        var networkRNG = Xoshiro256(seed: 0)
        let network = NB201Network(
            architecture: NB201Architecture(repeating: .convolution3x3), configuration: configuration,
            using: &networkRNG)
        let standAlone = ForwardMemory.median(repetitions: 3) { _ in ForwardMemory.heldBytes(network, on: batch) }
        return [
            ("DARTS (softmax(α) mixture of all 5 operations)", darts),
            ("GDAS (hard Gumbel sample: 1 operation per edge)", gdas),
            ("random weight sharing (uniform single path)", randomPath),
            ("stand-alone network, every edge nor_conv_3x3", standAlone),
        ]
    }
}
