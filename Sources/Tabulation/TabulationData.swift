import Datasets

/// The images a tabulation trains and evaluates on: a stratified training subset and a disjoint validation subset
/// of Fashion-MNIST's training split, and its test split (or its first images), resampled to the tabulation's resolution and
/// normalised by the training subset's channel statistics.
public struct TabulationData: Sendable {
    /// The training images.
    public let training: ImageDataset
    /// The validation images.
    public let validation: ImageDataset
    /// The test images.
    public let test: ImageDataset

    /// Loads and prepares the images of `specification`.
    ///
    /// - Parameter directory: Fashion-MNIST's files (Debian's dataset-fashion-mnist installs them there).
    /// - Throws: ``TabulationError`` naming the file and `Scripts/setup.sh` if the dataset is missing.
    public init(_ specification: TabulationSpecification, directory: String = FashionMNIST.defaultDirectory)
        throws(TabulationError)
    {
        let official: ImageDataset
        let officialTest: ImageDataset
        do {
            official = try FashionMNIST.load(directory: directory, split: .train)
            officialTest = try FashionMNIST.load(directory: directory, split: .test)
        } catch {
            throw TabulationError("\(error); run Scripts/setup.sh to install Fashion-MNIST")
        }
        let total = official.count
        let share = Double(specification.trainingImages + specification.validationImages) / Double(total)
        let (used, _) = official.stratifiedSplit(trainFraction: min(1, share), seed: 0)
        let trainingShare =
            Double(specification.trainingImages) / Double(specification.trainingImages + specification.validationImages)
        let (training, validation) = used.stratifiedSplit(trainFraction: trainingShare, seed: 1)
        let side = specification.resolution
        let resize = { (dataset: ImageDataset) in side == 28 ? dataset : dataset.resized(height: side, width: side) }
        let statistics = ChannelStatistics(of: resize(training))
        self.training = resize(training).normalized(by: statistics)
        self.validation = resize(validation).normalized(by: statistics)
        let test = specification.testImages < officialTest.count
            ? officialTest.subset(Array(0..<specification.testImages)) : officialTest
        self.test = resize(test).normalized(by: statistics)
    }
}
