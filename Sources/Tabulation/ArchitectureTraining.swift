import Datasets
import Foundation
import Layers
import NASModels
import NASSpaces
import Seeding
import Training

/// Trains one architecture of a tabulation (an NB201 cell or a NATS-Bench size-space network) with the engine and
/// records every epoch.
struct ArchitectureTraining {
    let specification: TabulationSpecification
    let data: TabulationData

    /// Trains architecture `index` with `seed` for the specification's epochs.
    ///
    /// Weights come from `StableHash.derive(seed:, "tabulation weights <index>")`, batches and dropout from the
    /// trainer's seed `StableHash.derive(seed:, "tabulation training <index>")`: a row depends only on the
    /// specification, the architecture and the seed.
    func train(index: Int, seed: UInt64) throws(TabulationError) -> TabulatedRow {
        var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "tabulation weights \(index)"))
        let classes = data.training.classCount
        let inputChannels = data.training.imageShape[0]
        let space = try TabulatedSpace(name: specification.space)
        let text = space.format(index: index)
        switch space {
        case .nb201:
            let configuration = NB201NetworkConfiguration(
                stemChannels: specification.stemChannels, cellsPerStage: specification.cellsPerStage,
                classes: classes, inputChannels: inputChannels)
            let network = NB201Network(
                architecture: NB201Space().architecture(at: index), configuration: configuration, using: &generator)
            let cost = network.cost(inputHeight: specification.resolution, inputWidth: specification.resolution)
            return try train(network, text: text, cost: cost, index: index, seed: seed)
        case .size:
            let network = SizeNetwork(
                architecture: SizeSpace().architecture(at: index),
                configuration: SizeNetworkConfiguration(classes: classes, inputChannels: inputChannels),
                using: &generator)
            let cost = network.cost(inputHeight: specification.resolution, inputWidth: specification.resolution)
            return try train(network, text: text, cost: cost, index: index, seed: seed)
        }
    }

    /// Trains `network`, architecture `index` of the space (text form `text`, size `cost`), with `seed`,
    /// recording every epoch.
    private func train(_ network: some Layer, text: String, cost: ModelCost, index: Int, seed: UInt64)
        throws(TabulationError) -> TabulatedRow
    {
        var settings = ClassifierTrainingConfiguration()
        settings.epochs = specification.epochs
        settings.batchSize = specification.batchSize
        settings.learningRate = Float(specification.learningRate)
        settings.momentum = 0.9
        settings.nesterov = true
        settings.weightDecay = 5e-4
        settings.seed = StableHash.derive(seed: seed, "tabulation training \(index)")
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
            throw TabulationError("training \(text) (index \(index), seed \(seed)) failed: \(error)")
        }
        return TabulatedRow(
            architectureIndex: index, architecture: text, seed: seed,
            parameters: cost.parameterCount, multiplyAdds: cost.multiplyAdds, epochs: records)
    }
}
