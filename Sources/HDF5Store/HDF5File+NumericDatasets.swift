internal import CHDF5

extension HDF5File {
    /// Writes `array` as a new dataset at `path`, creating missing groups above it.
    ///
    /// - Parameters:
    ///   - array: The shape and elements; rank 0 and zero extents are allowed.
    ///   - path: Where to put the dataset, e.g. "/cifar10/test_acc"; nothing may exist there yet.
    ///   - layout: Contiguous (default), chunked, or chunked and gzip-compressed.
    /// - Throws: ``HDF5Error`` if the file is read-only, the path is taken, or the layout does not fit.
    /// - Complexity: O(n) in the number of elements (plus compression).
    public func write<Element: HDF5Numeric>(
        _ array: HDF5Array<Element>, to path: String, layout: HDF5Layout = .contiguous
    ) throws(HDF5Error) {
        try withLibraryLock { () throws(HDF5Error) in
            let memoryType = Element.hdf5ScalarType.nativeType
            try createDataset(
                at: path, shape: array.shape, fileType: memoryType, elementSize: MemoryLayout<Element>.stride,
                layout: layout
            ) { dataset in
                array.values.withUnsafeBytes { bytes in
                    H5Dwrite(
                        dataset, memoryType, naskit_H5S_ALL(), naskit_H5S_ALL(), naskit_H5P_DEFAULT(), bytes.baseAddress
                    )
                }
            }
        }
    }

