import Datasets
import Seeding
import Tensors
import Testing

@Suite("Augmentation")
struct AugmentationTests {
    /// One 1 x 3 x 3 image holding 1...9 row by row.
    static let tiny = Tensor(shape: [1, 1, 3, 3], scalars: (1...9).map(Float.init))

    /// The image cropped at offset (top, left) from its zero-padded version, then optionally mirrored, computed
    /// pixel by pixel from the definition.
    static func expected(top: Int, left: Int, flip: Bool, fill: Float = 0) -> [Float] {
        var result: [Float] = []
        for y in 0..<3 {
            for x in 0..<3 {
                let croppedX = flip ? 2 - x : x
                let (sourceY, sourceX) = (y + top, croppedX + left)
                result.append(
                    (0..<3).contains(sourceY) && (0..<3).contains(sourceX) ? Float(sourceY * 3 + sourceX + 1) : fill)
            }
        }
        return result
    }

    @Test("crop and flip follow the documented draws, for many seeds", arguments: 0..<40)
    func matchesDefinition(seed: UInt64) {
        let augmentation = Augmentation(cropPadding: 1, horizontalFlip: true, paddingValues: [-1])
        var generator = Xoshiro256(seed: seed)
        var replay = generator
        let top = replay.uniformInt(below: 3) - 1
        let left = replay.uniformInt(below: 3) - 1
        let flip = replay.uniformInt(below: 2) == 1
        var images = Self.tiny
        augmentation.apply(to: &images, using: &generator)
        #expect(
            images.scalars == Self.expected(top: top, left: left, flip: flip, fill: -1),
            "top \(top) left \(left) flip \(flip)")
        #expect(generator == replay)  // exactly three draws per image
    }

    @Test("a hand-checked crop: shifted down-right by one with zero fill, then mirrored")
    func handChecked() {
        #expect(Self.expected(top: -1, left: -1, flip: false) == [0, 0, 0, 0, 1, 2, 0, 4, 5])
        #expect(Self.expected(top: 0, left: 1, flip: true) == [0, 3, 2, 0, 6, 5, 0, 9, 8])
        #expect(Self.expected(top: 0, left: 0, flip: false) == (1...9).map(Float.init))
    }

    @Test("every crop offset and flip occurs, and the same seed gives the same images")
    func coverageAndDeterminism() {
        let augmentation = Augmentation(cropPadding: 1, horizontalFlip: true)
        let batch = Tensor(shape: [200, 1, 3, 3], scalars: Array((0..<200).map { _ in Self.tiny.scalars }.joined()))
        var first = batch
        var generator = Xoshiro256(seed: 5)
        augmentation.apply(to: &first, using: &generator)
        var second = batch
        var again = Xoshiro256(seed: 5)
        augmentation.apply(to: &second, using: &again)
        #expect(first == second)
        var outcomes = Set<[Float]>()
        for image in 0..<200 { outcomes.insert(Array(first.scalars[image * 9..<(image + 1) * 9])) }
        var candidates = Set<[Float]>()
        for top in -1...1 {
            for left in -1...1 {
                for flip in [false, true] { candidates.insert(Self.expected(top: top, left: left, flip: flip)) }
            }
        }
        #expect(outcomes == candidates)  // 18 distinct outcomes, all seen
    }

    @Test("flip alone mirrors without drawing crop offsets; no augmentation changes nothing")
    func flipOnly() {
        var images = Tensor(shape: [1, 2, 1, 3], scalars: [1, 2, 3, 4, 5, 6])
        var generator = Xoshiro256(seed: 0)
        var replay = generator
        let flip = replay.uniformInt(below: 2) == 1
        Augmentation(horizontalFlip: true).apply(to: &images, using: &generator)
        #expect(images.scalars == (flip ? [3, 2, 1, 6, 5, 4] : [1, 2, 3, 4, 5, 6]))
        #expect(generator == replay)
        var unchanged = Self.tiny
        Augmentation.none.apply(to: &unchanged, using: &generator)
        #expect(unchanged == Self.tiny && generator == replay)
    }
}
