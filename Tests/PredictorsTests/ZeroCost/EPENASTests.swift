import Foundation
import Layers
import Seeding
import Tensors
import Testing

@testable import Predictors

/// EPE-NAS: the per-class score by hand, both of the reference's branches, its NaN, and the whole proxy against
/// its definition written out in Double on a ReLU perceptron (3072 → 8 → 10) and 12 real CIFAR-10 images.
struct EPENASTests {
    static let k = EPENAS.correlationOffset

    /// Class 3: rows (1,2,3), (2,4,6), correlation 1 everywhere: s = 4 log(1 + k). Class 0: rows (1,0,0),
    /// (0,1,0), correlation −1/2 off the diagonal: s = 2 log(1 + k) + 2 log(1/2 + k). Class 7: one row, s =
    /// log(1 + k).
    static let jacobian: [Float] = [1, 2, 3, 1, 0, 0, 2, 4, 6, 0, 1, 0, 5, 1, 2]
    static let labels: [Int32] = [3, 0, 3, 0, 7]
    static let classScores = [4 * log(1 + k), 2 * log(1 + k) + 2 * log(0.5 + k), log(1 + k)]

    @Test func classesInOrderOfFirstAppearance() {
        #expect(EPENAS.classRows(labels: Self.labels) == [[0, 2], [1, 3], [4]])
    }

    /// At most 100 classes: Σ_c |s_c|.
    @Test func sumsAbsoluteClassScores() {
        let score = EPENAS.score(jacobian: Self.jacobian, rows: 5, columns: 3, labels: Self.labels, outputCount: 10)
        let expected = Self.classScores.reduce(0) { $0 + abs($1) }
        #expect(abs(score - expected) < 1e-12, "epe_nas \(score), by hand \(expected)")
    }

    /// More than 100 classes: s_c / n_c, one-image classes left out, Σ_c Σ_c' |s_c − s_c'| / classes.
    @Test func comparesClassesPairwiseAboveOneHundredClasses() {
        let score = EPENAS.score(jacobian: Self.jacobian, rows: 5, columns: 3, labels: Self.labels, outputCount: 120)
        let (first, second) = (Self.classScores[0] / 2, Self.classScores[1] / 2)
        let expected = 2 * abs(first - second) / 2
        #expect(abs(score - expected) < 1e-12, "epe_nas \(score), by hand \(expected)")
    }

    /// A constant row has no correlation: NaN, as NumPy's corrcoef gives.
    @Test func constantRowGivesNaN() {
        let score = EPENAS.score(jacobian: [1, 1, 1, 1, 2, 4], rows: 2, columns: 3, labels: [0, 0], outputCount: 10)
        #expect(score.isNaN)
    }

    /// The proxy on a perceptron against the definition: J_n = W1ᵀ (mask_n ⊙ W2ᵀ 𝟙) in Double, the class
    /// correlations as np.corrcoef, the sum of |Σ log(|C| + k)|.
    @Test func equalsTheDefinitionOnAPerceptron() throws {
        let (inputs, hidden, outputs) = (3 * 32 * 32, 8, 10)
        let batch = try ZeroCostFixtures.cifarBatch(12)
        var rng = Xoshiro256(seed: 21)
        let first = Linear(inputSize: inputs, outputSize: hidden, name: "net.1", using: &rng)
        let second = Linear(inputSize: hidden, outputSize: outputs, name: "net.3", using: &rng)
        let network = ObservedSequential(Sequential(name: "net", [Flatten(), first, ReLU(), second]))
        let score = try ZeroCostScorer.scores([.epeNAS], of: network, inputShape: [3, 32, 32], batch: batch)[0]

        let (w1, b1) = (first.weight.value.scalars.map(Double.init), first.bias!.value.scalars.map(Double.init))
        let w2 = second.weight.value.scalars.map(Double.init)
        let x = batch.images.scalars.map(Double.init)
        var jacobian = [[Double]]()
        for n in 0..<batch.count {
            var row = [Double](repeating: 0, count: inputs)
            for j in 0..<hidden {
                var preActivation = b1[j]
                for i in 0..<inputs { preActivation += w1[j * inputs + i] * x[n * inputs + i] }
                guard preActivation > 0 else { continue }
                let downstream = (0..<outputs).reduce(0.0) { $0 + w2[$1 * hidden + j] }
                for i in 0..<inputs { row[i] += w1[j * inputs + i] * downstream }
            }
            jacobian.append(row)
        }
        func correlation(_ a: [Double], _ b: [Double]) -> Double {
            let (ma, mb) = (a.reduce(0, +) / Double(a.count), b.reduce(0, +) / Double(b.count))
            var (ab, aa, bb) = (0.0, 0.0, 0.0)
            for (u, v) in zip(a, b) { ab += (u - ma) * (v - mb); aa += (u - ma) * (u - ma); bb += (v - mb) * (v - mb) }
            return ab / (aa * bb).squareRoot()
        }
        var expected = 0.0
        for label in Set(batch.labels).sorted() {
            let rows = batch.labels.indices.filter { batch.labels[$0] == label }
            var classScore = 0.0
            for i in rows { for j in rows { classScore += log(abs(correlation(jacobian[i], jacobian[j])) + Self.k) } }
            expected += abs(classScore)
        }
        #expect(Set(batch.labels).count < batch.count)  // some classes have several images
        #expect(abs(score - expected) <= 1e-5 * expected, "epe_nas \(score), definition \(expected)")
    }
}
