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

/// The numeric element types that HDF5Store reads and writes.
public enum HDF5ScalarType: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case float32, float64, int32, int64, uint8

    /// The Swift type's name: "Float", "Double", "Int32", "Int64" or "UInt8".
    public var description: String {
        switch self {
        case .float32: "Float"
        case .float64: "Double"
        case .int32: "Int32"
        case .int64: "Int64"
        case .uint8: "UInt8"
        }
    }
}

/// A Swift type stored in HDF5 as a native number of the same size: `Float`, `Double`, `Int32`, `Int64`,
/// `UInt8`.
public protocol HDF5Numeric: Sendable, Hashable {
    /// The HDF5 element type this Swift type reads and writes.
    static var hdf5ScalarType: HDF5ScalarType { get }
}

extension Float: HDF5Numeric { public static var hdf5ScalarType: HDF5ScalarType { .float32 } }
extension Double: HDF5Numeric { public static var hdf5ScalarType: HDF5ScalarType { .float64 } }
extension Int32: HDF5Numeric { public static var hdf5ScalarType: HDF5ScalarType { .int32 } }
extension Int64: HDF5Numeric { public static var hdf5ScalarType: HDF5ScalarType { .int64 } }
extension UInt8: HDF5Numeric { public static var hdf5ScalarType: HDF5ScalarType { .uint8 } }
