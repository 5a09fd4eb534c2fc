import Foundation
import NASCore
import NASSpaces
import Testing
import _TestSupport

/// The module hash against the ten published NAS-Bench-101 records, and its invariance under relabelling.
@Suite(
    "NB101 published records",
    .enabled(if: NB101RecordFile.isPresent, Comment(rawValue: NB101RecordFile.skipReason)))
struct NB101RecordsTests {
    let space = NB101Space()

    @Test("the key of every record's cell is the record's NAS-Bench-101 hash")
    func hashesMatch() throws {
        let records = try NB101RecordFile.load()
        #expect(records.count == 10)
        for (hash, record) in records {
            let architecture = try NB101Architecture(matrix: record.matrix, ops: record.ops)
            #expect(space.key(of: architecture).rawValue == hash, "\(architecture.text)")
        }
    }

    @Test("records decode as cells through Codable (the spec form) and survive the text round trip")
    func recordsDecode() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: NB101RecordFile.path))
        let cells = try JSONDecoder().decode([String: NB101Architecture].self, from: data)
        #expect(cells.count == 10)
        for (hash, cell) in cells {
            #expect(space.key(of: cell).rawValue == hash)
            #expect(try space.parse(space.format(cell)) == cell)
        }
    }

    /// Relabelling the interior vertices by a permutation π (edge i -> j becomes π(i) -> π(j)) that keeps the
    /// matrix upper-triangular gives an isomorphic cell; its key must not change, and its matrix must (except
    /// for the identity), so the check is not vacuous.
    @Test("every upper-triangular relabelling of a record's interior vertices keeps the hash")
    func isomorphicRelabellings() throws {
        var nonIdentity = 0
        for (hash, record) in try NB101RecordFile.load() {
            for permutation in Self.permutations(of: Array(1...5)) {
                let relabel = [0] + permutation + [6]  // vertex v moves to relabel[v]
                var matrix = [[Int]](repeating: [Int](repeating: 0, count: 7), count: 7)
                var ops = [String](repeating: "", count: 7)
                for vertex in 0..<7 { ops[relabel[vertex]] = record.ops[vertex] }
                var upperTriangular = true
                for source in 0..<7 {
                    for destination in 0..<7 where record.matrix[source][destination] == 1 {
                        matrix[relabel[source]][relabel[destination]] = 1
                        if relabel[source] >= relabel[destination] { upperTriangular = false }
                    }
                }
                guard upperTriangular else { continue }
                let relabelled = try NB101Architecture(matrix: matrix, ops: ops)
                #expect(space.key(of: relabelled).rawValue == hash, "\(relabelled.text)")
                if permutation != [1, 2, 3, 4, 5] {
                    nonIdentity += 1
                    #expect(relabelled.matrix != record.matrix || relabelled.ops != record.ops)
                }
            }
        }
        #expect(nonIdentity >= 10)
    }

    @Test("changing one operation of a record changes its hash")
    func operationChangeChangesHash() throws {
        for (hash, record) in try NB101RecordFile.load() {
            var ops = record.ops
            ops[1] = ops[1] == "maxpool3x3" ? "conv1x1-bn-relu" : "maxpool3x3"
            #expect(space.key(of: try NB101Architecture(matrix: record.matrix, ops: ops)).rawValue != hash)
        }
    }

    static func permutations(of elements: [Int]) -> [[Int]] {
        guard elements.count > 1 else { return [elements] }
        return elements.indices.flatMap { index in
            var rest = elements
            let first = rest.remove(at: index)
            return permutations(of: rest).map { [first] + $0 }
        }
    }
}
