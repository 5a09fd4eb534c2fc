import Datasets
import Layers
import NASCore
import Optimizers
import Seeding
import Tensors
import Training

/// ENAS (Pham et al., ICML 2018): an LSTM controller samples architectures, one operation per edge; the shared
/// weights learn from the controller's samples on training batches, and the controller learns by REINFORCE with
/// the shared weights' accuracy on a validation batch as reward.
///
/// The controller draws the supernet's path decisions (``Supernet/pathDecisionSizes``: one operation per edge for
/// NB201, inputs and operations per node for DARTS cells). Per step: (1) the controller samples a path and the weights take an SGD step on it (the training batch);
/// (2) the controller samples another path, whose accuracy on the validation batch (evaluation mode, no tape) is
/// its reward r; the baseline b is an exponential moving average of r (decay 0.95) and the sample keeps r − b;
/// (3) every `aggregate` samples the controller takes one Adam step on their REINFORCE loss with an entropy
/// bonus. The derived architecture is the best of `candidates` controller samples by shared-weight accuracy on
/// the ranking batches.
///
/// Defaults follow NAS-Bench-201's ENAS (xautodl `exps/algos/ENAS.py` and `configs/nas-benchmark/algos/ENAS.config`):
/// an LSTM of 2 layers and 32 units, weights uniform in ±0.1, controller learning rate 10⁻³, entropy weight
/// 10⁻⁴, baseline decay 0.95, 20 samples per controller update, 10 candidates at the end. Differences: the
/// controller is ``Optimizers/ReinforceController`` (no tanh constant or sampling temperature on the logits,
/// Adam with β = (0.9, 0.999) instead of (0, 0.999)); the controller learns between weight steps instead of in a
/// separate phase of 50 updates after each epoch.
public struct ENAS<Net: Supernet>: OneShotOptimizer, Codable {
    /// w's optimizer.
    public var weightTraining: SupernetWeightTraining
    /// The controller, with its Adam state.
    public private(set) var controller: ReinforceController
    /// The controller's learning rate.
    public let controllerLearningRate: Float
    /// The entropy bonus's weight.
    public let entropyWeight: Float
    /// The baseline's decay.
    public let baselineDecay: Float
    /// Samples per controller update.
    public let aggregate: Int
    /// Controller samples ranked at the end.
    public let candidates: Int
    /// The moving-average baseline (nil before the first reward).
    public private(set) var baseline: Float?
    /// Samples waiting for the next controller update.
    var pending: [ReinforceSample] = []
    /// The controller's sampling generator.
    var draws: Xoshiro256
    /// The number of path decisions per edge group, to cut a flat choice list into groups.
    let groupSizes: [Int]

    /// ENAS over `supernet`'s edge groups, the controller's weights and draws from `rng`.
    public init(
        supernet: Net, hiddenSize: Int = 32, layerCount: Int = 2, controllerLearningRate: Float = 1e-3,
        entropyWeight: Float = 1e-4, baselineDecay: Float = 0.95, aggregate: Int = 20, candidates: Int = 10,
        weightTraining: SupernetWeightTraining = SupernetWeightTraining(), using rng: inout Xoshiro256
    ) {
        precondition(aggregate > 0 && candidates > 0, "ENAS: aggregate and candidates must be positive")
        let decisions = supernet.pathDecisionSizes
        groupSizes = decisions.map(\.count)
        var controllerGenerator = rng.child("controller")
        controller = ReinforceController(
            optionCounts: decisions.flatMap { $0 },
            hiddenSize: hiddenSize, layerCount: layerCount, initializationBound: 0.1, using: &controllerGenerator)
        draws = rng.child("samples")
        self.controllerLearningRate = controllerLearningRate
        self.entropyWeight = entropyWeight
        self.baselineDecay = baselineDecay
        self.aggregate = aggregate
        self.candidates = candidates
        self.weightTraining = weightTraining
    }

    public var name: String { "enas" }

    public var operationProbabilities: [[[Double]]]? { nil }

    /// A flat list of choices cut into edge groups.
    func grouped(_ choices: [Int]) -> [[Int]] {
        var groups: [[Int]] = []
        var start = 0
        for size in groupSizes {
            groups.append(Array(choices[start..<(start + size)]))
            start += size
        }
        return groups
    }

    public mutating func step(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        let path = try supernet.architecture(fromPathChoices: grouped(controller.sample(using: &draws)))
        let selections = supernet.selections(for: path)
        let pass = try weightTraining.step(
            supernet, on: training, learningRate: context.learningRate, seed: context.seed, step: context.step
        ) { _ in selections }

        let choices = controller.sample(using: &draws)
        let architecture = try supernet.architecture(fromPathChoices: grouped(choices))
        let reward = Float(SharedWeightRanking.accuracy(of: architecture, in: supernet, on: [validation]))
        let previous = baseline ?? reward
        baseline = baselineDecay * previous + (1 - baselineDecay) * reward
        pending.append(ReinforceSample(choices: choices, advantage: reward - previous))
        if pending.count == aggregate {
            do {
                try controller.update(with: pending, entropyWeight: entropyWeight, learningRate: controllerLearningRate)
            } catch {
                throw SupernetError("ENAS at step \(context.step): \(error.message)")
            }
            pending = []
        }
        return OneShotStepResult(
            trainingLoss: pass.loss.value.scalar, trainingCorrect: pass.correctCount, trainingCount: pass.batchSize)
    }

    public mutating func derive(_ supernet: Net, validation: [Batch]) -> Net.Space.Architecture {
        var drawn: [Net.Space.Architecture] = []
        var generator = draws.child("candidates")
        for _ in 0..<candidates {
            if let architecture = try? supernet.architecture(
                fromPathChoices: grouped(controller.sample(using: &generator)))
            {
                drawn.append(architecture)
            }
        }
        return SharedWeightRanking.best(of: drawn, in: supernet, on: validation)
            ?? supernet.derive(fromScores: supernet.uniformScores)
    }
}
