import Datasets
import Layers
import NASModels
import NASSpaces
import Seeding

/// The spaces a tabulation can train, each with its network builder: what `TabulationSpecification.space` names.
enum TabulatedSpace: String, CaseIterable {
    /// NAS-Bench-201's cells in `NB201Network` (the specification's stem channels and cells per stage).
    case nb201
    /// NATS-Bench's size space: `SizeNetwork`, whose widths come from the architecture (the specification's stem
    /// channels and cells per stage must stay at 8 and 1; see `TabulationSpecification.validate()`).
    case size

    /// The space named `name`.
    ///
    /// - Throws: ``TabulationError`` for a space without a network builder here.
    init(name: String) throws(TabulationError) {
        guard let space = TabulatedSpace(rawValue: name) else {
            throw TabulationError("tabulate builds networks for nb201 and size only (got space '\(name)')")
        }
        self = space
    }

    /// How many architectures the space has (the plan's index range).
    var architectureCount: Int {
        switch self {
        case .nb201: NB201Space().architectureCount
        case .size: SizeSpace().architectureCount
        }
    }

    /// The text form of architecture `index`.
    func format(index: Int) -> String {
        switch self {
        case .nb201: NB201Space().format(NB201Space().architecture(at: index))
        case .size: SizeSpace().format(SizeSpace().architecture(at: index))
        }
    }

    /// The merged table's description of the networks: what was trained, at which size.
    func networkDescription(_ specification: TabulationSpecification) -> String {
        switch self {
        case .nb201:
            "NB201 cells trained by NASKit's engine on Fashion-MNIST at \(specification.resolution)x"
                + "\(specification.resolution): \(specification.stemChannels) stem channels, "
                + "\(specification.cellsPerStage) cell(s) per stage"
        case .size:
            "NATS-Bench size-space networks (the fixed best NB201 cell, widths c0:c1:c2:c3:c4) trained by NASKit's "
                + "engine on Fashion-MNIST at \(specification.resolution)x\(specification.resolution)"
        }
    }
}
