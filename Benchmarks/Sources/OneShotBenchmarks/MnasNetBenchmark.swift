import Datasets
import NASModels
import NASSpaces
import OneShot
import Seeding
import Tensors

/// ProxylessNAS against DARTS (first order) on the same MnasNet supernet (``OneShot/MnasNetSupernet``, 12 MBConv
/// candidates per layer slot and a mixed depth per block, latency model from this machine's table): their step
/// times, as ratios to one plain training step of the stand-alone ``NASModels/MnasNetNetwork`` of the supernet's
/// largest single path (every block e6, the largest kernel, squeeze-and-excitation, 3 layers), and the memory one
/// forward pass of their steps holds.
struct MnasNetBenchmark {
    /// The latency table (measured on this machine; ``NASModels/LatencyTable/load(from:currentMachine:)``
    /// refuses another machine's).
    let table: LatencyTable
    /// The batch size.
    let batchSize: Int
    /// Rounds and steps per round of the step-time study.
    let study: StepTimeStudy
    /// λ of ProxylessNAS's latency term, per millisecond.
    let latencyWeight: Float

    /// The images' side: the skeleton's input resolution.
    var side: Int { table.skeleton.inputResolution }

    /// A line naming the configuration.
    var label: String { "MnasNet supernet, \(side)x\(side) images, batch \(batchSize)" }

    /// A supernet whose weights both methods start from (seed 0).
    func supernet() throws -> MnasNetSupernet {
        var rng = Xoshiro256(seed: 0)
        return try MnasNetSupernet(space: MnasNetSpace(skeleton: table.skeleton), latencyTable: table, using: &rng)
    }

    /// ProxylessNAS's weight training, as `nasrun proxyless` runs it (Nesterov SGD, weight decay 4·10⁻⁵), for
    /// both methods.
    var weightTraining: SupernetWeightTraining { SupernetWeightTraining(weightDecay: 4e-5, nesterov: true) }

    /// The supernet's largest single path as a stand-alone network.
    func largestPath(_ supernet: MnasNetSupernet) throws -> (name: String, network: MnasNetNetwork) {
        let blocks = table.skeleton.blocks.count
        let largest = MnasNetCandidate.all.indices.max {
            let (a, b) = (MnasNetCandidate.all[$0], MnasNetCandidate.all[$1])
            return (a.expansion, a.kernelSize, a.squeezeExcitation ? 1 : 0) < (b.expansion, b.kernelSize, b.squeezeExcitation ? 1 : 0)
        }!
        let architecture = try supernet.architecture(fromChoices: [
            Array(repeating: largest, count: blocks), Array(repeating: MnasNetBlock.layerCounts.count - 1, count: blocks),
        ])
        var rng = Xoshiro256(seed: 0)
        let network = MnasNetNetwork(architecture: architecture, skeleton: table.skeleton, using: &rng)
        return (supernet.space.format(architecture), network)
    }

    /// The step-time rows: the reference first, then ProxylessNAS and DARTS first order.
    func stepTimes(_ dataset: ImageDataset, progress: (String) -> Void) throws -> (reference: String, rows: [StepTimeStudy.Row]) {
        let batches = BenchmarkBatches(dataset, batchSize: batchSize, steps: study.steps, side: side)
        var supernet = try self.supernet()
        let (name, network) = try largestPath(supernet)
        let referenceBatch = batches.firstTrainingBatch
        var reference = PlainTrainingStep()
        var methodRNG = Xoshiro256(seed: 1)
        var methods: [any SteppedMethod] = []
        methods.append(Method(
            "ProxylessNAS", supernet: supernet,
            optimizer: ProxylessNAS(
                supernet: supernet, latencyWeight: latencyWeight, weightTraining: weightTraining, using: &methodRNG)))
        supernet = try self.supernet()
        methods.append(Method(
            "DARTS first order", supernet: supernet,
            optimizer: DARTS(supernet: supernet, order: .first, weightTraining: weightTraining, using: &methodRNG)))
        let rows = try study.run(
            reference: { reference.run(network, on: referenceBatch, learningRate: 0.025) }, methods: &methods,
            batches: batches, progress: progress)
        return (name, rows)
    }

    /// The bytes one forward pass holds: ProxylessNAS's architecture step (two paths per edge, binary gates) and
    /// weight step (one path), against DARTS's all-candidates mixture (measured once: it has no draw, and it holds
    /// gigabytes); the ProxylessNAS draws are medians over `draws` draws.
    func memory(_ dataset: ImageDataset, draws: Int) throws -> [(name: String, bytes: Int?)] {
        let batches = BenchmarkBatches(dataset, batchSize: batchSize, steps: 1, side: side)
        let batch = batches.firstValidationBatch
        let supernet = try self.supernet()
        var rng = Xoshiro256(seed: 1)
        let alpha = ArchitectureParameters(groups: supernet.edgeGroups, using: &rng)
        var gates = rng.child("gates")
        let darts = ForwardMemory.median(repetitions: 1) { _ in
            ForwardMemory.heldBytes(supernet, on: batch) { StepSelections.mixture(alpha, on: $0) }
        }
        let twoPath = ForwardMemory.median(repetitions: draws) { _ in
            ForwardMemory.heldBytes(supernet, on: batch) { StepSelections.twoPathGates(alpha, on: $0, using: &gates) }
        }
        let onePath = ForwardMemory.median(repetitions: draws) { _ in
            let selections = StepSelections.activePath(alpha, using: &gates)
            return ForwardMemory.heldBytes(supernet, on: batch) { _ in selections }
        }
        return [
            ("DARTS first order (softmax(α) mixture of 12 candidates x 3 depths)", darts),
            ("ProxylessNAS architecture step (two-path binary gates)", twoPath),
            ("ProxylessNAS weight step (one active path)", onePath),
        ]
    }
}
