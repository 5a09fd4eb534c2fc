import Datasets
import Foundation
import NASModels
import Seeding
import _TestSupport

@testable import OneShot

/// Tiny supernets and real CIFAR-10 images for the one-shot tests: sizes far below any real search (C = 2 or 4,
/// one cell per stage, 8x8 images) so that every test runs in a debug build in about a second.
enum OneShotFixtures {
    /// `../shared/data/cifar10_jpeg/data_batch_1.bin` beside the package (see that folder's README).
    static let cifarPath = URL(fileURLWithPath: TestTables.packageRoot)
        .appendingPathComponent("../shared/data/cifar10_jpeg/data_batch_1.bin").standardized.path

    /// The first `count` images of data_batch_1 at `side` x `side`, normalised by their own statistics.
    static func images(_ count: Int, side: Int = 8) throws -> ImageDataset {
        let dataset = try CIFAR.load(batchFiles: [cifarPath]).subset(Array(0..<count)).resized(height: side, width: side)
        return dataset.normalized(by: ChannelStatistics(of: dataset))
    }

    /// All of `dataset` as one batch.
    static func batch(_ dataset: ImageDataset) -> Batch {
        Batch(images: dataset.images, labels: dataset.labels, indices: Array(0..<dataset.count))
    }

    /// An NB201 supernet of C = `channels`, one cell per stage, 10 classes, weights from `seed`.
    static func supernet(channels: Int = 2, operations: [String]? = nil, seed: UInt64 = 0) throws -> NB201Supernet {
        var rng = Xoshiro256(seed: seed)
        return try NB201Supernet(
            configuration: NB201NetworkConfiguration(stemChannels: channels, cellsPerStage: 1, classes: 10),
            operationNames: operations, using: &rng)
    }
}