    /// Reads the whole dataset at `path`, whose stored type must be `type` (no conversion is made).
    ///
    /// - Parameters:
    ///   - type: The element type, e.g. `Float.self`.
    ///   - path: The dataset's path.
    /// - Returns: The dataset's shape and elements.
    /// - Throws: ``HDF5Error`` if there is no dataset at `path` (listing what is there) or it holds another
    ///   type (naming both).
    public func read<Element: HDF5Numeric>(_ type: Element.Type, at path: String) throws(HDF5Error) -> HDF5Array<
        Element
    > {
        try withLibraryLock { () throws(HDF5Error) in
            let name = try normalized(path)
            let dataset = try openObject(at: name, expecting: .dataset)
            try requireStoredType(.numeric(Element.hdf5ScalarType), of: dataset.raw, name: name)
            let shape = try datasetShape(dataset.raw, name: name)
            let count = shape.reduce(1, *)
            var status: herr_t = 0
            let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
                if count > 0 {
                    status = H5Dread(
                        dataset.raw, Element.hdf5ScalarType.nativeType, naskit_H5S_ALL(), naskit_H5S_ALL(),
                        naskit_H5P_DEFAULT(), buffer.baseAddress)
                }
                initialized = status >= 0 ? count : 0
            }
            guard status >= 0 else { throw .failed("read dataset \(name)", in: self.path) }
            return HDF5Array(shape: shape, values: values)
        }
    }

    /// The shape of the dataset at `path`, read without reading its elements.
    ///
    /// - Throws: ``HDF5Error`` if there is no dataset at `path`.
    public func shape(at path: String) throws(HDF5Error) -> [Int] {
        try withLibraryLock { () throws(HDF5Error) in
            let name = try normalized(path)
            let dataset = try openObject(at: name, expecting: .dataset)
            return try datasetShape(dataset.raw, name: name)
        }
    }

    /// How the dataset at `path` is stored: its chunk shape (`nil` when not chunked) and gzip level (`nil`
    /// when not compressed).
    ///
    /// - Throws: ``HDF5Error`` if there is no dataset at `path`.
    public func layout(at path: String) throws(HDF5Error) -> HDF5Layout {
        try withLibraryLock { () throws(HDF5Error) in
            let name = try normalized(path)
            let dataset = try openObject(at: name, expecting: .dataset)
            guard let properties = HDF5Identifier(H5Dget_create_plist(dataset.raw), close: H5Pclose) else {
                throw .failed("read the layout of \(name)", in: self.path)
            }
            guard H5Pget_layout(properties.raw) == H5D_CHUNKED else { return .contiguous }
            var chunk = [hsize_t](repeating: 0, count: 32)
            let rank = Int(H5Pget_chunk(properties.raw, 32, &chunk))
            guard rank > 0 else { throw .failed("read the chunk shape of \(name)", in: self.path) }
            var flags: UInt32 = 0
            var parameterCount = 1
            var parameters: [UInt32] = [0]
            var configuration: UInt32 = 0
            let level: Int? =
                H5Pget_filter_by_id2(
                    properties.raw, H5Z_FILTER_DEFLATE, &flags, &parameterCount, &parameters, 0, nil, &configuration)
                    >= 0
                ? Int(parameters[0]) : nil
            _ = HDF5Library.lastErrorDetail()  // "filter not in pipeline" is not an error here
            return HDF5Layout(chunkShape: chunk.prefix(rank).map { Int($0) }, compressionLevel: level)
        }
    }

    // MARK: Shared by numeric and string datasets

    /// Creates the dataset `path` of `shape` and `fileType`, then fills it with `write` (skipped when empty).
    /// On a failed write the half-made dataset is unlinked again.
    func createDataset(
        at path: String, shape: [Int], fileType: hid_t, elementSize: Int, layout: HDF5Layout,
        write: (hid_t) -> herr_t
    ) throws(HDF5Error) {
        let name = try normalized(path)
        try requireWritable("write dataset \(name)")
        if let kind = objectKind(at: name) {
            throw HDF5Error(
                "\(self.path): cannot write dataset \(name): a \(kind) already exists there (remove it first)")
        }
        guard let space = HDF5Identifier.dataspace(shape: shape),
            let creation = HDF5Identifier.untimedCreationProperties(naskit_H5P_DATASET_CREATE()),
            let linkProperties = HDF5Identifier.linkCreationProperties()
        else { throw .failed("prepare dataset \(name)", in: self.path) }
        try configure(creation.raw, layout: layout, shape: shape, elementSize: elementSize, name: name)
        guard
            let dataset = HDF5Identifier(
                H5Dcreate2(fileID, name, fileType, space.raw, linkProperties.raw, creation.raw, naskit_H5P_DEFAULT()),
                close: H5Dclose)
        else { throw .failed("create dataset \(name)", in: self.path) }
        guard shape.reduce(1, *) == 0 || write(dataset.raw) >= 0 else {
            let error = HDF5Error.failed("write dataset \(name)", in: self.path)
            _ = consume dataset
            _ = H5Ldelete(fileID, name, naskit_H5P_DEFAULT())
            throw error
        }
    }

    /// The shape of an open dataset's dataspace.
    func datasetShape(_ dataset: hid_t, name: String) throws(HDF5Error) -> [Int] {
        guard let space = HDF5Identifier(H5Dget_space(dataset), close: H5Sclose) else {
            throw .failed("read the shape of \(name)", in: path)
        }
        return try shape(ofSpace: space.raw, object: "dataset \(name)")
    }

    /// The shape of a dataspace: `[]` for a scalar; throws for a null dataspace (h5py's `Empty`).
    func shape(ofSpace space: hid_t, object: String) throws(HDF5Error) -> [Int] {
        switch H5Sget_simple_extent_type(space) {
        case H5S_SCALAR:
            return []
        case H5S_SIMPLE:
            let rank = Int(H5Sget_simple_extent_ndims(space))
            var dimensions = [hsize_t](repeating: 0, count: max(rank, 0))
            guard rank >= 0, H5Sget_simple_extent_dims(space, &dimensions, nil) >= 0 else {
                throw .failed("read the shape of \(object)", in: path)
            }
            var count = 1
            for extent in dimensions {
                let (product, overflow) = count.multipliedReportingOverflow(by: Int(clamping: extent))
                guard !overflow, extent <= UInt64(Int.max) else {
                    throw HDF5Error(
                        "\(path): \(object) has an impossible shape \(dimensions); the file is corrupt, \(recoverySuggestion)"
                    )
                }
                count = product
            }
            return dimensions.map { Int($0) }
        default:
            throw HDF5Error("\(path): \(object) holds no data (null dataspace)")
        }
    }

    /// Throws unless the datatype of `dataset` is `expected`, naming both types.
    func requireStoredType(_ expected: HDF5StoredType, of dataset: hid_t, name: String) throws(HDF5Error) {
        guard let type = HDF5Identifier(H5Dget_type(dataset), close: H5Tclose) else {
            throw .failed("read the type of \(name)", in: path)
        }
        let stored = HDF5StoredType(type: type.raw)
        let matches =
            switch (stored, expected) {
            case (.string, .string): true
            default: stored == expected
            }
        guard matches else {
            let advice =
                switch stored {
                case .numeric(let type): "read it as \(type)"
                case .string: "read it as String"
                default: "HDF5Store cannot read this type"
                }
            let requested = if case .string = expected { "String" } else { "\(expected)" }
            throw HDF5Error("\(path): dataset \(name) holds \(stored) values, not \(requested); \(advice)")
        }
    }

    private func configure(
        _ creation: hid_t, layout: HDF5Layout, shape: [Int], elementSize: Int, name: String
    ) throws(HDF5Error) {
        if let level = layout.compressionLevel, !(0...9).contains(level) {
            throw HDF5Error("\(path): cannot write dataset \(name): gzip level \(level) is not in 0...9")
        }
        guard let chunk = layout.resolvedChunkShape(for: shape, elementSize: elementSize) else { return }
        guard chunk.count == shape.count, zip(chunk, shape).allSatisfy({ $0 > 0 && $0 <= $1 }) else {
            throw HDF5Error(
                "\(path): cannot write dataset \(name): chunk shape \(chunk) does not fit shape \(shape) "
                    + "(same rank, extents from 1 to the dataset's)")
        }
        let extents = chunk.map { hsize_t($0) }
        guard H5Pset_chunk(creation, Int32(extents.count), extents) >= 0 else {
            throw .failed("chunk dataset \(name)", in: path)
        }
        if let level = layout.compressionLevel {
            guard H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0, H5Pset_deflate(creation, UInt32(level)) >= 0 else {
                throw .failed("compress dataset \(name) (is HDF5 built with zlib?)", in: path)
            }
        }
    }
}

extension HDF5Identifier {
    /// A scalar dataspace for shape `[]`, otherwise a simple one with these extents.
    static func dataspace(shape: [Int]) -> HDF5Identifier? {
        if shape.isEmpty { return HDF5Identifier(H5Screate(H5S_SCALAR), close: H5Sclose) }
        let extents = shape.map { hsize_t($0) }
        return HDF5Identifier(H5Screate_simple(Int32(extents.count), extents, nil), close: H5Sclose)
    }
}
