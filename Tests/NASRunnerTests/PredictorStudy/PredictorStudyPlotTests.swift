import Foundation
import Testing
import _TestSupport

@testable import NASRunner

@Suite("PredictorStudyPlot")
struct PredictorStudyPlotTests {
    /// A small study on the real NB201 table (as PredictorStudyTests runs it): two model-based predictors, sizes
    /// 10 and 200, a test set of 300 cells, two seeds, so the test stays fast in a debug build.
    static let settings = PredictorStudy.Settings(
        space: "nb201", table: TestTables.path("nb201.h5"), dataset: "cifar10", metric: "test_accuracy",
        predictors: [.xgboost, .bayesianLinearRegression], trainingSizes: [10, 200], testSize: 300, seeds: [0, 1])

    /// The study's records, computed once for the suite.
    static let study = Result { () throws(RunError) in try PredictorStudy.run(settings) }

    /// The figure's plot area (PredictorStudyPlot.Layout): x from 64 to 464 px, y from 316 (bottom) to 40 px.
    static let left = 64.0
    static let right = 464.0
    static let top = 40.0
    static let bottom = 316.0

    /// The points of a path written as `M x y L x y …`.
    static func points(ofPath path: String) -> [(x: Double, y: Double)] {
        let numbers = path.split(separator: " ").compactMap { token -> Double? in
            Double(token.hasPrefix("M") || token.hasPrefix("L") ? token.dropFirst() : token)
        }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }

