import Foundation

extension LatencyTable {
    /// The table as JSON: pretty-printed, keys sorted, entries in key order (the same table gives the same bytes).
    public func jsonData() throws(LatencyTableError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw LatencyTableError("cannot encode the latency table: \(error)")
        }
    }

    /// Writes ``jsonData()`` followed by a newline to `path`.
    ///
    /// - Throws: ``LatencyTableError`` naming the path when it cannot be written.
    public func write(to path: String) throws(LatencyTableError) {
        do {
            try (jsonData() + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let error as LatencyTableError {
            throw error
        } catch {
            throw LatencyTableError(
                "cannot write the latency table to \(path): \(error.localizedDescription); choose a writable --output")
        }
    }

    /// Reads a table and checks that it was measured on this machine.
    ///
    /// - Parameters:
    ///   - path: a file written by ``write(to:)``.
    ///   - currentMachine: the machine the table will be used on (this one unless a test says otherwise).
    /// - Throws: ``LatencyTableError`` when the file cannot be read or decoded, or when it was measured on another
    ///   machine (another CPU model or logical core count), naming both machines and the command that measures it
    ///   here.
    public static func load(
        from path: String, currentMachine: MachineDescription = .current()
    ) throws(LatencyTableError) -> LatencyTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LatencyTableError(
                "cannot read latency table \(path): \(error.localizedDescription); measure one: "
                    + measureCommand(path))
        }
        let table: LatencyTable
        do {
            table = try JSONDecoder().decode(LatencyTable.self, from: data)
        } catch {
            throw LatencyTableError(
                "\(path) is not a latency table (\(error)); measure one: " + measureCommand(path))
        }
        guard table.provenance.machine.isSameMachine(as: currentMachine) else {
            throw LatencyTableError.foreignMachine(
                path: path, table: table.provenance.machine, current: currentMachine)
        }
        return table
    }

    private static func measureCommand(_ path: String) -> String { LatencyTableError.measureCommand(path) }
}
