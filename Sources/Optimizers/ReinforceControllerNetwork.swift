import Layers
import Seeding
import Tensors

/// The REINFORCE controller as engine layers, built for one ask or tell from the weights that
/// ``ReinforceController`` keeps as plain values (the engine's `Parameter` is a class, which a `Codable`,
/// `Sendable` optimizer value cannot hold).
///
/// At decision t the controller embeds its input (a learned start vector at t = 0, else the choice made at
/// t − 1), steps the stacked LSTM, and decision t's own softmax head maps the top hidden state to that
/// decision's logits (Zoph & Le 2017, §3.1: "every prediction is carried out by a softmax classifier and then
/// fed into the next time step as input").
///
/// Parameters, with H the hidden size and Kₜ decision t's option count:
///
///     controller.embedding.weight          (1 + K₀ + … + K_{T−2}, H)   row 0 the start input, then the
///                                                                      options of decisions 0 … T−2
///     controller.lstm.<l>.input_weight     (H, 4H)   controller.lstm.<l>.hidden_weight (H, 4H)
///     controller.lstm.<l>.bias             (4H)
///     controller.head.<t>.weight           (Kₜ, H)   controller.head.<t>.bias (Kₜ)
final class ReinforceControllerNetwork {
    let embedding: Embedding
    let cells: [LSTMCell]
    let heads: [Linear]
    /// The embedding row of option 0 of decision t, for t in 0..<T−1.
    private let firstRows: [Int]

    /// The layers for decisions with `optionCounts` options, every weight zero.
    init(optionCounts: [Int], hiddenSize: Int, layerCount: Int) {
        var firstRows: [Int] = []
        var rowCount = 1
        for count in optionCounts.dropLast() {
            firstRows.append(rowCount)
            rowCount += count
        }
        self.firstRows = firstRows
        // Zero initializers draw nothing; only Linear's bias draws, and every value is overwritten by `load`.
        var unused = Xoshiro256(seed: 0)
        embedding = Embedding(
            count: rowCount, dimension: hiddenSize, initializer: .zeros, name: "controller.embedding", using: &unused)
        cells = (0..<layerCount).map { layer in
            LSTMCell(
                inputSize: hiddenSize, hiddenSize: hiddenSize, initializer: .zeros, name: "controller.lstm.\(layer)",
                using: &unused)
        }
        heads = optionCounts.enumerated().map { decision, count in
            Linear(
                inputSize: hiddenSize, outputSize: count, weightInitializer: .zeros,
                name: "controller.head.\(decision)", using: &unused)
        }
    }

    /// Every parameter, in a fixed order: the embedding, the LSTM layers bottom up, the heads by decision.
    var parameters: [Parameter] {
        [embedding.weight] + cells.flatMap(\.parameters) + heads.flatMap(\.parameters)
    }

    /// Sets every parameter to its value in `weights` (by name).
    ///
    /// - Precondition: `weights` holds a value of the right size for every parameter.
    func load(_ weights: [String: [Float]]) {
        for parameter in parameters {
            guard let values = weights[parameter.name], values.count == parameter.value.count else {
                preconditionFailure(
                    "REINFORCE controller: no weights of shape \(parameter.shape) for \(parameter.name)")
            }
            parameter.value = Tensor(shape: parameter.shape, scalars: values)
        }
    }

    /// Every parameter's value, by name.
    var weights: [String: [Float]] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value.scalars) })
    }

    /// The all-zero state of every LSTM layer (constants).
    func initialStates() -> [LSTMState] {
        cells.map { $0.zeroState(batchSize: 1) }
    }

    /// One controller step: the logits (1, K_decision) of `decision`, after the choice made at the decision
    /// before it (`nil` at decision 0), advancing `states`; recorded on `tape` when one is given.
    func logits(decision: Int, previousChoice: Int?, states: inout [LSTMState], on tape: Tape?) -> Variable {
        let row = previousChoice.map { firstRows[decision - 1] + $0 } ?? 0
        var input = embedding([Int32(row)], on: tape)  // (1, H)
        for layer in cells.indices {
            states[layer] = cells[layer].step(input: input, state: states[layer], on: tape)
            input = states[layer].hidden
        }
        return heads[decision](input, mode: .evaluation)  // (1, K)
    }

    /// The REINFORCE loss of a batch, averaged over its samples:
    ///
    ///     L = (1/M) Σₘ [ −Aₘ Σₜ log π(cₘₜ | cₘ,<ₜ) − λ Σₜ H(π(· | cₘ,<ₜ)) ]
    ///
    /// with Aₘ = rₘ − b the sample's advantage and λ the entropy weight. −log π comes from `crossEntropy`,
    /// and −H = Σ p log p from the log-softmax.
    func loss(of samples: [ReinforceSample], entropyWeight: Float, on tape: Tape) -> Variable {
        var total = tape.constant(Tensor(0))
        for sample in samples {
            var states = initialStates()
            for (decision, choice) in sample.choices.enumerated() {
                let logits = logits(
                    decision: decision, previousChoice: decision > 0 ? sample.choices[decision - 1] : nil,
                    states: &states, on: tape)
                // −A · log π(c) = A · crossEntropy(logits, c).
                total = total + crossEntropy(logits: logits, labels: [Int32(choice)]).scaled(by: sample.advantage)
                if entropyWeight > 0 {
                    let logProbabilities = logSoftmax(logits)
                    total = total + (exp(logProbabilities) * logProbabilities).sum().scaled(by: entropyWeight)
                }
            }
        }
        return total.scaled(by: 1 / Float(max(samples.count, 1)))
    }
}

/// One sampled sequence of choices and its advantage r − b, as the policy update consumes it.
public struct ReinforceSample: Hashable, Codable, Sendable {
    /// The choice made at each decision.
    public var choices: [Int]
    /// r − b: the reward minus the baseline.
    public var advantage: Float

    /// A sample of `choices` whose reward exceeded the baseline by `advantage`.
    public init(choices: [Int], advantage: Float) {
        self.choices = choices
        self.advantage = advantage
    }
}
