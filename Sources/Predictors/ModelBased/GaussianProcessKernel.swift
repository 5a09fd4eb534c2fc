import Foundation

/// A stationary covariance function of the Euclidean distance between two encodings, with unit signal variance
/// (the Gaussian process scales it by its fitted signal variance).
///
/// Encodings are 0/1 vectors, so the squared distance counts the positions in which two architectures differ;
/// the length scale says how many differences make two architectures' accuracies nearly independent.
public enum GaussianProcessKernel: String, CaseIterable, Hashable, Codable, Sendable {
    /// k(r) = exp(−r² / (2ℓ²)), the RBF kernel (NASLib's GP default, pyro's `RBF`).
    case squaredExponential = "squared-exponential"
    /// k(r) = (1 + √5 r/ℓ + 5r²/(3ℓ²)) exp(−√5 r/ℓ), Matérn with ν = 5/2 (Rasmussen & Williams 2006, eq. 4.17).
    case matern52 = "matern-5/2"

    /// The correlation at squared distance `squaredDistance` for length scale √`squaredLengthscale`.
    func correlation(squaredDistance: Double, squaredLengthscale: Double) -> Double {
        switch self {
        case .squaredExponential:
            return exp(-squaredDistance / (2 * squaredLengthscale))
        case .matern52:
            let scaled = (5 * squaredDistance / squaredLengthscale).squareRoot()  // √5 r / ℓ
            return (1 + scaled + scaled * scaled / 3) * exp(-scaled)
        }
    }
}

/// Squared Euclidean distances between the rows of two encoded matrices.
enum SquaredDistances {
    /// `[i * rightRows + j]` = ‖left row i − right row j‖² for row-major matrices with `columns` columns.
    ///
    /// - Complexity: O(left rows × right rows × columns).
    static func between(_ left: [Float], _ right: [Float], columns: Int) -> [Double] {
        precondition(columns > 0 && left.count % columns == 0 && right.count % columns == 0, "SquaredDistances: shapes")
        let (leftRows, rightRows) = (left.count / columns, right.count / columns)
        var distances = [Double](repeating: 0, count: leftRows * rightRows)
        left.withUnsafeBufferPointer { a in
            right.withUnsafeBufferPointer { b in
                for i in 0..<leftRows {
                    for j in 0..<rightRows {
                        var sum: Float = 0
                        for column in 0..<columns {
                            let difference = a[i * columns + column] - b[j * columns + column]
                            sum += difference * difference
                        }
                        distances[i * rightRows + j] = Double(sum)
                    }
                }
            }
        }
        return distances
    }

    /// The median of the strictly positive distances between distinct rows (`i < j`) of the square matrix
    /// `distances` (n × n), or 1 when every pair coincides.
    static func medianPositive(_ distances: [Double], size n: Int) -> Double {
        var positive: [Double] = []
        for i in 0..<n { for j in (i + 1)..<n where distances[i * n + j] > 0 { positive.append(distances[i * n + j]) } }
        guard !positive.isEmpty else { return 1 }
        positive.sort()
        return positive.count % 2 == 1
            ? positive[positive.count / 2] : (positive[positive.count / 2 - 1] + positive[positive.count / 2]) / 2
    }
}
