import NASCore
import NASSpaces
import Testing

@Suite("NB101 encodings")
struct NB101EncodingTests {
    let space = NB101Space()

    @Test("the encodings are adjacency-one-hot (21 + 5·3) and path (3⁰ + ... + 3⁵)")
    func lengths() {
        #expect(space.encodings == [.adjacencyOneHot, .path])
        #expect(NB101Space.adjacencyOneHotLength == 36)
        #expect(NB101Space.pathEncodingLength == 364)
    }

    @Test("adjacency-one-hot: the upper triangle row by row, then NASLib's one-hot columns per vertex")
    func adjacencyOneHot() throws {
        let cell = try space.parse(
            "adjacency=0100001/0010000/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,maxpool3x3,conv3x3-bn-relu,output")
        let vector = space.encode(cell, as: .adjacencyOneHot)
        let ones = vector.enumerated().filter { $0.element == 1 }.map(\.offset)
        // Edges (0,1) slot 0, (0,6) slot 5, (1,2) slot 6, (2,6) slot 14; operations: conv3x3 -> column 1,
        // conv1x1 -> 2, maxpool -> 0, each vertex at 21 + 3·(vertex - 1).
        #expect(ones == [0, 5, 6, 14, 21 + 1, 24 + 2, 27 + 0, 30 + 0, 33 + 1])
        #expect(vector.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test("path: one indicator per input-to-output operation sequence, at Σ 3^i·(op + 1)")
    func pathEncoding() throws {
        // Paths: input -> output (index 0); input -> 1 -> output: [conv3x3] (1); input -> 1 -> 2 -> output:
        // [conv3x3, conv1x1] (1 + 3·2 = 7).
        let cell = try space.parse(
            "adjacency=0100001/0010001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output")
        #expect(space.pathIndices(of: cell) == [0, 1, 7])
        let vector = space.encode(cell, as: .path)
        #expect(vector.enumerated().filter { $0.element == 1 }.map(\.offset) == [0, 1, 7])
        // The chain of five 3x3 convolutions: one path of length 5, index 1 + 3 + 9 + 27 + 81 = 121; of five
        // max pools: 3·121 = 363, the last slot.
        let chain = try space.parse(NB101ArchitectureTests.chainText)
        #expect(space.pathIndices(of: chain) == [121])
        let pools = try space.parse(NB101ArchitectureTests.chainText.replacingOccurrences(of: "conv3x3-bn-relu", with: "maxpool3x3"))
        #expect(space.pathIndices(of: pools) == [363])
    }

    @Test("two parallel branches with the same operation are one path index, set once")
    func parallelBranches() throws {
        let cell = try space.parse(
            "adjacency=0110000/0000001/0000001/0000000/0000000/0000000/0000000 "
                + "ops=input,maxpool3x3,maxpool3x3,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,output")
        #expect(space.pathIndices(of: cell) == [3, 3])
        let vector = space.encode(cell, as: .path)
        #expect(vector.reduce(0, +) == 1 && vector[3] == 1)
    }

    @Test("unused vertices change the adjacency encoding (as written, like NASLib's) but not the path encoding")
    func unusedParts() throws {
        let base = try space.parse(
            "adjacency=0100000/0000001/0000000/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,maxpool3x3,output")
        let dangling = try space.parse(
            "adjacency=0110000/0000001/0001000/0000000/0000000/0000000/0000000 "
                + "ops=input,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,maxpool3x3,maxpool3x3,output")
        #expect(space.key(of: base) == space.key(of: dangling))
        #expect(space.encode(base, as: .path) == space.encode(dangling, as: .path))
        #expect(space.encode(base, as: .adjacencyOneHot) != space.encode(dangling, as: .adjacencyOneHot))
    }

    /// Expected from NASLib's `encode_adj` and `get_path_indices` (naslib/search_spaces/nasbench101/encodings.py)
    /// run in Python on the same cells (the first and fourth golden draws of the conformance test).
    @Test(
        "both encodings equal NASLib's on sampled cells",
        arguments: [
            (
                "adjacency=0110100/0001101/0001110/0000011/0000000/0000001/0000000 ops=input,maxpool3x3,conv3x3-bn-relu,conv1x1-bn-relu,maxpool3x3,maxpool3x3,output",
                [0, 1, 3, 7, 8, 10, 11, 12, 13, 16, 17, 20, 21, 25, 29, 30, 33], [3, 7, 9, 10, 34, 36]
            ),
            (
                "adjacency=0011100/0011111/0000100/0000110/0000000/0000001/0000000 ops=input,conv3x3-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,conv3x3-bn-relu,conv1x1-bn-relu,output",
                [1, 2, 3, 6, 7, 8, 9, 10, 12, 15, 16, 20, 22, 25, 29, 31, 35], [8]
            ),
        ])
    func matchesNASLib(text: String, adjacencyOnes: [Int], pathOnes: [Int]) throws {
        let cell = try space.parse(text)
        #expect(space.encode(cell, as: .adjacencyOneHot).enumerated().filter { $0.element == 1 }.map(\.offset) == adjacencyOnes)
        #expect(space.encode(cell, as: .path).enumerated().filter { $0.element == 1 }.map(\.offset) == pathOnes)
    }
}
