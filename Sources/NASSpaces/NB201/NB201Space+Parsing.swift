import NASCore

/// NAS-Bench-201's text form: one `|op~i|...|` group per node 1, 2, 3, joined by `+`; node j lists its inputs
/// `~0` to `~(j-1)` in that order, e.g.
/// `|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|`.
extension NB201Space {
    /// The form every message shows.
    static let expectedForm = "|op~0|+|op~0|op~1|+|op~0|op~1|op~2| (nodes 1, 2, 3 with their inputs from nodes 0..j-1 in order)"

    /// The valid operation names, for messages.
    static let validOperations = NB201Operation.allCases.map(\.name).joined(separator: ", ")

    /// The text form of `architecture`.
    static func text(of architecture: NB201Architecture) -> String {
        var text = ""
        for target in 1...3 {
            if target > 1 { text += "+" }
            text += "|"
            for source in 0..<target {
                text += architecture.operation(from: source, to: target).name + "~\(source)|"
            }
        }
        return text
    }

    /// Parses the text form (surrounding whitespace is ignored).
    static func parseCell(_ rawText: String) throws(ArchitectureParseError) -> NB201Architecture {
        let text = rawText.trimmingWhitespace()
        func failure(_ problem: String) -> ArchitectureParseError {
            ArchitectureParseError("nb201: \(problem) in \"\(text)\"; expected \(expectedForm)")
        }
        if text.isEmpty {
            throw ArchitectureParseError("nb201: empty architecture text; expected \(expectedForm)")
        }
        let groups = text.split(separator: "+", omittingEmptySubsequences: false)
        guard groups.count == 3 else {
            throw failure("\(groups.count) node group\(groups.count == 1 ? "" : "s") separated by '+', a cell has 3 (nodes 1, 2, 3)")
        }
        var operations: [NB201Operation] = []
        for (position, group) in groups.enumerated() {
            let target = position + 1
            guard group.count >= 2, group.first == "|", group.last == "|" else {
                throw failure("node \(target)'s group \"\(group)\" does not start and end with '|'")
            }
            let entries = group.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
            guard entries.count == target else {
                throw failure("node \(target) has \(entries.count) input\(entries.count == 1 ? "" : "s"), it needs \(target) (from nodes 0..\(target - 1))")
            }
            for (source, entry) in entries.enumerated() {
                let parts = entry.split(separator: "~", omittingEmptySubsequences: false)
                guard parts.count == 2, let node = Int(parts[1]) else {
                    throw failure("node \(target)'s input \"\(entry)\" is not op~node")
                }
                guard let operation = NB201Operation(name: String(parts[0])) else {
                    throw failure("unknown operation \"\(parts[0])\" on node \(target)'s input from node \(node) (valid operations: \(validOperations))")
                }
                guard node == source else {
                    throw failure("node \(target)'s input \(source + 1) of \(target) is from node ~\(node), expected ~\(source) (node \(target) reads nodes ~0..~\(target - 1), in that order)")
                }
                operations.append(operation)
            }
        }
        return NB201Architecture(operations: operations)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    fileprivate func trimmingWhitespace() -> String {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
