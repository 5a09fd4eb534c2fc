import Datasets
import Tensors
import Testing

@Suite("ImageDataset")
struct ImageDatasetTests {
    /// Six 1 x 1 x 2 images whose pixels are (i, -i), with labels 0, 1, 2, 0, 1, 2.
    static let small = ImageDataset(
        images: Tensor(shape: [6, 1, 1, 2], scalars: (0..<6).flatMap { [Float($0), -Float($0)] }),
        labels: [0, 1, 2, 0, 1, 2], classCount: 3)

    @Test("reports its size and image shape")
    func shape() {
        let dataset = ImageDataset(images: Tensor(zeros: [5, 1, 4, 4]), labels: [0, 1, 2, 1, 0], classCount: 3)
        #expect(dataset.count == 5)
        #expect(dataset.imageShape == [1, 4, 4])
    }

    @Test("a label outside the classes is a precondition failure naming it")
    func labelRange() async {
        await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = ImageDataset(images: Tensor(zeros: [2, 1, 1, 1]), labels: [0, 3], classCount: 3)
        }.map { result in
            #expect(
                String(decoding: result.standardErrorContent, as: UTF8.self).contains(
                    "ImageDataset: label 3 is outside 0..<3"))
        }
    }

    @Test("a subset gathers images and labels in the given order")
    func subset() {
        let picked = Self.small.subset([4, 1, 4])
        #expect(picked.images.scalars == [4, -4, 1, -1, 4, -4])
        #expect(picked.labels == [1, 1, 1])
        #expect(picked.images.shape == [3, 1, 1, 2])
    }

    @Test("a stratified split is disjoint, complete, balanced per class and fixed by its seed")
    func stratifiedSplit() {
        let labels = (0..<100).map { Int32($0 % 4 == 0 ? 0 : ($0 % 4 == 1 ? 1 : 2)) }  // 25, 25, 50
        let dataset = ImageDataset(
            images: Tensor(shape: [100, 1, 1, 1], scalars: (0..<100).map(Float.init)), labels: labels, classCount: 3)
        let (train, test) = dataset.stratifiedSplit(trainFraction: 0.6, seed: 42)
        let trainIndices = train.images.scalars.map(Int.init)
        let testIndices = test.images.scalars.map(Int.init)
        #expect((trainIndices + testIndices).sorted() == Array(0..<100))
        #expect(trainIndices == trainIndices.sorted())  // original order kept
        #expect([0, 1, 2].map { label in train.labels.filter { $0 == label }.count } == [15, 15, 30])
        let again = dataset.stratifiedSplit(trainFraction: 0.6, seed: 42)
        #expect(again.train == train && again.test == test)
        let other = dataset.stratifiedSplit(trainFraction: 0.6, seed: 43)
        #expect(other.train.images != train.images)
    }
}
