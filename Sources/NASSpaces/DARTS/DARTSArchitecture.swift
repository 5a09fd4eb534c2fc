import NASCore

/// One architecture of the DARTS search space (Liu et al., ICLR 2019): a genotype, that is a normal cell (used
/// at stride 1) and a reduction cell (inputs 0 and 1 read at stride 2, channels doubled), each 4 nodes of two
/// `(op, input)` pairs (``DARTSCell``). `SearchSpaces/darts/SPACE.md` is the specification.
///
/// Codable as its text form (``DARTSSpace/format(_:)``), so checkpoints and results show the genotype as DARTS
/// prints it.
public struct DARTSArchitecture: Hashable, Sendable, CustomStringConvertible {
    /// The normal cell (DARTS's `normal`).
    public let normal: DARTSCell
    /// The reduction cell (DARTS's `reduce`).
    public let reduction: DARTSCell

    /// A genotype from its two cells.
    public init(normal: DARTSCell, reduction: DARTSCell) {
        self.normal = normal
        self.reduction = reduction
    }

    /// The cells in the text form's order: normal, then reduction.
    public var cells: [DARTSCell] { [normal, reduction] }

    /// The same genotype with both cells canonical (``DARTSCell/canonical``).
    public var canonical: DARTSArchitecture {
        DARTSArchitecture(normal: normal.canonical, reduction: reduction.canonical)
    }

    /// A copy with cell `cell` (0 normal, 1 reduction) replaced.
    func replacing(cell: Int, with newCell: DARTSCell) -> DARTSArchitecture {
        cell == 0 ? DARTSArchitecture(normal: newCell, reduction: reduction)
            : DARTSArchitecture(normal: normal, reduction: newCell)
    }

    /// The text form, as DARTS prints a `Genotype`.
    public var description: String { DARTSSpace.text(of: self) }
}

extension DARTSArchitecture: Codable {
    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try DARTSSpace.parseGenotype(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
