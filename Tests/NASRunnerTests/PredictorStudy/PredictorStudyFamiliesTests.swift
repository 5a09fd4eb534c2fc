import Foundation
import NASRunner
import Testing
import _TestSupport

/// The study across families on NASKit's own NB201 table with learning curves (`nb201-fashion-mnist.h5`, which
/// `Scripts/setup.sh` merges from the rows in `SearchSpaces/nb201/fashion-mnist/`) and the zero-cost scores of its
/// cells in `Experiments/predictors-fashion-mnist/proxies.csv`. A small version of that experiment: 2 seeds, a
/// test set of 100 cells, NGBoost's full 505 iterations inside OMNI.
@Suite("PredictorStudy across families", .serialized)
struct PredictorStudyFamiliesTests {
    static let proxyScores = TestTables.packageRoot + "/Experiments/predictors-fashion-mnist/proxies.csv"
    static let settings = PredictorStudy.Settings(
        space: "nb201", table: TestTables.path("nb201-fashion-mnist.h5"), dataset: "fashion-mnist",
        metric: "test_accuracy", predictors: [.sotle, .zeroCost(.nwot), .omni], trainingSizes: [20, 160],
        testSize: 100, seeds: [0, 1], curveEpochs: [4], proxyScores: proxyScores, omniProxies: [.nwot])

    @Test("every family is judged on the same test sets; OMNI improves with the training set and ties the best single family")
    func families() throws {
        let records = try PredictorStudy.run(Self.settings)
        #expect(records.count == 3 * 2 * 2)
        func meanTau(_ label: String, _ size: Int) -> Double {
            let values = records.filter { $0.label == label && $0.trainingSize == size }.map(\.kendallTau)
            return values.reduce(0, +) / Double(values.count)
        }
        // Neither the learning-curve predictor nor the proxy reads the training set.
        for label in ["sotle@4", "nwot"] { #expect(meanTau(label, 20) == meanTau(label, 160)) }
        // Measured (seeds 0, 1): OMNI 0.454 at 20 cells and 0.469 at 160; SoTL-E 0.441; nwot 0.469. OMNI beats the
        // learning-curve family at the same budget and ties the best proxy (within 0.01, under the test set's
        // standard error of about 0.015); Experiments/predictors-fashion-mnist/ has the 5-seed study.
        #expect(meanTau("omni@4", 160) > meanTau("omni@4", 20))
        #expect(meanTau("omni@4", 160) > meanTau("sotle@4", 160) + 0.02)
        #expect(meanTau("omni@4", 160) > meanTau("nwot", 160) - 0.01)
        // A learning-curve query costs the training to its 4th epoch (seconds, from the table).
        #expect(records.filter { $0.label == "sotle@4" }.allSatisfy { $0.querySeconds > 1 })
        #expect(PredictorStudy.rowLabels(Self.settings) == ["sotle@4", "nwot", "omni@4"])
    }

    @Test("a proxy-score file without every architecture of the table is refused, naming the architecture")
    func incompleteScores() throws {
        let temporary = TemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: temporary.path) }
        let path = temporary.file("scores.csv")
        try "index,architecture,accuracy,nwot\n0,x,1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        var settings = Self.settings
        settings.proxyScores = path
        let error = #expect(throws: RunError.self) { try PredictorStudy.run(settings) }
        #expect(error?.message.hasPrefix("\(path) has no scores for architecture ") == true)
        #expect(error?.message.hasSuffix(
            " of the table; compute the scores of every architecture of the table (nasrun proxies --table)") == true)
    }
}
