import NASCore
import NASSpaces
import Testing
import _TestSupport

/// The number of neighbours SPACE.md documents: the distinct new keys among the single-decision changes of the
/// canonical form that do not leave four skip layers.
func documentedNeighborCount(of architecture: GraphArchitecture, in space: GraphSpace) -> Int {
    let base = space.choices(of: architecture.canonical)
    var keys: Set<ArchitectureKey> = [space.key(of: architecture)]
    for (decision, options) in space.decisions.enumerated() {
        for option in options.options.indices where option != base[decision] {
            var changed = base
            changed[decision] = option
            if let neighbor = space.architecture(fromChoices: changed) { keys.insert(space.key(of: neighbor)) }
        }
    }
    return keys.count - 1
}

@Suite("GraphSpace conformance")
struct GraphConformanceTests {
    let check = SearchSpaceConformance(GraphSpace(), seed: 0, sampleCount: 300)

    @Test("parse(format(a)) == a")
    func textRoundTrip() {
        #expect(check.textRoundTrip() == [])
    }

    @Test("mutation returns a different valid architecture, one decision changed, one of the neighbours")
    func mutation() {
        #expect(check.mutation() == [])
        #expect(check.mutationChangesOneDecision() == [])
        #expect(check.mutantsAreNeighbors() == [])
    }

    @Test("neighbours are distinct, valid, one decision away, as many as documented")
    func neighbors() {
        let space = GraphSpace()
        #expect(check.neighbors(expectedCount: { documentedNeighborCount(of: $0, in: space) }) == [])
        #expect(check.neighborsChangeOneDecision() == [])
    }

    @Test("keys are deterministic and survive the text and Codable round trips")
    func keys() {
        #expect(check.keys(distinguishArchitectures: false) == [])
        #expect(check.codableRoundTrip() == [])
    }

    @Test("encodings have the documented lengths: one-hot 45, adjacency + one-hot 51, path 7,380")
    func encodings() {
        #expect(check.encodings(expectedLengths: [.oneHot: 45, .adjacencyOneHot: 51, .path: 7_380]) == [])
    }

    @Test("choices and architecture(fromChoices:) round-trip; index is a bijection onto 0..<26206")
    func choicesAndIndex() {
        #expect(check.choicesRoundTrip() == [])
        #expect(check.indexBijection(exhaustiveLimit: 26_206) == [])
    }

    /// Computed independently of NASKit by `Scripts/import-graph-reference.py`: the benchmark's own `all_archs()`
    /// sorted by key, indexed by a Python transcription of SplitMix64, xoshiro256** and Lemire's bounded draw.
    @Test("seed 0 samples the same architectures in every process")
    func seededSampling() {
        let golden = [
            "links=[0,1,1,2] ops=sage,sage,sage,gin", "links=[0,1,2,2] ops=cheb,arma,graph,skip",
            "links=[0,0,1,1] ops=gat,gcn,gin,arma", "links=[0,0,1,3] ops=graph,cheb,fc,cheb",
            "links=[0,1,2,2] ops=gin,arma,gcn,arma", "links=[0,1,2,3] ops=skip,skip,skip,gcn",
            "links=[0,0,1,3] ops=graph,graph,gcn,graph", "links=[0,1,1,2] ops=gcn,sage,arma,cheb",
        ]
        let keys = ["64442", "73568", "20125", "46373", "72515", "88881", "46616", "61453"]
        #expect(check.seededSampling(seed: 0, expectedTexts: golden, expectedKeys: keys) == [])
    }

    @Test("invalid texts are rejected with messages naming the problem")
    func rejects() {
        let invalid = [
            "",
            "links=[0,1,2,1]",
            "links=[0,1,2] ops=gcn,gin,fc,cheb",
            "links=[0,1,3,1] ops=gcn,gin,fc,cheb",
            "links=[0,1,2,1] ops=gcn,conv,fc,cheb",
            "links=[0,1,2,1] ops=gcn,gin,fc",
            "links=[0,0,0,0] ops=skip,skip,skip,skip",
            "links=[0,x,2,1] ops=gcn,gin,fc,cheb",
            "links=0,1,2,1 ops=gcn,gin,fc,cheb",
            "ops=gcn,gin,fc,cheb links=[0,1,2,1]",
            "links=[1,1,2,1] ops=gcn,gin,fc,cheb",
        ]
        let fragments = [
            "empty text",
            "two fields",
            "links has 3 entries, expected 4",
            "links[2] is 3, but layer 3 can only take its input from 0 (the input) to 2",
            "unknown operation \"conv\" at ops[1]",
            "ops has 3 entries, expected 4",
            "all four operations are skip",
            "links[1] \"x\" is not an integer",
            "not a bracketed list",
            "two fields, links= then ops=",
            "links[0] is 1, but layer 1 can only take its input from 0 (the input)",
        ]
        #expect(check.rejects(invalid, expectedFragments: fragments) == [])
    }
}

@Suite("GraphSpace.proteins conformance")
struct GraphProteinsConformanceTests {
    let check = SearchSpaceConformance(GraphSpace.proteins, seed: 0, sampleCount: 200)

    @Test("the five-operation space passes the whole suite")
    func suite() {
        let space = GraphSpace.proteins
        #expect(check.textRoundTrip() == [])
        #expect(check.mutation() == [])
        #expect(check.mutationChangesOneDecision() == [])
        #expect(check.mutantsAreNeighbors() == [])
        #expect(check.neighbors(expectedCount: { documentedNeighborCount(of: $0, in: space) }) == [])
        #expect(check.neighborsChangeOneDecision() == [])
        #expect(check.keys(distinguishArchitectures: false) == [])
        #expect(check.codableRoundTrip() == [])
        #expect(check.encodings(expectedLengths: [.oneHot: 29, .adjacencyOneHot: 35, .path: 780]) == [])
        #expect(check.choicesRoundTrip() == [])
        #expect(check.indexBijection(exhaustiveLimit: 2_021) == [])
        #expect(check.rejects(["links=[0,1,2,1] ops=gcn,gin,fc,cheb"], expectedFragments: ["operation gin at ops[1] is not in this space"]) == [])
    }

    /// From `Scripts/import-graph-reference.py`, as for the nine-operation space.
    @Test("seed 0 samples the same architectures in every process")
    func seededSampling() {
        let golden = [
            "links=[0,1,1,2] ops=arma,fc,arma,gcn", "links=[0,1,2,2] ops=arma,sage,sage,sage",
            "links=[0,0,1,1] ops=gcn,gcn,fc,skip", "links=[0,1,1,1] ops=gcn,gcn,skip,skip",
            "links=[0,1,2,2] ops=sage,fc,sage,sage", "links=[0,1,2,3] ops=skip,skip,skip,fc",
            "links=[0,1,1,1] ops=gcn,arma,arma,fc", "links=[0,1,1,2] ops=sage,gcn,fc,fc",
        ]
        let keys = ["65751", "75444", "21178", "51188", "74744", "88887", "51557", "64177"]
        #expect(check.seededSampling(seed: 0, expectedTexts: golden, expectedKeys: keys) == [])
    }
}
