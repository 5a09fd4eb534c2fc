import Datasets
import Foundation
import Layers
import NASModels
import NASSpaces
import Seeding
import Training

/// Trains one NB201 architecture of a tabulation with the engine and records every epoch.
struct ArchitectureTraining {
    let specification: TabulationSpecification
    let data: TabulationData

    /// Trains architecture `index` with `seed` for the specification's epochs.
    ///
    /// Weights come from `StableHash.derive(seed:, "tabulation weights <index>")`, batches and dropout from the
    /// trainer's seed `StableHash.derive(seed:, "tabulation training <index>")`: a row depends only on the
    /// specification, the architecture and the seed.
    func train(index: Int, seed: UInt64) throws(TabulationError) -> TabulatedRow {
        let space = NB201Space()
        let architecture = space.architecture(at: index)
        let configuration = NB201NetworkConfiguration(
            stemChannels: specification.stemChannels, cellsPerStage: specification.cellsPerStage,
            classes: data.training.classCount, inputChannels: data.training.imageShape[0])
        var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "tabulation weights \(index)"))
        let network = NB201Network(architecture: architecture, configuration: configuration, using: &generator)
        var settings = ClassifierTrainingConfiguration()
        settings.epochs = specification.epochs
        settings.batchSize = specification.batchSize
        settings.learningRate = Float(specification.learningRate)
        settings.momentum = 0.9
        settings.nesterov = true
        settings.weightDecay = 5e-4
        settings.seed = StableHash.derive(seed: seed, "tabulation training \(index)")
        let cost = network.cost(inputHeight: specification.resolution, inputWidth: specification.resolution)
        var records: [TabulatedRow.EpochRecord] = []
        do {
            let trainer = try ClassifierTrainer(model: network, configuration: settings)
            for _ in 0..<specification.epochs {
                let report = try trainer.trainEpoch(on: data.training, testSet: data.validation)
                let test = ClassifierEvaluation(model: network, dataset: data.test)
                records.append(
                    TabulatedRow.EpochRecord(
                        trainLoss: report.trainLoss, trainAccuracy: report.trainAccuracy,
                        validationAccuracy: report.test?.accuracy ?? .nan, testAccuracy: test.accuracy,
                        seconds: report.seconds))
            }
        } catch {
            throw TabulationError(
                "training \(space.format(architecture)) (index \(index), seed \(seed)) failed: \(error)")
        }
        return TabulatedRow(
            architectureIndex: index, architecture: space.format(architecture), seed: seed,
            parameters: cost.parameterCount, multiplyAdds: cost.multiplyAdds, epochs: records)
    }
}
