import Testing

@testable import NASRunner

@Suite struct ScatterPlotTests {
    static let plot = ScatterPlot(
        title: "trade-off", xLabel: "latency (ms)", yLabel: "accuracy (%)",
        series: [
            .init(name: "predicted", points: [.init(x: 1, y: 80, label: "λ=0"), .init(x: 2, y: 90, label: "λ=1")], filled: true),
            .init(name: "measured", points: [.init(x: 1.5, y: 80, label: "λ=0"), .init(x: 2.5, y: 90, label: "λ=1")], filled: false),
        ],
        caption: ["nasrun proxyless ..."])

    /// Filled circles for the first series, hollow squares for the second, labels once, one join per label, the
    /// legend's two markers, and positions on the 5%-margined linear scales: x spans 0.925...2.575 over 70...470 px,
    /// so x = 1 lies at 70 + 400 · 0.075/1.65.
    @Test func drawsEveryPointOnItsScales() {
        let svg = Self.plot.document()
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)  // two points and the legend
        #expect(svg.components(separatedBy: "<rect").count - 1 == 1 + 1 + 2 + 1)  // background, frame, two points, legend
        #expect(svg.components(separatedBy: ">λ=0<").count - 1 == 1)
        #expect(svg.components(separatedBy: "<path").count - 1 == 2)
        #expect(svg.contains("cx=\"88.18\""))
        #expect(svg.hasSuffix("</svg>\n"))
    }
}