    @Test("well-formed SVG: one line and one band per row label in the study's order, markers, title and axes")
    func structure() throws {
        let records = try Self.study.get()
        let document = SVGDocument(PredictorStudyPlot.svg(records, settings: Self.settings))
        #expect(document.isWellFormed)
        #expect(document.elements.first?.name == "svg")
        let labels = PredictorStudy.rowLabels(Self.settings)
        #expect(labels == ["xgboost", "bayesian-linear-regression"])
        #expect(document.find("path", class: "line").map { $0.attributes["data-predictor"] ?? "" } == labels)
        #expect(document.find("path", class: "band").map { $0.attributes["data-predictor"] ?? "" } == labels)
        // Model-based rows: solid (no dash pattern), one marker per training size, palette colours in row order.
        #expect(document.find("path", class: "line").allSatisfy { $0.attributes["stroke-dasharray"] == nil })
        #expect(document.find("path", class: "line").map { $0.attributes["stroke"] } == ["#1f77b4", "#ff7f0e"])
        #expect(document.find("circle", class: "marker").map { $0.attributes["data-predictor"] ?? "" }
            == ["xgboost", "xgboost", "bayesian-linear-regression", "bayesian-linear-regression"])
        #expect(document.find("text", class: "title").first?.text
            == "nb201, cifar10: Kendall's τ against training-set size")
        #expect(document.find("text", class: "x-label").first?.text == "training-set size, log scale")
        #expect(document.find("text", class: "y-label").first?.text == "Kendall's τ (test set of 300)")
        #expect(document.find("text", class: "legend-label").map(\.text) == labels)
        // The x axis labels the training sizes; the y axis ends at 1.
        #expect(document.find("text").filter { $0.attributes["y"] == "333" }.map(\.text) == ["10", "200"])
        let yLabels = document.find("text").filter { $0.attributes["x"] == "57" }.map(\.text)
        #expect(yLabels.last == "1.0")
        let caption = document.find("text").map(\.text).joined(separator: " ")
        #expect(caption.contains("Mean Kendall's τ over 2 seeds with test_accuracy on a test set of 300 architectures; shaded: ± 1 standard error."))
    }

    @Test("each point sits at its size on the log x axis and at its mean τ over seeds on the linear y axis")
    func positions() throws {
        let records = try Self.study.get()
        let document = SVGDocument(PredictorStudyPlot.svg(records, settings: Self.settings))
        // By hand: with two seeds, mean − SE = the smaller τ, so the lowest band edge is the smallest τ drawn.
        let lowest = records.map(\.kendallTau).min() ?? 0
        let lower = min(0, (lowest * 10).rounded(.down) / 10)
        // Sizes 10 and 200 with 6% of the log range added each side: fractions 0.06/1.12 and 1.06/1.12.
        let xs = [Self.left + 400 * 0.06 / 1.12, Self.left + 400 * 1.06 / 1.12]
        for label in PredictorStudy.rowLabels(Self.settings) {
            let line = try #require(document.find("path", class: "line").first { $0.attributes["data-predictor"] == label })
            let points = Self.points(ofPath: try #require(line.attributes["d"]))
            #expect(points.count == 2)
            for (index, size) in [10, 200].enumerated() {
                let taus = records.filter { $0.label == label && $0.trainingSize == size }.map(\.kendallTau)
                #expect(taus.count == 2)
                let mean = (taus[0] + taus[1]) / 2
                let y = Self.bottom - (mean - lower) / (1 - lower) * (Self.bottom - Self.top)
                // Coordinates are written with two decimals.
                #expect(abs(points[index].y - y) <= 0.005, "\(label) at \(size): drawn \(points[index].y), expected \(y)")
                #expect(abs(points[index].x - xs[index]) <= 0.005)
            }
        }
        // XGBoost ranks better with 200 cells: its line rises (smaller pixel y) from 10 to 200.
        let xgboost = try #require(document.find("path", class: "line").first?.attributes["d"])
        let rise = Self.points(ofPath: xgboost)
        #expect(rise[1].y < rise[0].y)
    }

    @Test("the same records, in any order, give the same bytes")
    func determinism() throws {
        let records = try Self.study.get()
        let one = PredictorStudyPlot.svg(records, settings: Self.settings)
        #expect(Array(PredictorStudyPlot.svg(records, settings: Self.settings).utf8) == Array(one.utf8))
        #expect(PredictorStudyPlot.svg(records.reversed(), settings: Self.settings) == one)
        #expect(one.hasSuffix("</svg>\n"))
    }

    @Test("one seed: no band, and the caption says why")
    func singleSeed() throws {
        var settings = Self.settings
        settings.seeds = [0]
        let records = try Self.study.get().filter { $0.seed == 0 }
        let document = SVGDocument(PredictorStudyPlot.svg(records, settings: settings))
        #expect(document.isWellFormed)
        #expect(document.find("path", class: "line").count == 2)
        #expect(document.find("path", class: "band").isEmpty)
        let caption = document.find("text").map(\.text).joined(separator: " ")
        #expect(caption.contains("over 1 seed with test_accuracy on a test set of 300 architectures; no band: one seed has no standard error."))
    }

    @Test("a τ that is not a number is left out; no records give an empty, well-formed frame")
    func missingValues() throws {
        let records = try Self.study.get()
        let first = try #require(records.first)
        let undefined = PredictorStudy.Record(
            predictor: first.predictor, trainingSize: first.trainingSize, curveEpochs: nil, seed: 7,
            correlations: (.nan, .nan, .nan, .nan), fitSeconds: 0, querySeconds: 0)
        let svg = PredictorStudyPlot.svg(records, settings: Self.settings)
        #expect(PredictorStudyPlot.svg(records + [undefined], settings: Self.settings) == svg)
        #expect(!svg.contains("nan"))
        let empty = SVGDocument(PredictorStudyPlot.svg([], settings: Self.settings))
        #expect(empty.isWellFormed)
        #expect(empty.find("path", class: "line").isEmpty)
        #expect(empty.find("g", class: "legend").isEmpty)
    }

    /// Learning-curve and zero-cost rows need a table with curves and a file of proxy scores, which the test data
    /// lack; their records are made here in the shape the study writes them (one judgement per seed, repeated at
    /// every size), with the τ values of the real Bayesian linear regression at size 10, to check only how such
    /// rows are drawn.
    @Test("learning-curve rows are dashed, zero-cost rows dotted, both flat across the plot without markers")
    func trainingFreeRows() throws {
        let records = try Self.study.get()
        var settings = Self.settings
        settings.predictors += [.sotle, .zeroCost(.synflow)]
        settings.curveEpochs = [3]
        var all = records
        for record in records where record.predictor == .bayesianLinearRegression && record.trainingSize == 10 {
            for size in settings.trainingSizes {
                for (predictor, epochs) in [(PredictorChoice.sotle, Optional(3)), (.zeroCost(.synflow), nil)] {
                    all.append(PredictorStudy.Record(
                        predictor: predictor, trainingSize: size, curveEpochs: epochs, seed: record.seed,
                        correlations: (record.kendallTau, record.spearman, record.pearson, record.precisionAtTop10Percent),
                        fitSeconds: 0, querySeconds: 0))
                }
            }
        }
        let document = SVGDocument(PredictorStudyPlot.svg(all, settings: settings))
        #expect(document.isWellFormed)
        let lines = document.find("path", class: "line")
        #expect(lines.map { $0.attributes["data-predictor"] ?? "" } == ["xgboost", "bayesian-linear-regression", "sotle@3", "synflow"])
        #expect(lines.map { $0.attributes["stroke-dasharray"] } == [nil, nil, "6 3", "2 2"])
        for line in lines.suffix(2) {
            let points = Self.points(ofPath: line.attributes["d"] ?? "")
            #expect(points.first?.x == Self.left && points.last?.x == Self.right)
            #expect(Set(points.map(\.y)).count == 1)
        }
        #expect(document.find("circle", class: "marker").count == 4)
        #expect(document.find("text", class: "legend-label").map(\.text) == ["xgboost", "bayesian-linear-regression", "sotle@3", "synflow"])
        // From the eleventh row on, a family takes its next pattern (colours repeat every ten rows).
        let eleventh = PredictorStudyPlot.Row(label: "x", family: .zeroCost, index: 10, points: [])
        #expect(PredictorStudyPlot.dash(eleventh) == "1 3")
    }
}
