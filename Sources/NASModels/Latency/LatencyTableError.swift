/// Why a latency table cannot answer: names the problem and the fix.
public struct LatencyTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The complete message.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    /// The command that measures a table on this machine.
    static func measureCommand(_ path: String) -> String { "nasrun latency-table --space mnasnet --output \(path)" }

    /// The table at `path` was measured on `table`, not on `current`.
    static func foreignMachine(path: String, table: MachineDescription, current: MachineDescription) -> Self {
        Self(
            "latency table \(path) was measured on \(table), but this machine is \(current); latencies do not "
                + "transfer between machines: measure it here: \(measureCommand(path))")
    }

    /// The table has no entry for `key`.
    static func missingKey(_ key: LatencyKey, position: String) -> Self {
        Self(
            "the latency table has no entry for \(key) (\(position)); it was measured for another skeleton or "
                + "number of classes: measure one for this space: \(measureCommand("FILE"))")
    }
}
