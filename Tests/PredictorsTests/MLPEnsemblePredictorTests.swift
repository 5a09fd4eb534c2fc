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
        let start = Date()
        try predictor.fit(training.architectures, targets: training.accuracies, in: NB201Space(), using: &rng)
        let predictions = try predictor.predict(heldOut.architectures, in: NB201Space())
        let tau = RankCorrelation.kendallTau(predictions.map(\.mean), heldOut.accuracies)
        let rho = RankCorrelation.spearman(predictions.map(\.mean), heldOut.accuracies)
        print("tau \(tau) rho \(rho) time \(Date().timeIntervalSince(start))")
        #expect(tau > 0.5)
        #expect(rho > 0.65)
        #expect(predictions.allSatisfy { $0.standardDeviation > 0 })
    }
}
