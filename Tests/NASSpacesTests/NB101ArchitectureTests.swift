import Foundation
import NASCore
import NASSpaces
import Testing

@Suite("NB101Architecture")
struct NB101ArchitectureTests {
    let space = NB101Space()

    static let chainText = "adjacency=0100000/0010000/0001000/0000100/0000010/0000001/0000000 "
        + "ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output"

    @Test("the operations' canonical order is the benchmark's available_ops; NASLib's one-hot columns differ")
    func operationOrders() {
        #expect(NB101Operation.allCases.map(\.name) == ["conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3"])
        #expect(NB101Operation.allCases.map(\.rawValue) == [0, 1, 2])
        #expect((0..<3).map { NB101Operation(naslibOneHotColumn: $0)!.name } == ["maxpool3x3", "conv3x3-bn-relu", "conv1x1-bn-relu"])
        for operation in NB101Operation.allCases {
            #expect(NB101Operation(naslibOneHotColumn: operation.naslibOneHotColumn) == operation)
            #expect(NB101Operation(name: operation.name) == operation)
        }
        #expect(NB101Operation(naslibOneHotColumn: 3) == nil)
        #expect(NB101Operation(name: "conv5x5") == nil)
    }

    @Test("edge slots run row by row over the upper triangle")
    func slots() {
        #expect(NB101Architecture.slot(from: 0, to: 1) == 0)
        #expect(NB101Architecture.slot(from: 0, to: 6) == 5)
        #expect(NB101Architecture.slot(from: 1, to: 2) == 6)
        #expect(NB101Architecture.slot(from: 2, to: 3) == 11)
        #expect(NB101Architecture.slot(from: 5, to: 6) == 20)
        #expect(NB101Architecture.edgeSlots.count == 21)
        for (slot, edge) in NB101Architecture.edgeSlots.enumerated() {
            #expect(NB101Architecture.slot(from: edge.source, to: edge.destination) == slot)
        }
    }

    @Test("the text form is the matrix rows and the seven operation names, and round-trips")
    func textForm() throws {
        let chain = try NB101Architecture(text: Self.chainText)
        #expect(chain.text == Self.chainText)
        #expect(chain.edgeCount == 6)
        #expect(chain.hasEdge(from: 2, to: 3) && !chain.hasEdge(from: 3, to: 2) && !chain.hasEdge(from: 0, to: 2))
        #expect(chain.operations == [NB101Operation](repeating: .convolution3x3, count: 5))
        #expect(chain.ops.first == "input" && chain.ops.last == "output")
        #expect(try NB101Architecture(matrix: chain.matrix, ops: chain.ops) == chain)
        // Extra spaces between the fields are accepted; the formatted text has one.
        #expect(try NB101Architecture(text: Self.chainText.replacingOccurrences(of: " ops=", with: "   ops=")) == chain)
    }

    /// The benchmark's `ModelSpec` pruning (its model_spec_test cases, on 7 vertices).
    @Test("pruning removes vertices off the input-to-output paths and renumbers the rest")
    func pruning() throws {
        // Vertex 2 is an island (2 -> 3 only, 3 feeds nothing); vertex 4 hangs off the input (no way out);
        // vertex 5 reaches the output but not from the input.
        let cell = try NB101Architecture(
            text: "adjacency=0100100/0000011/0001000/0000000/0000000/0000001/0000000 "
                + "ops=input,conv1x1-bn-relu,maxpool3x3,conv3x3-bn-relu,maxpool3x3,conv3x3-bn-relu,output")
        let pruned = cell.pruned
        #expect(pruned.vertexCount == 4)
        #expect(pruned.originalVertices == [0, 1, 5, 6])
        #expect(pruned.matrix == [[0, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1], [0, 0, 0, 0]])
        #expect(pruned.ops == ["input", "conv1x1-bn-relu", "conv3x3-bn-relu", "output"])
        #expect(pruned.edgeCount == 4)
        #expect(pruned.predecessors(of: 3) == [1, 2])
        // Nothing to prune in the chain.
        let chain = try NB101Architecture(text: Self.chainText)
        #expect(chain.pruned.vertexCount == 7 && chain.pruned.matrix == chain.matrix)
        // Only the direct edge: two vertices.
        let direct = try NB101Architecture(
            text: "adjacency=0000001/0010000/0000000/0000000/0000000/0000000/0000000 "
                + "ops=input,maxpool3x3,maxpool3x3,maxpool3x3,maxpool3x3,maxpool3x3,output")
        #expect(direct.pruned.vertexCount == 2 && direct.pruned.matrix == [[0, 1], [0, 0]])
    }

