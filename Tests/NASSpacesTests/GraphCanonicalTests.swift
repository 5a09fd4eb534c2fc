import NASCore
import NASSpaces
import Seeding
import Testing

/// NAS-Bench-Graph's hashing, checked against the benchmark itself. The digests below are the 64-bit FNV-1a of
/// decimal keys, one per line, printed by `Scripts/import-graph-reference.py` from the benchmark's own
/// `Arch.valid_hash` (PyPI nas-bench-graph==1.4.0) and from the keys of its `.bench` files.
@Suite("GraphArchitecture canonical form and benchmark hash")
struct GraphCanonicalTests {
    /// The 24 valid link lists in lexicographic order.
    static let allLinkLists: [[Int]] = (0..<2).flatMap { b in (0..<3).flatMap { c in (0..<4).map { d in [0, b, c, d] } } }

    /// Every description in the reference script's order: link lists, then operation tuples by index.
    static func allDescriptions() -> [GraphArchitecture] {
        var descriptions: [GraphArchitecture] = []
        for links in allLinkLists {
            for combination in 0..<6561 {
                let operations = [combination / 729, combination / 81 % 9, combination / 9 % 9, combination % 9]
                    .map { GraphOperation(rawValue: $0)! }
                if operations.allSatisfy({ $0 == .skip }) { continue }
                descriptions.append(GraphArchitecture(links: links, operations: operations))
            }
        }
        return descriptions
    }

    static func digest(_ keys: [Int]) -> UInt64 {
        StableHash.fnv1a64(keys.map { "\($0)\n" }.joined())
    }

    @Test("the key of every one of the 157,440 descriptions equals the benchmark's valid_hash")
    func everyDescription() {
        let keys = Self.allDescriptions().map(\.benchmarkHash)
        #expect(keys.count == 157_440)
        #expect(Self.digest(keys) == 0x1DF8_A9BD_8365_0967)
    }

    @Test("the canonical architectures are exactly the keys of the nine-operation .bench files (26,206) and of proteins.bench (2,021)")
    func canonicalSets() {
        let space = GraphSpace()
        let keys = (0..<space.architectureCount).map { Int(space.key(of: space.architecture(at: $0)).rawValue)! }
        #expect(keys.count == 26_206)
        #expect(Self.digest(keys) == 0xF5EB_096A_F882_5021)
        let proteins = GraphSpace.proteins
        let proteinKeys = (0..<proteins.architectureCount).map { proteins.architecture(at: $0).benchmarkHash }
        #expect(proteinKeys.count == 2_021)
        #expect(Self.digest(proteinKeys) == 0x4E47_E1EE_3010_76B9)
    }

    @Test("the keys of all descriptions are the canonical set, and every canonical architecture is its own canonical form")
    func closure() {
        let space = GraphSpace()
        let fromDescriptions = Set(Self.allDescriptions().map(\.benchmarkHash))
        #expect(fromDescriptions.count == 26_206)
        for index in 0..<space.architectureCount {
            let architecture = space.architecture(at: index)
            #expect(architecture.canonical == architecture)
            #expect(fromDescriptions.contains(architecture.benchmarkHash))
        }
    }

    @Test("hand-traced keys", arguments: [
        // A chain without skip: the pattern digit and the four operation digits.
        ("links=[0,1,2,3] ops=gat,gcn,gin,cheb", 80123),
        // The package README's example: relabelled to [0,1,1,2] the fc layer follows gin (61237); the README's
        // "same architecture" links=[0,1,1,2] ops=gcn,cheb,gin,fc puts fc after cheb, a different network (61327).
        ("links=[0,1,2,1] ops=gcn,gin,fc,cheb", 61237),
        ("links=[0,1,1,2] ops=gcn,cheb,gin,fc", 61327),
        // Four layers on the input: a skip whose ancestors are all skip moves to the front, the others hang
        // under it ([0,1,1,1]) and are sorted: skip, gat, gcn, fc.
        ("links=[0,0,0,0] ops=fc,gat,skip,gcn", 58017),
        // The benchmark's check_isom example: both skips move to the front, giving skip, skip, then two gcn.
        ("links=[0,0,0,0] ops=skip,gcn,gcn,skip", 78811),
        // Relabelled to [0,0,1,2] (skip and gcn on the input, sage after skip, fc after gcn); the skip has a
        // child, so it moves to the front and its child takes its input: [0,1,1,2] skip, gcn, sage, fc.
        ("links=[0,0,2,1] ops=skip,gcn,fc,sage", 68147),
        // Canonical already (an anchor of the benchmark).
        ("links=[0,1,2,3] ops=skip,skip,gcn,gcn", 88811),
    ])
    func handTraced(text: String, key: Int) throws {
        let architecture = try GraphSpace().parse(text)
        #expect(architecture.benchmarkHash == key)
        #expect(GraphSpace().key(of: architecture) == ArchitectureKey(String(key)))
    }

    @Test("relabelling to a pattern renumbers the layers breadth-first, larger subtrees first")
    func relabelling() throws {
        let architecture = try GraphSpace().parse("links=[0,0,0,3] ops=gat,gcn,gin,cheb")
        #expect(architecture.relabeledToPattern.description == "links=[0,0,0,1] ops=gin,gat,gcn,cheb")
        #expect(try GraphSpace().parse("links=[0,1,1,2] ops=gat,gcn,gin,cheb").relabeledToPattern.description
            == "links=[0,1,1,2] ops=gat,gcn,gin,cheb")
        for links in Self.allLinkLists {
            let relabeled = GraphArchitecture(links: links, operations: [.graphAttention, .graphConvolution, .graphIsomorphism, .chebyshev]).relabeledToPattern
            #expect(GraphLinkPattern(links: relabeled.links) != nil)
        }
    }

    @Test("the nine link patterns are the benchmark's link_list, in its order")
    func patterns() {
        #expect(GraphLinkPattern.all.map(\.description) == [
            "[0,0,0,0]", "[0,0,0,1]", "[0,0,1,1]", "[0,0,1,2]", "[0,0,1,3]", "[0,1,1,1]", "[0,1,1,2]", "[0,1,2,2]", "[0,1,2,3]",
        ])
        #expect(GraphLinkPattern.all.map(\.index) == Array(0..<9))
        #expect(GraphLinkPattern(links: [0, 0, 0, 2]) == nil)
    }

    @Test("the nine operations are the benchmark's gnn_list, in its order")
    func operations() {
        #expect(GraphOperation.allCases.map(\.name) == ["gat", "gcn", "gin", "cheb", "sage", "arma", "graph", "fc", "skip"])
        #expect(GraphOperation.allCases.map(\.rawValue) == Array(0..<9))
        #expect(GraphOperation.proteinsOperations.map(\.name) == ["gcn", "sage", "arma", "fc", "skip"])
        #expect(GraphOperation(name: "conv") == nil)
    }
}
