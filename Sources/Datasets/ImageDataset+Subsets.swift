import Seeding
import Tensors

extension ImageDataset {
    /// The examples at `indices`, in that order (indices may repeat).
    ///
    /// - Precondition: every index is in `0..<count`.
    /// - Complexity: O(k C H W) for k indices: one contiguous copy per image.
    public func subset(_ indices: [Int]) -> ImageDataset {
        let imageSize = imageShape.reduce(1, *)
        let scalars = [Float](unsafeUninitializedCapacity: indices.count * imageSize) { target, initialized in
            images.scalars.withUnsafeBufferPointer { source in
                for (position, index) in indices.enumerated() {
                    enforce(index >= 0 && index < count, "subset: index \(index) is outside 0..<\(count)")
                    _ = UnsafeMutableBufferPointer(rebasing: target[position * imageSize..<(position + 1) * imageSize])
                        .initialize(fromContentsOf: source[index * imageSize..<(index + 1) * imageSize])
                }
            }
            initialized = indices.count * imageSize
        }
        return ImageDataset(
            images: Tensor(shape: [indices.count] + imageShape, scalars: scalars),
            labels: indices.map { labels[$0] }, classCount: classCount)
    }

    /// A seeded stratified split: within each class, the class's examples are shuffled with a stream derived
    /// from `seed` and the class index (`StableHash.derive(seed:, "stratified split/class <c>")`), and the
    /// first `round(trainFraction * classSize)` go to the training part. Both parts keep the original order.
    ///
    /// The same dataset, fraction and seed always give the same split, so it can serve as a fixed split for
    /// data without an official one (the UCI digits: `trainFraction: 0.8, seed: 0` gives 1438 / 359).
    ///
    /// - Parameters:
    ///   - trainFraction: The share of each class in the training part, in 0...1.
    ///   - seed: Chooses which examples go where.
    /// - Returns: Disjoint training and test datasets that together hold every example once.
    public func stratifiedSplit(trainFraction: Double, seed: UInt64) -> (train: ImageDataset, test: ImageDataset) {
        enforce((0...1).contains(trainFraction), "stratifiedSplit: trainFraction \(trainFraction) is not in 0...1")
        var members = [[Int]](repeating: [], count: classCount)
        for (index, label) in labels.enumerated() { members[Int(label)].append(index) }
        var train: [Int] = []
        var test: [Int] = []
        for (label, var indices) in members.enumerated() {
            var generator = Xoshiro256(seed: StableHash.derive(seed: seed, "stratified split/class \(label)"))
            indices.seededShuffle(using: &generator)
            let trainCount = Int((trainFraction * Double(indices.count)).rounded())
            train += indices[..<trainCount]
            test += indices[trainCount...]
        }
        return (subset(train.sorted()), subset(test.sorted()))
    }
}
