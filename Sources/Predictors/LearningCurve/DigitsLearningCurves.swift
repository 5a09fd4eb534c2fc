import Datasets
import Layers
import NASCore
import Seeding
import Training

/// Real learning curves from the engine: small ``ConvolutionalClassifier`` networks trained on the UCI digits
/// with ``ClassifierTrainer``, recording each epoch's mean training loss and the validation accuracy after it,
/// and the test accuracy at the end. NASKit's tabular tables (NB201, NAS-Bench-Graph) hold final numbers only;
/// these curves are what the learning-curve predictors are tested and measured on.
///
/// Data: the digits' stratified 80/20 split with seed 0 (`nasrun train --dataset digits`'s split: 1,438 / 359)
/// gives the test set; the 1,438 are split again 80/20 with seed 1 into 1,151 training and 287 validation
/// images. All three are normalised by the training part's channel statistics.
public enum DigitsLearningCurves {
    /// One training run's settings.
    public struct Setting: Hashable, Codable, Sendable {
        /// Block widths per stage of the ``ConvolutionalClassifier``.
        public var widths: [[Int]]
        /// The peak learning rate of the cosine schedule.
        public var learningRate: Float
        /// The seed of the weights and of training.
        public var seed: UInt64

        /// Creates a setting.
        public init(widths: [[Int]], learningRate: Float, seed: UInt64) {
            self.widths = widths
            self.learningRate = learningRate
            self.seed = seed
        }
    }

    /// What one run recorded.
    public struct Run: Hashable, Codable, Sendable {
        /// The run's settings.
        public var setting: Setting
        /// Training losses and validation accuracies of the recorded epochs.
        public var curve: LearningCurve
        /// The test accuracy after the last recorded epoch.
        public var testAccuracy: Double
    }

    /// The training, validation and test sets (see the type's comment).
    ///
    /// - Throws: ``DatasetError`` when the digits file is missing (run Scripts/fetch-datasets.sh).
    public static func splits(path: String = Digits.defaultPath) throws(DatasetError)
        -> (train: ImageDataset, validation: ImageDataset, test: ImageDataset)
    {
        let (trainAndValidation, test) = try Digits.load(path: path).stratifiedSplit(trainFraction: 0.8, seed: 0)
        let (train, validation) = trainAndValidation.stratifiedSplit(trainFraction: 0.8, seed: 1)
        let statistics = ChannelStatistics(of: train)
        return (
            train.normalized(by: statistics), validation.normalized(by: statistics),
            test.normalized(by: statistics))
    }

    /// The measurement grid: 4 network widths x 4 learning rates x `seedCount` seeds (32 runs for 2 seeds), in
    /// that nesting order. Widths go from 4/8 to 16/32 channels and two blocks per stage; learning rates from
    /// 0.003 to 0.3, so that curves range from still rising at epoch 20 to saturated by epoch 5.
    public static func grid(seedCount: Int = 2) -> [Setting] {
        let widths: [[[Int]]] = [[[4], [8]], [[8], [16]], [[16], [32]], [[8, 8], [16, 16]]]
        let learningRates: [Float] = [0.003, 0.01, 0.03, 0.3]
        var settings: [Setting] = []
        for width in widths {
            for learningRate in learningRates {
                for seed in 0..<UInt64(seedCount) {
                    settings.append(Setting(widths: width, learningRate: learningRate, seed: seed))
                }
            }
        }
        return settings
    }

    /// Trains `setting` with a cosine schedule over `scheduledEpochs` epochs (batch 64, SGD with Nesterov
    /// momentum 0.9, weight decay 5e-4: ``ClassifierTrainingConfiguration``'s defaults) and records the first
    /// `recordedEpochs` of them.
    ///
    /// - Throws: ``TrainingError`` when training diverges.
    public static func record(
        _ setting: Setting, scheduledEpochs: Int, recordedEpochs: Int,
        on data: (train: ImageDataset, validation: ImageDataset, test: ImageDataset)
    ) throws(TrainingError) -> Run {
        precondition(
            (1...scheduledEpochs).contains(recordedEpochs), "record: recordedEpochs must be in 1...\(scheduledEpochs)")
        var configuration = ClassifierTrainingConfiguration()
        configuration.epochs = scheduledEpochs
        configuration.batchSize = 64
        configuration.learningRate = setting.learningRate
        configuration.seed = setting.seed
        var rng = Xoshiro256(seed: StableHash.derive(seed: setting.seed, "weights"))
        let model = ConvolutionalClassifier.make(
            inputChannels: data.train.imageShape[0], widths: setting.widths, classes: data.train.classCount,
            using: &rng)
        let trainer = try ClassifierTrainer(model: model, configuration: configuration)
        for _ in 0..<recordedEpochs { _ = try trainer.trainEpoch(on: data.train, testSet: data.validation) }
        let losses = trainer.history.map(\.trainLoss)
        let accuracies = trainer.history.map { $0.test?.accuracy ?? .nan }
        let curve: LearningCurve
        do { curve = try LearningCurve(trainingLosses: losses, validationAccuracies: accuracies) } catch {
            throw .invalidConfiguration("the recorded curve is invalid: \(error.message)")
        }
        return Run(
            setting: setting, curve: curve,
            testAccuracy: ClassifierEvaluation(model: model, dataset: data.test).accuracy)
    }
}
