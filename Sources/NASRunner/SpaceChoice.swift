import NASCore
import NASSpaces

/// The search spaces a run can search: those with a tabular benchmark, each with its default table, dataset,
/// objective and reported metric.
public enum SpaceChoice: String, CaseIterable, Codable, Sendable {
    /// NAS-Bench-201's cells on `nb201.h5`.
    case nb201
    /// NAS-Bench-Graph on `graph.h5` (eight datasets).
    case graph
    /// NAS-Bench-Graph on ogbn-proteins (`graph-proteins.h5`).
    case graphProteins = "graph-proteins"
    /// NATS-Bench's size space on a table NASKit trains (`nasrun tabulate --space size`, then `tabulate-merge`):
    /// `size-fashion-mnist.h5`.
    case size

    /// The table the space is searched on when none is given, in `data/tables/`: the one `Scripts/setup.sh`
    /// builds, or for `size` the one `SearchSpaces/size/SPACE.md`'s tabulation commands write.
    public var defaultTable: String {
        switch self {
        case .nb201, .graph, .graphProteins: "data/tables/\(rawValue).h5"
        case .size: "data/tables/size-fashion-mnist.h5"
        }
    }

    /// How to make the space's table when it is missing: the end of the message that names the missing file.
    public var tableAdvice: String {
        switch self {
        case .nb201, .graph, .graphProteins: "run Scripts/setup.sh to build it"
        case .size:
            "train one with nasrun tabulate --space size --output data/tabulations/size-fashion-mnist "
                + "--architectures sample:300:0 --epochs 12, then nasrun tabulate-merge "
                + "data/tabulations/size-fashion-mnist --output data/tables/size-fashion-mnist.h5 "
                + "(SearchSpaces/size/SPACE.md), or give another with --table"
        }
    }

    /// The dataset searched when none is given.
    public var defaultDataset: String {
        switch self {
        case .nb201: "cifar10"
        case .graph: "cora"
        case .graphProteins: "proteins"
        case .size: "fashion-mnist"
        }
    }

    /// The metric optimizers maximize when none is given.
    ///
    /// NB201: `test_accuracy`, at the proposal's fidelity (12 or 200 epochs). The imported table has no
    /// 200-epoch validation accuracy (only 12-epoch), so searches there optimize the test accuracy they report,
    /// as NAS-Bench-Suite's tabular experiments on NB201 do; `--objective valid_accuracy --objective-epoch 12`
    /// searches on the 12-epoch validation accuracy instead (NATS-Bench's protocol). Graph spaces and the size
    /// space (whose tabulated table stores validation and test accuracy after every epoch): the validation
    /// metric, reporting the test metric.
    public var defaultObjective: String {
        switch self {
        case .nb201: "test_accuracy"
        case .graph, .size: "valid_accuracy"
        case .graphProteins: "valid_roc_auc"
        }
    }

    /// The metric reported and judged (regret is measured on it).
    public var defaultReportedMetric: String {
        switch self {
        case .nb201, .graph, .size: "test_accuracy"
        case .graphProteins: "test_roc_auc"
        }
    }

    /// The space's name as `SearchSpace.name` gives it.
    public var spaceName: String {
        switch self {
        case .nb201: NB201Space().name
        case .graph: GraphSpace().name
        case .graphProteins: GraphSpace.proteins.name
        case .size: SizeSpace().name
        }
    }

    /// Looks a space up by name.
    ///
    /// - Throws: ``RunError`` listing the spaces a run can search.
    public static func named(_ name: String) throws(RunError) -> SpaceChoice {
        guard let choice = SpaceChoice(rawValue: name) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            let hint =
                switch name {
                case "nb101": " (nb101 has no tabular benchmark in NASKit yet)"
                case "darts", "mnasnet": " (\(name) has no tabular benchmark to search on)"
                default: ""
                }
            throw RunError("unknown space '\(name)'\(hint); choose one of: \(known)")
        }
        return choice
    }
}
