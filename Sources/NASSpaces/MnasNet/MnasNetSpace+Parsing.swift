import NASCore

extension MnasNetSpace {
    /// The form of one block, as parse errors print it.
    static let blockForm = "e<expansion 1|3|6>k<kernel 3|5>se<0|1>n<layers 1|2|3><r|->"

    /// Writes the text form: blocks joined by `|`, each `e<expansion>k<kernel>se<0|1>n<layers><r|->` (`r`: identity
    /// residual, `-`: no skip), e.g. `e6k3se1n2r`.
    public func format(_ architecture: MnasNetArchitecture) -> String {
        architecture.blocks.map { Self.format($0, residual: $0.hasIdentityResidual) }.joined(separator: "|")
    }

    static func format(_ block: MnasNetBlock, residual: Bool) -> String {
        "e\(block.expansion)k\(block.kernelSize)se\(block.hasSqueezeExcitation ? 1 : 0)n\(block.layerCount)"
            + (residual ? "r" : "-")
    }

    /// Reads the text form written by ``format(_:)``.
    ///
    /// - Throws: ``ArchitectureParseError`` naming the block (0-based) and the field that is wrong, with the valid
    ///   values, or the wrong block count.
    public func parse(_ text: String) throws(ArchitectureParseError) -> MnasNetArchitecture {
        let fields = text.split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == blockCount else {
            throw ArchitectureParseError(
                "'\(text)' has \(fields.count) block(s); an mnasnet architecture is \(blockCount) blocks joined by "
                    + "'|', each \(Self.blockForm), e.g. e6k3se1n2r")
        }
        var blocks: [MnasNetBlock] = []
        for (index, field) in fields.enumerated() {
            blocks.append(try Self.parseBlock(Substring(field), index: index, text: text))
        }
        return MnasNetArchitecture(blocks: blocks)
    }

    /// Reads one block `e6k3se1n2r`, consuming its five fields in order.
    private static func parseBlock(_ field: Substring, index: Int, text: String) throws(ArchitectureParseError)
        -> MnasNetBlock
    {
        var rest = field
        func fail(_ problem: String) -> ArchitectureParseError {
            ArchitectureParseError(
                "block \(index) '\(field)' of '\(text)': \(problem); write each block as \(blockForm), e.g. e6k3se1n2r")
        }
        func number(after prefix: String, name: String, options: [Int]) throws(ArchitectureParseError) -> Int {
            guard rest.hasPrefix(prefix) else { throw fail("expected '\(prefix)' (\(name)) at '\(rest)'") }
            rest = rest.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let allowed = options.map { prefix + String($0) }.joined(separator: ", ")
            guard let value = Int(digits), options.contains(value), String(value) == digits else {
                throw fail("\(name) '\(prefix)\(digits)' is not one of \(allowed)")
            }
            return value
        }
        let expansion = try number(after: "e", name: "expansion", options: MnasNetBlock.expansions)
        let kernelSize = try number(after: "k", name: "kernel", options: MnasNetBlock.kernelSizes)
        let squeezeExcitation = try number(after: "se", name: "squeeze-and-excitation", options: [0, 1])
        let layerCount = try number(after: "n", name: "layer count", options: MnasNetBlock.layerCounts)
        guard let skip = rest.first, rest.count == 1, skip == "r" || skip == "-" else {
            throw fail("the skip must be one final 'r' (identity residual) or '-' (none), found '\(rest)'")
        }
        return MnasNetBlock(
            layerCount: layerCount, expansion: expansion, kernelSize: kernelSize,
            hasSqueezeExcitation: squeezeExcitation == 1, hasIdentityResidual: skip == "r")
    }
}
