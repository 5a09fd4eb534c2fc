import NASSpaces
import Seeding
import Testing

@testable import OneShot

/// DARTS's `genotype()` rule on hand-made score tables, and the single-path choice encoding.
@Suite struct DARTSSupernetGenotypeTests {
    /// A table where every edge scores `none` 0.9 (ignored), with one distinguished operation per edge.
    static func table(_ entries: [Int: (operation: Int, score: Double)]) -> [[Double]] {
        (0..<14).map { edge in
            var row = [0.9] + Array(repeating: 0.01, count: 7)
            if let entry = entries[edge] { row[entry.operation] = entry.score }
            return row
        }
    }

    /// Normal cell, worked by hand with `model_search.py`'s `_parse`:
    /// - node 2: 2<-0 sep_conv_3x3 0.3, 2<-1 skip 0.5 → (skip, 1), (sep_conv_3x3, 0): stronger first;
    /// - node 3: 3<-0 max_pool 0.4, 3<-1 dil_conv_5x5 0.4, 3<-2 avg_pool 0.2 → tie between inputs 0 and 1: the
    ///   lower input first, (max_pool, 0), (dil_conv_5x5, 1);
    /// - node 4: no distinguished operation, every edge scores 0.01 everywhere but `none` (0.9) → all tie: the
    ///   first operation (max_pool) on the two lowest inputs, (max_pool, 0), (max_pool, 1);
    /// - node 5: 5<-4 sep_conv_5x5 0.6, 5<-2 dil_conv_3x3 0.35 → (sep_conv_5x5, 4), (dil_conv_3x3, 2).
    /// Reduce cell: node 2 equal operations within an edge: 2<-0 has avg_pool and skip both 0.7 → avg_pool (the
    /// earlier); the rest all-tied as node 4 above.
    @Test func reproducesDARTSsGenotypeRuleWithItsTies() throws {
        let supernet = try DARTSSupernetTests.supernet()
        let normal = Self.table([
            0: (4, 0.3), 1: (3, 0.5), 2: (1, 0.4), 3: (7, 0.4), 4: (2, 0.2), 11: (6, 0.35), 13: (5, 0.6),
        ])
        var reduce = Self.table([:])
        reduce[0][2] = 0.7
        reduce[0][3] = 0.7
        let derived = supernet.derive(fromScores: [normal, reduce])
        #expect(supernet.space.format(derived)
            == "Genotype(normal=[('skip_connect', 1), ('sep_conv_3x3', 0), ('max_pool_3x3', 0), ('dil_conv_5x5', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1), ('sep_conv_5x5', 4), ('dil_conv_3x3', 2)], normal_concat=[2, 3, 4, 5], reduce=[('avg_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1), ('max_pool_3x3', 0), ('max_pool_3x3', 1)], reduce_concat=[2, 3, 4, 5])")
        #expect((try? DARTSSpace().parse(supernet.space.format(derived))) == derived)
    }

    /// A genotype's choices put its operations on its edges and `none` elsewhere, and read back as the canonical
    /// genotype; its selections are the choices' single paths with `none` off.
    @Test func choicesRoundTripThroughTheGenotype() throws {
        let supernet = try DARTSSupernetTests.supernet()
        let genotype = DARTSArchitecture.dartsV2
        let choices = supernet.choices(of: genotype)
        #expect(choices[0] == [4, 4, 4, 4, 0, 3, 4, 0, 0, 3, 0, 6, 0, 0])
        #expect(try supernet.architecture(fromChoices: choices) == genotype.canonical)
        #expect(supernet.selections(for: genotype).map { $0.map(\.computed) }
            == choices.map { $0.map { $0 == 0 ? [] : [$0] } })
        var rng = Xoshiro256(seed: 3)
        for _ in 0..<20 {
            let sampled = DARTSSpace().sampleArchitecture(using: &rng)
            #expect(try supernet.architecture(fromChoices: supernet.choices(of: sampled)) == sampled.canonical)
        }
    }

    /// Choices that are not a genotype are refused naming the node and its edges; a uniform draw per edge (what
    /// random weight sharing and ENAS draw) is refused too.
    @Test func refusesChoicesThatAreNotAGenotype() throws {
        let supernet = try DARTSSupernetTests.supernet()
        var choices = supernet.choices(of: .dartsV2)
        choices[1][2] = 5  // reduce 3<-0 on top of 3<-1 and 3<-2
        #expect(throws: SupernetError(
            "DARTS supernet: the reduce cell's node 3 has 3 edges that are not 'none' (3<-0, 3<-1, 3<-2); a genotype keeps exactly two inputs per node, so choose 'none' (0) on all but two of its edges. A uniform draw per edge (random weight sharing, ENAS) almost never does: draw genotypes instead (DARTSSpace.sampleArchitecture, then choices(of:))"
        )) { try supernet.architecture(fromChoices: choices) }
        #expect(throws: SupernetError(
            "DARTS supernet: choices [[0, 8]] are not two lists (normal, reduce) of 14 operation indices in 0..<8"
        )) { try supernet.architecture(fromChoices: [[0, 8]]) }
        var rng = Xoshiro256(seed: 1)
        let uniform = (0..<2).map { _ in (0..<14).map { _ in rng.uniformInt(below: 8) } }
        #expect(throws: SupernetError.self) { try supernet.architecture(fromChoices: uniform) }
    }
}
