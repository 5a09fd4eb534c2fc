/// An N-dimensional array as stored in an HDF5 dataset: a shape and its elements in row-major order.
///
/// A rank-0 array (shape `[]`) holds one element; an array with a zero extent holds none.
public struct HDF5Array<Element: Sendable & Hashable>: Sendable, Hashable {
    /// The extent of each dimension, outermost first.
    public let shape: [Int]
    /// The elements in row-major order; `values.count == shape.reduce(1, *)`.
    public let values: [Element]

    /// Creates an array from its shape and elements.
    ///
    /// - Precondition: no extent is negative and `values.count` equals the product of `shape` (checked in
    ///   every build configuration).
    public init(shape: [Int], values: [Element]) {
        // fatalError rather than precondition: the message must survive optimised builds.
        if !shape.allSatisfy({ $0 >= 0 }) { fatalError("HDF5Array: negative extent in shape \(shape)") }
        if values.count != shape.reduce(1, *) {
            fatalError("HDF5Array: shape \(shape) needs \(shape.reduce(1, *)) elements, got \(values.count)")
        }
        self.shape = shape
        self.values = values
    }

    /// A one-dimensional array of `values`.
    public init(_ values: [Element]) {
        self.init(shape: [values.count], values: values)
    }

    /// A rank-0 array holding `value`.
    public init(scalar value: Element) {
        self.init(shape: [], values: [value])
    }
}
