extension RegretPlot {
    /// The figure's frame: a 520 × 404 canvas, the plot area inside it, and the font.
    enum Layout {
        static let width = 520.0
        static let height = 404.0
        static let left = 72.0
        static let right = 504.0
        static let top = 40.0
        static let bottom = 316.0
        static let font = "Helvetica, Arial, sans-serif"
    }

    /// The figure as SVG text (UTF-8, ending with a newline).
    ///
    /// Complexity: O(points of all curves).
    public func svg() -> String {
        let x = xScale()
        let y = yScale()
        var writer = SVGWriter()
        writer.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": SVGWriter.number(Layout.width),
            "height": SVGWriter.number(Layout.height),
            "viewBox": "0 0 \(SVGWriter.number(Layout.width)) \(SVGWriter.number(Layout.height))",
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
        let floorPosition = SVGWriter.number(y.position(floor))
        writer.element("line", [
            "class": "floor", "x1": SVGWriter.number(Layout.left), "y1": floorPosition,
            "x2": SVGWriter.number(Layout.right), "y2": floorPosition,
            "stroke": "#8c8c8c", "stroke-width": "0.8", "stroke-dasharray": "2 3",
        ])
        drawCurves(&writer, x: x, y: y)
        writer.element("rect", plotAreaAttributes() + [("fill", "none"), ("stroke", "black"), ("stroke-width", "1")])
        drawXAxis(&writer, x)
        drawYAxis(&writer, y)
        drawLabels(&writer)
        drawLegend(&writer, x: x, y: y)
        drawCaption(&writer)
        writer.close()
        return writer.finished()
    }

    /// `"<space> · <dataset>"`.
    var title: String { benchmark.title }

    /// The clip path's id, unique per benchmark so several figures can share one page.
    var clipIdentifier: String {
        "plot-area-" + String(benchmark.plotFileName.dropFirst("regret-".count).dropLast(".svg".count))
    }

    func xScale() -> PlotScale {
        let domain = xDomain()
        return PlotScale(
            kind: options.xScale, lower: domain.lower, upper: domain.upper, start: Layout.left, end: Layout.right)
    }

    func yScale() -> PlotScale {
        let domain = yDomain()
        return PlotScale(
            kind: .logarithmic, lower: domain.lower, upper: domain.upper, start: Layout.bottom, end: Layout.top)
    }

    private func plotAreaAttributes() -> [(String, String)] {
        [
            ("x", SVGWriter.number(Layout.left)), ("y", SVGWriter.number(Layout.top)),
            ("width", SVGWriter.number(Layout.right - Layout.left)),
            ("height", SVGWriter.number(Layout.bottom - Layout.top)),
        ]
    }

    /// Light lines at the major ticks of both axes.
    private func drawGrid(_ writer: inout SVGWriter, x: PlotScale, y: PlotScale) {
        writer.open("g", ["class": "grid", "stroke": "#e6e6e6", "stroke-width": "0.8"])
        for tick in x.ticks() where tick.label != nil {
            let position = SVGWriter.number(x.position(tick.value))
            writer.element("line", [
                "x1": position, "y1": SVGWriter.number(Layout.top), "x2": position,
                "y2": SVGWriter.number(Layout.bottom),
            ])
        }
        for tick in y.ticks() where tick.label != nil {
            let position = SVGWriter.number(y.position(tick.value))
            writer.element("line", [
                "x1": SVGWriter.number(Layout.left), "y1": position, "x2": SVGWriter.number(Layout.right),
                "y2": position,
            ])
        }
        writer.close()
    }

    /// Every band, then every line (so no band hides a line), clipped to the plot area.
    private func drawCurves(_ writer: inout SVGWriter, x: PlotScale, y: PlotScale) {
        writer.open("g", ["clip-path": "url(#\(clipIdentifier))"])
        for (index, curve) in curves.enumerated() {
            let optimizer = benchmark.groups[index].optimizer
            guard let band = bandPath(curve, x: x, y: y) else { continue }
            writer.element("path", [
                "class": "band", "data-optimizer": optimizer,
                "fill": PlotPalette.colour(colourIndex(of: optimizer, fallback: index)), "fill-opacity": "0.2",
                "stroke": "none", "d": band,
            ])
        }
        for (index, curve) in curves.enumerated() {
            let optimizer = benchmark.groups[index].optimizer
            let colour = colourIndex(of: optimizer, fallback: index)
            writer.element("path", lineAttributes(optimizer, colour: colour, d: linePath(curve, x: x, y: y)))
        }
        writer.close()
    }

    func lineAttributes(_ optimizer: String, colour: Int, d: String) -> [(String, String)] {
        var attributes = [
            ("class", "line"), ("data-optimizer", optimizer), ("fill", "none"),
            ("stroke", PlotPalette.colour(colour)), ("stroke-width", "1.6"), ("stroke-linejoin", "round"),
        ]
        if let dash = PlotPalette.dash(colour) { attributes.append(("stroke-dasharray", dash)) }
        attributes.append(("d", d))
        return attributes
    }
}
