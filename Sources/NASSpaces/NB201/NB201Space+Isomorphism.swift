import NASCore

/// Canonical keys: cells that compute the same function share a key.
///
/// A cell is keyed by the expression its output node computes, written in a canonical form. Node values are sums
/// of terms; the input is the term `x`. An edge from node i contributes, for the value V of node i:
///
/// | operation | contributes | why it is exact |
/// |-----------|-------------|-----------------|
/// | `none` | nothing | NAS-Bench-201's `Zero` multiplies by 0 |
/// | `skip_connect` | every term of V | identity |
/// | `avg_pool_3x3` | `avgpool(t)` for every term t of V | 3x3 average pooling (stride 1, padding excluded) is a fixed linear map, so it distributes over the sum |
/// | `nor_conv_1x1`, `nor_conv_3x3` | one term `conv1x1(V)`, `conv3x3(V)` | ReLU-Conv-BN is not linear; each edge has its own weights |
///
/// and contributes nothing when node i's value is zero (no terms). A node's terms form a multiset (sums commute;
/// two convolutions of the same value stay two terms, as they have independent weights), written sorted and joined
/// by `+`; the key is the output's expression, or `zero` when it has no terms. So edges whose result cannot reach
/// the output, and the operations on them, do not enter the key; intermediate nodes have no names, so cells that
/// differ by relabelling nodes 1 and 2 get the same key when they compute the same sums.
///
/// Every rewrite above is an identity for all weights (real arithmetic; a float sum in another order may differ in
/// its last bits) except one convention, shared with NAS-Bench-201's own isomorphism check: an operation on a node
/// that is identically zero counts as zero. For skip and pooling that is exact; ReLU-Conv-BN maps a zero input to
/// its batch norm's learned offset β, an input-independent per-channel constant.
///
/// The 15,625 cells fall into 4,660 classes (4,930 without distributing pooling over sums); 341 cells compute
/// zero. NAS-Bench-201's paper counts 6,466 unique topologies with the benchmark's own string
/// (``benchmarkUniqueString(of:)``), which separates cells that compute the same function: it keeps a `#` for
/// every zero summand, so `x` and `x + 0` differ, and it does not flatten sums passed on by `skip_connect`.
extension NB201Space {
    /// The canonical key: the output's expression (see above), e.g. `conv3x3(x)+x` or `zero`.
    ///
    /// Complexity: O(1) (a few hundred characters of string building).
    public func key(of architecture: NB201Architecture) -> ArchitectureKey {
        ArchitectureKey(Self.canonicalExpression(of: architecture))
    }

    /// Whether the cell's output is identically zero (no input-to-output path without a `none` edge).
    public func computesZero(_ architecture: NB201Architecture) -> Bool {
        paths(of: architecture).isEmpty
    }

    static func canonicalExpression(of architecture: NB201Architecture) -> String {
        var nodes: [[String]] = [["x"]]
        for target in 1...3 {
            var terms: [String] = []
            for source in 0..<target where !nodes[source].isEmpty {
                let value = nodes[source]
                switch architecture.operation(from: source, to: target) {
                case .none: break
                case .skipConnect: terms += value
                case .averagePool3x3: terms += value.map { "avgpool(\($0))" }
                case .convolution1x1: terms.append("conv1x1(\(value.joined(separator: "+")))")
                case .convolution3x3: terms.append("conv3x3(\(value.joined(separator: "+")))")
                }
            }
            nodes.append(terms.sorted())
        }
        return nodes[3].isEmpty ? "zero" : nodes[3].joined(separator: "+")
    }

    /// NAS-Bench-201's own string for identifying isomorphic cells, as its code computes it
    /// (`Structure.to_unique_str(consider_zero=True)`): node 0 is `0`; an input through `none`, or from a node whose
    /// string is `#`, is `#`; through `skip_connect` it is the source's string; otherwise `(source)@op`; a node
    /// joins its inputs' strings, sorted, with `+`. The 15,625 cells give 6,466 strings, the paper's count of
    /// unique topologies.
    ///
    /// Use ``key(of:)`` for identity; this string is for matching the benchmark's grouping (e.g. data published
    /// once per one of its 6,466 classes).
    public func benchmarkUniqueString(of architecture: NB201Architecture) -> String {
        var nodes = ["0"]
        for target in 1...3 {
            var inputs: [String] = []
            for source in 0..<target {
                let operation = architecture.operation(from: source, to: target)
                switch operation {
                case _ where operation == .none || nodes[source] == "#": inputs.append("#")
                case .skipConnect: inputs.append(nodes[source])
                default: inputs.append("(\(nodes[source]))@\(operation.name)")
                }
            }
            nodes.append(inputs.sorted().joined(separator: "+"))
        }
        return nodes[3]
    }
}