    @Test("cells that differ only in unused vertices and edges share a key; isomorphic relabellings too")
    func keysOfEquivalentCells() throws {
        let base = try NB101Architecture(
            text: "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,maxpool3x3,conv1x1-bn-relu,conv1x1-bn-relu,conv1x1-bn-relu,output")
        let unusedChanged = try NB101Architecture(
            text: "adjacency=0111000/0000001/0000001/0000110/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,maxpool3x3,maxpool3x3,conv3x3-bn-relu,conv1x1-bn-relu,output")
        let swapped = try NB101Architecture(
            text: "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,maxpool3x3,conv3x3-bn-relu,conv1x1-bn-relu,conv1x1-bn-relu,conv1x1-bn-relu,output")
        let different = try NB101Architecture(
            text: "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,conv1x1-bn-relu,conv1x1-bn-relu,output")
        #expect(base != unusedChanged && base != swapped)
        #expect(space.key(of: base) == space.key(of: unusedChanged))
        #expect(space.key(of: base) == space.key(of: swapped))
        #expect(space.key(of: base) != space.key(of: different))
        #expect(space.key(of: base).rawValue.count == 32)
    }

    @Test(
        "invalid texts are rejected with a message naming the problem",
        arguments: [
            ("", "is not of the form adjacency="),
            ("ops=input,output adjacency=0", "is not of the form"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/0000001 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "the adjacency has 6 rows, expected 7"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/000001/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "adjacency row 5 '000001' has 6 characters, expected 7 bits"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/0000002/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "adjacency row 5 '0000002' has '2' at column 6, expected 0 or 1"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/0000001/1000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "entry (6, 0) is an edge on or below the diagonal"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/0000001/0000000 ops=input,conv5x5-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "unknown operation 'conv5x5-bn-relu' at vertex 1; expected one of conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/0000001/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "4 operations, expected 7"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/0000001/0000000 ops=conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "the first operation is 'conv3x3-bn-relu', expected 'input'"),
            ("adjacency=0100000/0010000/0001000/0000100/0000010/0000001/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3",
             "the last operation is 'maxpool3x3', expected 'output'"),
            ("adjacency=0100000/0010000/0000000/0000100/0000010/0000001/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "the input does not reach the output"),
            ("adjacency=0111110/0010001/0001001/0000101/0000011/0000001/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output",
             "the cell has 14 edges on input-to-output paths, at most 9 are allowed"),
        ])
    func rejects(text: String, fragment: String) {
        #expect(throws: ArchitectureParseError.self) { try space.parse(text) }
        do {
            _ = try space.parse(text)
        } catch {
            #expect(error.message.hasPrefix("nb101: "), "\(error.message)")
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test("more than 9 edges are allowed where pruning removes the excess (the benchmark's is_valid)")
    func edgesInUnusedPart() throws {
        // The chain 0 -> 1 -> 2 -> 6, plus vertices 3, 4, 5 wired from the input and among themselves but never
        // to the output: 9 edges written, 3 after pruning; then 13 written, 4 after pruning.
        let cell = try NB101Architecture(
            text: "adjacency=0101110/0010000/0000001/0000110/0000010/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output")
        #expect(cell.edgeCount == 9)
        #expect(cell.pruned.edgeCount == 3)
        let heavier = try NB101Architecture(
            text: "adjacency=0111110/0011110/0000001/0000110/0000010/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output")
        #expect(heavier.edgeCount == 13)
        #expect(heavier.pruned.edgeCount == 4)
    }

    @Test("Codable writes the benchmark's spec form and validates on decoding")
    func codable() throws {
        let chain = try NB101Architecture(text: Self.chainText)
        let json = String(decoding: try JSONEncoder().encode(chain), as: UTF8.self)
        #expect(json.contains("\"matrix\":[[0,1,0,0,0,0,0]"))
        #expect(json.contains("\"ops\":[\"input\",\"conv3x3-bn-relu\""))
        #expect(try JSONDecoder().decode(NB101Architecture.self, from: Data(json.utf8)) == chain)
        let disconnected = json.replacingOccurrences(of: "[0,0,1,0,0,0,0]", with: "[0,0,0,0,0,0,0]")
        #expect(disconnected != json)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NB101Architecture.self, from: Data(disconnected.utf8)) }
    }
}
