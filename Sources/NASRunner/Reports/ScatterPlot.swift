/// A scatter plot of labelled points in series, as SVG: one-shot trade-offs such as ProxylessNAS's accuracy
/// against latency, one series per way of measuring x (for instance predicted and measured latency), each point
/// labelled (for instance with its latency weight λ), points of one label joined across series by a thin line.
public struct ScatterPlot: Sendable {
    /// One point.
    public struct Point: Hashable, Sendable {
        /// The horizontal value.
        public var x: Double
        /// The vertical value.
        public var y: Double
        /// The text beside the point; points of equal labels are joined across series.
        public var label: String

        /// A point at (x, y) labelled `label`.
        public init(x: Double, y: Double, label: String) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    /// A named set of points drawn with one marker.
    public struct Series: Hashable, Sendable {
        /// The name in the legend.
        public var name: String
        /// The points.
        public var points: [Point]
        /// Filled circles (true) or hollow squares (false).
        public var filled: Bool

        /// A series named `name`.
        public init(name: String, points: [Point], filled: Bool) {
            self.name = name
            self.points = points
            self.filled = filled
        }
    }

    /// The title above the plot.
    public var title: String
    /// The horizontal axis's label.
    public var xLabel: String
    /// The vertical axis's label.
    public var yLabel: String
    /// The series, drawn in order.
    public var series: [Series]
    /// Lines under the axes: the command, the configuration, the sources.
    public var caption: [String]

    /// A plot of `series`.
    public init(title: String, xLabel: String, yLabel: String, series: [Series], caption: [String]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.caption = caption
    }

    private enum Layout {
        static let left = 70.0
        static let right = 470.0
        static let top = 40.0
        static let bottom = 320.0
        static let width = 640.0
    }

    /// A linear scale over `values` with 5% margins on both sides (a unit span around a single value).
    private static func scale(_ values: [Double], start: Double, end: Double) -> PlotScale {
        var lower = values.min() ?? 0
        var upper = values.max() ?? 1
        if upper - lower < 1e-12 { (lower, upper) = (lower - 0.5, upper + 0.5) }
        let margin = (upper - lower) * 0.05
        return PlotScale(kind: .linear, lower: lower - margin, upper: upper + margin, start: start, end: end)
    }

