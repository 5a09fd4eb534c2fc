import NASCore

/// DARTS's text form of a genotype: Python's `repr` of the `Genotype` namedtuple, as `train_search.py` logs it and
/// `genotypes.py` writes it:
///
/// `Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_3x3', 1), ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])`
///
/// ``text(of:)`` writes exactly that (single quotes, `", "` separators, the concatenations as lists). The parser
/// reads the same with any whitespace between tokens, single or double quotes, an optional trailing comma in a
/// list, and a concatenation written `range(2, 6)` (as DARTS's search logs print it). The fields come in that
/// order. Every error names the character position (1-based), the problem and the fix.
extension DARTSSpace {
    /// The form every syntax error shows.
    static let expectedForm =
        "write it as DARTS prints a genotype: Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])"

    /// The operation names a genotype may use, for messages.
    static let validOperations = DARTSOperation.genotypeOperations.map(\.name).joined(separator: ", ")

    /// The text form of `architecture`.
    static func text(of architecture: DARTSArchitecture) -> String {
        func pairs(_ cell: DARTSCell) -> String {
            "[" + cell.edges.map { "('\($0.operation.name)', \($0.input))" }.joined(separator: ", ") + "]"
        }
        let concat = "[" + DARTSCell.concatenatedNodes.map(String.init).joined(separator: ", ") + "]"
        return "Genotype(normal=\(pairs(architecture.normal)), normal_concat=\(concat), "
            + "reduce=\(pairs(architecture.reduction)), reduce_concat=\(concat))"
    }

    /// Parses the text form.
    static func parseGenotype(_ text: String) throws(ArchitectureParseError) -> DARTSArchitecture {
        var scanner = GenotypeScanner(text)
        try scanner.expectWord("Genotype", context: "at the start")
        try scanner.expect("(", context: "after 'Genotype'")
        try scanner.expectField("normal")
        let normal = try scanner.cell(named: "normal")
        try scanner.expect(",", context: "after the normal cell's list")
        try scanner.expectField("normal_concat")
        try scanner.concatenation(named: "normal_concat")
        try scanner.expect(",", context: "after normal_concat")
        try scanner.expectField("reduce")
        let reduction = try scanner.cell(named: "reduce")
        try scanner.expect(",", context: "after the reduce cell's list")
        try scanner.expectField("reduce_concat")
        try scanner.concatenation(named: "reduce_concat")
        scanner.skipOptional(",")
        try scanner.expect(")", context: "after reduce_concat")
        scanner.skipWhitespace()
        if !scanner.atEnd {
            throw scanner.error(at: scanner.position, "unexpected \(scanner.found()) after the closing ')'; remove it")
        }
        return DARTSArchitecture(normal: normal, reduction: reduction)
    }
}

/// A cursor over a genotype's characters that reads its tokens and reports errors at 1-based positions.
struct GenotypeScanner {
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var atEnd: Bool { position >= characters.count }

    func error(at index: Int, _ message: String) -> ArchitectureParseError {
        ArchitectureParseError("darts genotype, character \(index + 1): \(message)")
    }

    func syntaxError(expected: String, context: String) -> ArchitectureParseError {
        error(at: position, "expected \(expected) \(context), found \(found()); \(DARTSSpace.expectedForm)")
    }

    /// What stands at the cursor, for messages: a whole word, one character, or the end of the text.
    func found() -> String {
        guard !atEnd else { return "the end of the text" }
        let word = String(characters[position...].prefix { Self.isWordCharacter($0) })
        return word.isEmpty ? "'\(characters[position])'" : "'\(word)'"
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character == "_" || character.isLetter || character.isNumber
    }

    mutating func skipWhitespace() {
        while !atEnd, characters[position].isWhitespace { position += 1 }
    }

    mutating func skipOptional(_ character: Character) {
        skipWhitespace()
        if !atEnd, characters[position] == character { position += 1 }
    }

    /// Whether the next non-blank character is `character` (not consumed).
    mutating func peek(_ character: Character) -> Bool {
        skipWhitespace()
        return !atEnd && characters[position] == character
    }

    mutating func expect(_ character: Character, context: String) throws(ArchitectureParseError) {
        skipWhitespace()
        guard !atEnd, characters[position] == character else {
            throw syntaxError(expected: "'\(character)'", context: context)
        }
        position += 1
    }

