internal import CHDF5

/// What an HDF5 path names.
public enum HDF5ObjectKind: Sendable, Hashable, CustomStringConvertible {
    /// A group, which holds other objects.
    case group
    /// A dataset, an N-dimensional array.
    case dataset
    /// Anything else (a named datatype).
    case other

    public var description: String {
        switch self {
        case .group: "group"
        case .dataset: "dataset"
        case .other: "object"
        }
    }
}

extension HDF5File {
    /// Creates the group at `path` and any missing groups above it (like `mkdir -p`); does nothing if the
    /// group exists.
    ///
    /// - Throws: ``HDF5Error`` if the file is read-only or a dataset sits at `path` or above it.
    public func createGroup(at path: String) throws(HDF5Error) {
        try withLibraryLock { () throws(HDF5Error) in
            let name = try normalized(path)
            try requireWritable("create group \(name)")
            switch objectKind(at: name) {
            case .group: return
            case .some(let kind): throw HDF5Error("\(self.path): cannot create group \(name): a \(kind) exists there")
            case nil: break
            }
            // Groups store no times in libhdf5 1.10's default format, but do in the version 2 object headers
            // that newer libraries write by default: the creation list turns them off for those too.
            guard let linkProperties = HDF5Identifier.linkCreationProperties(),
                let creation = HDF5Identifier.untimedCreationProperties(naskit_H5P_GROUP_CREATE()),
                HDF5Identifier(
                    H5Gcreate2(fileID, name, linkProperties.raw, creation.raw, naskit_H5P_DEFAULT()), close: H5Gclose)
                    != nil
            else { throw .failed("create group \(name)", in: self.path) }
        }
    }

    /// The names of the objects directly inside the group at `path`, sorted by name.
    ///
    /// - Throws: ``HDF5Error`` if there is no group at `path`.
    /// - Complexity: O(n) HDF5 calls for n children.
    public func children(of path: String = "/") throws(HDF5Error) -> [String] {
        try withLibraryLock { () throws(HDF5Error) in
            let name = try normalized(path)
            _ = try openObject(at: name, expecting: .group)
            guard let names = childNames(ofGroup: name) else { throw .failed("list group \(name)", in: self.path) }
            return names
        }
    }

    /// What `path` names, or `nil` if nothing resolvable is there (including when a component above it is
    /// missing or is a dataset).
    public func objectKind(at path: String) -> HDF5ObjectKind? {
        withLibraryLock {
            guard let name = try? normalized(path) else { return nil }
            guard name != "/" else { return .group }
            var prefix = ""
            for component in name.split(separator: "/") {
                prefix += "/" + component
                guard H5Lexists(fileID, prefix, naskit_H5P_DEFAULT()) > 0,
                    H5Oexists_by_name(fileID, prefix, naskit_H5P_DEFAULT()) > 0
                else {
                    _ = HDF5Library.lastErrorDetail()  // clear the stack
                    return nil
                }
                if prefix != name, kindOfExisting(prefix) != .group { return nil }
            }
            return kindOfExisting(name)
        }
    }

    /// Whether an object (group or dataset) exists at `path`.
    public func contains(_ path: String) -> Bool {
        withLibraryLock {
            objectKind(at: path) != nil
        }
    }

    /// Unlinks the object at `path` (and everything below it if it is a group). HDF5 does not shrink the
    /// file: the space is reclaimed only by copying the file (h5repack).
    ///
    /// - Throws: ``HDF5Error`` if the file is read-only or nothing exists at `path`.
    public func removeObject(at path: String) throws(HDF5Error) {
        try withLibraryLock { () throws(HDF5Error) in
            let name = try normalized(path)
            try requireWritable("remove \(name)")
            guard name != "/" else { throw HDF5Error("\(self.path): cannot remove the root group /") }
            guard contains(name) else {
                throw HDF5Error("\(self.path): cannot remove \(name): nothing exists there")
            }
            guard H5Ldelete(fileID, name, naskit_H5P_DEFAULT()) >= 0 else {
                throw .failed("remove \(name)", in: self.path)
            }
        }
    }

    // MARK: Resolution shared by datasets and attributes

    /// `path` as "/a/b/c": a leading slash is added, repeated and trailing slashes are dropped.
    func normalized(_ path: String) throws(HDF5Error) -> String {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.isEmpty else { throw HDF5Error("\(self.path): empty object path; use \"/\" for the root group") }
        return "/" + components.joined(separator: "/")
    }

