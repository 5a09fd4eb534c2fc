import Datasets
import NASCore
import Layers
import Seeding
import Tensors
import Training

/// Random search with weight sharing (Li & Talwalkar, UAI 2019), the single-path uniform sampling of Guo et al.
/// (ECCV 2020): each step trains the weights of one architecture drawn uniformly (an operation per edge); at the
/// end, `candidates` architectures drawn the same way are ranked by their shared-weight accuracy on the same
/// validation batches and the best is returned (NAS-Bench-201's RANDOM-NAS ranks 100).
public struct RandomWeightSharing<Net: Supernet>: OneShotOptimizer, Codable {
    /// w's optimizer.
    public var weightTraining: SupernetWeightTraining
    /// How many architectures the final ranking draws.
    public let candidates: Int
    /// The single paths' generator.
    var paths: Xoshiro256

    /// Random weight sharing drawing its paths from `rng`'s child stream "paths".
    public init(
        candidates: Int = 100, weightTraining: SupernetWeightTraining = SupernetWeightTraining(),
        using rng: inout Xoshiro256
    ) {
        precondition(candidates > 0, "RandomWeightSharing: candidates must be positive, got \(candidates)")
        self.candidates = candidates
        self.weightTraining = weightTraining
        paths = rng.child("paths")
    }

    public var name: String { "random-weight-sharing" }

    public var operationProbabilities: [[[Double]]]? { nil }

    /// A uniform single path: one option per path decision of every group (one operation per edge unless the
    /// supernet draws its own decisions, ``Supernet/pathDecisionSizes``).
    mutating func sampleChoices(_ supernet: Net) -> [[Int]] {
        supernet.pathDecisionSizes.map { sizes in sizes.map { paths.uniformInt(below: $0) } }
    }

    public mutating func step(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        let selections = supernet.selections(for: try supernet.architecture(fromPathChoices: sampleChoices(supernet)))
        let pass = try weightTraining.step(
            supernet, on: training, learningRate: context.learningRate, seed: context.seed, step: context.step
        ) { _ in selections }
        return OneShotStepResult(
            trainingLoss: pass.loss.value.scalar, trainingCorrect: pass.correctCount, trainingCount: pass.batchSize)
    }

    public mutating func derive(_ supernet: Net, validation: [Batch]) -> Net.Space.Architecture {
        var drawn: [Net.Space.Architecture] = []
        for _ in 0..<candidates {
            // Path decisions always describe an architecture; a supernet that refused one would be skipped.
            if let architecture = try? supernet.architecture(fromPathChoices: sampleChoices(supernet)) {
                drawn.append(architecture)
            }
        }
        return SharedWeightRanking.best(of: drawn, in: supernet, on: validation) ?? supernet.derive(fromScores: supernet.uniformScores)
    }
}
