import Foundation
import NASCore
import NASSpaces
import Predictors
import Seeding
import Testing

@Suite("GaussianProcessPredictor")
struct GaussianProcessPredictorTests {
    @Test("on real NB201 cells: Kendall τ on 500 held-out cells > 0.33 from 60 cells, and higher by 0.03 from 300")
    func ranksHeldOutCells() throws {
        let sample = try NB201Sample.draw(800, seed: 4)
        let predictor = GaussianProcessPredictor<NB201Space>()
        let small = try ModelBasedTesting.heldOutTau(predictor, sample: sample, trainingSize: 60, heldOutSize: 500)
        let large = try ModelBasedTesting.heldOutTau(predictor, sample: sample, trainingSize: 300, heldOutSize: 500)
        #expect(small > 0.33)  // measured 0.379
        #expect(large > small + 0.03)  // measured 0.448
    }

    @Test("three cells, one grid point: the posterior mean, standard deviation and evidence computed by hand")
    func handComputedPosterior() throws {
        let space = NB201Space()
        let cells = [0, 1, 7, 100].map { space.architecture(at: $0) }
        let targets = [70.0, 80.0, 60.0]
        let (y, mean, scale) = HandComputation.standardized(targets)
        let encodings = cells.map { space.encode($0, as: .oneHot).map(Double.init) }
        func squaredDistance(_ i: Int, _ j: Int) -> Double {
            zip(encodings[i], encodings[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        // One-hot NB201 encodings differ by 2 per edge whose operation differs.
        let pairs = [squaredDistance(0, 1), squaredDistance(0, 2), squaredDistance(1, 2)]
        #expect(pairs.allSatisfy { $0 > 0 && $0.truncatingRemainder(dividingBy: 2) == 0 })
        let median = pairs.sorted()[1]
        let (factor, noise) = (0.5, 0.1)
        let squaredLengthscale = factor * median
        func correlation(_ i: Int, _ j: Int) -> Double { exp(-squaredDistance(i, j) / (2 * squaredLengthscale)) }
        var matrix = [Double](repeating: 0, count: 9)
        for i in 0..<3 { for j in 0..<3 { matrix[i * 3 + j] = correlation(i, j) + (i == j ? noise : 0) } }
        let inverse = HandComputation.inverse3(matrix)
        let weights = HandComputation.multiply3(inverse, y)
        let signal = HandComputation.dot(y, weights) / 3
        let cross = (0..<3).map { correlation($0, 3) }
        let expectedMean = mean + scale * HandComputation.dot(cross, weights)
        let expectedDeviation = scale
            * (signal * (1 - HandComputation.dot(cross, HandComputation.multiply3(inverse, cross)))).squareRoot()
        let determinant = 1 / (inverse[0] * (inverse[4] * inverse[8] - inverse[5] * inverse[7])
            - inverse[1] * (inverse[3] * inverse[8] - inverse[5] * inverse[6])
            + inverse[2] * (inverse[3] * inverse[7] - inverse[4] * inverse[6]))
        let expectedEvidence = -1.5 - 1.5 * log(signal) - 0.5 * log(determinant) - 1.5 * log(2 * Double.pi)

        var configuration = GaussianProcessConfiguration()
        configuration.encoding = .oneHot
        configuration.lengthscaleFactors = [factor]
        configuration.noiseRatios = [noise]
        var predictor = GaussianProcessPredictor<NB201Space>(configuration: configuration)
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(Array(cells.prefix(3)), targets: targets, in: space, using: &rng)
        let prediction = try #require(try predictor.predict([cells[3]], in: space).first)
        #expect(abs(prediction.mean - expectedMean) < 1e-9)
        #expect(abs(prediction.standardDeviation - expectedDeviation) < 1e-9)
        let model = try #require(predictor.model)
        #expect(abs(model.logMarginalLikelihood - expectedEvidence) < 1e-9)
        #expect(abs(model.signalVariance - signal) < 1e-12)
        #expect(model.squaredLengthscale == squaredLengthscale)
        // At a training cell the latent mean is the noise-smoothed target, not the target itself.
        let atTraining = try predictor.predict([cells[0]], in: space)[0]
        let smoothed = mean + scale * HandComputation.dot((0..<3).map { correlation($0, 0) }, weights)
        #expect(abs(atTraining.mean - smoothed) < 1e-9)
    }

    @Test("the grid point with the largest log marginal likelihood is the one kept")
    func gridSelection() throws {
        let sample = try NB201Sample.draw(40, seed: 2)
        let space = NB201Space()
        var best = -Double.infinity
        var bestModel: GaussianProcessModel?
        let defaults = GaussianProcessConfiguration()
        for factor in defaults.lengthscaleFactors {
            for noise in defaults.noiseRatios {
                var configuration = GaussianProcessConfiguration()
                configuration.lengthscaleFactors = [factor]
                configuration.noiseRatios = [noise]
                var single = GaussianProcessPredictor<NB201Space>(configuration: configuration)
                var rng = Xoshiro256(seed: 1)
                try single.fit(sample.architectures, targets: sample.accuracies, in: space, using: &rng)
                if let model = single.model, model.logMarginalLikelihood > best {
                    best = model.logMarginalLikelihood
                    bestModel = model
                }
            }
        }
        var predictor = GaussianProcessPredictor<NB201Space>()
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(sample.architectures, targets: sample.accuracies, in: space, using: &rng)
        #expect(predictor.model == bestModel)
    }

    @Test("a JSON round trip keeps the model and its predictions bit for bit; fits are deterministic")
    func codableAndDeterministic() throws {
        let sample = try NB201Sample.draw(80, seed: 3)
        let (training, heldOut) = sample.split(at: 50)
        let space = NB201Space()
        var predictor = GaussianProcessPredictor<NB201Space>()
        var rng = Xoshiro256(seed: 1)
        try predictor.fit(training.architectures, targets: training.accuracies, in: space, using: &rng)
        let (restored, data, again) = try ModelBasedTesting.roundTrip(predictor)
        #expect(restored.model == predictor.model)
        #expect(data == again)
        #expect(try restored.predict(heldOut.architectures, in: space) == predictor.predict(heldOut.architectures, in: space))
        var second = GaussianProcessPredictor<NB201Space>()
        var otherRng = Xoshiro256(seed: 99)
        try second.fit(training.architectures, targets: training.accuracies, in: space, using: &otherRng)
        #expect(second.model == predictor.model)  // the fit draws nothing
        #expect(try predictor.predict(heldOut.architectures, in: space).allSatisfy { $0.standardDeviation > 0 })
        #expect(predictor.requirements == PredictorRequirements(minimumTrainingSize: 2, encoding: .adjacencyOneHot))
    }

    @Test("too few points, mismatched counts, non-finite targets, unfitted predict, a bad grid: refused")
    func refusals() throws {
        for (message, expected) in try ModelBasedTesting.checkRefusals(
            GaussianProcessPredictor<NB201Space>(), name: "Gaussian process")
        {
            #expect(message == expected)
        }
        var configuration = GaussianProcessConfiguration()
        configuration.noiseRatios = []
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "Gaussian process: noiseRatios must be non-negative numbers, at least one (got [])")
        configuration = GaussianProcessConfiguration()
        configuration.lengthscaleFactors = [1, -2]
        #expect(ModelBasedTesting.message { try configuration.validate() }
            == "Gaussian process: lengthscaleFactors must be positive numbers, at least one (got [1.0, -2.0])")
    }
}
