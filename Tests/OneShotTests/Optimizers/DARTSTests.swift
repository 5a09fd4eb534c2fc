import Datasets
import Layers
import Seeding
import Tensors
import Testing
import Training

@testable import OneShot

@Suite struct DARTSTests {
    static func fixture() throws -> (NB201Supernet, Batch, Batch) {
        let supernet = try OneShotFixtures.supernet(channels: 2)
        let images = try OneShotFixtures.images(16, side: 4)
        return (
            supernet, OneShotFixtures.batch(images.subset(Array(0..<8))),
            OneShotFixtures.batch(images.subset(Array(8..<16)))
        )
    }

    /// With ξ = 0 the unrolled step is the identity and the second term vanishes: both orders give the same
    /// bytes.
    @Test func secondOrderWithoutAStepIsFirstOrder() throws {
        let (supernet, training, validation) = try Self.fixture()
        var rng = Xoshiro256(seed: 4)
        let second = DARTS(supernet: supernet, order: .second, using: &rng)
        var again = Xoshiro256(seed: 4)
        let first = DARTS(supernet: supernet, order: .first, using: &again)
        let context = OneShotStepContext(step: 0, epoch: 0, epochs: 1, learningRate: 0, seed: 1)
        let secondGradient = try second.architectureGradient(supernet, training: training, validation: validation, context: context)
        let firstGradient = try first.architectureGradient(supernet, training: training, validation: validation, context: context)
        #expect(secondGradient.byName["alpha.cell"] == firstGradient.byName["alpha.cell"])
    }

    /// Eq. 7-8 unrolled by hand: w' = w − ξ(μ·m + ∇_w L_train + λw) from a real momentum buffer and weight decay,
    /// ∇_α L_val(w', α) − ξ·(H·∇_w' L_val) with the engine's Hessian-vector product, and the weights restored.
    ///
    /// A finite-difference check of the unrolled objective itself is not meaningful here: ∇_w L_train of a ReLU
    /// network jumps wherever a pre-activation crosses zero, so L_val(w − ξ∇_w L_train(w, α), α) is
    /// discontinuous in α and its difference quotients grow as the step shrinks (measured: norm 2.5 at step
    /// 10⁻², 10.9 at 10⁻³ for ξ = 0.01), while DARTS's estimate is the derivative between the jumps.
    @Test func secondOrderFollowsEquationsSevenAndEight() throws {
        let (supernet, training, validation) = try Self.fixture()
        var rng = Xoshiro256(seed: 4)
        var optimizer = DARTS(
            supernet: supernet, order: .second, weightTraining: SupernetWeightTraining(weightDecay: 1e-2), using: &rng)
        // One real step first, so that SGD has momentum buffers.
        _ = try optimizer.step(
            supernet, training: training, validation: validation,
            context: OneShotStepContext(step: 0, epoch: 0, epochs: 1, learningRate: 0.1, seed: 7))
        let xi: Float = 0.05
        let context = OneShotStepContext(step: 1, epoch: 0, epochs: 1, learningRate: xi, seed: 1)
        let weights = supernet.parameters.filter(\.isTrainable)
        let saved = weights.map(\.value)
        let estimate = try optimizer.architectureGradient(
            supernet, training: training, validation: validation, context: context)
        #expect(weights.map(\.value) == saved)

        let sgd = optimizer.weightTraining.optimizer
        let trainingTape = Tape()
        let trainingLoss = SupernetBatchPass(supernet, on: training, tape: trainingTape, seed: 1) { _ in
            optimizer.mixture(on: nil)
        }.loss
        let gradient = ParameterGradients(trainingTape.gradients(of: trainingLoss), of: weights)
        for parameter in weights {
            let buffer = sgd.momentumBuffers[parameter.name]!
            let g = gradient[parameter]!
            parameter.value = Tensor(shape: parameter.shape, scalars: parameter.value.scalars.indices.map { i in
                parameter.value.scalars[i]
                    - xi * (sgd.momentum * buffer[i] + g.scalars[i] + sgd.weightDecay * parameter.value.scalars[i])
            })
        }
        let validationTape = Tape()
        let validationLoss = SupernetBatchPass(
            supernet, on: validation, tape: validationTape, seed: 1 ^ 0x5641_4C49_4441_5445
        ) { optimizer.mixture(on: $0) }.loss
        let validationGradients = validationTape.gradients(of: validationLoss)
        let direct = ParameterGradients(validationGradients, of: optimizer.alpha.parameters)
        let direction = ParameterGradients(validationGradients, of: weights)
        for (parameter, value) in zip(weights, saved) { parameter.value = value }
        let product = hessianVectorProduct(
            of: { tape in SupernetBatchPass(supernet, on: training, tape: tape, seed: 1) { optimizer.mixture(on: $0) }.loss },
            parameters: weights, vector: direction, targets: optimizer.alpha.parameters)
        let alpha = optimizer.alpha.parameters[0]
        let expected = zip(direct[alpha]!.scalars, product[alpha]!.scalars).map { $0 - xi * $1 }
        #expect(estimate[alpha]!.scalars == expected)
        // The second term is not negligible at this ξ.
        let difference = zip(estimate[alpha]!.scalars, direct[alpha]!.scalars).map { Swift.abs($0 - $1) }.max()!
        #expect(difference > 1e-4)
    }

    /// One step moves α and the weights, and the same seeds give the same bytes.
    @Test func stepsAreReproducible() throws {
        func run() throws -> ([Float], [Float]) {
            let supernet = try OneShotFixtures.supernet(channels: 2)
            let images = try OneShotFixtures.images(16, side: 4)
            var rng = Xoshiro256(seed: 4)
            var optimizer = DARTS(supernet: supernet, order: .first, using: &rng)
            let before = optimizer.alpha.parameters[0].value.scalars
            _ = try optimizer.step(
                supernet, training: OneShotFixtures.batch(images.subset(Array(0..<8))),
                validation: OneShotFixtures.batch(images.subset(Array(8..<16))),
                context: OneShotStepContext(step: 0, epoch: 0, epochs: 1, learningRate: 0.025, seed: 3))
            #expect(optimizer.alpha.parameters[0].value.scalars != before)
            return (optimizer.alpha.parameters[0].value.scalars, supernet.parameters.flatMap(\.value.scalars))
        }
        let first = try run()
        let second = try run()
        #expect(first == second)
    }
}
