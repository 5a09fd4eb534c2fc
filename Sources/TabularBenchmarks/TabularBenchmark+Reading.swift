import HDF5Store

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TabularBenchmark {
    /// Reads a tabular benchmark file completely into memory and closes it.
    ///
    /// Every part of the layout is checked (``TabularSchema``): the root attributes, one architecture per row,
    /// every metric a float64 dataset of `rows` or `(rows, epochs)` values with its attributes.
    ///
    /// - Parameters:
    ///   - path: The HDF5 file.
    ///   - space: The space the caller expects (`"nb201"`), or `nil` to accept any.
    ///   - recoverySuggestion: What messages about a missing or damaged file advise.
    /// - Returns: The table, with ``name`` the file's name.
    /// - Throws: ``TabularBenchmarkError`` if the file is missing, not HDF5, truncated, not a NASKit table, of
    ///   another schema version or space, or malformed; the message names the file, the part and the fix.
    /// - Complexity: O(file size); the NAS-Bench-201 table opens in milliseconds.
    public static func open(
        path: String, space: String? = nil,
        recoverySuggestion: String = "re-create it with Scripts/import-tables.sh"
    ) throws(TabularBenchmarkError) -> TabularBenchmark {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard access(path, F_OK) == 0 else {
            throw TabularBenchmarkError("no tabular benchmark at \(path); \(recoverySuggestion)")
        }
        let reader = try TableFileReader(path: path, name: name, recoverySuggestion: recoverySuggestion)
        return try reader.read(expectingSpace: space)
    }
}

/// Reads and checks one table file; every HDF5 failure becomes a ``TabularBenchmarkError``.
private struct TableFileReader {
    let file: HDF5File
    let name: String
    let recoverySuggestion: String

    init(path: String, name: String, recoverySuggestion: String) throws(TabularBenchmarkError) {
        do {
            file = try HDF5File(path: path, mode: .readOnly, recoverySuggestion: recoverySuggestion)
        } catch {
            throw TabularBenchmarkError("cannot open the tabular benchmark: \(error.message)")
        }
        self.name = name
        self.recoverySuggestion = recoverySuggestion
    }

    func read(expectingSpace expectedSpace: String?) throws(TabularBenchmarkError) -> TabularBenchmark {
        let schema =
            file.attributeNamesOrEmpty.contains(TabularSchema.schemaAttribute)
            ? try attribute(TabularSchema.schemaAttribute, at: "/") : nil
        guard case .string(TabularSchema.identifier) = schema else {
            throw malformed(
                "is not a NASKit tabular benchmark (its root attribute '\(TabularSchema.schemaAttribute)' is not "
                    + "\"\(TabularSchema.identifier)\")")
        }
        let version = try integerAttribute(TabularSchema.versionAttribute, at: "/")
        guard version == TabularSchema.version else {
            throw TabularBenchmarkError(
                "\(name) has schema version \(version), this build reads version \(TabularSchema.version); "
                    + "\(recoverySuggestion) with this build")
        }
        let metadata = TabularMetadata(
            space: try stringAttribute(TabularSchema.spaceAttribute, at: "/"),
            description: try stringAttribute(TabularSchema.descriptionAttribute, at: "/"),
            source: try stringAttribute(TabularSchema.sourceAttribute, at: "/"),
            sourceFile: try stringAttribute(TabularSchema.sourceFileAttribute, at: "/"),
            sourceSHA256: try stringAttribute(TabularSchema.sourceChecksumAttribute, at: "/"),
            importCommand: try stringAttribute(TabularSchema.importCommandAttribute, at: "/"))
        if let expectedSpace, metadata.space != expectedSpace {
            throw TabularBenchmarkError(
                "\(name) is a table of space \(metadata.space), not \(expectedSpace); choose a table of "
                    + "\(expectedSpace)")
        }

        let architecturesPath = "/" + TabularSchema.architecturesDataset
        let architectures = try strings(at: architecturesPath)
        guard architectures.shape.count == 1 else {
            throw malformed("has \(architecturesPath) of shape \(architectures.shape); it must be one string per row")
        }
        let rowCount = architectures.values.count

        var sourceIndices: [Int]?
        let sourceIndexPath = "/" + TabularSchema.sourceIndexDataset
        if file.objectKind(at: sourceIndexPath) != nil {
            let indices = try numbers(Int64.self, at: sourceIndexPath)
            guard indices.shape == [rowCount] else {
                throw malformed("has \(sourceIndexPath) of shape \(indices.shape); it must hold \(rowCount) indices")
            }
            sourceIndices = indices.values.map { Int($0) }
        }

        var metrics: [TabularMetricValues] = []
        var datasetDescriptions: [String: String] = [:]
        let rootChildren = try children(of: "/")
        for dataset in rootChildren where !TabularSchema.reservedNames.contains(dataset) {
            let group = "/" + dataset
            guard file.objectKind(at: group) == .group else {
                throw malformed("has a \(file.objectKind(at: group).map { "\($0)" } ?? "object") \(group) at the "
                    + "root; only \(TabularSchema.reservedNames.sorted().joined(separator: ", ")) and dataset "
                    + "groups belong there")
            }
            datasetDescriptions[dataset] = try stringAttribute(TabularSchema.descriptionAttribute, at: group)
            let metricNames = try children(of: group)
            guard !metricNames.isEmpty else { throw malformed("has no metrics in the dataset group \(group)") }
            for metric in metricNames {
                metrics.append(try readMetric(metric, dataset: dataset, rowCount: rowCount))
            }
        }
        guard !metrics.isEmpty else { throw malformed("has no dataset groups, so no metrics") }
        do {
            return try TabularBenchmark(
                name: name, metadata: metadata, architectures: architectures.values, sourceIndices: sourceIndices,
                datasetDescriptions: datasetDescriptions, metrics: metrics)
        } catch {
            throw TabularBenchmarkError("\(error.message); \(recoverySuggestion)")
        }
    }

