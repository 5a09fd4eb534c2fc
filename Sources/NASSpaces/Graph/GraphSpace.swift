import NASCore
import Seeding

/// The NAS-Bench-Graph search space of graph neural networks (Qin et al., NeurIPS 2022 Datasets and
/// Benchmarks; PyPI `nas-bench-graph==1.4.0`): four layers in one of nine tree shapes (``GraphLinkPattern``),
/// each running one of nine operations (``GraphOperation``); the benchmark merges isomorphic descriptions and
/// some placements of `skip` layers, leaving 26,206 architectures. `SearchSpaces/graph/SPACE.md` specifies it.
///
/// - Key: the benchmark's own hash (``GraphArchitecture/benchmarkHash``) as a decimal string (`"80123"`), so that
///   keys are the keys of the benchmark's `.bench` tables and equal exactly for the descriptions the benchmark
///   merges.
/// - Sampling: uniform over the canonical architectures (each table row equally likely), as
///   ``architecture(at:)`` of a uniform index.
/// - Neighbours: the canonical form with one decision changed (the link pattern, or one layer's operation),
///   keeping the first of each new key in decision order and dropping changes that keep the key or leave four
///   `skip` layers. Mutation draws one neighbour uniformly.
/// - Operations: all nine (``init(operations:)``'s default, name `graph`), or a subset such as the five of the
///   benchmark's ogbn-proteins table (``proteins``, name `graph-proteins`, 2,021 architectures); sampling,
///   neighbours, choices and encodings then use only those operations.
public struct GraphSpace: SearchSpace {
    public typealias Architecture = GraphArchitecture

    /// The operations a layer may take, in ``GraphOperation`` order.
    public let operations: [GraphOperation]
    /// `graph` for all nine operations, `graph-proteins` for the proteins table's five.
    public let name: String
    /// The canonical architectures of this space.
    let table: GraphCanonicalTable

    /// The space whose layers choose among `operations`.
    ///
    /// - Parameter operations: Distinct operations, at least one of them not `skip`; kept in ``GraphOperation``
    ///   order. The default is all nine.
    /// - Complexity: O(9 · n⁴) to list the canonical architectures for a subset other than the two standard ones
    ///   (cached for those).
    public init(operations: [GraphOperation] = GraphOperation.allCases) {
        let sorted = Array(Set(operations)).sorted()
        precondition(sorted.count == operations.count, "GraphSpace: operations \(operations.map(\.name)) repeat an operation")
        precondition(sorted.contains { $0 != .skip }, "GraphSpace: operations \(operations.map(\.name)) have no layer besides skip")
        self.operations = sorted
        switch sorted {
        case GraphOperation.allCases:
            name = "graph"
            table = GraphCanonicalTable.allOperations
        case GraphOperation.proteinsOperations:
            name = "graph-proteins"
            table = GraphCanonicalTable.proteinsOperations
        default:
            name = "graph(\(sorted.map(\.name).joined(separator: ",")))"
            table = GraphCanonicalTable(operations: sorted)
        }
    }

    /// The five operations of the benchmark's ogbn-proteins table (gcn, sage, arma, fc, skip): 2,021
    /// architectures.
    public static var proteins: GraphSpace { GraphSpace(operations: GraphOperation.proteinsOperations) }

    /// A canonical architecture drawn uniformly: one uniform integer below ``architectureCount``.
    public func sampleArchitecture(using rng: inout some RandomNumberGenerator) -> GraphArchitecture {
        architecture(at: rng.uniformInt(below: architectureCount))
    }

    /// One of ``neighbors(of:)``, drawn uniformly.
    public func mutate(_ architecture: GraphArchitecture, using rng: inout some RandomNumberGenerator) -> GraphArchitecture {
        let candidates = neighbors(of: architecture)
        precondition(!candidates.isEmpty, "GraphSpace: \(architecture) has no neighbour")
        return candidates[rng.uniformInt(below: candidates.count)]
    }

    /// The canonical form with one decision changed, in decision order (the other link patterns in pattern order,
    /// then layer 1's other operations in operation order, ..., layer 4's), keeping only the first change to each
    /// new key: changes that keep the architecture's key or leave four `skip` layers are dropped.
    ///
    /// - Returns: At most 8 + 4 · (n - 1) architectures for n operations (40 for all nine), each differing from the
    ///   canonical form in exactly one decision and having a key of its own.
    public func neighbors(of architecture: GraphArchitecture) -> [GraphArchitecture] {
        checkOperations(of: architecture)
        let base = architecture.canonical
        let pattern = GraphLinkPattern(links: base.links)!
        var seenKeys: Set<Int> = [base.hashOfPatternForm]
        var result: [GraphArchitecture] = []
        func consider(links: [Int], operations: [GraphOperation]) {
            guard operations.contains(where: { $0 != .skip }) else { return }
            let candidate = GraphArchitecture(links: links, operations: operations)
            if seenKeys.insert(candidate.benchmarkHash).inserted {
                result.append(candidate)
            }
        }
        for other in GraphLinkPattern.all where other != pattern {
            consider(links: other.links, operations: base.operations)
        }
        for position in base.operations.indices {
            for operation in operations where operation != base.operations[position] {
                var changed = base.operations
                changed[position] = operation
                consider(links: base.links, operations: changed)
            }
        }
        return result
    }

    /// The benchmark's hash as a decimal string (``GraphArchitecture/benchmarkHash``): `"80123"`.
    public func key(of architecture: GraphArchitecture) -> ArchitectureKey {
        ArchitectureKey(String(architecture.benchmarkHash))
    }

    /// Stops with a message when `architecture` uses an operation outside this space (a programmer error:
    /// ``parse(_:)`` and ``architecture(fromChoices:)`` never return one).
    func checkOperations(of architecture: GraphArchitecture) {
        for operation in architecture.operations where !operations.contains(operation) {
            preconditionFailure("\(name): \(architecture) uses \(operation.name), which is not among \(operations.map(\.name))")
        }
    }
}
