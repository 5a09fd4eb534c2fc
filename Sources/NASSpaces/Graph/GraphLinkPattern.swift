/// One of the nine shapes of a NAS-Bench-Graph architecture, written as the benchmark writes it (`link_list` in
/// `nas_bench_graph/architecture.py`).
///
/// The layers and the input form a rooted tree (each layer has one input), and there are nine rooted trees with
/// five nodes. Their link lists, in the benchmark's order, whose position is the leading digit of the benchmark's
/// hash:
///
/// | index | links     | shape                                              |
/// |-------|-----------|----------------------------------------------------|
/// | 0     | [0,0,0,0] | four layers on the input                           |
/// | 1     | [0,0,0,1] | three on the input, one after the first            |
/// | 2     | [0,0,1,1] | two on the input, two after the first              |
/// | 3     | [0,0,1,2] | two chains of two                                  |
/// | 4     | [0,0,1,3] | a chain of three and a single layer                |
/// | 5     | [0,1,1,1] | one layer, three after it                          |
/// | 6     | [0,1,1,2] | one layer, two after it, one after the second      |
/// | 7     | [0,1,2,2] | a chain of two, two after it                       |
/// | 8     | [0,1,2,3] | a chain of four                                    |
public struct GraphLinkPattern: Hashable, Sendable, CustomStringConvertible {
    /// The position in the benchmark's `link_list`.
    public let index: Int
    /// The link list (see ``GraphArchitecture/links``).
    public let links: [Int]

    /// The nine patterns in the benchmark's order.
    public static let all: [GraphLinkPattern] = [
        [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 2], [0, 0, 1, 3],
        [0, 1, 1, 1], [0, 1, 1, 2], [0, 1, 2, 2], [0, 1, 2, 3],
    ].enumerated().map { GraphLinkPattern(index: $0.offset, links: $0.element) }

    /// The pattern whose link list is `links`, or `nil` for the 15 other valid lists (relabellings of these) and
    /// for invalid lists.
    public init?(links: [Int]) {
        guard let number = Self.linkListNumber(links), let index = Self.patternIndexByNumber[number] else { return nil }
        self = Self.all[index]
    }

    /// The number of a valid link list among the 24 (`links[1] * 12 + links[2] * 4 + links[3]`), or `nil`.
    static func linkListNumber(_ links: [Int]) -> Int? {
        guard links.count == GraphArchitecture.layerCount, links[0] == 0, (0...1).contains(links[1]),
            (0...2).contains(links[2]), (0...3).contains(links[3])
        else { return nil }
        return links[1] * 12 + links[2] * 4 + links[3]
    }

    /// The link list with number `number` (the inverse of ``linkListNumber(_:)``).
    static func linkList(number: Int) -> [Int] {
        [0, number / 12, number / 4 % 3, number % 4]
    }

    /// The pattern index of each of the 24 link lists, `nil` for those that are not patterns.
    static let patternIndexByNumber: [Int?] = (0..<24).map { number in
        all.firstIndex { $0.links == linkList(number: number) }
    }

    /// For each of the 24 link lists, the old labels of the layers in their new order when the list is
    /// relabelled to a pattern (``LayerTree/patternOrder()``); `[1, 2, 3, 4]` for the patterns themselves.
    static let patternOrders: [[Int]] = (0..<24).map { LayerTree(links: linkList(number: $0)).patternOrder() }

    init(index: Int, links: [Int]) {
        self.index = index
        self.links = links
        self.interchangeableSubtrees = Self.interchangeableSubtrees(of: LayerTree(links: links))
    }

    /// `[0,0,1,2]`.
    public var description: String { "[\(links.map(String.init).joined(separator: ","))]" }

    /// The groups of interchangeable subtrees: siblings whose subtrees have the same shape, each subtree as its
    /// layers' positions (0-based) in preorder. Sorting the operations of each group's subtrees is the
    /// benchmark's last canonicalisation step (`equalpart_sort`), derived here from the shape: for example
    /// `[[[1], [2]]]` for `[0,0,0,1]` (two single layers on the input) and `[[[0, 2], [1, 3]]]` for `[0,0,1,2]`
    /// (two chains of two).
    let interchangeableSubtrees: [[[Int]]]

    static func interchangeableSubtrees(of tree: LayerTree) -> [[[Int]]] {
        var groups: [[[Int]]] = []
        for node in tree.children.indices {
            var bySignature: [String: [[Int]]] = [:]
            var signatureOrder: [String] = []
            for child in tree.children[node] {
                let signature = tree.signature(of: child)
                if bySignature[signature] == nil { signatureOrder.append(signature) }
                bySignature[signature, default: []].append(tree.preorder(from: child).map { $0 - 1 })
            }
            for signature in signatureOrder where bySignature[signature]!.count > 1 {
                groups.append(bySignature[signature]!)
            }
        }
        return groups
    }
}

/// The rooted tree of an architecture's nodes: 0 the input, `1...4` the layers.
struct LayerTree {
    /// The children of each node, in increasing label order.
    let children: [[Int]]

    init(links: [Int]) {
        var children = Array(repeating: [Int](), count: links.count + 1)
        for (position, link) in links.enumerated() {
            children[link].append(position + 1)
        }
        self.children = children
    }

    /// The number of nodes in the subtree under `node`, itself included.
    func size(of node: Int) -> Int {
        1 + children[node].reduce(0) { $0 + size(of: $1) }
    }

    /// A text equal for subtrees of the same shape: `()` for a leaf, `(()())` for a node with two leaves.
    func signature(of node: Int) -> String {
        "(" + children[node].map(signature(of:)).sorted().joined() + ")"
    }

    /// `node` and its descendants, each node before its children, children in label order.
    func preorder(from node: Int) -> [Int] {
        [node] + children[node].flatMap(preorder(from:))
    }

    /// Every layer in breadth-first order from the input, each node's children by decreasing subtree size and
    /// then by label: the order in which a relabelling to a ``GraphLinkPattern`` numbers the layers.
    func patternOrder() -> [Int] {
        var order: [Int] = []
        var queue = [0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let ordered = children[node].sorted { (size(of: $0), -$0) > (size(of: $1), -$1) }
            order += ordered
            queue += ordered
        }
        return order
    }
}
