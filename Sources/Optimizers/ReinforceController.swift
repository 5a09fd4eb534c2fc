#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Layers
import NASCore
import Seeding
import Tensors
import Training

/// The REINFORCE controller's whole learnable state as plain values: every weight by parameter name, and Adam's
/// moments (also by name). Copies are independent and the value encodes to JSON exactly (finite `Float`s
/// round-trip), so a resumed search continues bit for bit. Each ask or tell builds the engine layers
/// (``ReinforceControllerNetwork``) from these values for the one computation it needs. Public so that ENAS
/// (the OneShot module) drives the same controller over a supernet's decisions.
public struct ReinforceController: Hashable, Codable, Sendable {
    /// The number of options of each decision, which fixes the heads' and the embedding's shapes.
    public let optionCounts: [Int]
    /// H.
    let hiddenSize: Int
    /// The number of LSTM layers.
    let layerCount: Int
    /// Every weight, row-major, by parameter name.
    private(set) var weights: [String: [Float]]
    /// The weight optimizer's state (PyTorch's Adam defaults).
    private(set) var weightOptimizer = Adam()

    /// A controller whose every weight is drawn uniform in ±`initializationBound` (Zoph & Le), parameter by
    /// parameter in ``ReinforceControllerNetwork/parameters`` order, each in row-major order.
    public init(
        optionCounts: [Int], hiddenSize: Int, layerCount: Int, initializationBound: Float,
        using rng: inout some RandomNumberGenerator
    ) {
        self.optionCounts = optionCounts
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        let network = ReinforceControllerNetwork(
            optionCounts: optionCounts, hiddenSize: hiddenSize, layerCount: layerCount)
        var weights: [String: [Float]] = [:]
        for parameter in network.parameters {
            weights[parameter.name] = (0..<parameter.value.count).map { _ in
                rng.uniformFloat(from: -initializationBound, to: initializationBound)
            }
        }
        self.weights = weights
    }

    private enum CodingKeys: String, CodingKey {
        case optionCounts, hiddenSize, layerCount, weights, weightOptimizer
    }

    /// Decodes a controller, refusing one whose weights do not fit its shapes (a damaged checkpoint), so that
    /// building its layers later cannot fail.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        optionCounts = try container.decode([Int].self, forKey: .optionCounts)
        hiddenSize = try container.decode(Int.self, forKey: .hiddenSize)
        layerCount = try container.decode(Int.self, forKey: .layerCount)
        weights = try container.decode([String: [Float]].self, forKey: .weights)
        weightOptimizer = try container.decode(Adam.self, forKey: .weightOptimizer)
        guard !optionCounts.isEmpty, optionCounts.allSatisfy({ $0 >= 1 }), hiddenSize >= 1, layerCount >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .optionCounts, in: container,
                debugDescription: "REINFORCE controller: option counts \(optionCounts), hidden size \(hiddenSize) and "
                    + "layer count \(layerCount) must all be positive")
        }
        let network = ReinforceControllerNetwork(
            optionCounts: optionCounts, hiddenSize: hiddenSize, layerCount: layerCount)
        let expected = network.parameters.map { ($0.name, $0.value.count) }
        guard weights.count == expected.count, expected.allSatisfy({ weights[$0.0]?.count == $0.1 }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .weights, in: container,
                debugDescription: "REINFORCE controller: the weights do not match the parameters "
                    + expected.map { "\($0.0) (\($0.1))" }.joined(separator: ", "))
        }
    }

    /// The engine layers holding the current weights.
    private func makeNetwork() -> ReinforceControllerNetwork {
        let network = ReinforceControllerNetwork(
            optionCounts: optionCounts, hiddenSize: hiddenSize, layerCount: layerCount)
        network.load(weights)
        return network
    }

    /// Draws one choice per decision from the controller, each fed back as the next step's input.
    ///
    /// - Complexity: T controller steps without a tape, one draw from `rng` per decision.
    public func sample(using rng: inout some RandomNumberGenerator) -> [Int] {
        let network = makeNetwork()
        var states = network.initialStates()
        var choices: [Int] = []
        for decision in optionCounts.indices {
            let logits = network.logits(decision: decision, previousChoice: choices.last, states: &states, on: nil)
            choices.append(Self.draw(from: Self.softmax(logits.value.scalars), using: &rng))
        }
        return choices
    }

    /// The controller's distribution over each decision's options when the decisions before it were `choices`.
    ///
    /// - Precondition: `choices` has one valid choice per decision.
    public func probabilities(along choices: [Int]) -> [[Double]] {
        let network = makeNetwork()
        var states = network.initialStates()
        return optionCounts.indices.map { decision in
            let logits = network.logits(
                decision: decision, previousChoice: decision > 0 ? choices[decision - 1] : nil, states: &states,
                on: nil)
            return Self.softmax(logits.value.scalars)
        }
    }

    /// One policy-gradient step: Adam on the batch's REINFORCE loss
    /// (``ReinforceControllerNetwork/loss(of:entropyWeight:on:)``).
    ///
    /// - Throws: ``SearchError`` if a weight became non-finite (the learning rate is too large for the
    ///   rewards' scale); the controller is then left as it was.
    /// - Complexity: one forward and one backward pass over T steps per sample, O(M·T·L·H²).
    public mutating func update(
        with samples: [ReinforceSample], entropyWeight: Float, learningRate: Float
    ) throws(SearchError) {
        let network = makeNetwork()
        let tape = Tape()
        let loss = network.loss(of: samples, entropyWeight: entropyWeight, on: tape)
        var optimizer = weightOptimizer
        optimizer.update(network.parameters, gradients: tape.gradients(of: loss), learningRate: learningRate)
        let updated = network.weights
        guard updated.values.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
            throw SearchError(
                "REINFORCE: a controller weight became non-finite after a policy update (loss \(loss.value.scalar)); "
                    + "lower learningRate")
        }
        weights = updated
        weightOptimizer = optimizer
    }

    /// softmax(logits), computed in Double from the largest logit.
    static func softmax(_ logits: [Float]) -> [Double] {
        let largest = Double(logits.max() ?? 0)
        let exponentials = logits.map { exp(Double($0) - largest) }
        let total = exponentials.reduce(0, +)
        return exponentials.map { $0 / total }
    }

    /// An index drawn with the given probabilities: the first whose cumulative probability exceeds one uniform
    /// draw (the last index if rounding leaves the total just below it).
    static func draw(from probabilities: [Double], using rng: inout some RandomNumberGenerator) -> Int {
        let threshold = rng.uniformDouble()
        var cumulative = 0.0
        for (index, probability) in probabilities.enumerated() {
            cumulative += probability
            if threshold < cumulative { return index }
        }
        return probabilities.count - 1
    }
}