    /// Opens the object at the normalized path `name`, which must be of kind `expected` (`nil`: any kind).
    ///
    /// - Throws: ``HDF5Error`` naming the first missing component and listing what its parent holds.
    func openObject(at name: String, expecting expected: HDF5ObjectKind?) throws(HDF5Error) -> HDF5Identifier {
        let wanted = expected.map { "\($0)" } ?? "object"
        var parent = "/"
        for component in name.split(separator: "/") {
            let candidate = (parent == "/" ? "" : parent) + "/" + component
            let exists =
                H5Lexists(fileID, candidate, naskit_H5P_DEFAULT()) > 0
                && H5Oexists_by_name(fileID, candidate, naskit_H5P_DEFAULT()) > 0
            _ = HDF5Library.lastErrorDetail()
            guard exists else {
                let available = childNames(ofGroup: parent).map(Self.listing) ?? "unknown"
                if candidate == name {
                    throw HDF5Error("\(path): no \(wanted) \(name) (available: \(available)); \(recoverySuggestion)")
                }
                throw HDF5Error(
                    "\(path): no \(wanted) \(name): there is no group \(candidate) (available in \(parent): "
                        + "\(available)); \(recoverySuggestion)")
            }
            if candidate != name, let kind = kindOfExisting(candidate), kind != .group {
                throw HDF5Error(
                    "\(path): no \(wanted) \(name): \(candidate) is a \(kind), not a group; \(recoverySuggestion)")
            }
            parent = candidate
        }
        guard let object = HDF5Identifier(H5Oopen(fileID, name, naskit_H5P_DEFAULT()), close: H5Oclose) else {
            throw .failed("open \(name)", in: path)
        }
        let kind = Self.kind(of: object.raw)
        if let expected, kind != expected {
            var what = "\(path): \(name) is a \(kind), not a \(expected)"
            if kind == .group, let names = childNames(ofGroup: name) { what += " (it holds: \(Self.listing(names)))" }
            throw HDF5Error(what + "; \(recoverySuggestion)")
        }
        return object
    }

    /// The children of the existing group `name`, sorted by name, or `nil` if HDF5 fails.
    func childNames(ofGroup name: String) -> [String]? {
        var info = H5G_info_t()
        guard H5Gget_info_by_name(fileID, name, &info, naskit_H5P_DEFAULT()) >= 0 else { return nil }
        var names: [String] = []
        names.reserveCapacity(Int(info.nlinks))
        for index in 0..<info.nlinks {
            let child = Self.readName { buffer, size in
                H5Lget_name_by_idx(fileID, name, H5_INDEX_NAME, H5_ITER_INC, index, buffer, size, naskit_H5P_DEFAULT())
            }
            guard let child else { return nil }
            names.append(child)
        }
        return names
    }

    /// Reads a name through HDF5's two-call protocol: ask for the length with no buffer, then fill one.
    static func readName(_ call: (UnsafeMutablePointer<CChar>?, Int) -> Int) -> String? {
        let length = call(nil, 0)
        guard length >= 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: length + 1)
        guard buffer.withUnsafeMutableBufferPointer({ call($0.baseAddress, length + 1) }) >= 0 else { return nil }
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// "a, b, c", or "none".
    static func listing(_ names: [String]) -> String {
        names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    private func kindOfExisting(_ name: String) -> HDF5ObjectKind? {
        guard let object = HDF5Identifier(H5Oopen(fileID, name, naskit_H5P_DEFAULT()), close: H5Oclose) else {
            _ = HDF5Library.lastErrorDetail()
            return nil
        }
        return Self.kind(of: object.raw)
    }

    private static func kind(of object: hid_t) -> HDF5ObjectKind {
        switch H5Iget_type(object) {
        case H5I_GROUP: .group
        case H5I_DATASET: .dataset
        default: .other
        }
    }
}

extension HDF5Identifier {
    /// An object-creation property list of `listClass` (`naskit_H5P_DATASET_CREATE()`,
    /// `naskit_H5P_GROUP_CREATE()`, or `naskit_H5P_FILE_CREATE()` for the root group) whose objects record no
    /// creation, modification, access or change time, so that writing the same content twice gives the same
    /// bytes (libhdf5 tracks times by default).
    static func untimedCreationProperties(_ listClass: hid_t) -> HDF5Identifier? {
        guard let list = HDF5Identifier(H5Pcreate(listClass), close: H5Pclose),
            H5Pset_obj_track_times(list.raw, false) >= 0
        else { return nil }
        return list
    }

    /// A link-creation property list that creates missing intermediate groups.
    static func linkCreationProperties() -> HDF5Identifier? {
        guard let list = HDF5Identifier(H5Pcreate(naskit_H5P_LINK_CREATE()), close: H5Pclose),
            H5Pset_create_intermediate_group(list.raw, 1) >= 0
        else { return nil }
        return list
    }
}
