import Datasets
import Seeding
import Tensors
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tests on the real files; each runs only when its files are installed (Debian's dataset-fashion-mnist,
/// Scripts/fetch-datasets.sh for the digits).
@Suite("Real datasets")
struct RealDataTests {
    static let fashionInstalled = access(FashionMNIST.defaultDirectory + "/train-labels-idx1-ubyte.gz", R_OK) == 0
    static let digitsPath = Fixture.repositoryRoot + "/" + Digits.defaultPath
    static let digitsFetched = access(digitsPath, R_OK) == 0

    @Test(
        "Fashion-MNIST has 60000 training images, 6000 per class, and 10000 test images",
        .enabled(if: fashionInstalled, "Fashion-MNIST is not installed: sudo apt-get install dataset-fashion-mnist"))
    func fashionMNIST() throws {
        let train = try FashionMNIST.load(split: .train)
        #expect(train.images.shape == [60000, 1, 28, 28])
        var histogram = [Int](repeating: 0, count: 10)
        for label in train.labels { histogram[Int(label)] += 1 }
        #expect(histogram == [Int](repeating: 6000, count: 10))
        #expect(train.images.scalars.min() == 0 && train.images.scalars.max() == 1)
        // The statistics commonly quoted for Fashion-MNIST's training set: mean 0.2860, std 0.3530.
        let statistics = ChannelStatistics(of: train)
        #expect(abs(statistics.mean[0] - 0.2860) < 5e-5 && abs(statistics.standardDeviation[0] - 0.3530) < 5e-5)
        let test = try FashionMNIST.load(split: .test)
        #expect(test.images.shape == [10000, 1, 28, 28])
        #expect(test.labels.count == 10000)
    }

    @Test(
        "the UCI digits have 1797 rows of 10 classes, and the seeded split is stratified",
        .enabled(if: digitsFetched, "data/digits/digits.csv.gz is missing: run Scripts/fetch-datasets.sh"))
    func digits() throws {
        let digits = try Digits.load(path: Self.digitsPath)
        #expect(digits.images.shape == [1797, 1, 8, 8])
        #expect(Set(digits.labels) == Set(0..<10))
        #expect(digits.images.scalars.max() == 1)
        let (train, test) = digits.stratifiedSplit(trainFraction: 0.8, seed: 0)
        #expect((train.count, test.count) == (1438, 359))
        for label in Int32(0)..<10 {
            let total = digits.labels.filter { $0 == label }.count
            #expect(train.labels.filter { $0 == label }.count == Int((0.8 * Double(total)).rounded()))
        }
    }
}
