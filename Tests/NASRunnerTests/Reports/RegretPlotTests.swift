import Testing

@testable import NASRunner

@Suite("RegretPlot")
struct RegretPlotTests {
    /// Three optimizers on one benchmark: re (3 seeds), ls (2 seeds, reaches regret 0), rs (1 seed).
    func runs() throws -> ExperimentRuns {
        try ExperimentRuns(
            ReportFixtures.evolution + ReportFixtures.localSearch + ReportFixtures.randomSearch,
            optimizerOrder: ["re", "ls", "rs"])
    }

    @Test("well-formed SVG with one line per optimizer and one band per optimizer with more than one seed")
    func structure() throws {
        let runs = try runs()
        let svg = try RegretPlot(runs.benchmarks[0], optimizers: runs.optimizers).svg()
        let document = SVGDocument(svg)
        #expect(document.isWellFormed)
        #expect(document.elements.first?.name == "svg")
        #expect(document.find("path", class: "line").map { $0.attributes["data-optimizer"] } == ["re", "ls", "rs"])
        #expect(document.find("path", class: "band").map { $0.attributes["data-optimizer"] } == ["re", "ls"])
        // Colours from the palette in optimizer order, each band the colour of its line.
        #expect(document.find("path", class: "line").map { $0.attributes["stroke"] } == ["#1f77b4", "#ff7f0e", "#2ca02c"])
        #expect(document.find("path", class: "band").map { $0.attributes["fill"] } == ["#1f77b4", "#ff7f0e"])
        #expect(document.find("text", class: "title").first?.text == "nb201 · cifar10")
        #expect(document.find("text", class: "x-label").first?.text == "queries")
        #expect(document.find("text", class: "y-label").first?.text == "regret (oracle − incumbent test_accuracy)")
        let legend = document.find("text").map(\.text)
        #expect(legend.contains("re (n = 3)") && legend.contains("ls (n = 2)") && legend.contains("rs (n = 1)"))
        // Linear x from 0 to 4 queries: a tick every 1; log y from 0.1 to 10.
        let xLabels = document.find("text").filter { $0.attributes["y"] == "333" }.map(\.text)
        #expect(xLabels == ["0", "1", "2", "3", "4"])
        let yLabels = document.find("text").filter { $0.attributes["x"] == "65" }.map(\.text)
        #expect(yLabels == ["0.1", "1", "10"])
    }

    @Test("regret 0 is drawn at the automatic floor (half the smallest positive mean, rounded down), on its line")
    func logarithmicClamp() throws {
        let runs = try runs()
        let plot = try RegretPlot(runs.benchmarks[0], optimizers: runs.optimizers)
        // Smallest positive mean regret: 1 (re at query 4, ls at query 2): floor 0.5.
        #expect(plot.floor == 0.5)
        #expect(plot.yDomain() == (0.1, 10))
        let document = SVGDocument(plot.svg())
        let floorLine = try #require(document.find("line", class: "floor").first)
        let floorText = try #require(floorLine.attributes["y1"])
        let floorY = try #require(Double(floorText))
        let localSearch = try #require(document.find("path", class: "line").first { $0.attributes["data-optimizer"] == "ls" })
        let path = try #require(localSearch.attributes["d"])
        let ys = SVGDocument.yCoordinates(ofStepPath: path)
        // ls's mean regret is 4.5, 1, 0, 0: its last value sits on the floor, and nothing is drawn below it.
        #expect(ys.last == floorY)
        #expect(ys.allSatisfy { $0 <= floorY })
        let caption = document.find("text").map(\.text).joined(separator: " ")
        #expect(caption.contains("Log y axis: regret below 0.5, including 0 (optimum found), is drawn at 0.5 (dotted line)."))
        #expect(caption.contains("shaded: ± 1 standard error (none for n = 1)."))
    }

