/// Which part of a dataset with an official split to load.
public enum DatasetSplit: String, Sendable, Hashable, CaseIterable {
    /// The training examples.
    case train
    /// The held-out test examples.
    case test
}
