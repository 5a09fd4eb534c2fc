extension PredictorStudyPlot {
    /// Where the legend goes: right of the plot area, from its top, in as many columns as the rows need (at most
    /// as many rows per column as fit beside the plot area).
    struct LegendFrame {
        let left: Double
        let top: Double
        let width: Double
        let height: Double
        let columnWidth: Double
        let rowsPerColumn: Int
    }

    /// The legend's frame. Helvetica at 11 px averages about 6.2 px per character; columns are sized from that.
    func legendFrame() -> LegendFrame {
        let rowsPerColumn = max(1, Int((Layout.bottom - Layout.top - 8) / Layout.legendRowHeight))
        let columns = max(1, (rows.count + rowsPerColumn - 1) / rowsPerColumn)
        let textWidth = Double(rows.map(\.label.count).max() ?? 0) * 6.2
        let columnWidth = 8 + 24 + 6 + textWidth + 8
        let shown = min(rows.count, rowsPerColumn)
        return LegendFrame(
            left: Layout.right + Layout.legendGap, top: Layout.top, width: Double(columns) * columnWidth,
            height: 6 + Double(shown) * Layout.legendRowHeight + 2, columnWidth: columnWidth,
            rowsPerColumn: rowsPerColumn)
    }

    /// The legend: per row, in the rows' order, a band swatch (when it has a band), a line swatch in the row's
    /// style with its marker, and the label.
    func drawLegend(_ writer: inout SVGWriter, frame: LegendFrame) {
        guard !rows.isEmpty else { return }
        writer.open("g", ["class": "legend"])
        writer.element("rect", [
            "x": SVGWriter.number(frame.left), "y": SVGWriter.number(frame.top),
            "width": SVGWriter.number(frame.width), "height": SVGWriter.number(frame.height), "fill": "white",
            "stroke": "#bfbfbf", "stroke-width": "0.8",
        ])
        for (position, row) in rows.enumerated() {
            let colour = PlotPalette.colour(row.index)
            let left = frame.left + Double(position / frame.rowsPerColumn) * frame.columnWidth
            let middle = frame.top + 6 + (Double(position % frame.rowsPerColumn) + 0.5) * Layout.legendRowHeight
            if row.hasBand {
                writer.element("rect", [
                    "x": SVGWriter.number(left + 8), "y": SVGWriter.number(middle - 5), "width": "24", "height": "10",
                    "fill": colour, "fill-opacity": "0.15",
                ])
            }
            var line = [
                ("x1", SVGWriter.number(left + 8)), ("y1", SVGWriter.number(middle)),
                ("x2", SVGWriter.number(left + 32)), ("y2", SVGWriter.number(middle)),
                ("stroke", colour), ("stroke-width", "1.6"),
            ]
            if let dash = Self.dash(row) { line.append(("stroke-dasharray", dash)) }
            writer.element("line", line)
            if row.isFitted { drawMarker(&writer, row: row, x: left + 20, y: middle, className: "legend-marker") }
            writer.element("text", [
                "class": "legend-label", "x": SVGWriter.number(left + 38), "y": SVGWriter.number(middle + 4),
            ], text: row.label)
        }
        writer.close()
    }

    /// What the figure shows: the statistics, and what the line styles mean.
    func captionLines() -> [String] {
        let seeds = settings.seeds.count
        let spread = seeds > 1 ? "shaded: ± 1 standard error" : "no band: one seed has no standard error"
        return [
            "Mean Kendall's τ over \(seeds) seed\(seeds == 1 ? "" : "s") with \(settings.metric) on a test set of "
                + "\(settings.testSize) architectures; \(spread).",
            "Solid with markers: fitted on the training set (model-based predictors, OMNI). Dashed: learning-curve",
            "predictors (@k: epochs of curve read); dotted: zero-cost proxies. These read no training set: flat lines.",
        ]
    }

    /// The caption under the x axis label.
    func drawCaption(_ writer: inout SVGWriter) {
        writer.plotCaption(captionLines(), below: Layout.bottom)
    }
}