    @Test("the automatic floor rounds down to 1, 2 or 5 × 10^k; a fixed floor is used as given and must be positive")
    func floors() throws {
        let runs = try runs()
        let options = RegretPlotOptions(regretFloor: .fixed(0.01))
        let fixed = try RegretPlot(runs.benchmarks[0], optimizers: runs.optimizers, options: options)
        #expect(fixed.floor == 0.01)
        #expect(fixed.yDomain() == (0.001, 10))
        #expect(fixed.svg().contains("regret below 0.01, including 0"))
        let error = #expect(throws: ReportError.self) {
            try RegretPlot(runs.benchmarks[0], optimizers: runs.optimizers, options: RegretPlotOptions(regretFloor: .fixed(0)))
        }
        #expect(error?.message == "the regret floor 0 is not positive; give a floor such as 0.001")
        let single = try ExperimentRuns([ReportFixtures.run("a.json", seed: 0, incumbents: [95 - 0.0123])])
        let curves = try single.benchmarks[0].groups.map { try AnytimeCurve($0, axis: .queries) }
        #expect(RegretPlot.automaticFloor(curves) == 0.005)
        let optimal = try ExperimentRuns([ReportFixtures.run("b.json", seed: 0, incumbents: [95])])
        #expect(RegretPlot.automaticFloor(try optimal.benchmarks[0].groups.map { try AnytimeCurve($0, axis: .queries) }) == 0.001)
    }

    @Test("a logarithmic x axis labels the decades; the cost axis is labelled simulated cost")
    func axes() throws {
        var files: [RunFile] = []
        for seed in 0..<2 {
            let incumbents: [Double] = (0..<150).map { query in 80 + 0.05 * Double(query + seed) }
            files.append(ReportFixtures.run("r\(seed).json", seed: UInt64(seed), incumbents: incumbents))
        }
        let runs = try ExperimentRuns(files)
        let logarithmic = RegretPlotOptions(xScale: .logarithmic)
        let document = SVGDocument(try RegretPlot(runs.benchmarks[0], optimizers: runs.optimizers, options: logarithmic).svg())
        #expect(document.isWellFormed)
        let xLabels = document.find("text").filter { $0.attributes["y"] == "333" }.map(\.text)
        #expect(xLabels == ["1", "10", "100"])
        #expect(document.find("text", class: "x-label").first?.text == "queries, log scale")
        let cost = RegretPlotOptions(axis: .cost)
        let costDocument = SVGDocument(try RegretPlot(runs.benchmarks[0], optimizers: runs.optimizers, options: cost).svg())
        // The fixtures' runs carry RunResult's default cost unit.
        #expect(costDocument.find("text", class: "x-label").first?.text == "simulated cost (evaluations)")
        #expect(costDocument.find("text").filter { $0.attributes["y"] == "333" }.map(\.text) == ["0", "250", "500", "750", "1000", "1250", "1500"])
    }

    @Test("the same runs in any order give the same bytes")
    func determinism() throws {
        let files = ReportFixtures.evolution + ReportFixtures.localSearch + ReportFixtures.randomSearch
        let first = try ExperimentRuns(files)
        let second = try ExperimentRuns(files.reversed())
        let one = try RegretPlot(first.benchmarks[0], optimizers: first.optimizers).svg()
        let two = try RegretPlot(second.benchmarks[0], optimizers: second.optimizers).svg()
        #expect(Array(one.utf8) == Array(two.utf8))
        #expect(try RegretPlot(first.benchmarks[0], optimizers: first.optimizers).svg() == one)
    }

    @Test("names are escaped in the SVG text and attributes")
    func escaping() throws {
        let runs = try ExperimentRuns([ReportFixtures.run("a.json", optimizer: "a<b>&\"c\"", seed: 0, incumbents: [90, 91])])
        let document = SVGDocument(try RegretPlot(runs.benchmarks[0], optimizers: runs.optimizers).svg())
        #expect(document.isWellFormed)
        #expect(document.find("path", class: "line").first?.attributes["data-optimizer"] == "a<b>&\"c\"")
    }
}
