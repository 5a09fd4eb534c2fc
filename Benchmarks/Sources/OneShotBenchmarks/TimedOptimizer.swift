import Datasets
import OneShot

/// A one-shot optimizer that times every call of its base's `step(_:training:validation:context:)` and derives
/// without the base's work (the benchmark measures steps, not the final ranking of random weight sharing and ENAS).
///
/// The steps run inside ``OneShot/OneShotSearch/run(_:optimizer:startEpoch:onEpoch:)``, which builds each step's
/// context (``OneShot/OneShotStepContext`` has no public initialiser) and batches as a real search does.
struct TimedOptimizer<Base: OneShotOptimizer>: OneShotOptimizer {
    typealias Net = Base.Net

    /// The timed optimizer, with its state carried from round to round.
    var base: Base
    /// The seconds of every step so far.
    var seconds: [Double] = []

    init(_ base: Base) { self.base = base }

    var name: String { base.name }

    /// Nil, so the search derives only once, at the end of its last epoch.
    var operationProbabilities: [[[Double]]]? { nil }

    mutating func step(_ supernet: Net, training: Batch, validation: Batch, context: OneShotStepContext)
        throws(SupernetError) -> OneShotStepResult
    {
        let start = Timing.now()
        let result = try base.step(supernet, training: training, validation: validation, context: context)
        seconds.append(Timing.now() - start)
        return result
    }

    /// The arg-max of equal scores: the first operation of every edge, at no cost.
    mutating func derive(_ supernet: Net, validation: [Batch]) -> Net.Space.Architecture {
        supernet.derive(fromScores: supernet.edgeGroups.map { group in
            Array(repeating: Array(repeating: 1.0, count: group.operationCount), count: group.edgeCount)
        })
    }
}

/// Something whose search steps a benchmark can run round by round: a ``TimedOptimizer`` and its supernet.
protocol SteppedMethod {
    /// The method's name in the table.
    var name: String { get }
    /// The seconds of every step so far.
    var seconds: [Double] { get }
    /// One epoch of `batches`' steps (a fresh search of one epoch with seed `round`).
    mutating func runRound(_ round: Int, batches: BenchmarkBatches) throws
}

/// A method on its own supernet.
struct Method<Base: OneShotOptimizer>: SteppedMethod {
    let name: String
    let supernet: Base.Net
    var optimizer: TimedOptimizer<Base>

    init(_ name: String, supernet: Base.Net, optimizer: Base) {
        self.name = name
        self.supernet = supernet
        self.optimizer = TimedOptimizer(optimizer)
    }

    var seconds: [Double] { optimizer.seconds }

    mutating func runRound(_ round: Int, batches: BenchmarkBatches) throws {
        let search = try OneShotSearch<TimedOptimizer<Base>>(
            configuration: OneShotSearchConfiguration(epochs: 1, batchSize: batches.batchSize, seed: UInt64(round), rankingBatches: 1),
            training: batches.training, validation: batches.validation)
        _ = try search.run(supernet, optimizer: &optimizer)
    }
}
