extension RegretPlot {
    /// Tick marks (major 5 px, minor 3 px, outwards) and labels under the plot area.
    func drawXAxis(_ writer: inout SVGWriter, _ scale: PlotScale) {
        writer.open("g", ["class": "x-axis", "stroke": "black", "stroke-width": "0.8"])
        for tick in scale.ticks() {
            let position = SVGWriter.number(scale.position(tick.value))
            writer.element("line", [
                "x1": position, "y1": SVGWriter.number(Layout.bottom), "x2": position,
                "y2": SVGWriter.number(Layout.bottom + (tick.label == nil ? 3 : 5)),
            ])
        }
        writer.close()
        writer.open("g", ["class": "x-tick-labels", "text-anchor": "middle"])
        for tick in scale.ticks() {
            guard let label = tick.label else { continue }
            writer.element("text", [
                "x": SVGWriter.number(scale.position(tick.value)), "y": SVGWriter.number(Layout.bottom + 17),
            ], text: label)
        }
        writer.close()
    }

    /// Tick marks and labels left of the plot area.
    func drawYAxis(_ writer: inout SVGWriter, _ scale: PlotScale) {
        writer.open("g", ["class": "y-axis", "stroke": "black", "stroke-width": "0.8"])
        for tick in scale.ticks() {
            let position = SVGWriter.number(scale.position(tick.value))
            writer.element("line", [
                "x1": SVGWriter.number(Layout.left - (tick.label == nil ? 3 : 5)), "y1": position,
                "x2": SVGWriter.number(Layout.left), "y2": position,
            ])
        }
        writer.close()
        writer.open("g", ["class": "y-tick-labels", "text-anchor": "end"])
        for tick in scale.ticks() {
            guard let label = tick.label else { continue }
            writer.element("text", [
                "x": SVGWriter.number(Layout.left - 7), "y": SVGWriter.number(scale.position(tick.value) + 3.5),
            ], text: label)
        }
        writer.close()
    }

    /// "queries", or "simulated cost (epochs)" with the runs' cost unit; "(log scale)" when it is.
    private var xLabel: String {
        var label = options.axis.label
        if options.axis == .cost, let unit = benchmark.groups.first?.runs.first?.result.costUnit {
            label += " (\(unit))"
        }
        return label + (options.xScale == .logarithmic ? ", log scale" : "")
    }

    /// The title above the plot area and the two axis labels.
    func drawLabels(_ writer: inout SVGWriter) {
        writer.plotLabels(
            title: title, xLabel: xLabel, yLabel: "regret (oracle − incumbent \(benchmark.oracle.metric))",
            left: Layout.left, right: Layout.right, top: Layout.top, bottom: Layout.bottom)
    }
}
