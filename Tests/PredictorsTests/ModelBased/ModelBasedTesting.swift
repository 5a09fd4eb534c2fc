import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding

/// What the model-based predictor tests share: fitting on real NB201 cells and judging on held-out ones, the
/// message of a refusal, and a JSON round trip.
enum ModelBasedTesting {
    /// Kendall's τ of `predictor` fitted on the first `trainingSize` cells of `sample` and judged on the last
    /// `heldOutSize` ones (the same held-out cells for every training size).
    static func heldOutTau<Predictor: PerformancePredictor>(
        _ predictor: Predictor, sample: NB201Sample, trainingSize: Int, heldOutSize: Int, seed: UInt64 = 1
    ) throws -> Double where Predictor.Space == NB201Space {
        var predictor = predictor
        let training = sample.split(at: trainingSize).training
        let heldOut = sample.split(at: sample.architectures.count - heldOutSize).heldOut
        var rng = Xoshiro256(seed: seed)
        try predictor.fit(training.architectures, targets: training.accuracies, in: NB201Space(), using: &rng)
        let predictions = try predictor.predict(heldOut.architectures, in: NB201Space())
        return RankCorrelation.kendallTau(predictions.map(\.mean), heldOut.accuracies)
    }

    /// The message of the ``SearchError`` `body` throws, or `nil` if it throws nothing.
    static func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let error as SearchError { return error.message } catch { return "\(error)" }
        return nil
    }

    /// `value` encoded as sorted-key JSON and decoded again.
    static func roundTrip<Value: Codable>(_ value: Value) throws -> (restored: Value, data: Data, again: Data) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        let restored = try JSONDecoder().decode(Value.self, from: data)
        return (restored, data, try encoder.encode(restored))
    }

    /// The refusals every model-based predictor shares, with their exact messages, for the predictor named `name`
    /// (before any fit: predicting is refused, and a failed fit leaves it unfitted).
    static func checkRefusals<Predictor: PerformancePredictor>(_ predictor: Predictor, name: String) throws
        -> [(String?, String)] where Predictor.Space == NB201Space
    {
        let space = NB201Space()
        let sample = try NB201Sample.draw(3, seed: 1)
        var predictor = predictor
        var rng = Xoshiro256(seed: 1)
        var results: [(String?, String)] = []
        results.append((message { _ = try predictor.predict(sample.architectures, in: space) },
            "\(name): predict was called before fit; fit the predictor to measured architectures first"))
        results.append((message { try predictor.fit([sample.architectures[0]], targets: [90], in: space, using: &rng) },
            "\(name): needs at least 2 measured architectures to fit, got 1"))
        results.append((message { try predictor.fit(sample.architectures, targets: [90, 91], in: space, using: &rng) },
            "\(name): 3 architectures but 2 targets; give one target per architecture"))
        results.append((message { try predictor.fit(sample.architectures, targets: [90, .nan, 91], in: space, using: &rng) },
            "\(name): target 1 is nan; every target must be a finite number"))
        results.append((message { try predictor.fit(sample.architectures, targets: [90, 91, .infinity], in: space, using: &rng) },
            "\(name): target 2 is inf; every target must be a finite number"))
        results.append((message { _ = try predictor.predict(sample.architectures, in: space) },
            "\(name): predict was called before fit; fit the predictor to measured architectures first"))
        return results
    }
}
