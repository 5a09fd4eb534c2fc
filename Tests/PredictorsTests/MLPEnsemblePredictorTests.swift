import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding
import Testing

@Suite("MLPEnsemblePredictor")
struct MLPEnsemblePredictorTests {
    @Test("fitted on 100 random NB201 cells, it ranks 500 held-out cells' CIFAR-10 test accuracy: Kendall τ > 0.5")
    func ranksHeldOutCells() throws {
        let (training, heldOut) = try NB201Sample.draw(600, seed: 4).split(at: 100)
        var predictor = MLPEnsemblePredictor<NB201Space>()  // the paper's configuration
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(training.architectures, targets: training.accuracies, in: NB201Space(), using: &rng)
        let predictions = try predictor.predict(heldOut.architectures, in: NB201Space())
        let tau = RankCorrelation.kendallTau(predictions.map(\.mean), heldOut.accuracies)
        let rho = RankCorrelation.spearman(predictions.map(\.mean), heldOut.accuracies)
        #expect(tau > 0.5)
        #expect(rho > 0.65)
        #expect(predictions.allSatisfy { $0.standardDeviation > 0 })
    }

    /// A small configuration for the tests below (2 networks of 2 layers, 20 epochs), to keep them fast in debug.
    static var small: MLPEnsembleConfiguration {
        var configuration = MLPEnsembleConfiguration()
        configuration.ensembleSize = 2
        configuration.hiddenLayers = 2
        configuration.epochs = 20
        return configuration
    }

    static func fitted(seed: UInt64 = 1) throws -> (MLPEnsemblePredictor<NB201Space>, NB201Sample) {
        let (training, heldOut) = try NB201Sample.draw(60, seed: 7).split(at: 40)
        var predictor = MLPEnsemblePredictor<NB201Space>(configuration: small)
        var rng = Xoshiro256(seed: seed)
        try predictor.fit(training.architectures, targets: training.accuracies, in: NB201Space(), using: &rng)
        return (predictor, heldOut)
    }

    @Test("a fitted predictor survives a JSON round trip: the same model, the same predictions bit for bit")
    func codableRoundTrip() throws {
        let (predictor, heldOut) = try Self.fitted()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(predictor)
        let restored = try JSONDecoder().decode(MLPEnsemblePredictor<NB201Space>.self, from: data)
        #expect(restored.model == predictor.model)
        #expect(restored.configuration == predictor.configuration)
        let space = NB201Space()
        #expect(try restored.predict(heldOut.architectures, in: space) == predictor.predict(heldOut.architectures, in: space))
        #expect(try encoder.encode(restored) == data)
        let unfitted = try JSONDecoder().decode(
            MLPEnsemblePredictor<NB201Space>.self, from: encoder.encode(MLPEnsemblePredictor<NB201Space>()))
        #expect(unfitted.model == nil)
    }

    @Test("the same generator state gives the same fit; another gives another; copies are independent")
    func reproducibleAndIndependent() throws {
        let (first, heldOut) = try Self.fitted(seed: 1)
        let (second, _) = try Self.fitted(seed: 1)
        let (other, _) = try Self.fitted(seed: 2)
        #expect(first.model == second.model)
        #expect(first.model != other.model)
        let space = NB201Space()
        let before = try first.predict(heldOut.architectures, in: space)
        var copy = first
        var rng = Xoshiro256(seed: 9)
        try copy.fit(Array(heldOut.architectures.prefix(10)), targets: Array(heldOut.accuracies.prefix(10)), in: space, using: &rng)
        #expect(try first.predict(heldOut.architectures, in: space) == before)
        #expect(try copy.predict(heldOut.architectures, in: space) != before)
    }

    @Test("predictions are the members' mean and population standard deviation, in the targets' units")
    func ensembleStatistics() throws {
        let (predictor, heldOut) = try Self.fitted()
        let space = NB201Space()
        let members = try predictor.memberPredictions(heldOut.architectures, in: space)
        let predictions = try predictor.predict(heldOut.architectures, in: space)
        #expect(members.count == 2 && members.allSatisfy { $0.count == heldOut.architectures.count })
        for (index, prediction) in predictions.enumerated() {
            let (a, b) = (members[0][index], members[1][index])
            #expect(abs(prediction.mean - (a + b) / 2) < 1e-9)
            #expect(abs(prediction.standardDeviation - abs(a - b) / 2) < 1e-9)
        }
        // CIFAR-10 test accuracies are percentages; the predictions are on that scale.
        #expect(predictions.allSatisfy { $0.mean > 0 && $0.mean < 110 })
        #expect(predictor.requirements == PredictorRequirements(minimumTrainingSize: 2, encoding: .path))
    }

