import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding
import Testing

@Suite("BayesianLinearRegressionPredictor")
struct BayesianLinearRegressionPredictorTests {
    @Test("on real NB201 cells: Kendall τ on 500 held-out cells > 0.35 from 100 cells")
    func ranksHeldOutCells() throws {
        let sample = try NB201Sample.draw(600, seed: 4)
        let tau = try ModelBasedTesting.heldOutTau(
            BayesianLinearRegressionPredictor<NB201Space>(), sample: sample, trainingSize: 100, heldOutSize: 500)
        #expect(tau > 0.35)  // measured 0.421
    }

    @Test("fixed precisions on three cells: the posterior mean and predictive deviation of the closed form")
    func closedForm() throws {
        let space = NB201Space()
        let cells = [0, 1, 7, 100].map { space.architecture(at: $0) }
        let targets = [70.0, 80.0, 60.0]
        let (alpha, beta) = (2.0, 5.0)
        let (y, mean, scale) = HandComputation.standardized(targets)
        // Features (1, one-hot); the dual (kernel) form: m = Φᵀ(ΦΦᵀ + (α/β)I)⁻¹y and
        // φ*ᵀA⁻¹φ* = (φ*ᵀφ* − k*ᵀ(ΦΦᵀ + (α/β)I)⁻¹k*) / α with k* = Φφ* (Woodbury), a 3 × 3 inverse by hand.
        let features = cells.map { [1.0] + space.encode($0, as: .oneHot).map(Double.init) }
        var gram = [Double](repeating: 0, count: 9)
        for i in 0..<3 {
            for j in 0..<3 { gram[i * 3 + j] = HandComputation.dot(features[i], features[j]) + (i == j ? alpha / beta : 0) }
        }
        let inverse = HandComputation.inverse3(gram)
        let dual = HandComputation.multiply3(inverse, y)
        let query = features[3]
        let cross = (0..<3).map { HandComputation.dot(features[$0], query) }
        let expectedMean = mean + scale * HandComputation.dot(cross, dual)
        let quadratic = (HandComputation.dot(query, query)
            - HandComputation.dot(cross, HandComputation.multiply3(inverse, cross))) / alpha
        let expectedDeviation = scale * (1 / beta + quadratic).squareRoot()

        var configuration = BayesianLinearRegressionConfiguration()
        configuration.encoding = .oneHot
        configuration.fixedPrecisions = .init(weight: alpha, noise: beta)
        var predictor = BayesianLinearRegressionPredictor<NB201Space>(configuration: configuration)
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(Array(cells.prefix(3)), targets: targets, in: space, using: &rng)
        let prediction = try predictor.predict([cells[3]], in: space)[0]
        #expect(abs(prediction.mean - expectedMean) < 1e-9)
        #expect(abs(prediction.standardDeviation - expectedDeviation) < 1e-9)
        let model = try #require(predictor.model)
        #expect(model.iterations == 0 && model.weightPrecision == alpha && model.noisePrecision == beta)
        // m = Φᵀ (dual weights), position by position.
        for position in 0..<31 {
            let expected = (0..<3).reduce(0) { $0 + features[$1][position] * dual[$1] }
            #expect(abs(model.weights[position] - expected) < 1e-9)
        }
    }

    @Test("evidence maximisation stops at MacKay's fixed point: α = γ / mᵀm and β = (n − γ) / ‖y − Φm‖²")
    func evidenceFixedPoint() throws {
        let sample = try NB201Sample.draw(100, seed: 5)
        let space = NB201Space()
        var predictor = BayesianLinearRegressionPredictor<NB201Space>()
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(sample.architectures, targets: sample.accuracies, in: space, using: &rng)
        let model = try #require(predictor.model)
        #expect(model.iterations > 1 && model.iterations < 200)
        let p = model.encodingLength + 1
        // tr(A⁻¹) = ‖L⁻¹‖²_F, L⁻¹ by forward substitution, column by column.
        var trace = 0.0
        for column in 0..<p {
            var x = [Double](repeating: 0, count: p)
            for row in column..<p {
                var sum = row == column ? 1.0 : 0.0
                for k in column..<row { sum -= model.factor[row * p + k] * x[k] }
                x[row] = sum / model.factor[row * p + row]
                trace += x[row] * x[row]
            }
        }
        let gamma = Double(p) - model.weightPrecision * trace
        let y = sample.accuracies.map { ($0 - model.standardization.mean) / model.standardization.scale }
        var residual = 0.0
        for (index, architecture) in sample.architectures.enumerated() {
            let features = [1.0] + space.encode(architecture, as: .adjacencyOneHot).map(Double.init)
            let fitted = HandComputation.dot(features, model.weights)
            residual += (y[index] - fitted) * (y[index] - fitted)
        }
        let squaredNorm = HandComputation.dot(model.weights, model.weights)
        #expect(abs(model.weightPrecision - gamma / squaredNorm) < 1e-4 * model.weightPrecision)
        #expect(abs(model.noisePrecision - (100 - gamma) / residual) < 1e-4 * model.noisePrecision)
    }

    @Test("a JSON round trip keeps the model and its predictions bit for bit; fits are deterministic")
    func codableAndDeterministic() throws {
        let (training, heldOut) = try NB201Sample.draw(80, seed: 3).split(at: 50)
        let space = NB201Space()
        var predictor = BayesianLinearRegressionPredictor<NB201Space>()
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
        let (restored, data, again) = try ModelBasedTesting.roundTrip(predictor)
        #expect(restored.model == predictor.model)
        #expect(data == again)
        #expect(try restored.predict(heldOut.architectures, in: space) == predictor.predict(heldOut.architectures, in: space))
        var second = BayesianLinearRegressionPredictor<NB201Space>()
        try second.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
        #expect(second.model == predictor.model)
        #expect(try predictor.predict(heldOut.architectures, in: space).allSatisfy { $0.standardDeviation > 0 })
    }

    @Test("too few points, mismatched counts, non-finite targets, unfitted predict, bad settings: refused")
    func refusals() throws {
        for (message, expected) in try ModelBasedTesting.checkRefusals(
            BayesianLinearRegressionPredictor<NB201Space>(), name: "Bayesian linear regression")
        {
            #expect(message == expected)
        }
        var configuration = BayesianLinearRegressionConfiguration()
        configuration.fixedPrecisions = .init(weight: 0, noise: 1)
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "Bayesian linear regression: fixedPrecisions must be positive numbers (got weight 0.0, noise 1.0)")
        configuration = BayesianLinearRegressionConfiguration()
        configuration.maximumIterations = 0
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "Bayesian linear regression: maximumIterations must be at least 1 (got 0)")
    }
}
