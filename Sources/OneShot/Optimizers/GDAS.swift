import Datasets
import NASCore
import Layers
import Seeding
import Tensors
import Training

/// GDAS (Dong & Yang, CVPR 2019): every edge runs ONE operation per step, drawn by the Gumbel-max trick from
/// softmax(α); the forward value of the edge is h_k·o_k(x) + Σ_{j≠k} h_j with h the hard one-hot sample, whose
/// straight-through gradient is the soft sample's, softmax((α + G)/τ), so every α_j learns while one operation
/// runs.
///
/// Per step, as NAS-Bench-201's GDAS search (xautodl `search_func` of GDAS): a Gumbel sample and a weight
/// update on the training batch, then a fresh sample and an α update on the validation batch. The temperature
/// falls linearly over the epochs from τ_max = 10 to τ_min = 0.1 (τ_e = τ_max − (τ_max − τ_min)·e/(E − 1)).
/// The derived architecture is the arg-max of α per edge. Defaults: ``ArchitectureTraining`` and
/// ``SupernetWeightTraining`` (the same as DARTS's, as in the benchmark's runs).
public struct GDAS<Net: Supernet>: OneShotOptimizer, Codable {
    /// α.
    public let alpha: ArchitectureParameters
    /// α's optimizer.
    public var architectureTraining: ArchitectureTraining
    /// w's optimizer.
    public var weightTraining: SupernetWeightTraining
    /// The temperature at the first epoch.
    public let maximumTemperature: Float
    /// The temperature at the last epoch.
    public let minimumTemperature: Float
    /// The Gumbel noise's generator.
    var noise: Xoshiro256

    /// GDAS on `supernet`'s edge groups: α drawn from `rng`, the Gumbel noise from its child stream "gumbel".
    public init(
        supernet: Net, maximumTemperature: Float = 10, minimumTemperature: Float = 0.1,
        architectureTraining: ArchitectureTraining = ArchitectureTraining(),
        weightTraining: SupernetWeightTraining = SupernetWeightTraining(), using rng: inout Xoshiro256
    ) {
        precondition(
            maximumTemperature >= minimumTemperature && minimumTemperature > 0,
            "GDAS: temperatures \(maximumTemperature) → \(minimumTemperature) are not positive and decreasing")
        alpha = ArchitectureParameters(groups: supernet.edgeGroups, using: &rng)
        noise = rng.child("gumbel")
        self.maximumTemperature = maximumTemperature
        self.minimumTemperature = minimumTemperature
        self.architectureTraining = architectureTraining
        self.weightTraining = weightTraining
    }

    public var name: String { "gdas" }

    public var operationProbabilities: [[[Double]]]? { alpha.probabilities }

    /// τ at `epoch` of `epochs`.
    public func temperature(epoch: Int, of epochs: Int) -> Float {
        guard epochs > 1 else { return maximumTemperature }
        return maximumTemperature - (maximumTemperature - minimumTemperature) * Float(epoch) / Float(epochs - 1)
    }

    /// A hard Gumbel sample per edge from α's leaves on `tape`: the sampled operation runs, weighted by h.
    mutating func sample(on tape: Tape?, temperature: Float) -> [[EdgeSelection]] {
        zip(alpha.groups, alpha.parameters).map { group, parameter in
            let hard = gumbelSoftmax(parameter.variable(on: tape), temperature: temperature, hard: true, using: &noise)
            let rows = split(hard, sizes: Array(repeating: 1, count: group.edgeCount), axis: 0)
            return rows.map { row in
                let weights = row.reshaped([group.operationCount])
                let chosen = weights.value.scalars.firstIndex(of: 1)!
                return .gated([chosen], weights: weights)
            }
        }
    }

    public mutating func step(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        let tau = temperature(epoch: context.epoch, of: context.epochs)
        let weightSelections = sample(on: nil, temperature: tau)
        let pass = try weightTraining.step(
            supernet, on: training, learningRate: context.learningRate, seed: context.seed, step: context.step
        ) { _ in weightSelections }

        let tape = Tape()
        let architectureSelections = sample(on: tape, temperature: tau)
        let validationPass = SupernetBatchPass(
            supernet, on: validation, tape: tape, seed: context.validationSeed
        ) { _ in architectureSelections }
        try architectureTraining.update(
            alpha, gradients: ParameterGradients(tape.gradients(of: validationPass.loss), of: alpha.parameters),
            step: context.step)
        return OneShotStepResult(
            trainingLoss: pass.loss.value.scalar, trainingCorrect: pass.correctCount, trainingCount: pass.batchSize)
    }

    public mutating func derive(_ supernet: Net, validation: [Batch]) -> Net.Space.Architecture {
        supernet.derive(fromScores: alpha.probabilities)
    }
}
