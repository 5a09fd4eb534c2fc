import Layers
import Tensors

/// What one training step measured.
public struct TrainingStepResult: Hashable, Sendable {
    /// The batch's loss before the update.
    public let loss: Float
    /// How many examples the model classified correctly before the update (the arg-max of the logits, the
    /// first maximum on ties).
    public let correctCount: Int
    /// The number of examples.
    public let batchSize: Int
    /// The norm of all gradients before clipping, when the step clipped them.
    public let gradientNorm: Float?
}

/// One supervised step of weight training: forward on a new tape, loss, backward, non-finite checks, optional
/// gradient clipping, and the weight optimizer's update.
///
/// Every layer output (each layer of a ``Layers/Sequential``, else the model's output), the loss and every
/// gradient are checked, so a NaN stops training at the step and place it first appears, with a
/// ``Layers/NonFiniteError`` such as "step 12: non-finite gradient in cells.3.conv.weight". The step draws
/// its randomness (dropout masks) only from `seed`, so a run is reproducible from its seeds.
public struct TrainingStep {
    /// A loss from logits (N, K) and N labels, returning a scalar.
    public typealias Loss = (_ logits: Variable, _ labels: [Int32]) -> Variable

    /// The loss; cross entropy unless given.
    public var loss: Loss
    /// The largest joint gradient norm allowed (`nil`: no clipping); see ``clipGradientNorm(_:maxNorm:)``.
    public var maximumGradientNorm: Float?

    /// Creates the step.
    ///
    /// - Parameters:
    ///   - loss: the loss of logits and labels (cross entropy unless given).
    ///   - maximumGradientNorm: clip gradients to this joint norm (no clipping when `nil`).
    public init(
        loss: @escaping Loss = { crossEntropy(logits: $0, labels: $1) }, maximumGradientNorm: Float? = nil
    ) {
        self.loss = loss
        self.maximumGradientNorm = maximumGradientNorm
    }

    /// Runs one step and updates the model's trainable parameters.
    ///
    /// - Parameters:
    ///   - model: maps the images to logits (N, K).
    ///   - images: the batch's inputs, N first.
    ///   - labels: N class indices.
    ///   - optimizer: the weight optimizer.
    ///   - learningRate: this step's learning rate.
    ///   - step: the step number, for error messages.
    ///   - seed: the seed of this step's random choices (``Layers/ForwardMode/training(seed:)``).
    /// - Returns: the loss, the number of correct predictions and the gradient norm.
    /// - Throws: ``Layers/NonFiniteError`` when a layer output, the loss or a gradient is not finite; the
    ///   parameters are then unchanged (batch norm running statistics may already have moved).
    /// - Complexity: one forward and one backward pass, plus one scan of every output and gradient.
    public func run(
        model: some Layer, images: Tensor, labels: [Int32], optimizer: inout some WeightOptimizer,
        learningRate: Float, step: Int, seed: UInt64
    ) throws(NonFiniteError) -> TrainingStepResult {
        enforce(
            images.shape.first == labels.count,
            "TrainingStep: images \(images.shape) hold \(images.shape.first ?? 0) examples but there are \(labels.count) labels")
        let tape = Tape()
        // Layers record their parameters on input.tape; the images need no gradient.
        let input = tape.constant(images)
        let logits = try NumericsCheck.forward(model, input, mode: .training(seed: seed), step: step)
        enforce(
            logits.rank == 2 && logits.shape[0] == labels.count,
            "TrainingStep: the model produced \(logits.shape), expected logits (\(labels.count), classes)")
        let lossValue = loss(logits, labels)
        try NumericsCheck.checkLoss(lossValue.value, step: step)

        let parameters = model.trainableParameters
        var gradients = ParameterGradients(tape.gradients(of: lossValue), of: parameters)
        try NumericsCheck.checkGradients(of: parameters, step: step) { gradients[$0] }
        var gradientNorm: Float?
        if let maximumGradientNorm {
            let clipped = clipGradientNorm(gradients, maxNorm: maximumGradientNorm)
            gradients = clipped.gradients
            gradientNorm = clipped.totalNorm
        }
        optimizer.update(parameters, gradients: gradients, learningRate: learningRate)
        return TrainingStepResult(
            loss: lossValue.value.scalar, correctCount: Self.correctCount(logits: logits.value, labels: labels),
            batchSize: labels.count, gradientNorm: gradientNorm)
    }

    /// The number of rows of `logits` (N, K) whose arg-max (the first on ties) equals the label.
    public static func correctCount(logits: Tensor, labels: [Int32]) -> Int {
        enforce(
            logits.rank == 2 && logits.shape[0] == labels.count,
            "correctCount: logits \(logits.shape) do not match \(labels.count) labels")
        let classes = logits.shape[1]
        var correct = 0
        logits.scalars.withUnsafeBufferPointer { scores in
            for row in 0..<labels.count {
                var best = 0
                for k in 1..<max(classes, 1) where scores[row * classes + k] > scores[row * classes + best] { best = k }
                if best == Int(labels[row]) { correct += 1 }
            }
        }
        return correct
    }
}
