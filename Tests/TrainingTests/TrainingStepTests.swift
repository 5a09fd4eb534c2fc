import Layers
import Seeding
import Tensors
import Testing
import Training

@Suite("TrainingStep")
struct TrainingStepTests {
    /// Noisy XOR: 64 points around the corners (±1, ±1), labelled 1 when the signs differ.
    static func xor(seed: UInt64) -> (images: Tensor, labels: [Int32]) {
        var rng = Xoshiro256(seed: seed)
        var points: [Float] = []
        var labels: [Int32] = []
        for index in 0..<64 {
            let (x, y): (Float, Float) = (index % 2 == 0 ? 1 : -1, (index / 2) % 2 == 0 ? 1 : -1)
            points += [x + 0.2 * rng.normalFloat(), y + 0.2 * rng.normalFloat()]
            labels.append(x * y < 0 ? 1 : 0)
        }
        return (Tensor(shape: [64, 2], scalars: points), labels)
    }

    static func mlp(seed: UInt64) -> Sequential {
        var rng = Xoshiro256(seed: seed)
        return Sequential(name: "mlp", [
            Linear(inputSize: 2, outputSize: 16, name: "mlp.fc1", using: &rng),
            ReLU(),
            Dropout(rate: 0.1, name: "mlp.dropout"),
            Linear(inputSize: 16, outputSize: 2, name: "mlp.fc2", using: &rng),
        ])
    }

    /// Trains for `steps` full-batch steps with Nesterov SGD and returns the losses and the model.
    static func train(steps: Int) throws -> (losses: [Float], model: Sequential) {
        let data = xor(seed: 5)
        let model = mlp(seed: 6)
        var optimizer = SGD(momentum: 0.9, nesterov: true, weightDecay: 1e-4)
        let schedule = CosineAnnealing(baseLearningRate: 0.1, totalSteps: steps)
        let trainingStep = TrainingStep(maximumGradientNorm: 5)
        var losses: [Float] = []
        for step in 0..<steps {
            let result = try trainingStep.run(
                model: model, images: data.images, labels: data.labels, optimizer: &optimizer,
                learningRate: schedule.learningRate(at: step), step: step, seed: StableHash.derive(seed: 7, "step \(step)"))
            losses.append(result.loss)
        }
        return (losses, model)
    }

    @Test("a 2-layer MLP learns noisy XOR to 100% training accuracy")
    func learnsXOR() throws {
        let (losses, model) = try Self.train(steps: 300)
        let data = Self.xor(seed: 5)
        let logits = model(Variable(data.images), mode: .evaluation).value
        #expect(TrainingStep.correctCount(logits: logits, labels: data.labels) == 64)
        #expect(losses.first! > 0.5 && losses.last! < 0.1, "loss \(losses.first!) -> \(losses.last!)")
    }

    @Test("re-running with the same seeds gives bitwise identical weights and losses")
    func reproducible() throws {
        let first = try Self.train(steps: 40)
        let second = try Self.train(steps: 40)
        #expect(first.losses.map(\.bitPattern) == second.losses.map(\.bitPattern))
        #expect(first.model.parameters.map { $0.value.scalars.map(\.bitPattern) }
            == second.model.parameters.map { $0.value.scalars.map(\.bitPattern) })
    }

    @Test("the result reports the loss, the correct count and the clipped gradient norm")
    func result() throws {
        let model = Self.mlp(seed: 1)
        let data = Self.xor(seed: 2)
        var optimizer = SGD()
        let logits = model(Variable(data.images), mode: .training(seed: 3)).value
        let expectedLoss = crossEntropy(logits: Variable(logits), labels: data.labels).value.scalar
        let before = model.parameters.map(\.value)
        let result = try TrainingStep(maximumGradientNorm: 1e-3).run(
            model: model, images: data.images, labels: data.labels, optimizer: &optimizer, learningRate: 0.1,
            step: 0, seed: 3)
        #expect(result.loss == expectedLoss)
        #expect(result.correctCount == TrainingStep.correctCount(logits: logits, labels: data.labels))
        #expect(result.batchSize == 64)
        #expect(result.gradientNorm! > 1e-3)
        // Clipped to norm 1e-3, the step moves the weights by at most η·1e-3 in norm.
        let moved = zip(model.parameters.map(\.value), before).flatMap { zip($0.scalars, $1.scalars).map { $0 - $1 } }
        #expect(moved.map { $0 * $0 }.reduce(0, +).squareRoot() <= 1.01e-4)
    }

    @Test("correctCount takes the first maximum on ties")
    func correctCount() {
        let logits = Tensor(shape: [3, 3], scalars: [1, 1, 0, 0, 2, 5, 3, 3, 3])
        #expect(TrainingStep.correctCount(logits: logits, labels: [0, 2, 1]) == 2)
    }

    @Test("a NaN input stops the step at the first layer, with the step number")
    func nanLayer() {
        let model = Self.mlp(seed: 1)
        var images = Self.xor(seed: 2).images
        images.scalars[7] = .nan
        var optimizer = SGD()
        let before = model.parameters.map(\.value)
        let error = #expect(throws: NonFiniteError.self) {
            try TrainingStep().run(
                model: model, images: images, labels: Self.xor(seed: 2).labels, optimizer: &optimizer,
                learningRate: 0.1, step: 12, seed: 1)
        }
        #expect(error?.description == "step 12: layer 'mlp.fc1' produced NaN")
        #expect(model.parameters.map(\.value) == before)
    }

    @Test("a non-finite gradient with a finite loss names the parameter, and nothing is updated")
    func nonFiniteGradient() {
        // y = x·√s with s = 0: the output is finite (0), but dL/ds = Σ g·x / (2√s) is infinite.
        final class Probe: Layer {
            let name = "probe"
            let s = Parameter(name: "probe.s", value: Tensor(shape: [1], scalars: [0]))
            var parameters: [Parameter] { [s] }
            func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
                input * sqrt(s.variable(on: input.tape))
            }
        }
        var rng = Xoshiro256(seed: 1)
        let model = Sequential([Linear(inputSize: 2, outputSize: 2, name: "fc", using: &rng), Probe()])
        var optimizer = SGD()
        let before = model.parameters.map(\.value)
        let error = #expect(throws: NonFiniteError.self) {
            try TrainingStep().run(
                model: model, images: Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]), labels: [0, 1],
                optimizer: &optimizer, learningRate: 0.1, step: 3, seed: 1)
        }
        #expect(error?.location == .gradient("probe.s"))
        #expect(error?.description == "step 3: non-finite gradient in probe.s")
        #expect(model.parameters.map(\.value) == before)
    }
}