    @Test("every encoding of the space can be chosen; the networks read the positions the training set uses")
    func encodings() throws {
        let (training, _) = try NB201Sample.draw(20, seed: 3).split(at: 20)
        let space = NB201Space()
        for (encoding, length) in [(ArchitectureEncoding.oneHot, 30), (.adjacencyOneHot, 58), (.path, 84)] {
            let encoded = try EncodedArchitectures(training.architectures, as: encoding, in: space)
            let used = (0..<length).filter { column in
                (0..<encoded.rowCount).contains { encoded.values[$0 * length + column] != 0 }
            }
            for drop in [true, false] {
                var configuration = Self.small
                configuration.encoding = encoding
                configuration.epochs = 2
                configuration.dropUnusedFeatures = drop
                var predictor = MLPEnsemblePredictor<NB201Space>(configuration: configuration)
                var rng = Xoshiro256(seed: 1)
                try predictor.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
                #expect(predictor.model?.encodingLength == length)
                #expect(predictor.model?.inputColumns == (drop ? used : Array(0..<length)))
                #expect(predictor.model?.layout.inputSize == (drop ? used.count : length))
                #expect(predictor.model?.encoding == encoding)
                // Predicting architectures with positions the training set never used works on whole encodings.
                let others = (0..<50).map { space.architecture(at: $0 * 311) }
                #expect(try predictor.predict(others, in: space).count == 50)
            }
            #expect(used.count < length)  // 20 cells leave some positions unused in every encoding
        }
    }

    @Test("too few points, mismatched counts, non-finite targets, predicting unfitted, a bad configuration: refused")
    func errors() throws {
        let space = NB201Space()
        let (sample, _) = try NB201Sample.draw(3, seed: 1).split(at: 3)
        var predictor = MLPEnsemblePredictor<NB201Space>(configuration: Self.small)
        var rng = Xoshiro256(seed: 1)
        func message(_ body: () throws -> Void) -> String? {
            do { try body() } catch let error as SearchError { return error.message } catch { return "\(error)" }
            return nil
        }
        #expect(message { _ = try predictor.predict(sample.architectures, in: space) }
            == "MLP ensemble: predict was called before fit; fit the predictor to measured architectures first")
        #expect(message { try predictor.fit([sample.architectures[0]], targets: [90], in: space, using: &rng) }
            == "MLP ensemble: needs at least 2 measured architectures to fit, got 1")
        #expect(message { try predictor.fit(sample.architectures, targets: [90, 91], in: space, using: &rng) }
            == "MLP ensemble: 3 architectures but 2 targets; give one target per architecture")
        #expect(message { try predictor.fit(sample.architectures, targets: [90, .nan, 91], in: space, using: &rng) }
            == "MLP ensemble: target 1 is nan; every target must be a finite number")
        #expect(message { try predictor.fit(sample.architectures, targets: [90, 91, .infinity], in: space, using: &rng) }
            == "MLP ensemble: target 2 is inf; every target must be a finite number")
        predictor.configuration.epochs = 0
        #expect(message { try predictor.fit(sample.architectures, targets: [90, 91, 92], in: space, using: &rng) }
            == "MLP ensemble: epochs must be at least 1 (got 0)")
        #expect(predictor.model == nil)
    }

    @Test("configuration validation names the field, the requirement and the value")
    func validation() {
        func message(_ change: (inout MLPEnsembleConfiguration) -> Void) -> String? {
            var configuration = MLPEnsembleConfiguration()
            change(&configuration)
            do { try configuration.validate() } catch { return error.message }
            return nil
        }
        #expect(message { _ in } == nil)
        #expect(message { $0.ensembleSize = 0 } == "MLP ensemble: ensembleSize must be at least 1 (got 0)")
        #expect(message { $0.hiddenLayers = 0 } == "MLP ensemble: hiddenLayers must be at least 1 (got 0)")
        #expect(message { $0.layerWidth = -1 } == "MLP ensemble: layerWidth must be at least 1 (got -1)")
        #expect(message { $0.learningRate = 0 } == "MLP ensemble: learningRate must be a positive number (got 0.0)")
        #expect(message { $0.learningRate = .nan } == "MLP ensemble: learningRate must be a positive number (got nan)")
        #expect(message { $0.batchSize = 0 } == "MLP ensemble: batchSize must be at least 1 (got 0)")
        #expect(message { $0.boundMargin = 0 } == "MLP ensemble: boundMargin must be a positive number (got 0.0)")
    }
}
