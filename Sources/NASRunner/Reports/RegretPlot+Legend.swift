extension RegretPlot {
    /// The legend, inside the corner of the plot area that the curves cross least (upper right, lower left,
    /// lower right, upper left: the first of the least crossed): per optimizer a band swatch (when it has one), a
    /// line swatch and `name (n = seeds)`.
    func drawLegend(_ writer: inout SVGWriter, x: PlotScale, y: PlotScale) {
        let rowHeight = 16.0
        let labels = benchmark.groups.map { "\($0.optimizer) (n = \($0.runs.count))" }
        // Helvetica at 11 px averages about 6.2 px per character; the box is sized from that estimate.
        let textWidth = Double(labels.map(\.count).max() ?? 0) * 6.2
        let width = 8 + 24 + 6 + textWidth + 8
        let height = 6 + Double(labels.count) * rowHeight + 2
        let corners = [
            (Layout.right - 8 - width, Layout.top + 8), (Layout.left + 8, Layout.bottom - 8 - height),
            (Layout.right - 8 - width, Layout.bottom - 8 - height), (Layout.left + 8, Layout.top + 8),
        ]
        let segments = curveSegments(x: x, y: y)
        var best = corners[0]
        var fewest = Int.max
        for corner in corners {
            let box = (left: corner.0, top: corner.1, right: corner.0 + width, bottom: corner.1 + height)
            let crossings = segments.filter { segment in
                min(segment.x0, segment.x1) <= box.right && max(segment.x0, segment.x1) >= box.left
                    && min(segment.y0, segment.y1) <= box.bottom && max(segment.y0, segment.y1) >= box.top
            }.count
            if crossings < fewest {
                fewest = crossings
                best = corner
            }
        }
        let (left, top) = best
        writer.open("g", ["class": "legend"])
        writer.element("rect", [
            "x": SVGWriter.number(left), "y": SVGWriter.number(top), "width": SVGWriter.number(width),
            "height": SVGWriter.number(height), "fill": "white", "fill-opacity": "0.9", "stroke": "#bfbfbf",
            "stroke-width": "0.8",
        ])
        for (index, group) in benchmark.groups.enumerated() {
            let colour = colourIndex(of: group.optimizer, fallback: index)
            let middle = top + 6 + (Double(index) + 0.5) * rowHeight
            if group.runs.count > 1 {
                writer.element("rect", [
                    "x": SVGWriter.number(left + 8), "y": SVGWriter.number(middle - 5), "width": "24", "height": "10",
                    "fill": PlotPalette.colour(colour), "fill-opacity": "0.2",
                ])
            }
            var line = [
                ("x1", SVGWriter.number(left + 8)), ("y1", SVGWriter.number(middle)),
                ("x2", SVGWriter.number(left + 32)), ("y2", SVGWriter.number(middle)),
                ("stroke", PlotPalette.colour(colour)), ("stroke-width", "1.6"),
            ]
            if let dash = PlotPalette.dash(colour) { line.append(("stroke-dasharray", dash)) }
            writer.element("line", line)
            writer.element("text", [
                "x": SVGWriter.number(left + 38), "y": SVGWriter.number(middle + 4),
            ], text: labels[index])
        }
        writer.close()
    }

    /// The horizontal and vertical pieces of every line and band edge, in pixels.
    func curveSegments(x: PlotScale, y: PlotScale) -> [(x0: Double, y0: Double, x1: Double, y1: Double)] {
        var segments: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for curve in curves {
            let points = pixelPoints(curve, x: x, y: y)
            let edges: [[(Double, Double)]] = [
                points.map { ($0.x, $0.mean) }, points.map { ($0.x, $0.lower) }, points.map { ($0.x, $0.upper) },
            ]
            for edge in edges {
                let vertices = Self.stepVertices(edge)
                for (start, end) in zip(vertices, vertices.dropFirst()) {
                    segments.append((start.0, start.1, end.0, end.1))
                }
                if vertices.count == 1, let only = vertices.first { segments.append((only.0, only.1, only.0, only.1)) }
            }
        }
        return segments
    }

    /// What the figure shows, in two sentences: the statistics, and the log-scale floor.
    func captionLines() -> [String] {
        let single = benchmark.groups.contains { $0.runs.count == 1 } ? " (none for n = 1)" : ""
        let floorText = DecimalText.compact(floor, digits: 3)
        return [
            "Mean regret over seeds (n in the legend); shaded: ± 1 standard error\(single).",
            "Log y axis: regret below \(floorText), including 0 (optimum found), is drawn at \(floorText) "
                + "(dotted line).",
        ]
    }

    /// The caption under the x axis label.
    func drawCaption(_ writer: inout SVGWriter) {
        writer.plotCaption(captionLines(), below: Layout.bottom)
    }
}
