internal import CHDF5

/// How strings are stored in a dataset.
public enum HDF5StringStorage: Sendable, Hashable {
    /// Each string has its own length (h5py's `str` datasets); best for strings of varied lengths.
    case variableLength
    /// Every string is padded with NUL bytes to the longest one's UTF-8 length (h5py's `S` datasets).
    case fixedLength
}

extension HDF5File {
    /// Writes `strings` as a new UTF-8 string dataset at `path`, creating missing groups above it.
    ///
    /// - Parameters:
    ///   - strings: The shape and strings; no string may contain a NUL character.
    ///   - path: Where to put the dataset; nothing may exist there yet.
    ///   - storage: Variable-length (default) or fixed-length strings.
    ///   - layout: Contiguous (default), chunked, or chunked and gzip-compressed.
    /// - Throws: ``HDF5Error`` if the file is read-only, the path is taken, a string contains NUL, or the layout
    ///   does not fit.
    public func write(
        _ strings: HDF5Array<String>, to path: String, storage: HDF5StringStorage = .variableLength,
        layout: HDF5Layout = .contiguous
    ) throws(HDF5Error) {
        try withLibraryLock { () throws(HDF5Error) in
            if let index = strings.values.firstIndex(where: { $0.utf8.contains(0) }) {
                throw HDF5Error("\(self.path): cannot write dataset \(path): string \(index) contains a NUL character")
            }
            let fixedSize = max(1, strings.values.map(\.utf8.count).max() ?? 1)
            guard let type = HDF5Identifier.stringType(fixedSize: storage == .fixedLength ? fixedSize : nil) else {
                throw .failed("make a string type for \(path)", in: self.path)
            }
            let elementSize = storage == .fixedLength ? fixedSize : 16
            try createDataset(
                at: path, shape: strings.shape, fileType: type.raw, elementSize: elementSize, layout: layout
            ) {
                dataset in
                Self.withStringBuffer(strings.values, storage: storage, fixedSize: fixedSize) { buffer in
                    H5Dwrite(dataset, type.raw, naskit_H5S_ALL(), naskit_H5S_ALL(), naskit_H5P_DEFAULT(), buffer)
                }
            }
        }
    }

    /// Reads the whole string dataset at `path`, variable- or fixed-length. Invalid UTF-8 is replaced by
    /// U+FFFD; fixed-length strings lose their NUL (or, if space-padded, trailing space) padding.
    ///
    /// - Throws: ``HDF5Error`` if there is no dataset at `path` or it does not hold strings.
    public func read(_ type: String.Type, at path: String) throws(HDF5Error) -> HDF5Array<String> {
        try withLibraryLock { () throws(HDF5Error) in
            let name = try normalized(path)
            let dataset = try openObject(at: name, expecting: .dataset)
            try requireStoredType(.string(variableLength: true), of: dataset.raw, name: name)
            let shape = try datasetShape(dataset.raw, name: name)
            guard let fileType = HDF5Identifier(H5Dget_type(dataset.raw), close: H5Tclose),
                let space = HDF5Identifier(H5Dget_space(dataset.raw), close: H5Sclose)
            else { throw .failed("read dataset \(name)", in: self.path) }
            let values = Self.readStrings(count: shape.reduce(1, *), fileType: fileType.raw, space: space.raw) {
                memoryType, buffer in
                H5Dread(dataset.raw, memoryType, naskit_H5S_ALL(), naskit_H5S_ALL(), naskit_H5P_DEFAULT(), buffer)
            }
            guard let values else { throw .failed("read dataset \(name)", in: self.path) }
            return HDF5Array(shape: shape, values: values)
        }
    }

    // MARK: Shared with string attributes

    /// Lends `write` a buffer in the memory layout of ``HDF5Identifier/stringType(fixedSize:)``: an array of
    /// C-string pointers (variable length) or `fixedSize` NUL-padded bytes per string.
    static func withStringBuffer(
        _ strings: [String], storage: HDF5StringStorage, fixedSize: Int, _ write: (UnsafeRawPointer?) -> herr_t
    ) -> herr_t {
        switch storage {
        case .fixedLength:
            var bytes = [UInt8](repeating: 0, count: strings.count * fixedSize)
            for (index, string) in strings.enumerated() {
                bytes.replaceSubrange(index * fixedSize..<index * fixedSize + string.utf8.count, with: string.utf8)
            }
            return bytes.withUnsafeBytes { write($0.baseAddress) }
        case .variableLength:
            var bytes: [CChar] = []  // every string, NUL-terminated, one after another
            var offsets: [Int] = []
            for string in strings {
                offsets.append(bytes.count)
                bytes.append(contentsOf: string.utf8.map { CChar(bitPattern: $0) })
                bytes.append(0)
            }
            return bytes.withUnsafeBufferPointer { storage in
                let pointers = offsets.map { storage.baseAddress.map(UnsafeRawPointer.init)?.advanced(by: $0) }
                return pointers.withUnsafeBytes { write($0.baseAddress) }
            }
        }
    }

    /// Reads `count` strings stored as `fileType` through `read(memoryType, buffer)`; `nil` if HDF5 fails.
    static func readStrings(
        count: Int, fileType: hid_t, space: hid_t, _ read: (hid_t, UnsafeMutableRawPointer?) -> herr_t
    ) -> [String]? {
        guard count > 0 else { return [] }
        if H5Tis_variable_str(fileType) > 0 {
            guard let memoryType = HDF5Identifier.stringType(fixedSize: nil) else { return nil }
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            guard pointers.withUnsafeMutableBytes({ read(memoryType.raw, $0.baseAddress) }) >= 0 else { return nil }
            let strings = pointers.map { pointer in pointer.map { String(cString: $0) } ?? "" }
            _ = pointers.withUnsafeMutableBytes {
                H5Dvlen_reclaim(memoryType.raw, space, naskit_H5P_DEFAULT(), $0.baseAddress)
            }
            return strings
        }
        let size = H5Tget_size(fileType)
        let padding = H5Tget_strpad(fileType)
        guard size > 0, let memoryType = HDF5Identifier(H5Tcopy(fileType), close: H5Tclose) else { return nil }
        var bytes = [UInt8](repeating: 0, count: count * size)
        guard bytes.withUnsafeMutableBytes({ read(memoryType.raw, $0.baseAddress) }) >= 0 else { return nil }
        return (0..<count).map { index in
            var text = bytes[index * size..<(index + 1) * size]
            if padding == H5T_STR_SPACEPAD {
                while text.last == UInt8(ascii: " ") { text.removeLast() }
            } else if let end = text.firstIndex(of: 0) {
                text = text[..<end]
            }
            return String(decoding: text, as: UTF8.self)
        }
    }
}

extension HDF5Identifier {
    /// A UTF-8 string type: variable-length for `fixedSize == nil`, else `fixedSize` bytes, NUL-padded.
    static func stringType(fixedSize: Int?) -> HDF5Identifier? {
        guard let type = HDF5Identifier(H5Tcopy(naskit_H5T_C_S1()), close: H5Tclose),
            H5Tset_size(type.raw, fixedSize ?? naskit_H5T_VARIABLE()) >= 0,
            H5Tset_cset(type.raw, H5T_CSET_UTF8) >= 0,
            fixedSize == nil || H5Tset_strpad(type.raw, H5T_STR_NULLPAD) >= 0
        else { return nil }
        return type
    }
}
