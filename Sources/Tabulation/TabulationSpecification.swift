import Foundation

/// What a tabulation trains (`tabulation.json` in its directory): which architectures of which space, on which
/// real dataset, with which network size and training recipe, for how many epochs and seeds. Everything a row's
/// numbers depend on is here, so rows made on other machines (`--shard i/n`) merge only when their
/// specifications are equal.
public struct TabulationSpecification: Hashable, Codable, Sendable {
    /// The space: `"nb201"` (`NB201Network`) or `"size"` (NATS-Bench's size space, `SizeNetwork`).
    public var space: String
    /// The dataset (`"fashion-mnist"`).
    public var dataset: String
    /// Which architectures: every one of the space, or a seeded sample.
    public var architectures: ArchitectureSelection
    /// The training seeds; each architecture is trained once per seed and the table stores their means.
    public var seeds: [UInt64]
    /// Epochs per training; every epoch's numbers are recorded.
    public var epochs: Int
    /// The images' side after area resampling (Fashion-MNIST's native 28, or smaller for speed).
    public var resolution: Int
    /// The network's first stage width (NB201: 16). The size space takes its widths from the architecture and
    /// requires the default, 8.
    public var stemChannels: Int
    /// Cells per stage (NB201: 5). The size space has one, and requires the default, 1.
    public var cellsPerStage: Int
    /// Training images, a stratified subset of the official training split.
    public var trainingImages: Int
    /// Validation images, a stratified subset of the rest of the training split (disjoint from the training
    /// images).
    public var validationImages: Int
    /// Test images: the first this many of the official test split (all 10,000 by default).
    public var testImages: Int
    /// Minibatch size.
    public var batchSize: Int
    /// Peak learning rate of the cosine schedule (SGD with Nesterov momentum 0.9 and weight decay 5e-4, as
    /// NB201 trained).
    public var learningRate: Double

    /// The CPU-sized default: all of NB201 on Fashion-MNIST at 16x16, 8 stem channels, one cell per stage,
    /// 12 epochs, one seed, 10,000 training and 5,000 validation images, the 10,000 test images.
    public init(
        space: String = "nb201", dataset: String = "fashion-mnist", architectures: ArchitectureSelection = .all,
        seeds: [UInt64] = [0], epochs: Int = 12, resolution: Int = 16, stemChannels: Int = 8,
        cellsPerStage: Int = 1, trainingImages: Int = 10_000, validationImages: Int = 5_000, testImages: Int = 10_000,
        batchSize: Int = 128, learningRate: Double = 0.1
    ) {
        self.space = space
        self.dataset = dataset
        self.architectures = architectures
        self.seeds = seeds
        self.epochs = epochs
        self.resolution = resolution
        self.stemChannels = stemChannels
        self.cellsPerStage = cellsPerStage
        self.trainingImages = trainingImages
        self.validationImages = validationImages
        self.testImages = testImages
        self.batchSize = batchSize
        self.learningRate = learningRate
    }

    /// Throws unless every field is usable, naming the field and the valid range.
    public func validate() throws(TabulationError) {
        func require(_ condition: Bool, _ message: String) throws(TabulationError) {
            guard condition else { throw TabulationError(message) }
        }
        let tabulated = try TabulatedSpace(name: space)
        try require(
            dataset == "fashion-mnist", "tabulate trains on fashion-mnist only so far (got dataset '\(dataset)')")
        try require(!seeds.isEmpty, "give at least one training seed")
        try require(Set(seeds).count == seeds.count, "the training seeds \(seeds) repeat a seed; give each once")
        try require(epochs >= 1, "epochs must be at least 1 (got \(epochs))")
        try require((4...28).contains(resolution), "resolution must be in 4...28 (got \(resolution))")
        try require(
            resolution % 4 == 0, "resolution must be a multiple of 4: the networks halve it twice (got \(resolution))")
        try require(stemChannels >= 1 && cellsPerStage >= 1, "stemChannels and cellsPerStage must be at least 1")
        if tabulated == .size {
            try require(
                stemChannels == 8 && cellsPerStage == 1,
                "the size space takes every width from the architecture and has one cell per stage; leave "
                    + "stemChannels and cellsPerStage at 8 and 1 (got \(stemChannels) and \(cellsPerStage))")
        }
        try require(
            trainingImages >= 10 && validationImages >= 10 && trainingImages + validationImages <= 60_000,
            "trainingImages and validationImages must be at least 10 each and together at most Fashion-MNIST's 60,000 "
                + "training images (got \(trainingImages) and \(validationImages))")
        try require(
            (10...10_000).contains(testImages), "testImages must be in 10...10,000 (got \(testImages))")
        try require(batchSize >= 1, "batchSize must be at least 1 (got \(batchSize))")
        try require(learningRate > 0 && learningRate.isFinite, "learningRate must be positive (got \(learningRate))")
        if case .sample(let count, _) = architectures {
            try require(count >= 1, "the architecture sample must hold at least 1 architecture (got \(count))")
        }
    }
}

/// Which architectures a tabulation trains.
public enum ArchitectureSelection: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Every architecture of the space, by index.
    case all
    /// `count` architectures drawn without replacement by `seed` (sorted by index).
    case sample(count: Int, seed: UInt64)

    public var description: String {
        switch self {
        case .all: "all"
        case .sample(let count, let seed): "sample:\(count):\(seed)"
        }
    }

    /// Reads `all` or `sample:N:SEED`.
    public init?(_ text: String) {
        if text == "all" {
            self = .all
            return
        }
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, parts[0] == "sample", let count = Int(parts[1]), let seed = UInt64(parts[2]) else {
            return nil
        }
        self = .sample(count: count, seed: seed)
    }
}
