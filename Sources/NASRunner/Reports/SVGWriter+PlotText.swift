extension SVGWriter {
    /// The title above a plot area and its two axis labels, as NASKit's figures place them: the title and the x
    /// label centred on the plot area, the y label rotated along its left edge.
    ///
    /// - Parameters:
    ///   - left, right, top, bottom: The plot area's edges in pixels.
    mutating func plotLabels(
        title: String, xLabel: String, yLabel: String, left: Double, right: Double, top: Double, bottom: Double
    ) {
        let center = (left + right) / 2
        let middle = (top + bottom) / 2
        element("text", [
            "class": "title", "x": SVGWriter.number(center), "y": "24", "text-anchor": "middle", "font-size": "13",
        ], text: title)
        element("text", [
            "class": "x-label", "x": SVGWriter.number(center), "y": SVGWriter.number(bottom + 36),
            "text-anchor": "middle", "font-size": "12",
        ], text: xLabel)
        element("text", [
            "class": "y-label", "x": "20", "y": SVGWriter.number(middle), "text-anchor": "middle", "font-size": "12",
            "transform": "rotate(-90 20 \(SVGWriter.number(middle)))",
        ], text: yLabel)
    }

    /// The caption's lines under the x axis label of a plot area whose bottom edge is at `bottom` pixels.
    mutating func plotCaption(_ lines: [String], below bottom: Double) {
        open("g", ["class": "caption", "font-size": "10", "fill": "#404040"])
        for (index, line) in lines.enumerated() {
            let baseline = bottom + 62 + Double(index) * 14
            element("text", ["x": "12", "y": SVGWriter.number(baseline)], text: line)
        }
        close()
    }
}