    /// Reads a word (letters, digits, '_'), or an empty string when none starts here.
    mutating func word() -> String {
        skipWhitespace()
        let start = position
        while !atEnd, Self.isWordCharacter(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    mutating func expectWord(_ expected: String, context: String) throws(ArchitectureParseError) {
        skipWhitespace()
        let start = position
        guard word() == expected else {
            position = start
            throw syntaxError(expected: "'\(expected)'", context: context)
        }
    }

    /// Reads `name=`, naming the field order when another field stands here.
    mutating func expectField(_ name: String) throws(ArchitectureParseError) {
        skipWhitespace()
        let start = position
        guard word() == name else {
            position = start
            throw error(
                at: start,
                "expected '\(name)=', found \(found()); the fields come in DARTS's order normal, normal_concat, reduce, reduce_concat; \(DARTSSpace.expectedForm)")
        }
        try expect("=", context: "after '\(name)'")
    }

    /// Reads a non-negative integer and where it starts.
    mutating func integer(context: String) throws(ArchitectureParseError) -> (value: Int, start: Int) {
        skipWhitespace()
        let start = position
        while !atEnd, characters[position].isASCII, characters[position].isNumber { position += 1 }
        guard position > start, position - start <= 9, let value = Int(String(characters[start..<position])) else {
            position = start
            throw syntaxError(expected: "a node number", context: context)
        }
        return (value, start)
    }

    /// Reads a quoted operation name and where it starts.
    mutating func quotedName(context: String) throws(ArchitectureParseError) -> (name: String, start: Int) {
        skipWhitespace()
        let start = position
        guard !atEnd, characters[position] == "'" || characters[position] == "\"" else {
            throw syntaxError(expected: "a quoted operation name such as 'sep_conv_3x3'", context: context)
        }
        let quote = characters[position]
        position += 1
        let nameStart = position
        while !atEnd, characters[position] != quote { position += 1 }
        guard !atEnd else {
            throw error(at: start, "the operation name opened here has no closing \(quote); close it")
        }
        let name = String(characters[nameStart..<position])
        position += 1
        return (name, start)
    }

    /// Reads one cell's list of `(op, input)` pairs and checks it is a cell of the space.
    mutating func cell(named cellName: String) throws(ArchitectureParseError) -> DARTSCell {
        skipWhitespace()
        let listStart = position
        try expect("[", context: "to open the \(cellName) cell's list of (operation, input) pairs")
        var edges: [DARTSEdge] = []
        var starts: [Int] = []
        while !peek("]") {
            let index = "\(cellName)[\(edges.count)]"
            skipWhitespace()
            starts.append(position)
            try expect("(", context: "to open \(index)")
            let (name, nameStart) = try quotedName(context: "as the first element of \(index)")
            guard let operation = DARTSOperation(name: name) else {
                throw error(at: nameStart, "'\(name)' in \(index) is not an operation of the DARTS space; use one of \(DARTSSpace.validOperations)")
            }
            if operation == .none {
                throw error(at: nameStart, "'none' in \(index) cannot be in a genotype (DARTS drops the zero operation when it derives a cell); use one of \(DARTSSpace.validOperations)")
            }
            try expect(",", context: "after the operation name in \(index)")
            let (input, _) = try integer(context: "as the second element of \(index)")
            try expect(")", context: "to close \(index)")
            edges.append(DARTSEdge(operation, input))
            if peek(",") { position += 1 } else if !peek("]") {
                throw syntaxError(expected: "',' or ']'", context: "after \(index)")
            }
        }
        position += 1
        if let problem = DARTSCell.problem(with: edges) {
            throw message(for: problem, cellName: cellName, listStart: listStart, starts: starts)
        }
        return DARTSCell(edges: edges)
    }

    func message(for problem: DARTSCellProblem, cellName: String, listStart: Int, starts: [Int]) -> ArchitectureParseError {
        switch problem {
        case let .edgeCount(count):
            return error(at: listStart, "\(cellName) has \(count) (operation, input) pair\(count == 1 ? "" : "s"); a DARTS cell has 8, two for each of nodes 2 to 5: give 8 pairs")
        case let .zeroOperation(edge):
            return error(at: starts[edge], "'none' in \(cellName)[\(edge)] cannot be in a genotype; use one of \(DARTSSpace.validOperations)")
        case let .inputOutOfRange(edge, input):
            let node = DARTSCell.node(ofEdge: edge)
            return error(at: starts[edge], "\(cellName)[\(edge)] takes input \(input), but it feeds node \(node), which reads inputs 0 to \(node - 1) (0 and 1 the two previous cells, 2 and up the earlier nodes); change the input")
        case let .repeatedInput(edge, input):
            let node = DARTSCell.node(ofEdge: edge)
            return error(at: starts[edge], "\(cellName)[\(edge - 1)] and \(cellName)[\(edge)] (node \(node)'s two inputs) both take input \(input); DARTS keeps two distinct inputs per node: change one of them")
        }
    }

    /// Reads a concatenation, `[2, 3, 4, 5]` or `range(2, 6)`, and checks it is nodes 2 to 5.
    mutating func concatenation(named fieldName: String) throws(ArchitectureParseError) {
        skipWhitespace()
        let start = position
        var nodes: [Int] = []
        if peek("[") {
            position += 1
            while !peek("]") {
                nodes.append(try integer(context: "in \(fieldName)").value)
                if peek(",") { position += 1 } else if !peek("]") {
                    throw syntaxError(expected: "',' or ']'", context: "in \(fieldName)")
                }
            }
            position += 1
        } else if word() == "range" {
            try expect("(", context: "after 'range'")
            let lower = try integer(context: "as range's start in \(fieldName)").value
            try expect(",", context: "after range's start in \(fieldName)")
            let upper = try integer(context: "as range's end in \(fieldName)").value
            try expect(")", context: "to close range in \(fieldName)")
            nodes = lower < upper ? Array(lower..<upper) : []
        } else {
            position = start
            throw syntaxError(expected: "a list such as [2, 3, 4, 5] or range(2, 6)", context: "as \(fieldName)")
        }
        guard nodes == DARTSCell.concatenatedNodes else {
            let listed = "[" + nodes.map(String.init).joined(separator: ", ") + "]"
            throw error(at: start, "\(fieldName) is \(listed); this space concatenates nodes 2 to 5: write [2, 3, 4, 5] (or range(2, 6))")
        }
    }
}
