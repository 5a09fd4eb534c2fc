/// The names and version of NASKit's HDF5 layout for tabular benchmarks, described in
/// `Docs/TabularBenchmarks.md` (the layout) and `SearchSpaces/<space>/SCHEMA.md` (what one space's tables hold).
///
/// ```
/// /                      attributes: schema, schema_version, space, description, source, source_file,
///                                    source_sha256, import_command
/// /architectures         string (rows)         the architecture of each row, in the space's text form
/// /source_index          int64 (rows)          optional: each row's index in the source (NAS-Bench-201 index)
/// /<dataset>/            group                 attributes: description
/// /<dataset>/<metric>    float64 (rows)        a final value per architecture, or
///                        float64 (rows, E)     one value per stored epoch, with attribute epochs = "12,200"
///                                              attributes: unit, description, source, [epochs, epoch_meaning,
///                                              direction]; NaN marks a missing value
/// ```
public enum TabularSchema {
    /// The layout version this build reads and writes; a file of another version is refused.
    public static let version: Int64 = 1
    /// The value of the root attribute `schema` that marks a NASKit tabular benchmark.
    public static let identifier = "naskit-tabular-benchmark"

    /// The metric whose values are the cumulative training time in seconds up to each stored epoch; when a
    /// dataset has it, ``CostTracker`` charges it (otherwise it charges epochs).
    public static let trainingTimeMetric = "train_time"

    // Root attributes.
    static let schemaAttribute = "schema"
    static let versionAttribute = "schema_version"
    static let spaceAttribute = "space"
    static let descriptionAttribute = "description"
    static let sourceAttribute = "source"
    static let sourceFileAttribute = "source_file"
    static let sourceChecksumAttribute = "source_sha256"
    static let importCommandAttribute = "import_command"

    // Root datasets.
    static let architecturesDataset = "architectures"
    static let sourceIndexDataset = "source_index"

    // Metric attributes.
    static let unitAttribute = "unit"
    static let epochsAttribute = "epochs"
    static let epochMeaningAttribute = "epoch_meaning"
    static let directionAttribute = "direction"

    /// Names that cannot be datasets because the root uses them.
    static let reservedNames: Set<String> = [architecturesDataset, sourceIndexDataset]

    /// Whether `name` can name a dataset group or a metric: non-empty, printable ASCII without `/`, not `.`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".."
            && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: ",") }
    }

    /// The `epochs` attribute's text: ascending epochs joined by commas, "12,200".
    static func formatEpochs(_ epochs: [Int]) -> String {
        epochs.map(String.init).joined(separator: ",")
    }

    /// Parses an `epochs` attribute: positive, strictly ascending integers joined by commas; `nil` otherwise.
    static func parseEpochs(_ text: String) -> [Int]? {
        var epochs: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let epoch = Int(part), epoch > 0, epoch > (epochs.last ?? 0) else { return nil }
            epochs.append(epoch)
        }
        return epochs.isEmpty ? nil : epochs
    }
}
