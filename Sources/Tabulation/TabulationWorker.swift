import Foundation

/// Trains a share of a tabulation's plan: the items of one shard and worker that have no row yet, writing each
/// row as soon as it is trained.
public enum TabulationWorker {
    /// Trains the missing rows of shard `shard` of `shards`, worker `worker` of `workers`.
    ///
    /// - Parameters:
    ///   - limit: Stop after training this many rows (for tests; `nil`: all).
    ///   - report: Called after each row with a one-line summary.
    /// - Returns: How many rows this call trained.
    /// - Throws: ``TabulationError`` if the data cannot be loaded or a training fails.
    @discardableResult
    public static func run(
        _ directory: TabulationDirectory, shard: Int = 0, of shards: Int = 1, worker: Int = 0, of workers: Int = 1,
        limit: Int? = nil, data: TabulationData? = nil, report: (String) -> Void = { _ in }
    ) throws(TabulationError) -> Int {
        let plan = TabulationPlan(directory.specification)
        let mine = plan.items(shard: shard, of: shards, worker: worker, of: workers).filter { !directory.hasRow($0) }
        guard !mine.isEmpty else { return 0 }
        let loaded: TabulationData
        if let data { loaded = data } else { loaded = try TabulationData(directory.specification) }
        let training = ArchitectureTraining(specification: directory.specification, data: loaded)
        var trained = 0
        for item in mine {
            if let limit, trained >= limit { break }
            let row = try training.train(index: item.architectureIndex, seed: item.seed)
            try row.write(to: directory.rowPath(of: item))
            trained += 1
            let last = row.epochs.last
            report(
                String(
                    format: "trained %d (seed %llu) %@: test %.2f%% valid %.2f%% in %.1f s", locale: nil,
                    item.architectureIndex, item.seed, row.architecture as NSString,
                    100 * (last?.testAccuracy ?? .nan), 100 * (last?.validationAccuracy ?? .nan),
                    row.epochs.reduce(0) { $0 + $1.seconds }))
        }
        return trained
    }
}
