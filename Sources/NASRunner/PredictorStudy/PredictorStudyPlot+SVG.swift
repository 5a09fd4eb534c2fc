extension PredictorStudyPlot {
    /// The figure's frame: the plot area, the legend's rows and the font. The canvas grows to the right with the
    /// legend's columns and downwards with the caption.
    enum Layout {
        static let left = 64.0
        static let right = 464.0
        static let top = 40.0
        static let bottom = 316.0
        static let legendGap = 14.0
        static let legendRowHeight = 15.0
        static let minimumWidth = 600.0
        static let font = "Helvetica, Arial, sans-serif"
    }

    /// The figure as SVG text (UTF-8, ending with a newline).
    ///
    /// Complexity: O(rows × sizes).
    func document() -> String {
        let x = xScale()
        let y = yScale()
        let legend = legendFrame()
        let width = max(Layout.minimumWidth, legend.left + legend.width + 12)
        let height = Layout.bottom + 62 + Double(captionLines().count) * 14
        var writer = SVGWriter()
        writer.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": SVGWriter.number(width),
            "height": SVGWriter.number(height),
            "viewBox": "0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))",
            "font-family": Layout.font, "font-size": "11",
        ])
        writer.element("title", [:], text: title)
        writer.element("desc", [:], text: captionLines().joined(separator: " "))
        writer.open("defs")
        writer.open("clipPath", ["id": clipIdentifier])
        writer.element("rect", plotAreaAttributes())
        writer.close()
        writer.close()
        writer.element("rect", ["width": "100%", "height": "100%", "fill": "white"])
        drawGrid(&writer, x: x, y: y)
        drawRows(&writer, x: x, y: y)
        writer.element("rect", plotAreaAttributes() + [("fill", "none"), ("stroke", "black"), ("stroke-width", "1")])
        drawXAxis(&writer, x)
        drawYAxis(&writer, y)
        drawLabels(&writer)
        drawLegend(&writer, frame: legend)
        drawCaption(&writer)
        writer.close()
        return writer.finished()
    }

    /// The clip path's id, from the space and dataset, so several figures can share one page.
    var clipIdentifier: String {
        let name = "\(settings.space)-\(settings.dataset)".map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "predictor-study-" + String(name)
    }

    private func plotAreaAttributes() -> [(String, String)] {
        [
            ("x", SVGWriter.number(Layout.left)), ("y", SVGWriter.number(Layout.top)),
            ("width", SVGWriter.number(Layout.right - Layout.left)),
            ("height", SVGWriter.number(Layout.bottom - Layout.top)),
        ]
    }

    /// The training sizes drawn, ascending: the x axis's labelled ticks.
    var sizes: [Int] { Array(Set(rows.flatMap(\.points).map(\.size))).sorted() }

    /// Light lines at the training sizes and the y axis's labelled ticks; τ = 0 darker when the axis goes below it.
    private func drawGrid(_ writer: inout SVGWriter, x: PlotScale, y: PlotScale) {
        writer.open("g", ["class": "grid", "stroke": "#e6e6e6", "stroke-width": "0.8"])
        for size in sizes {
            let position = SVGWriter.number(x.position(Double(size)))
            writer.element("line", [
                "x1": position, "y1": SVGWriter.number(Layout.top), "x2": position,
                "y2": SVGWriter.number(Layout.bottom),
            ])
        }
        for tick in y.ticks() where tick.label != nil && tick.value != 0 {
            let position = SVGWriter.number(y.position(tick.value))
            writer.element("line", [
                "x1": SVGWriter.number(Layout.left), "y1": position, "x2": SVGWriter.number(Layout.right),
                "y2": position,
            ])
        }
        writer.close()
        if y.lower < 0 {
            let position = SVGWriter.number(y.position(0))
            writer.element("line", [
                "class": "zero", "x1": SVGWriter.number(Layout.left), "y1": position,
                "x2": SVGWriter.number(Layout.right), "y2": position, "stroke": "#a6a6a6", "stroke-width": "0.8",
            ])
        }
    }

    /// Every band, then every line, then every marker (so no band hides a line), clipped to the plot area.
    private func drawRows(_ writer: inout SVGWriter, x: PlotScale, y: PlotScale) {
        writer.open("g", ["clip-path": "url(#\(clipIdentifier))"])
        for row in rows {
            guard let band = bandPath(row, x: x, y: y) else { continue }
            writer.element("path", [
                "class": "band", "data-predictor": row.label, "fill": PlotPalette.colour(row.index),
                "fill-opacity": "0.15", "stroke": "none", "d": band,
            ])
        }
        for row in rows {
            var attributes = [
                ("class", "line"), ("data-predictor", row.label), ("fill", "none"),
                ("stroke", PlotPalette.colour(row.index)), ("stroke-width", "1.6"), ("stroke-linejoin", "round"),
            ]
            if let dash = Self.dash(row) { attributes.append(("stroke-dasharray", dash)) }
            attributes.append(("d", linePath(row, x: x, y: y)))
            writer.element("path", attributes)
        }
        for row in rows where row.isFitted {
            for vertex in vertices(row, x: x, y: y) {
                drawMarker(&writer, row: row, x: vertex.x, y: vertex.mean, className: "marker")
            }
        }
        writer.close()
    }

    /// A row in pixels: (x, mean, mean − SE, mean + SE) per point. A row that reads no training set is constant
    /// across sizes and is drawn across the whole plot area, as the paper's horizontal lines.
    func vertices(_ row: Row, x: PlotScale, y: PlotScale) -> [(x: Double, mean: Double, lower: Double, upper: Double)] {
        var vertices = row.points.map { point in
            let error = point.tau.standardError ?? 0
            return (
                x: x.position(Double(point.size)), mean: y.position(point.tau.mean),
                lower: y.position(point.tau.mean - error), upper: y.position(point.tau.mean + error)
            )
        }
        if !row.isFitted, let first = vertices.first, let last = vertices.last {
            vertices.insert((Layout.left, first.mean, first.lower, first.upper), at: 0)
            vertices.append((Layout.right, last.mean, last.lower, last.upper))
        }
        return vertices
    }

    /// The mean as straight segments: `M x0 y0 L x1 y1 …`.
    func linePath(_ row: Row, x: PlotScale, y: PlotScale) -> String {
        Self.path(vertices(row, x: x, y: y).map { ($0.x, $0.mean) }, closed: false)
    }

    /// The band between mean − SE and mean + SE as one closed polygon, or `nil` without a standard error.
    func bandPath(_ row: Row, x: PlotScale, y: PlotScale) -> String? {
        guard row.hasBand else { return nil }
        let vertices = vertices(row, x: x, y: y)
        return Self.path(vertices.map { ($0.x, $0.upper) } + vertices.reversed().map { ($0.x, $0.lower) }, closed: true)
    }

    private static func path(_ points: [(Double, Double)], closed: Bool) -> String {
        var path = ""
        for (index, point) in points.enumerated() {
            path += (index == 0 ? "M" : " L") + SVGWriter.number(point.0) + " " + SVGWriter.number(point.1)
        }
        return closed ? path + " Z" : path
    }

    /// The dash pattern of a row: `nil` (solid) for fitted rows, dashes for learning-curve rows, dots for
    /// zero-cost rows; each round of ten colours takes the family's next pattern.
    static func dash(_ row: Row) -> String? {
        let round = row.index / PlotPalette.colours.count
        switch row.family {
        case .modelBased, .omni: return nil
        case .learningCurve: return ["6 3", "10 3 2 3", "12 5", "6 2 2 2"][round % 4]
        case .zeroCost: return ["2 2", "1 3", "2 2 2 6", "1 1 1 5"][round % 4]
        }
    }

    /// A fitted row's marker at (x, y): a circle, then a square, triangle and diamond for each further round of
    /// ten colours; white-edged so it stands out on lines and bands.
    func drawMarker(_ writer: inout SVGWriter, row: Row, x: Double, y: Double, className: String) {
        let colour = PlotPalette.colour(row.index)
        let common = [
            ("class", className), ("data-predictor", row.label), ("fill", colour), ("stroke", "white"),
            ("stroke-width", "0.8"),
        ]
        let round = row.index / PlotPalette.colours.count
        func polygon(_ offsets: [(Double, Double)]) -> String {
            Self.path(offsets.map { (x + $0.0, y + $0.1) }, closed: true)
        }
        switch round % 4 {
        case 0:
            writer.element("circle", common + [
                ("cx", SVGWriter.number(x)), ("cy", SVGWriter.number(y)), ("r", "3.2"),
            ])
        case 1:
            writer.element("path", common + [("d", polygon([(-3, -3), (3, -3), (3, 3), (-3, 3)]))])
        case 2:
            writer.element("path", common + [("d", polygon([(0, -4), (3.5, 2.5), (-3.5, 2.5)]))])
        default:
            writer.element("path", common + [("d", polygon([(0, -4), (4, 0), (0, 4), (-4, 0)]))])
        }
    }

    /// Tick marks under the plot area: labelled major ticks (5 px) at the training sizes, unlabelled ones (3 px)
    /// at 1…9 × 10ᵏ elsewhere, as a logarithmic axis shows them.
    private func drawXAxis(_ writer: inout SVGWriter, _ scale: PlotScale) {
        let majors = sizes.map(Double.init)
        writer.open("g", ["class": "x-axis", "stroke": "black", "stroke-width": "0.8"])
        for tick in scale.ticks() where !majors.contains(tick.value) {
            let position = SVGWriter.number(scale.position(tick.value))
            writer.element("line", [
                "x1": position, "y1": SVGWriter.number(Layout.bottom), "x2": position,
                "y2": SVGWriter.number(Layout.bottom + 3),
            ])
        }
        for value in majors {
            let position = SVGWriter.number(scale.position(value))
            writer.element("line", [
                "x1": position, "y1": SVGWriter.number(Layout.bottom), "x2": position,
                "y2": SVGWriter.number(Layout.bottom + 5),
            ])
        }
        writer.close()
        writer.open("g", ["class": "x-tick-labels", "text-anchor": "middle"])
        for size in sizes {
            writer.element("text", [
                "x": SVGWriter.number(scale.position(Double(size))), "y": SVGWriter.number(Layout.bottom + 17),
            ], text: String(size))
        }
        writer.close()
    }

    /// Tick marks and labels left of the plot area.
    private func drawYAxis(_ writer: inout SVGWriter, _ scale: PlotScale) {
        let ticks = scale.ticks().filter { $0.label != nil }
        writer.open("g", ["class": "y-axis", "stroke": "black", "stroke-width": "0.8"])
        for tick in ticks {
            let position = SVGWriter.number(scale.position(tick.value))
            writer.element("line", [
                "x1": SVGWriter.number(Layout.left - 5), "y1": position, "x2": SVGWriter.number(Layout.left),
                "y2": position,
            ])
        }
        writer.close()
        writer.open("g", ["class": "y-tick-labels", "text-anchor": "end"])
        for tick in ticks {
            writer.element("text", [
                "x": SVGWriter.number(Layout.left - 7), "y": SVGWriter.number(scale.position(tick.value) + 3.5),
            ], text: tick.label ?? "")
        }
        writer.close()
    }

    /// The title above the plot area and the two axis labels.
    private func drawLabels(_ writer: inout SVGWriter) {
        writer.plotLabels(
            title: title, xLabel: "training-set size, log scale",
            yLabel: "Kendall's τ (test set of \(settings.testSize))", left: Layout.left, right: Layout.right,
            top: Layout.top, bottom: Layout.bottom)
    }
}
