/// A search space whose architectures are a fixed sequence of categorical decisions (an operation per edge, a
/// choice per block), so that generic samplers (a REINFORCE controller, TPE, BOHB) can search it without knowing it.
public protocol CategoricalSearchSpace: SearchSpace {
    /// The decisions, in order.
    var decisions: [CategoricalDecision] { get }

    /// The choice made at each decision.
    func choices(of architecture: Architecture) -> [Int]

    /// The architecture for one choice per decision, or `nil` when the combination is not in the space.
    func architecture(fromChoices choices: [Int]) -> Architecture?
}

/// One categorical decision: its name and the labels of its options.
public struct CategoricalDecision: Hashable, Codable, Sendable {
    /// The decision's name (`"edge 1<-0"`).
    public let name: String
    /// The options' labels, in index order.
    public let options: [String]

    public init(name: String, options: [String]) {
        self.name = name
        self.options = options
    }
}
