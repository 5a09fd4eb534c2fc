/// One trained architecture of a ``GraphSampleExperiment``: NASKit's result beside the benchmark's record.
public struct GraphSampleRow: Hashable, Codable, Sendable {
    /// Why the architecture was trained.
    public enum Role: String, Hashable, Codable, Sendable {
        /// Drawn in the seeded uniform sample.
        case sample
        /// One of the benchmark's best architectures on the dataset (by recorded test accuracy).
        case top
    }

    /// Why it was trained.
    public var role: Role
    /// Its dense index in ``NASSpaces/GraphSpace`` (the row of `graph.h5`).
    public var index: Int
    /// What training it with the engine gave.
    public var result: GraphTrainingResult
    /// The benchmark's recorded validation accuracy (`valid_perf`, mean of three seeds).
    public var benchmarkValidAccuracy: Double
    /// The benchmark's recorded test accuracy (`perf`, mean of three seeds).
    public var benchmarkTestAccuracy: Double
}
