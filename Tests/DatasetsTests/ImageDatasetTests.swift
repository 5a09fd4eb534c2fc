import Datasets
import Tensors
import Testing

@Suite("ImageDataset")
struct ImageDatasetTests {
    @Test("reports its size and image shape")
    func shape() {
        let dataset = ImageDataset(images: Tensor(zeros: [5, 1, 4, 4]), labels: [0, 1, 2, 1, 0], classCount: 3)
        #expect(dataset.count == 5)
        #expect(dataset.imageShape == [1, 4, 4])
    }
}
