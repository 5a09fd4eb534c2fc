/// Small closed-form linear algebra for hand computations in tests, independent of LAPACK.
enum HandComputation {
    /// The inverse of a 3 × 3 matrix (row-major) by cofactors: adj(M) / det(M).
    static func inverse3(_ m: [Double]) -> [Double] {
        let (a, b, c, d, e, f, g, h, i) = (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])
        let determinant = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
        let adjugate = [
            e * i - f * h, c * h - b * i, b * f - c * e,
            f * g - d * i, a * i - c * g, c * d - a * f,
            d * h - e * g, b * g - a * h, a * e - b * d,
        ]
        return adjugate.map { $0 / determinant }
    }

    /// M v for a 3 × 3 M.
    static func multiply3(_ m: [Double], _ v: [Double]) -> [Double] {
        (0..<3).map { row in (0..<3).reduce(0) { $0 + m[row * 3 + $1] * v[$1] } }
    }

    static func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Targets standardized by their mean and population standard deviation.
    static func standardized(_ targets: [Double]) -> (values: [Double], mean: Double, scale: Double) {
        let mean = targets.reduce(0, +) / Double(targets.count)
        let scale = (targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(targets.count)).squareRoot()
        return (targets.map { ($0 - mean) / scale }, mean, scale)
    }
}
