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
