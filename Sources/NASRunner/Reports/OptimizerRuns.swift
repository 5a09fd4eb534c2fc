/// The runs of one optimizer on one search space and dataset: the same configuration, one run per seed.
public struct OptimizerRuns: Hashable, Sendable {
    /// The optimizer (`"bananas"`).
    public let optimizer: String
    /// The runs, by ascending seed.
    public let runs: [RunFile]

    /// Checks that the runs differ only in seed and that no seed repeats.
    ///
    /// Every run is compared with the first (by seed, then path): its configuration apart from the seed, its
    /// table's checksum and its oracle must be equal.
    ///
    /// - Throws: ``ReportError`` naming the two files and each difference, or the two files sharing a seed.
    init(optimizer: String, checking files: [RunFile]) throws {
        precondition(!files.isEmpty, "OptimizerRuns: no runs")
        let sorted = files.sorted {
            ($0.result.configuration.seed, $0.path) < ($1.result.configuration.seed, $1.path)
        }
        let reference = sorted[0]
        let configuration = reference.result.configuration
        let name = "\(configuration.space) · \(configuration.dataset) · \(optimizer)"
        for file in sorted.dropFirst() {
            let differences = RunDifferences.between(reference.result, file.result)
            if !differences.isEmpty {
                throw ReportError(
                    "cannot summarize \(name): \(reference.path) and \(file.path) differ in more than the seed "
                        + "(\(differences.joined(separator: "; "))); "
                        + "the runs of one optimizer may differ only in seed: rerun them with one configuration or summarize them separately")
            }
        }
        for (previous, next) in zip(sorted, sorted.dropFirst())
        where previous.result.configuration.seed == next.result.configuration.seed {
            throw ReportError(
                "cannot summarize \(name): \(previous.path) and \(next.path) "
                    + "are both seed \(next.result.configuration.seed); remove one of them")
        }
        self.optimizer = optimizer
        self.runs = sorted
    }

    /// The seeds, ascending.
    public var seeds: [UInt64] { runs.map(\.result.configuration.seed) }

    /// The shared oracle.
    public var oracle: Oracle { runs[0].result.oracle }

    /// The shared configuration, with the first run's seed.
    public var configuration: RunConfiguration { runs[0].result.configuration }
}
