import Foundation

/// Reads the Planetoid citation graphs (Cora, CiteSeer) from the JSON files in `../shared/data/planetoid/`:
/// `num_nodes`, `num_features`, `num_classes`, `features` (each node's columns of 1s), `labels` (-1 for a node
/// without data), `edges` (undirected pairs), and the `train`, `val` and `test` node lists, converted from the
/// `ind.<name>.*` files of GitHub tkipf/gcn: the standard split NAS-Bench-Graph trained on.
///
/// As PyTorch Geometric's Planetoid loader does, self-loops in the file are dropped and an edge listed twice (in
/// either direction) is kept once; the operations add self-loops themselves where theirs need them.
public enum Planetoid {
    /// The two datasets of NAS-Bench-Graph's Planetoid tables.
    public enum Dataset: String, CaseIterable, Sendable {
        case cora
        case citeseer

        /// The file name in the data directory: `cora.json`.
        public var fileName: String { rawValue + ".json" }
    }

    /// Where the files sit relative to the package root in this project's checkout (see
    /// `../shared/data/README.md`).
    public static let defaultDirectory = "../shared/data/planetoid"

    /// Loads `directory/<dataset>.json`.
    ///
    /// - Throws: ``DatasetError`` naming the file and the fix when it is missing or malformed.
    public static func load(_ dataset: Dataset, directory: String = defaultDirectory) throws(DatasetError)
        -> PlanetoidGraph
    {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return try load(path: base + "/" + dataset.fileName, name: dataset.rawValue)
    }

    /// Loads one graph file.
    ///
    /// - Parameters:
    ///   - path: the JSON file.
    ///   - name: the dataset's name for messages and results (default: the file name without `.json`).
    /// - Throws: ``DatasetError`` when the file is missing ("<path>: no such file; ..."), is not JSON of the
    ///   expected fields, or holds an inconsistent graph (a node, feature or class out of range, lists of the
    ///   wrong length, a split node without a label); the message names the path and the problem.
    /// - Complexity: O(file size + E log E).
    public static func load(path: String, name: String? = nil) throws(DatasetError) -> PlanetoidGraph {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw DatasetError(
                error.message + "; pass the directory that holds cora.json and citeseer.json (converted from "
                    + "GitHub tkipf/gcn; ../shared/data/planetoid in this project's checkout, see its README.md)")
        }
        let file: PlanetoidFile
        do {
            file = try JSONDecoder().decode(PlanetoidFile.self, from: Data(bytes))
        } catch {
            throw DatasetError(
                "\(path): not a Planetoid graph file (\(describe(error))); expected a JSON object with num_nodes, "
                    + "num_features, num_classes, features, labels, edges, train, val and test (see "
                    + "../shared/data/README.md)")
        }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let defaultName = fileName.hasSuffix(".json") ? String(fileName.dropLast(5)) : fileName
        do {
            return try file.graph(name: name ?? defaultName)
        } catch {
            throw DatasetError("\(path): \(error.message)")
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _):
            return "missing field \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}

/// The JSON layout of one file, checked by ``graph(name:)``.
private struct PlanetoidFile: Decodable {
    let numNodes: Int
    let numFeatures: Int
    let numClasses: Int
    let features: [[Int]]
    let labels: [Int]
    let edges: [[Int]]
    let train: [Int]
    let val: [Int]
    let test: [Int]

    enum CodingKeys: String, CodingKey {
        case numNodes = "num_nodes"
        case numFeatures = "num_features"
        case numClasses = "num_classes"
        case features, labels, edges, train, val, test
    }

    /// The graph, or an error naming the first inconsistency (without the path; the caller adds it).
    func graph(name: String) throws(DatasetError) -> PlanetoidGraph {
        guard numNodes > 0, numFeatures > 0, numClasses > 1 else {
            throw DatasetError(
                "num_nodes \(numNodes), num_features \(numFeatures), num_classes \(numClasses): expected positive "
                    + "counts and at least two classes")
        }
        guard features.count == numNodes, labels.count == numNodes else {
            throw DatasetError(
                "features has \(features.count) rows and labels \(labels.count) entries, expected one per node "
                    + "(num_nodes \(numNodes))")
        }
        var columns: [[Int32]] = []
        columns.reserveCapacity(numNodes)
        for (node, row) in features.enumerated() {
            let sorted = row.sorted()
            for (position, column) in sorted.enumerated() {
                guard column >= 0 && column < numFeatures else {
                    throw DatasetError(
                        "features[\(node)] holds column \(column), outside 0..<\(numFeatures) (num_features)")
                }
                guard position == 0 || sorted[position - 1] != column else {
                    throw DatasetError("features[\(node)] lists column \(column) twice")
                }
            }
            columns.append(sorted.map { Int32($0) })
        }
        for (node, label) in labels.enumerated() where !(-1..<numClasses).contains(label) {
            throw DatasetError(
                "labels[\(node)] is \(label), outside 0..<\(numClasses) (num_classes) and not -1 (no label)")
        }
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(edges.count)
        for (position, edge) in edges.enumerated() {
            guard edge.count == 2 else {
                throw DatasetError("edges[\(position)] has \(edge.count) entries, expected a pair of nodes")
            }
            for node in edge where !(0..<numNodes).contains(node) {
                throw DatasetError("edges[\(position)] names node \(node), outside 0..<\(numNodes) (num_nodes)")
            }
            if edge[0] != edge[1] { pairs.append((min(edge[0], edge[1]), max(edge[0], edge[1]))) }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var unique: [(Int, Int)] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last.map({ $0 != pair }) ?? true { unique.append(pair) }
        var splits: [[Int32]] = []
        for (splitName, nodes) in [("train", train), ("val", val), ("test", test)] {
            for node in nodes {
                guard (0..<numNodes).contains(node) else {
                    throw DatasetError("\(splitName) names node \(node), outside 0..<\(numNodes) (num_nodes)")
                }
                guard labels[node] >= 0 else {
                    throw DatasetError("\(splitName) names node \(node), which has no label (-1)")
                }
            }
            splits.append(nodes.map { Int32($0) })
        }
        return PlanetoidGraph(
            name: name, nodeCount: numNodes, featureCount: numFeatures, classCount: numClasses,
            featureColumns: columns, labels: labels.map { Int32($0) }, edges: unique, trainNodes: splits[0],
            validationNodes: splits[1], testNodes: splits[2])
    }
}
