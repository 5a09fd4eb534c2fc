/// Dense solves of the few-unknown systems that curve fitting needs (at most 4 unknowns): Gaussian elimination
/// with partial pivoting, O(p³), no LAPACK round trip for 4 x 4 matrices.
enum SmallLinearSystem {
    /// The solution of `matrix · x = rightHandSide` (`matrix` row-major, p x p), or `nil` when a pivot is 0 or
    /// the result is not finite.
    static func solve(_ matrix: [Double], _ rightHandSide: [Double]) -> [Double]? {
        let size = rightHandSide.count
        precondition(matrix.count == size * size, "SmallLinearSystem.solve: the matrix must be \(size) x \(size)")
        var a = matrix
        var b = rightHandSide
        for column in 0..<size {
            var pivot = column
            for row in (column + 1)..<size where abs(a[row * size + column]) > abs(a[pivot * size + column]) {
                pivot = row
            }
            guard a[pivot * size + column] != 0 else { return nil }
            if pivot != column {
                for k in 0..<size { a.swapAt(pivot * size + k, column * size + k) }
                b.swapAt(pivot, column)
            }
            for row in (column + 1)..<size {
                let factor = a[row * size + column] / a[column * size + column]
                for k in column..<size { a[row * size + k] -= factor * a[column * size + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<size { sum -= a[row * size + k] * x[k] }
            x[row] = sum / a[row * size + row]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }

    /// Ordinary least squares: the coefficients c minimising Σᵢ (Σⱼ cⱼ features[i][j] − targets[i])², through the
    /// normal equations; `nil` when they are singular.
    static func leastSquares(features: [[Double]], targets: [Double]) -> [Double]? {
        guard let width = features.first?.count, features.count >= width else { return nil }
        var gram = [Double](repeating: 0, count: width * width)
        var moment = [Double](repeating: 0, count: width)
        for (row, target) in zip(features, targets) {
            for j in 0..<width {
                moment[j] += row[j] * target
                for k in 0..<width { gram[j * width + k] += row[j] * row[k] }
            }
        }
        return solve(gram, moment)
    }
}
