internal import CHDF5

/// What a dataset or attribute holds, classified from its HDF5 datatype for checks and error messages.
enum HDF5StoredType: Equatable, CustomStringConvertible {
    /// One of the numeric types HDF5Store reads.
    case numeric(HDF5ScalarType)
    /// Any other integer, e.g. a 16-bit one (`signed`, `bits`).
    case integer(signed: Bool, bits: Int)
    /// Any other floating-point type (`bits`).
    case floatingPoint(bits: Int)
    /// Text, variable-length or fixed-length.
    case string(variableLength: Bool)
    /// A class HDF5Store does not read (compound, enum, array, ...).
    case unsupported(String)

    /// Classifies the datatype `type`.
    init(type: hid_t) {
        let bits = H5Tget_size(type) * 8
        switch H5Tget_class(type) {
        case H5T_FLOAT:
            switch bits {
            case 32: self = .numeric(.float32)
            case 64: self = .numeric(.float64)
            default: self = .floatingPoint(bits: bits)
            }
        case H5T_INTEGER:
            let signed = H5Tget_sign(type) == H5T_SGN_2
            switch (signed, bits) {
            case (true, 32): self = .numeric(.int32)
            case (true, 64): self = .numeric(.int64)
            case (false, 8): self = .numeric(.uint8)
            default: self = .integer(signed: signed, bits: bits)
            }
        case H5T_STRING: self = .string(variableLength: H5Tis_variable_str(type) > 0)
        case H5T_COMPOUND: self = .unsupported("compound")
        case H5T_ENUM: self = .unsupported("enum")
        case H5T_ARRAY: self = .unsupported("array")
        case H5T_VLEN: self = .unsupported("variable-length sequence")
        case H5T_OPAQUE: self = .unsupported("opaque")
        case H5T_BITFIELD: self = .unsupported("bitfield")
        case H5T_REFERENCE: self = .unsupported("reference")
        default: self = .unsupported("unknown")
        }
    }

    /// The Swift type name where there is one ("Float", "Int16", "String"), else the HDF5 class.
    var description: String {
        switch self {
        case .numeric(let type): "\(type)"
        case .integer(let signed, let bits): "\(signed ? "Int" : "UInt")\(bits)"
        case .floatingPoint(let bits): "\(bits)-bit float"
        case .string(let variableLength): "String (\(variableLength ? "variable" : "fixed")-length)"
        case .unsupported(let name): "\(name) type"
        }
    }
}

extension HDF5ScalarType {
    /// The native HDF5 datatype with this element's size, sign and byte order.
    var nativeType: hid_t {
        switch self {
        case .float32: naskit_H5T_NATIVE_FLOAT()
        case .float64: naskit_H5T_NATIVE_DOUBLE()
        case .int32: naskit_H5T_NATIVE_INT32()
        case .int64: naskit_H5T_NATIVE_INT64()
        case .uint8: naskit_H5T_NATIVE_UINT8()
        }
    }
}
