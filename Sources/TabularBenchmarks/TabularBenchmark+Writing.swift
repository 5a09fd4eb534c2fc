import HDF5Store

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TabularBenchmark {
    /// Writes the table as an HDF5 file in ``TabularSchema``'s layout, replacing `path`.
    ///
    /// The file is written beside `path` under a temporary name and renamed into place, so a failure leaves
    /// no half-written table. Objects and attributes are written in a fixed order (datasets and metrics sorted
    /// by name), so the same table gives a file with the same contents.
    ///
    /// - Throws: ``TabularBenchmarkError`` naming the file if HDF5 cannot write it or the rename fails.
    /// - Complexity: O(total values + rows).
    public func write(to path: String) throws(TabularBenchmarkError) {
        let temporary = path + ".partial"
        do {
            try writeFile(at: temporary)
        } catch {
            unlink(temporary)
            throw TabularBenchmarkError("cannot write the tabular benchmark \(path): \(error.message)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TabularBenchmarkError("cannot move \(temporary) to \(path): \(reason)")
        }
    }

    private func writeFile(at path: String) throws(HDF5Error) {
        let file = try HDF5File(path: path, mode: .truncate)
        let root: [(String, HDF5AttributeValue)] = [
            (TabularSchema.schemaAttribute, .string(TabularSchema.identifier)),
            (TabularSchema.versionAttribute, .int64(TabularSchema.version)),
            (TabularSchema.spaceAttribute, .string(metadata.space)),
            (TabularSchema.descriptionAttribute, .string(metadata.description)),
            (TabularSchema.sourceAttribute, .string(metadata.source)),
            (TabularSchema.sourceFileAttribute, .string(metadata.sourceFile)),
            (TabularSchema.sourceChecksumAttribute, .string(metadata.sourceSHA256)),
            (TabularSchema.importCommandAttribute, .string(metadata.importCommand)),
        ]
        for (name, value) in root { try file.setAttribute(name, to: value) }
        try file.write(HDF5Array(architectures), to: "/" + TabularSchema.architecturesDataset)
        if let sourceIndices {
            try file.write(HDF5Array(sourceIndices.map { Int64($0) }), to: "/" + TabularSchema.sourceIndexDataset)
        }
        for dataset in datasets {
            try file.createGroup(at: "/" + dataset)
            try file.setAttribute(
                TabularSchema.descriptionAttribute, to: .string(datasetDescriptions[dataset] ?? ""), at: "/" + dataset)
        }
        for (position, metric) in metrics.enumerated() {
            let path = "/\(metric.dataset)/\(metric.name)"
            let perRow = metric.valuesPerArchitecture
            var values = [Double](repeating: 0, count: rowCount * perRow)  // (rows, epochs)
            for epochPosition in 0..<perRow {
                let column = metricOffsets[position] + epochPosition * rowCount
                for row in 0..<rowCount { values[row * perRow + epochPosition] = storage[column + row] }
            }
            let shape = metric.epochs == nil ? [rowCount] : [rowCount, perRow]
            try file.write(HDF5Array(shape: shape, values: values), to: path)
            var attributes: [(String, String)] = [
                (TabularSchema.unitAttribute, metric.unit),
                (TabularSchema.descriptionAttribute, metric.description),
                (TabularSchema.sourceAttribute, metric.source),
            ]
            if let epochs = metric.epochs, let meaning = metric.epochMeaning {
                attributes.append((TabularSchema.epochsAttribute, TabularSchema.formatEpochs(epochs)))
                attributes.append((TabularSchema.epochMeaningAttribute, meaning.rawValue))
            }
            if let direction = metric.direction {
                attributes.append((TabularSchema.directionAttribute, direction.rawValue))
            }
            for (name, value) in attributes { try file.setAttribute(name, to: .string(value), at: path) }
        }
        try file.flush()
    }
}
