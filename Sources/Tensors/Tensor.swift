/// A dense, row-major array of `Float` with a shape: the value type every op reads and writes.
///
/// Images are NCHW: `[batch, channels, height, width]`. Storage is a Swift array, so copies are cheap until
/// one of them is written (copy on write). A tensor of rank 0 holds one scalar.
public struct Tensor: Hashable, Sendable {
    /// The extent of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Float]

    /// Creates a tensor from its shape and elements.
    ///
    /// - Precondition: the shape has no negative extent and `scalars.count` equals the product of `shape`.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative extent in shape \(shape)")
        precondition(
            scalars.count == shape.reduce(1, *),
            "Tensor: shape \(shape) needs \(shape.reduce(1, *)) elements, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(repeating: 0, shape: shape)
    }

    /// A rank-0 tensor holding `value`.
    public init(_ value: Float) {
        self.init(shape: [], scalars: [value])
    }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The only element of a one-element tensor.
    public var scalar: Float {
        precondition(count == 1, "Tensor.scalar: tensor of shape \(shape) has \(count) elements, not 1")
        return scalars[0]
    }

    /// The same elements under another shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(
            newShape.reduce(1, *) == count,
            "reshape: cannot view shape \(shape) (\(count) elements) as \(newShape)")
        var result = self
        result.shape = newShape
        return result
    }

    /// Whether every element is finite (neither NaN nor infinite).
    public var isFinite: Bool {
        scalars.withUnsafeBufferPointer { buffer in
            for value in buffer where !value.isFinite { return false }
            return true
        }
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String {
        let preview = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(shape: \(shape), scalars: [\(preview)\(count > 8 ? ", ..." : "")])"
    }
}