    private func readMetric(_ metric: String, dataset: String, rowCount: Int) throws(TabularBenchmarkError)
        -> TabularMetricValues
    {
        let path = "/\(dataset)/\(metric)"
        let array = try numbers(Double.self, at: path)
        let attributes = file.attributeNamesOrEmpty(at: path)
        var epochs: [Int]?
        var meaning = TabularMetric.EpochMeaning.budget
        if attributes.contains(TabularSchema.epochsAttribute) {
            let text = try stringAttribute(TabularSchema.epochsAttribute, at: path)
            guard let parsed = TabularSchema.parseEpochs(text) else {
                throw malformed("has \(path) with epochs \"\(text)\"; write positive ascending epochs as \"12,200\"")
            }
            epochs = parsed
            let meaningText = try stringAttribute(TabularSchema.epochMeaningAttribute, at: path)
            guard let parsedMeaning = TabularMetric.EpochMeaning(rawValue: meaningText) else {
                throw malformed("has \(path) with epoch_meaning \"\(meaningText)\"; it must be budget or curve")
            }
            meaning = parsedMeaning
        }
        let expectedShape = epochs.map { [rowCount, $0.count] } ?? [rowCount]
        guard array.shape == expectedShape else {
            let epochNote = epochs.map { " and epochs \"\(TabularSchema.formatEpochs($0))\"" } ?? " (final values)"
            throw malformed(
                "has \(path) of shape \(array.shape), but \(rowCount) architectures\(epochNote) need shape "
                    + "\(expectedShape)")
        }
        var direction: TabularMetric.Direction?
        if attributes.contains(TabularSchema.directionAttribute) {
            let text = try stringAttribute(TabularSchema.directionAttribute, at: path)
            guard let parsed = TabularMetric.Direction(rawValue: text) else {
                throw malformed("has \(path) with direction \"\(text)\"; it must be maximize or minimize")
            }
            direction = parsed
        }
        let description = TabularMetric(
            name: metric, dataset: dataset, unit: try stringAttribute(TabularSchema.unitAttribute, at: path),
            description: try stringAttribute(TabularSchema.descriptionAttribute, at: path),
            source: try stringAttribute(TabularSchema.sourceAttribute, at: path), epochs: epochs,
            epochMeaning: meaning, direction: direction)
        return TabularMetricValues(metric: description, values: array.values)
    }

    // MARK: Attributes and errors

    private func stringAttribute(_ attribute: String, at path: String) throws(TabularBenchmarkError) -> String {
        let value = try self.attribute(attribute, at: path)
        guard case .string(let text) = value else {
            throw malformed("has attribute '\(attribute)' of \(path) = \(value); it must be a string")
        }
        return text
    }

    private func integerAttribute(_ attribute: String, at path: String) throws(TabularBenchmarkError) -> Int64 {
        let value = try self.attribute(attribute, at: path)
        guard case .int64(let number) = value else {
            throw malformed("has attribute '\(attribute)' of \(path) = \(value); it must be an integer")
        }
        return number
    }

    private func malformed(_ problem: String) -> TabularBenchmarkError {
        TabularBenchmarkError("\(name) \(problem); \(recoverySuggestion)")
    }

    // Each HDF5Store call turns its error into a table error (HDF5Store's messages name the file and object).

    private func attribute(_ attribute: String, at path: String) throws(TabularBenchmarkError) -> HDF5AttributeValue {
        do { return try file.attribute(attribute, at: path) } catch { throw damaged(error) }
    }

    private func strings(at path: String) throws(TabularBenchmarkError) -> HDF5Array<String> {
        do { return try file.read(String.self, at: path) } catch { throw damaged(error) }
    }

    private func numbers<Element: HDF5Numeric>(_ type: Element.Type, at path: String) throws(TabularBenchmarkError)
        -> HDF5Array<Element>
    {
        do { return try file.read(type, at: path) } catch { throw damaged(error) }
    }

    private func children(of path: String) throws(TabularBenchmarkError) -> [String] {
        do { return try file.children(of: path) } catch { throw damaged(error) }
    }

    private func damaged(_ error: HDF5Error) -> TabularBenchmarkError {
        TabularBenchmarkError("malformed tabular benchmark \(error.message)")
    }
}

extension HDF5File {
    /// The attribute names at `path`, or none when they cannot be listed (the caller then reports what is missing).
    fileprivate func attributeNamesOrEmpty(at path: String = "/") -> [String] {
        (try? attributeNames(at: path)) ?? []
    }

    fileprivate var attributeNamesOrEmpty: [String] { attributeNamesOrEmpty(at: "/") }
}
