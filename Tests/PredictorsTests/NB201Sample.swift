import NASCore
import NASSpaces
import Seeding
import TabularBenchmarks
import _TestSupport

/// Distinct NB201 cells with their CIFAR-10 test accuracy at 200 epochs from the real table, drawn from a seed:
/// the data the predictor tests fit and judge on.
struct NB201Sample {
    let architectures: [NB201Architecture]
    let accuracies: [Double]

    /// `count` distinct cells (by dense index), uniformly drawn.
    static func draw(_ count: Int, seed: UInt64) throws -> NB201Sample {
        let index = try TestTables.nb201()
        let column = try index.table.column(metric: "test_accuracy", dataset: "cifar10", epoch: 200)
        var rng = Xoshiro256(seed: seed)
        var cells = Array(0..<index.space.architectureCount)
        cells.seededShuffle(using: &rng)
        let architectures = cells.prefix(count).map { index.space.architecture(at: $0) }
        let accuracies = architectures.map { index.value(column, of: $0) ?? .nan }
        return NB201Sample(architectures: architectures, accuracies: accuracies)
    }

    /// The first `count` cells and the rest.
    func split(at count: Int) -> (training: NB201Sample, heldOut: NB201Sample) {
        (
            NB201Sample(architectures: Array(architectures.prefix(count)), accuracies: Array(accuracies.prefix(count))),
            NB201Sample(architectures: Array(architectures.dropFirst(count)), accuracies: Array(accuracies.dropFirst(count)))
        )
    }
}
