import Datasets
import Seeding
import Tensors
import Testing

@Suite("Batches")
struct BatchesTests {
    /// 103 single-pixel 1 x 2 x 2 images whose pixels all equal their index, labelled index mod 10.
    static let dataset = ImageDataset(
        images: Tensor(shape: [103, 1, 2, 2], scalars: (0..<103).flatMap { [Float](repeating: Float($0), count: 4) }),
        labels: (0..<103).map { Int32($0 % 10) }, classCount: 10)

    @Test(
        "an epoch visits every example exactly once, with images and labels of the right examples",
        arguments: [1, 10, 103, 200])
    func coversEachOnce(batchSize: Int) {
        let batches = Batches(dataset: Self.dataset, batchSize: batchSize, seed: 9, epoch: 0)
        #expect(batches.count == (103 + batchSize - 1) / batchSize)
        var seen: [Int] = []
        for batch in batches {
            #expect(batch.count <= batchSize)
            #expect(batch.images.shape == [batch.count, 1, 2, 2])
            #expect(batch.labels == batch.indices.map { Int32($0 % 10) })
            #expect(batch.images.scalars == batch.indices.flatMap { [Float](repeating: Float($0), count: 4) })
            seen += batch.indices
        }
        #expect(seen.sorted() == Array(0..<103))
        #expect(seen == batches.order)
    }

    @Test("drop-last leaves out the final partial batch")
    func dropLast() {
        let batches = Batches(dataset: Self.dataset, batchSize: 10, seed: 9, epoch: 0, dropLast: true)
        #expect(batches.count == 10)
        #expect(batches.allSatisfy { $0.count == 10 })
        #expect(Set(batches.flatMap(\.indices)).count == 100)
        #expect(Batches(dataset: Self.dataset, batchSize: 200, seed: 0, epoch: 0, dropLast: true).isEmpty)
    }

    @Test("the same seed and epoch give the same order; another epoch or seed gives another")
    func seededOrder() {
        let order = Batches(dataset: Self.dataset, batchSize: 16, seed: 9, epoch: 3).order
        #expect(Batches(dataset: Self.dataset, batchSize: 16, seed: 9, epoch: 3).order == order)
        #expect(Batches(dataset: Self.dataset, batchSize: 50, seed: 9, epoch: 3).order == order)  // batch size does not matter
        #expect(Batches(dataset: Self.dataset, batchSize: 16, seed: 9, epoch: 4).order != order)
        #expect(Batches(dataset: Self.dataset, batchSize: 16, seed: 10, epoch: 3).order != order)
        #expect(
            Batches(dataset: Self.dataset, batchSize: 16, seed: 9, epoch: 3, shuffle: false).order == Array(0..<103))
        // The documented derivation, so other tools can regenerate it.
        var generator = Xoshiro256(seed: StableHash.derive(seed: 9, "batches/order/epoch 3"))
        var expected = Array(0..<103)
        expected.seededShuffle(using: &generator)
        #expect(order == expected)
    }

    @Test("augmented batches are reproducible one by one, as after a resume")
    func augmentationResumes() {
        let augmentation = Augmentation(cropPadding: 1, horizontalFlip: true)
        let images = Tensor(shape: [40, 1, 3, 3], scalars: (0..<360).map(Float.init))
        let dataset = ImageDataset(images: images, labels: [Int32](repeating: 0, count: 40), classCount: 1)
        let epoch = Array(Batches(dataset: dataset, batchSize: 8, seed: 1, epoch: 2, augmentation: augmentation))
        let resumed = Batches(dataset: dataset, batchSize: 8, seed: 1, epoch: 2, augmentation: augmentation)
        #expect(resumed[3] == epoch[3])
        #expect(epoch.contains { $0.images != dataset.subset($0.indices).images })  // something was augmented
        // Batch 3 is the plain batch augmented with its documented stream.
        var plain = dataset.subset(epoch[3].indices).images
        var generator = Xoshiro256(seed: StableHash.derive(seed: 1, "batches/augmentation/epoch 2/batch 3"))
        augmentation.apply(to: &plain, using: &generator)
        #expect(plain == epoch[3].images)
        let otherEpoch = Batches(dataset: dataset, batchSize: 8, seed: 1, epoch: 3, augmentation: augmentation)
        #expect(otherEpoch[3] != epoch[3])
    }
}
