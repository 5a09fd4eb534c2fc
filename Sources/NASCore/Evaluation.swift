/// The result of evaluating one architecture at one fidelity: the objective the optimizer maximizes, the
/// metrics the runner reports, and the simulated cost charged.
public struct Evaluation: Hashable, Codable, Sendable {
    /// The value the optimizer maximizes, at ``fidelity`` (NB201: test accuracy in % at 12 or 200 epochs).
    public var objective: Double
    /// The fidelity evaluated at, in epochs; `nil` when the evaluator has a single (final) fidelity.
    public var fidelity: Int?
    /// The simulated cost charged for this evaluation, in ``costUnit``.
    public var cost: Double
    /// The unit of ``cost``: `"seconds"`, `"epochs"` or `"evaluations"`.
    public var costUnit: String
    /// The metrics reported for the architecture at full fidelity (test accuracy, say), by name; never shown to
    /// optimizers. Sorted by name wherever written.
    public var metrics: [String: Double]

    /// Creates an evaluation.
    public init(objective: Double, fidelity: Int?, cost: Double, costUnit: String, metrics: [String: Double]) {
        self.objective = objective
        self.fidelity = fidelity
        self.cost = cost
        self.costUnit = costUnit
        self.metrics = metrics
    }
}