    /// The figure as SVG text (UTF-8, ending with a newline).
    public func document() -> String {
        let points = series.flatMap(\.points)
        let x = Self.scale(points.map(\.x), start: Layout.left, end: Layout.right)
        let y = Self.scale(points.map(\.y), start: Layout.bottom, end: Layout.top)
        let height = Layout.bottom + 62 + Double(caption.count) * 14
        var writer = SVGWriter()
        writer.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": SVGWriter.number(Layout.width),
            "height": SVGWriter.number(height),
            "viewBox": "0 0 \(SVGWriter.number(Layout.width)) \(SVGWriter.number(height))",
            "font-family": "Helvetica, Arial, sans-serif", "font-size": "11",
        ])
        writer.element("title", [:], text: title)
        writer.element("rect", ["width": "100%", "height": "100%", "fill": "white"])
        drawAxes(&writer, x: x, y: y)
        drawJoins(&writer, x: x, y: y)
        for (index, current) in series.enumerated() { drawSeries(&writer, current, index: index, x: x, y: y) }
        drawLegend(&writer)
        writer.plotLabels(
            title: title, xLabel: xLabel, yLabel: yLabel, left: Layout.left, right: Layout.right, top: Layout.top,
            bottom: Layout.bottom)
        writer.plotCaption(caption, below: Layout.bottom)
        writer.close()
        return writer.finished()
    }

    private func drawAxes(_ writer: inout SVGWriter, x: PlotScale, y: PlotScale) {
        writer.open("g", ["class": "grid", "stroke": "#e6e6e6", "stroke-width": "0.8"])
        for tick in x.ticks() {
            let position = SVGWriter.number(x.position(tick.value))
            writer.element("line", [
                "x1": position, "y1": SVGWriter.number(Layout.top), "x2": position, "y2": SVGWriter.number(Layout.bottom),
            ])
        }
        for tick in y.ticks() {
            let position = SVGWriter.number(y.position(tick.value))
            writer.element("line", [
                "x1": SVGWriter.number(Layout.left), "y1": position, "x2": SVGWriter.number(Layout.right), "y2": position,
            ])
        }
        writer.close()
        writer.element("rect", [
            "x": SVGWriter.number(Layout.left), "y": SVGWriter.number(Layout.top),
            "width": SVGWriter.number(Layout.right - Layout.left), "height": SVGWriter.number(Layout.bottom - Layout.top),
            "fill": "none", "stroke": "black", "stroke-width": "1",
        ])
        writer.open("g", ["class": "ticks", "font-size": "10"])
        for tick in x.ticks() {
            writer.element("text", [
                "x": SVGWriter.number(x.position(tick.value)), "y": SVGWriter.number(Layout.bottom + 14),
                "text-anchor": "middle",
            ], text: tick.label ?? "")
        }
        for tick in y.ticks() {
            writer.element("text", [
                "x": SVGWriter.number(Layout.left - 6), "y": SVGWriter.number(y.position(tick.value) + 3),
                "text-anchor": "end",
            ], text: tick.label ?? "")
        }
        writer.close()
    }

    /// Thin grey lines joining the points of one label across series, in series order.
    private func drawJoins(_ writer: inout SVGWriter, x: PlotScale, y: PlotScale) {
        var labels: [String] = []
        for point in series.flatMap(\.points) where !labels.contains(point.label) { labels.append(point.label) }
        writer.open("g", ["class": "joins", "stroke": "#b0b0b0", "stroke-width": "0.8", "fill": "none"])
        for label in labels {
            let matching = series.compactMap { $0.points.first { $0.label == label } }
            guard matching.count > 1 else { continue }
            let path = matching.enumerated().map { index, point in
                "\(index == 0 ? "M" : "L")\(SVGWriter.number(x.position(point.x))) \(SVGWriter.number(y.position(point.y)))"
            }.joined(separator: " ")
            writer.element("path", ["d": path])
        }
        writer.close()
    }

    private func drawSeries(_ writer: inout SVGWriter, _ current: Series, index: Int, x: PlotScale, y: PlotScale) {
        let colour = PlotPalette.colour(index)
        writer.open("g", ["class": "series", "fill": current.filled ? colour : "white", "stroke": colour])
        for point in current.points {
            let px = x.position(point.x)
            let py = y.position(point.y)
            if current.filled {
                writer.element("circle", ["cx": SVGWriter.number(px), "cy": SVGWriter.number(py), "r": "4"])
            } else {
                writer.element("rect", [
                    "x": SVGWriter.number(px - 3.5), "y": SVGWriter.number(py - 3.5), "width": "7", "height": "7",
                    "stroke-width": "1.5",
                ])
            }
            if index == 0 {
                writer.element("text", [
                    "x": SVGWriter.number(px + 6), "y": SVGWriter.number(py - 6), "fill": "#202020", "stroke": "none",
                    "font-size": "10",
                ], text: point.label)
            }
        }
        writer.close()
    }

    private func drawLegend(_ writer: inout SVGWriter) {
        writer.open("g", ["class": "legend", "font-size": "11"])
        for (index, current) in series.enumerated() {
            let top = Layout.top + 8 + Double(index) * 18
            let colour = PlotPalette.colour(index)
            if current.filled {
                writer.element("circle", [
                    "cx": SVGWriter.number(Layout.right + 20), "cy": SVGWriter.number(top), "r": "4", "fill": colour,
                ])
            } else {
                writer.element("rect", [
                    "x": SVGWriter.number(Layout.right + 16.5), "y": SVGWriter.number(top - 3.5), "width": "7",
                    "height": "7", "fill": "white", "stroke": colour, "stroke-width": "1.5",
                ])
            }
            writer.element("text", [
                "x": SVGWriter.number(Layout.right + 30), "y": SVGWriter.number(top + 4),
            ], text: current.name)
        }
        writer.close()
    }
}
