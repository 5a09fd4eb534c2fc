import Layers
import NASModels
import NASSpaces
import Seeding
import Testing

/// The NATS-Bench size-space network's size, against the published counts and hand computations.
///
/// Hand formulas (xautodl's modules, widths a -> b, P pixels, K classes; every batch norm adds 2b parameters):
/// stem 27·c0 + 2·c0; a cell 2·(9ab + 2b) + 3·(9b² + 2b), plus ab + 2b for its 1x1 skip when a ≠ b; a reduction
/// block 9ab + 2b + 9b² + 2b + ab; head 2·c4 + K·c4 + K. Multiply-adds: the same convolution weights times their
/// output pixels (P for the stem and the first cell, P/4 after the first reduction, P/16 after the second), plus
/// K·c4 + K for the classifier.
@Suite("SizeNetwork cost")
struct SizeNetworkCostTests {
    func cost(_ text: String, classes: Int = 10, side: Int = 32) throws -> ModelCost {
        var rng = Xoshiro256(seed: 0)
        let network = SizeNetwork(
            architecture: try SizeSpace().parse(text), configuration: SizeNetworkConfiguration(classes: classes),
            using: &rng)
        return network.cost(inputHeight: side, inputWidth: side)
    }

    @Test("8:8:40:32:40 has 144,834 parameters on CIFAR-10, as NATS-Bench publishes")
    func publishedExample() throws {
        let cost = try cost("8:8:40:32:40")
        #expect(cost.parameterCount == 144_834)
        #expect(cost.multiplyAdds == 21_827_994)
    }

    @Test("the smallest and largest networks: 11,714 and 713,674 parameters on CIFAR-10")
    func smallestAndLargest() throws {
        let smallest = try cost("8:8:8:8:8")
        #expect(smallest.parameterCount == 11_714)
        #expect(smallest.multiplyAdds == 4_481_114)
        let largest = try cost("64:64:64:64:64")
        #expect(largest.parameterCount == 713_674)
        #expect(largest.multiplyAdds == 274_399_882)
    }

    @Test("CIFAR-100 and ImageNet16-120 heads: the classifier grows, 16x16 inputs cost a quarter of the convolutions")
    func otherDatasets() throws {
        // Classifier c4·K + K: 40·10 + 10 = 410, 40·100 + 100 = 4,100, 40·120 + 120 = 4,920.
        #expect(try cost("8:8:40:32:40", classes: 100).parameterCount == 144_834 - 410 + 4_100)
        #expect(try cost("8:8:40:32:40", classes: 100).multiplyAdds == 21_827_994 - 410 + 4_100)
        let imagenet = try cost("8:8:40:32:40", classes: 120, side: 16)
        #expect(imagenet.parameterCount == 149_344)
        #expect(imagenet.multiplyAdds == (21_827_994 - 410) / 4 + 4_920)
        #expect(try cost("8:8:8:8:8", classes: 100).parameterCount == 12_524)
        #expect(try cost("64:64:64:64:64", classes: 120).parameterCount == 720_824)
    }

    @Test("a cell that widens pays a 1x1 convolution and batch norm on its skip; an equal-width cell does not")
    func wideningSkip() throws {
        // 8:8:16:8:8 against 8:8:8:8:8: cell 2 goes 8 -> 16 instead of 8 -> 8, and reduction 2 reads 16.
        let wider = try cost("8:8:16:8:8").parameterCount
        let base = 11_714
        func cell(_ a: Int, _ b: Int) -> Int { 2 * (9 * a * b + 2 * b) + 3 * (9 * b * b + 2 * b) + (a == b ? 0 : a * b + 2 * b) }
        func reduction(_ a: Int, _ b: Int) -> Int { 9 * a * b + 2 * b + 9 * b * b + 2 * b + a * b }
        #expect(wider - base == cell(8, 16) - cell(8, 8) + reduction(16, 8) - reduction(8, 8))
        #expect(cell(8, 16) - cell(8, 8) > 8 * 16 + 2 * 16)  // the skip's 160 plus the wider convolutions
    }
}
