import Datasets
import NASCore
import Layers
import Seeding
import Tensors
import Training

/// DARTS (Liu, Simonyan & Yang, ICLR 2019): every edge is the softmax(α)-weighted sum of all its candidate
/// operations; α and the weights w are trained alternately, α on validation batches and w on training batches.
///
/// Algorithm 1 of the paper, line by line:
/// 1. update α by descending ∇_α L_val(w − ξ∇_w L_train(w, α), α) (second order), or ∇_α L_val(w, α) with ξ = 0
///    (first order): ``architectureGradient(_:training:validation:context:)``;
/// 2. update w by descending ∇_w L_train(w, α): ``SupernetWeightTraining``;
/// and at the end derive the discrete architecture from α (``Supernet/derive(fromScores:)``).
///
/// The second-order gradient is eq. 7-8: with w' = w − ξ(μ·m + ∇_w L_train(w, α) + λw) (the unrolled SGD step
/// with the weights' momentum buffer m and weight decay λ, as DARTS's `_compute_unrolled_model`),
///
///     ∇_α L_val(w', α) − ξ · (∇_α L_train(w⁺, α) − ∇_α L_train(w⁻, α)) / 2ε,   w± = w ± ε∇_w' L_val(w', α),
///
/// ε = 0.01/‖∇_w' L_val(w', α)‖ (``Training/hessianVectorProduct(of:parameters:vector:targets:)``), ξ the
/// weights' current learning rate. Defaults: ``ArchitectureTraining`` and ``SupernetWeightTraining`` (DARTS's).
public struct DARTS<Net: Supernet>: OneShotOptimizer, Codable {
    /// First order (ξ = 0) or second order (the unrolled step).
    public enum Order: String, Codable, Hashable, Sendable { case first, second }

    /// The order of the architecture gradient.
    public let order: Order
    /// α.
    public let alpha: ArchitectureParameters
    /// α's optimizer.
    public var architectureTraining: ArchitectureTraining
    /// w's optimizer.
    public var weightTraining: SupernetWeightTraining

    /// DARTS on `supernet`'s edge groups, α drawn from `rng`.
    public init(
        supernet: Net, order: Order, architectureTraining: ArchitectureTraining = ArchitectureTraining(),
        weightTraining: SupernetWeightTraining = SupernetWeightTraining(), using rng: inout some RandomNumberGenerator
    ) {
        self.order = order
        alpha = ArchitectureParameters(groups: supernet.edgeGroups, using: &rng)
        self.architectureTraining = architectureTraining
        self.weightTraining = weightTraining
    }

    public var name: String { order == .first ? "darts-first-order" : "darts-second-order" }

    public var operationProbabilities: [[[Double]]]? { alpha.probabilities }

    /// softmax(α) of every edge from leaves on `tape` (constants when `tape` is nil).
    func mixture(on tape: Tape?) -> [[EdgeSelection]] {
        alpha.rows(on: tape).map { group in group.map { .weighted(softmax($0, axis: 0)) } }
    }

    public mutating func step(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        let gradient = try architectureGradient(supernet, training: training, validation: validation, context: context)
        try architectureTraining.update(alpha, gradients: gradient, step: context.step)
        let selections = mixture(on: nil)
        let pass = try weightTraining.step(
            supernet, on: training, learningRate: context.learningRate, seed: context.seed, step: context.step
        ) { _ in selections }
        return OneShotStepResult(
            trainingLoss: pass.loss.value.scalar, trainingCorrect: pass.correctCount, trainingCount: pass.batchSize)
    }

    /// ∇_α of the validation loss, first or second order (see the type's documentation).
    func architectureGradient(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> ParameterGradients
    {
        let validationSeed = context.validationSeed
        guard order == .second else {
            let tape = Tape()
            let pass = SupernetBatchPass(supernet, on: validation, tape: tape, seed: validationSeed) { mixture(on: $0) }
            return ParameterGradients(tape.gradients(of: pass.loss), of: alpha.parameters)
        }
        let weights = supernet.parameters.filter(\.isTrainable)
        let saved = weights.map(\.value)
        let xi = context.learningRate

        // w' = w − ξ(μ·m + ∇_w L_train + λw).
        let trainingTape = Tape()
        let trainingPass = SupernetBatchPass(supernet, on: training, tape: trainingTape, seed: context.seed) { _ in
            mixture(on: nil)
        }
        let trainingGradient = ParameterGradients(trainingTape.gradients(of: trainingPass.loss), of: weights)
        let sgd = weightTraining.optimizer
        for parameter in weights {
            let gradient = trainingGradient[parameter] ?? Tensor(zeros: parameter.shape)
            let momentum = sgd.momentumBuffers[parameter.name]
            var value = parameter.value
            for i in value.scalars.indices {
                let moment = momentum.map { sgd.momentum * $0[i] } ?? 0
                value.scalars[i] -= xi * (moment + gradient.scalars[i] + sgd.weightDecay * value.scalars[i])
            }
            parameter.value = value
        }
        // ∇_α L_val(w', α) and ∇_w' L_val(w', α).
        let unrolledTape = Tape()
        let unrolled = SupernetBatchPass(supernet, on: validation, tape: unrolledTape, seed: validationSeed) {
            mixture(on: $0)
        }
        let unrolledGradients = unrolledTape.gradients(of: unrolled.loss)
        let alphaGradient = ParameterGradients(unrolledGradients, of: alpha.parameters)
        let weightDirection = ParameterGradients(unrolledGradients, of: weights)
        for (parameter, value) in zip(weights, saved) { parameter.value = value }
        guard unrolled.loss.value.scalar.isFinite, weightDirection.norm.isFinite else {
            throw SupernetError(
                "DARTS (second order): the unrolled validation loss or its gradient is not finite at step \(context.step); lower the learning rates")
        }
        // The mixed second derivative along ∇_w' L_val, by central differences of ∇_α L_train.
        let product = hessianVectorProduct(
            of: { tape in
                SupernetBatchPass(supernet, on: training, tape: tape, seed: context.seed) { mixture(on: $0) }.loss
            },
            parameters: weights, vector: weightDirection, targets: alpha.parameters)
        var result = ParameterGradients()
        for parameter in alpha.parameters {
            let first = alphaGradient[parameter] ?? Tensor(zeros: parameter.shape)
            let second = product[parameter] ?? Tensor(zeros: parameter.shape)
            result[parameter.name] = Tensor(
                shape: parameter.shape, scalars: zip(first.scalars, second.scalars).map { $0 - xi * $1 })
        }
        return result
    }

    public mutating func derive(_ supernet: Net, validation: [Batch]) -> Net.Space.Architecture {
        supernet.derive(fromScores: alpha.probabilities)
    }
}
