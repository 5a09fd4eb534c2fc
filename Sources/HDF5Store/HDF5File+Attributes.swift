internal import CHDF5

/// The value of an attribute: a small piece of metadata (provenance: source, version, seed, checksum).
public enum HDF5AttributeValue: Sendable, Hashable, CustomStringConvertible {
    /// UTF-8 text, stored as a variable-length string.
    case string(String)
    /// An integer, stored as a 64-bit signed integer.
    case int64(Int64)
    /// A real number, stored as a 64-bit float.
    case double(Double)

    public var description: String {
        switch self {
        case .string(let value): "\"\(value)\""
        case .int64(let value): "\(value)"
        case .double(let value): "\(value)"
        }
    }
}

extension HDF5File {
    /// Attaches the attribute `name` with `value` to the group or dataset at `path` (the root group by
    /// default), replacing an attribute of that name.
    ///
    /// - Throws: ``HDF5Error`` if the file is read-only, nothing exists at `path`, or a string value
    ///   contains NUL.
    public func setAttribute(_ name: String, to value: HDF5AttributeValue, at path: String = "/") throws(HDF5Error) {
        try withLibraryLock { () throws(HDF5Error) in
            let objectName = try normalized(path)
            try requireWritable("set attribute '\(name)' on \(objectName)")
            let object = try openObject(at: objectName, expecting: nil)
            let what = "set attribute '\(name)' on \(objectName)"
            if case .string(let text) = value, text.utf8.contains(0) {
                throw HDF5Error("\(self.path): cannot \(what): the string contains a NUL character")
            }
            if H5Aexists(object.raw, name) > 0, H5Adelete(object.raw, name) < 0 { throw .failed(what, in: self.path) }
            let type: HDF5Identifier? =
                switch value {
                case .string: HDF5Identifier.stringType(fixedSize: nil)
                case .int64: HDF5Identifier(H5Tcopy(naskit_H5T_NATIVE_INT64()), close: H5Tclose)
                case .double: HDF5Identifier(H5Tcopy(naskit_H5T_NATIVE_DOUBLE()), close: H5Tclose)
                }
            guard let type, let space = HDF5Identifier.dataspace(shape: []),
                let attribute = HDF5Identifier(
                    H5Acreate2(object.raw, name, type.raw, space.raw, naskit_H5P_DEFAULT(), naskit_H5P_DEFAULT()),
                    close: H5Aclose)
            else { throw .failed(what, in: self.path) }
            let status: herr_t =
                switch value {
                case .string(let text):
                    Self.withStringBuffer([text], storage: .variableLength, fixedSize: 0) {
                        H5Awrite(attribute.raw, type.raw, $0)
                    }
                case .int64(let number):
                    withUnsafeBytes(of: number) { H5Awrite(attribute.raw, type.raw, $0.baseAddress) }
                case .double(let number):
                    withUnsafeBytes(of: number) { H5Awrite(attribute.raw, type.raw, $0.baseAddress) }
                }
            guard status >= 0 else { throw .failed(what, in: self.path) }
        }
    }

    /// The attribute `name` of the group or dataset at `path` (the root group by default).
    ///
    /// Any integer type reads as ``HDF5AttributeValue/int64(_:)``, any float as
    /// ``HDF5AttributeValue/double(_:)``, any string as ``HDF5AttributeValue/string(_:)``; the attribute
    /// must hold exactly one value.
    ///
    /// - Throws: ``HDF5Error`` if there is no such attribute (listing those there) or it holds another kind
    ///   of value.
    public func attribute(_ name: String, at path: String = "/") throws(HDF5Error) -> HDF5AttributeValue {
        try withLibraryLock { () throws(HDF5Error) in
            let objectName = try normalized(path)
            let object = try openObject(at: objectName, expecting: nil)
            guard H5Aexists(object.raw, name) > 0 else {
                let available = attributeNames(of: object.raw).map(Self.listing) ?? "unknown"
                throw HDF5Error(
                    "\(self.path): no attribute '\(name)' on \(objectName) (available: \(available)); "
                        + recoverySuggestion)
            }
            let what = "read attribute '\(name)' of \(objectName)"
            guard let attribute = HDF5Identifier(H5Aopen(object.raw, name, naskit_H5P_DEFAULT()), close: H5Aclose),
                let type = HDF5Identifier(H5Aget_type(attribute.raw), close: H5Tclose),
                let space = HDF5Identifier(H5Aget_space(attribute.raw), close: H5Sclose)
            else { throw .failed(what, in: self.path) }
            let count = try shape(ofSpace: space.raw, object: "attribute '\(name)' of \(objectName)").reduce(1, *)
            guard count == 1 else {
                throw HDF5Error(
                    "\(self.path): attribute '\(name)' of \(objectName) holds \(count) values; "
                        + "only single values are read")
            }
            let stored = HDF5StoredType(type: type.raw)
            switch stored {
            case .numeric(.int32), .numeric(.int64), .numeric(.uint8), .integer:
                var number: Int64 = 0
                guard H5Aread(attribute.raw, naskit_H5T_NATIVE_INT64(), &number) >= 0 else {
                    throw .failed(what, in: self.path)
                }
                return .int64(number)
            case .numeric(.float32), .numeric(.float64), .floatingPoint:
                var number: Double = 0
                guard H5Aread(attribute.raw, naskit_H5T_NATIVE_DOUBLE(), &number) >= 0 else {
                    throw .failed(what, in: self.path)
                }
                return .double(number)
            case .string:
                let strings = Self.readStrings(count: 1, fileType: type.raw, space: space.raw) { memoryType, buffer in
                    H5Aread(attribute.raw, memoryType, buffer)
                }
                guard let text = strings?.first else { throw .failed(what, in: self.path) }
                return .string(text)
            case .unsupported:
                throw HDF5Error(
                    "\(self.path): attribute '\(name)' of \(objectName) holds a \(stored); only strings, integers and floats are read"
                )
            }
        }
    }

    /// The names of the attributes of the group or dataset at `path` (the root group by default), sorted.
    ///
    /// - Throws: ``HDF5Error`` if nothing exists at `path`.
    public func attributeNames(at path: String = "/") throws(HDF5Error) -> [String] {
        try withLibraryLock { () throws(HDF5Error) in
            let objectName = try normalized(path)
            let object = try openObject(at: objectName, expecting: nil)
            guard let names = attributeNames(of: object.raw) else {
                throw .failed("list the attributes of \(objectName)", in: self.path)
            }
            return names
        }
    }

    private func attributeNames(of object: hid_t) -> [String]? {
        var info = H5O_info_t()
        guard H5Oget_info2(object, &info, naskit_H5O_INFO_NUM_ATTRS()) >= 0 else { return nil }
        var names: [String] = []
        for index in 0..<info.num_attrs {
            let name = Self.readName { buffer, size in
                H5Aget_name_by_idx(object, ".", H5_INDEX_NAME, H5_ITER_INC, index, buffer, size, naskit_H5P_DEFAULT())
            }
            guard let name else { return nil }
            names.append(name)
        }
        return names
    }
}
