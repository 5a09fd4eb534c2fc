import Seeding
/// A comma-separated file with a header line, read whole: the sources' own CSVs (NAS-Bench-201's from the shared
/// data folder) and the intermediate CSVs that NASKit's Python converters write.
///
/// Lines end with LF or CRLF. Fields are plain text without quotes (none of these files quotes; a quote is refused rather than misread).
/// Numbers are parsed with `Double(_:)` (correctly rounded, so Python's `repr` of a float reads back to the same
/// bits); an empty field or `nan` is a missing value.
struct CSVTable {
    /// The file's path, for messages.
    let path: String
    /// The header's column names.
    let header: [String]
    /// Each data line's fields.
    let rows: [[Substring]]

    /// Reads and splits the file.
    ///
    /// - Throws: ``TabularImportError`` if the file cannot be read, is empty, holds a quote, or a line has another
    ///   number of fields than the header.
    init(path: String) throws(TabularImportError) {
        guard let bytes = SHA256.readFile(path) else {
            throw TabularImportError("cannot read \(path); check the path")
        }
        try self.init(path: path, text: String(decoding: bytes, as: UTF8.self))
    }

    init(path: String, text: String) throws(TabularImportError) {
        // Split on bytes: in Swift's characters "\r\n" is one grapheme, not "\r" followed by "\n".
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            Substring($0)
        }
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, !first.isEmpty else { throw TabularImportError("\(path) is empty; expected a CSV header line") }
        if let quoted = lines.firstIndex(where: { $0.contains("\"") }) {
            throw TabularImportError(
                "\(path) line \(quoted + 1) holds a quote; this reader takes unquoted fields only")
        }
        let strip: (Substring) -> Substring = { $0.last == "\r" ? $0.dropLast() : $0 }
        header = strip(first).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var rows: [[Substring]] = []
        rows.reserveCapacity(lines.count - 1)
        for (offset, line) in lines.dropFirst().enumerated() {
            let fields = strip(line).split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw TabularImportError(
                    "\(path) line \(offset + 2) has \(fields.count) fields, the header \(header.count); the file is "
                        + "damaged or truncated")
            }
            rows.append(fields)
        }
        self.path = path
        self.rows = rows
    }

    /// Throws unless the header is exactly `expected`.
    func requireHeader(_ expected: [String]) throws(TabularImportError) {
        guard header == expected else {
            throw TabularImportError(
                "\(path) has the columns \(header.joined(separator: ",")); expected \(expected.joined(separator: ","))")
        }
    }

    /// The position of `column` in the header.
    func position(of column: String) throws(TabularImportError) -> Int {
        guard let position = header.firstIndex(of: column) else {
            throw TabularImportError("\(path) has no column \(column) (columns: \(header.joined(separator: ", ")))")
        }
        return position
    }

    /// Every row's number in `column`: NaN for an empty field or `nan`.
    ///
    /// - Throws: ``TabularImportError`` naming the line and text of a field that is not a number.
    func numbers(in column: String) throws(TabularImportError) -> [Double] {
        let position = try position(of: column)
        var values: [Double] = []
        values.reserveCapacity(rows.count)
        for (offset, row) in rows.enumerated() {
            let field = row[position]
            if field.isEmpty || field == "nan" || field == "NaN" {
                values.append(.nan)
            } else if let value = Double(field), value.isFinite {
                values.append(value)
            } else {
                throw TabularImportError(
                    "\(path) line \(offset + 2), column \(column): '\(field)' is not a number")
            }
        }
        return values
    }

    /// Every row's text in `column`.
    func texts(in column: String) throws(TabularImportError) -> [String] {
        let position = try position(of: column)
        return rows.map { String($0[position]) }
    }
}
