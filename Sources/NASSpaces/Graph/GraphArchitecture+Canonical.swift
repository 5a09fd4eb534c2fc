/// NAS-Bench-Graph's canonical form and hash (`Arch.valid_hash` in `nas_bench_graph/architecture.py`, version
/// 1.4.0), reproduced from the benchmark's definition and checked against every key of its `.bench` files and
/// against its own function on all 157,464 (links, operations) descriptions (`GraphCanonicalTests`).
///
/// The benchmark forms a key in four steps:
/// 1. relabel the layers so that the links are one of the nine ``GraphLinkPattern``s (`regularize`);
/// 2. visit the layers in position order and move some `skip` layers to the front (`move_skip_op`, below);
/// 3. relabel to a pattern again (the benchmark lists the two relabellings step 2 can need);
/// 4. sort the operations of interchangeable subtrees (`equalpart_sort`);
///
/// and hashes the result as the decimal number whose digits are the pattern's index and the four operations'
/// indices (``GraphOperation/rawValue``): links `[0,1,2,3]` with `gat, gcn, gin, cheb` is 80123. The ogbn-proteins
/// table uses the same hash over the same nine-operation indices.
///
/// The relabelling here numbers layers breadth-first, larger subtrees first, ties by label. The benchmark's own
/// table picks the other of two symmetric numberings for one list (`[0,0,2,1]`); the keys are identical for every
/// description (the test checks all of them).
extension GraphArchitecture {
    /// The benchmark's representative of this architecture's class: the architecture whose links and operations
    /// the benchmark hashes. Equal for all descriptions of one network (and for those the benchmark merges by
    /// moving `skip` layers).
    ///
    /// - Complexity: O(1) (four layers).
    public var canonical: GraphArchitecture {
        var (links, operations) = Self.relabeledToPattern(links: links, operations: operations)
        (links, operations) = Self.movingSkipLayers(links: links, operations: operations)
        (links, operations) = Self.relabeledToPattern(links: links, operations: operations)
        operations = Self.sortingInterchangeableSubtrees(operations, pattern: GraphLinkPattern(links: links)!)
        return GraphArchitecture(links: links, operations: operations)
    }

    /// The key of this architecture in the benchmark's `.bench` dictionaries (`Arch.valid_hash()`): the pattern
    /// index of ``canonical`` followed by its four operation indices, read as a decimal number (0...88887).
    public var benchmarkHash: Int {
        canonical.hashOfPatternForm
    }

    /// The decimal hash of an architecture whose links are already a pattern (`Arch.hash_arch()`).
    var hashOfPatternForm: Int {
        guard let pattern = GraphLinkPattern(links: links) else {
            preconditionFailure("GraphArchitecture: hash of \(self), whose links are not a benchmark pattern")
        }
        return operations.reduce(pattern.index) { $0 * 10 + $1.rawValue }
    }

    /// The same network with its layers renumbered so that its links form a ``GraphLinkPattern`` (the benchmark's
    /// `regularize`); unchanged when they already do.
    public var relabeledToPattern: GraphArchitecture {
        let (links, operations) = Self.relabeledToPattern(links: links, operations: operations)
        return GraphArchitecture(links: links, operations: operations)
    }

    static func relabeledToPattern(links: [Int], operations: [GraphOperation]) -> ([Int], [GraphOperation]) {
        let number = GraphLinkPattern.linkListNumber(links)!
        if GraphLinkPattern.patternIndexByNumber[number] != nil { return (links, operations) }
        let order = GraphLinkPattern.patternOrders[number]  // old labels in their new order
        var newLabel = Array(repeating: 0, count: links.count + 1)
        for (position, old) in order.enumerated() {
            newLabel[old] = position + 1
        }
        let relabeledLinks = order.map { newLabel[links[$0 - 1]] }
        let relabeledOperations = order.map { operations[$0 - 1] }
        return (relabeledLinks, relabeledOperations)
    }

    /// The benchmark's `move_skip_op`: visits positions 0...3 of the current lists in turn; a `skip` layer that
    /// has a child, or has no sibling (no other layer with the same input), or whose ancestors are all `skip`, is
    /// moved to the front. Moving layer `k` (0-based) puts a `skip` layer first, on the input; the layers that
    /// took the input now take that front layer, the children of `k` take `k`'s input, and the layers before
    /// `k` move one place back. The visit goes on at the next position over the changed lists, as the benchmark's
    /// loop does.
    static func movingSkipLayers(links: [Int], operations: [GraphOperation]) -> ([Int], [GraphOperation]) {
        var links = links
        var operations = operations
        for position in links.indices where operations[position] == .skip {
            let label = position + 1
            let hasChild = links.contains(label)
            let hasSibling = links.indices.contains { $0 != position && links[$0] == links[position] }
            if hasChild || !hasSibling || ancestorsAreSkip(position, links: links, operations: operations) {
                (links, operations) = movingToFront(position, links: links, operations: operations)
            }
        }
        return (links, operations)
    }

    /// Whether the layer at `position` and every layer above it up to the input is `skip` (the benchmark's
    /// `check_dim`: the layer's output is the input features).
    static func ancestorsAreSkip(_ position: Int, links: [Int], operations: [GraphOperation]) -> Bool {
        var label = position + 1
        while label > 0 {
            if operations[label - 1] != .skip { return false }
            label = links[label - 1]
        }
        return true
    }

    /// Moves the layer at `position` to the front, as ``movingSkipLayers(links:operations:)`` describes.
    static func movingToFront(_ position: Int, links: [Int], operations: [GraphOperation]) -> ([Int], [GraphOperation]) {
        let label = position + 1
        func newInput(_ input: Int) -> Int {
            if input == label { return links[position] + 1 }  // a child of the moved layer takes its input
            return input < label ? input + 1 : input         // the input (0) becomes the front layer (1)
        }
        let others = links.indices.filter { $0 != position }
        return ([0] + others.map { newInput(links[$0]) }, [operations[position]] + others.map { operations[$0] })
    }

    /// Sorts, within each group of interchangeable subtrees of `pattern`, the subtrees' operation sequences in
    /// increasing lexicographic order of operation index (the benchmark's `equalpart_sort`).
    static func sortingInterchangeableSubtrees(_ operations: [GraphOperation], pattern: GraphLinkPattern) -> [GraphOperation] {
        var operations = operations
        for group in pattern.interchangeableSubtrees {
            let sequences = group.map { subtree in subtree.map { operations[$0] } }
                .sorted { $0.lexicographicallyPrecedes($1) }
            for (subtree, sequence) in zip(group, sequences) {
                for (position, operation) in zip(subtree, sequence) {
                    operations[position] = operation
                }
            }
        }
        return operations
    }
}
