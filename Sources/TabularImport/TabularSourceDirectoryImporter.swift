import TabularBenchmarks

/// Imports a NASKit tabular source directory (``TabularSourceDirectory``), as written by the Python converters of
/// formats only Python reads (`Scripts/convert-nats-bench.py` for the official NATS-Bench / NAS-Bench-201 files).
///
/// The architectures are checked with their space (for `nb201`: NAS-Bench-201 cells in canonical text form, each
/// once); after writing, the table is read back and every value compared with the directory's, and for NB201
/// tables the data README's facts are checked on the rows present (``NB201ReferenceFacts``).
public enum TabularSourceDirectoryImporter {
    /// Reads the directory, writes the table, reads it back and checks it.
    ///
    /// - Parameters:
    ///   - directory: The source directory (holding `manifest.json`).
    ///   - outputPath: The table to write.
    /// - Returns: What was written and checked (the checksum is the manifest's of the original source).
    /// - Throws: ``TabularImportError`` naming the first problem.
    public static func importTable(directory: String, outputPath: String) throws(TabularImportError) -> ImportReport {
        let source = try TabularSourceDirectory(directory: directory)
        if source.manifest.space == "nb201" {
            try NB201TextCheck.requireCanonicalCells(source.architectures, source: directory + "/rows.csv", complete: false)
        }
        let name = outputPath.split(separator: "/").last.map(String.init) ?? outputPath
        let table: TabularBenchmark
        do {
            table = try TabularBenchmark(
                name: name, metadata: source.metadata, architectures: source.architectures,
                sourceIndices: source.sourceIndices, datasetDescriptions: source.manifest.datasets,
                metrics: source.metrics)
            try table.write(to: outputPath)
        } catch {
            throw TabularImportError(error.message)
        }
        let readBack = try TableReadBack.open(outputPath, space: source.manifest.space, expecting: table)
        var compared = 0
        for entry in source.metrics {
            let metric = entry.metric
            let perRow = metric.valuesPerArchitecture
            for position in 0..<perRow {
                let column: TabularColumn
                do {
                    column = try readBack.column(metric: metric.name, dataset: metric.dataset, epoch: metric.epochs?[position])
                } catch {
                    throw TabularImportError("\(name) read back without \(metric.dataset)/\(metric.name): \(error.message)")
                }
                for row in 0..<readBack.rowCount {
                    let expected = entry.values[row * perRow + position]
                    let read = readBack[column, row]
                    guard read.bitPattern == expected.bitPattern || (read.isNaN && expected.isNaN) else {
                        throw TabularImportError(
                            "\(name) read back \(read) for row \(row), \(column), but the source has \(expected); "
                                + "the table is not faithful, do not use it")
                    }
                    compared += 1
                }
            }
        }
        let facts = source.manifest.space == "nb201" ? try NB201ReferenceFacts.check(readBack) : []
        return ImportReport(
            tablePath: outputPath, rowCount: readBack.rowCount, metricCount: readBack.metrics.count,
            comparedValues: compared, sourceSHA256: source.manifest.sourceSha256, checkedFacts: facts)
    }
}
