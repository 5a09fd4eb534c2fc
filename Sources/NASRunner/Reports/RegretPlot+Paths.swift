extension RegretPlot {
    /// A curve's points in pixels: (x, mean, lower band edge, upper band edge), values clamped to the floor, and
    /// runs of equal values merged (a step function changes only where a value changes; the last point stays so
    /// the line reaches the curve's end).
    func pixelPoints(_ curve: AnytimeCurve, x: PlotScale, y: PlotScale)
        -> [(x: Double, mean: Double, lower: Double, upper: Double)]
    {
        var kept: [AnytimeCurve.Point] = []
        for (index, point) in curve.points.enumerated() {
            if let previous = kept.last, previous.regret.mean == point.regret.mean,
                previous.regret.standardError == point.regret.standardError, index < curve.points.count - 1
            {
                continue
            }
            kept.append(point)
        }
        return kept.map { point in
            let mean = point.regret.mean
            let error = point.regret.standardError ?? 0
            return (
                x.position(point.budget), y.position(max(mean, floor)), y.position(max(mean - error, floor)),
                y.position(max(mean + error, floor))
            )
        }
    }

    /// The mean as a step line: `M x0 y0 H x1 V y1 H x2 …`.
    func linePath(_ curve: AnytimeCurve, x: PlotScale, y: PlotScale) -> String {
        let points = pixelPoints(curve, x: x, y: y)
        return Self.stepPath(points.map { ($0.x, $0.mean) })
    }

    /// The band between mean − SE and mean + SE as one closed step polygon, or `nil` for one seed.
    func bandPath(_ curve: AnytimeCurve, x: PlotScale, y: PlotScale) -> String? {
        guard let first = curve.points.first, first.regret.standardError != nil else { return nil }
        let points = pixelPoints(curve, x: x, y: y)
        let upper = Self.stepVertices(points.map { ($0.x, $0.upper) })
        let lower = Self.stepVertices(points.map { ($0.x, $0.lower) }).reversed()
        let vertices = upper + lower
        var path = ""
        for (index, vertex) in vertices.enumerated() {
            path += (index == 0 ? "M" : " L") + SVGWriter.number(vertex.0) + " " + SVGWriter.number(vertex.1)
        }
        return path + " Z"
    }

    /// The corners of a step function through `points`: each value holds until the next point's x.
    static func stepVertices(_ points: [(Double, Double)]) -> [(Double, Double)] {
        guard let first = points.first else { return [] }
        var vertices = [first]
        for (previous, next) in zip(points, points.dropFirst()) {
            vertices.append((next.0, previous.1))
            vertices.append(next)
        }
        return vertices
    }

    /// A step line through `points` with horizontal and vertical moves.
    static func stepPath(_ points: [(Double, Double)]) -> String {
        guard let first = points.first else { return "" }
        var path = "M" + SVGWriter.number(first.0) + " " + SVGWriter.number(first.1)
        for (previous, next) in zip(points, points.dropFirst()) {
            path += " H" + SVGWriter.number(next.0)
            if next.1 != previous.1 { path += " V" + SVGWriter.number(next.1) }
        }
        return path
    }
}
