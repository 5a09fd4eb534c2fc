import Datasets
import Foundation
import Tensors
import Testing
import _TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Planetoid reader on the real files in ../shared/data/planetoid (counts from that folder's README.md) and on
/// small malformed files.
@Suite("Planetoid graphs")
struct PlanetoidTests {
    static let directory = Fixture.repositoryRoot + "/../shared/data/planetoid"
    static let installed = access(directory + "/cora.json", R_OK) == 0 && access(directory + "/citeseer.json", R_OK) == 0

    @Test(
        "Cora: 2,708 nodes, 5,278 edges, 1,433 features, 7 classes, split 140/500/1,000",
        .enabled(if: installed, "../shared/data/planetoid is not beside the package"))
    func cora() throws {
        let graph = try Planetoid.load(.cora, directory: Self.directory)
        #expect(graph.name == "cora")
        #expect(graph.nodeCount == 2708 && graph.featureCount == 1433 && graph.classCount == 7)
        #expect(graph.edges.count == 5278)
        #expect(graph.adjacency.nonzeroCount == 10556)  // PyG's Cora edge_index: 10,556 directed edges
        #expect(graph.trainNodes.count == 140 && graph.validationNodes.count == 500 && graph.testNodes.count == 1000)
        #expect(graph.trainNodes == (0..<140).map { Int32($0) })  // the first len(y) nodes
        #expect(graph.validationNodes == (140..<640).map { Int32($0) })  // the next 500
        var perClass = [Int](repeating: 0, count: 7)
        for node in graph.trainNodes { perClass[Int(graph.labels[Int(node)])] += 1 }
        #expect(perClass == [Int](repeating: 20, count: 7))
        #expect(graph.featureColumns.reduce(0) { $0 + $1.count } == 49216)
        #expect(graph.labels.allSatisfy { $0 >= 0 })
    }

    @Test(
        "CiteSeer: 3,327 nodes, 4,552 edges, 3,703 features, 6 classes, split 120/500/1,000, 15 nodes without data",
        .enabled(if: installed, "../shared/data/planetoid is not beside the package"))
    func citeseer() throws {
        let graph = try Planetoid.load(.citeseer, directory: Self.directory)
        #expect(graph.nodeCount == 3327 && graph.featureCount == 3703 && graph.classCount == 6)
        #expect(graph.edges.count == 4552)
        #expect(graph.adjacency.nonzeroCount == 9104)  // PyG's CiteSeer edge_index: 9,104 directed edges
        #expect(graph.trainNodes.count == 120 && graph.validationNodes.count == 500 && graph.testNodes.count == 1000)
        #expect(graph.labels.filter { $0 < 0 }.count == 15)
        #expect(graph.featureColumns.filter(\.isEmpty).count == 15)
        let splitNodes = graph.trainNodes + graph.validationNodes + graph.testNodes
        #expect(Set(splitNodes).count == 1620)  // the three splits are disjoint
    }

    @Test(
        "the normalised features are each node's ones divided by their count (PyG's NormalizeFeatures)",
        .enabled(if: installed, "../shared/data/planetoid is not beside the package"))
    func normalizedFeatures() throws {
        let graph = try Planetoid.load(.citeseer, directory: Self.directory)
        let (pattern, values) = graph.features(normalized: true)
        #expect(graph.features(normalized: false).values.scalars.allSatisfy { $0 == 1 })
        #expect(pattern.rows == 3327 && pattern.columns == 3703)
        #expect(pattern.nonzeroCount == 105165)
        for node in [0, 1, 2, 1000, 3326] {
            let entries = Int(pattern.rowOffsets[node])..<Int(pattern.rowOffsets[node + 1])
            #expect(pattern.columnIndices[entries] == graph.featureColumns[node][...])
            let count = Float(graph.featureColumns[node].count)
            #expect(entries.allSatisfy { values.scalars[$0] == 1 / count })
            #expect(Swift.abs(entries.reduce(Float(0)) { $0 + values.scalars[$1] } - 1) < 1e-5)
        }
    }

    @Test("a missing file names the path and where the files come from")
    func missingFile() {
        #expect(throws: DatasetError(
            "/nonexistent/cora.json: no such file; pass the directory that holds cora.json and citeseer.json "
                + "(converted from GitHub tkipf/gcn; ../shared/data/planetoid in this project's checkout, see its "
                + "README.md)")
        ) {
            try Planetoid.load(.cora, directory: "/nonexistent")
        }
    }

    @Test("a file without a field names the field and the expected layout")
    func missingField() {
        let directory = TemporaryDirectory()
        let path = directory.write(Array(#"{"num_nodes": 2, "num_features": 2}"#.utf8), to: "tiny.json")
        #expect(throws: DatasetError(
            "\(path): not a Planetoid graph file (missing field num_classes); expected a JSON object with "
                + "num_nodes, num_features, num_classes, features, labels, edges, train, val and test (see "
                + "../shared/data/README.md)")
        ) {
            try Planetoid.load(path: path)
        }
    }

    @Test("an edge to a node that does not exist is refused by position")
    func edgeOutOfRange() {
        let directory = TemporaryDirectory()
        let path = directory.write(Array(Self.tinyFile(edges: "[[0, 1], [1, 5]]").utf8), to: "tiny.json")
        #expect(throws: DatasetError("\(path): edges[1] names node 5, outside 0..<3 (num_nodes)")) {
            try Planetoid.load(path: path)
        }
    }

    @Test("self-loops are dropped and a repeated edge is kept once, as PyG's loader does")
    func selfLoopsAndDuplicates() throws {
        let directory = TemporaryDirectory()
        let path = directory.write(
            Array(Self.tinyFile(edges: "[[1, 0], [0, 1], [2, 2], [2, 1]]").utf8), to: "tiny.json")
        let graph = try Planetoid.load(path: path)
        #expect(graph.name == "tiny")
        #expect(graph.edges.map { [$0.0, $0.1] } == [[0, 1], [1, 2]])
        #expect(graph.degrees == [1, 2, 1])
        #expect(graph.adjacency.edges.map { [$0.row, $0.column] } == [[0, 1], [1, 0], [1, 2], [2, 1]])
    }

    @Test("a split node without a label is refused")
    func unlabeledSplitNode() {
        let directory = TemporaryDirectory()
        let text = Self.tinyFile(edges: "[]").replacingOccurrences(of: #""labels": [0, 1, 1]"#, with: #""labels": [0, 1, -1]"#)
        let path = directory.write(Array(text.utf8), to: "tiny.json")
        #expect(throws: DatasetError("\(path): test names node 2, which has no label (-1)")) {
            try Planetoid.load(path: path)
        }
    }

    /// A three-node graph file with two classes and the given edges.
    static func tinyFile(edges: String) -> String {
        #"{"num_nodes": 3, "num_features": 2, "num_classes": 2, "features": [[0], [1, 0], []], "labels": [0, 1, 1], "#
            + #""edges": \#(edges), "train": [0], "val": [1], "test": [2]}"#
    }
}
