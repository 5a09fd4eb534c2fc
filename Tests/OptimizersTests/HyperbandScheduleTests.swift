import NASCore
import Optimizers
import Testing

@Suite("HyperbandSchedule")
struct HyperbandScheduleTests {
    private typealias Rung = SuccessiveHalvingBracket.Rung

    @Test("NAS-Bench-201's [12, 200] with eta 3: rungs [12, 200]; brackets s = 1 (3 at 12, 1 at 200), s = 0 (2 at 200)")
    func nb201Fidelities() throws {
        let schedule = try HyperbandSchedule(fidelities: [12, 200], eta: 3, optimizer: "hyperband")
        // Ideal rungs 200, 200/3 = 66.7, 200/9 = 22.2 (12·27 = 324 > 200 ends the grid); snapped down to the
        // available fidelities: 200, 12, 12 -> [12, 200], S = 1.
        #expect(schedule.rungs == [12, 200])
        // s = 1: n = ⌈2/2 · 3⌉ = 3 at 12, ⌊3/3⌋ = 1 at 200. s = 0: n = ⌈2/1 · 1⌉ = 2 at 200.
        #expect(schedule.brackets.map(\.rungs) == [
            [Rung(fidelity: 12, size: 3), Rung(fidelity: 200, size: 1)],
            [Rung(fidelity: 200, size: 2)],
        ])
        // 3·12 + 200 (the promotion is a separate 200-epoch run) + 2·200.
        #expect(schedule.brackets.map(\.epochs) == [236, 400])
    }

    @Test("every epoch 1...200 with eta 3: rungs [2, 7, 22, 66, 200] and Li et al.'s 81/34/15/8/5 brackets")
    func everyEpoch() throws {
        let schedule = try HyperbandSchedule(fidelities: Array(1...200), eta: 3, optimizer: "hyperband")
        // 200/3 = 66.7 -> 66, 200/9 = 22.2 -> 22, 200/27 = 7.4 -> 7, 200/81 = 2.5 -> 2; 243 > 200 ends the grid.
        #expect(schedule.rungs == [2, 7, 22, 66, 200])
        // S = 4; n_s = ⌈5/(s+1) · 3^s⌉ = 81, ⌈33.75⌉ = 34, 15, ⌈7.5⌉ = 8, 5; rung i keeps ⌊n_s / 3^i⌋.
        #expect(schedule.brackets.map(\.rungs) == [
            [Rung(fidelity: 2, size: 81), Rung(fidelity: 7, size: 27), Rung(fidelity: 22, size: 9),
             Rung(fidelity: 66, size: 3), Rung(fidelity: 200, size: 1)],
            [Rung(fidelity: 7, size: 34), Rung(fidelity: 22, size: 11), Rung(fidelity: 66, size: 3),
             Rung(fidelity: 200, size: 1)],
            [Rung(fidelity: 22, size: 15), Rung(fidelity: 66, size: 5), Rung(fidelity: 200, size: 1)],
            [Rung(fidelity: 66, size: 8), Rung(fidelity: 200, size: 2)],
            [Rung(fidelity: 200, size: 5)],
        ])
    }

    @Test("an exact power grid keeps its exact rungs: 1...81 with eta 3 gives 1, 3, 9, 27, 81")
    func exactGrid() throws {
        #expect(HyperbandSchedule.rungs(fidelities: Array(1...81), eta: 3) == [1, 3, 9, 27, 81])
        #expect(HyperbandSchedule.rungs(fidelities: [1, 3, 9, 27, 81], eta: 3) == [1, 3, 9, 27, 81])
        // Sparse fidelities merge rungs: 81/3 = 27 -> 10, 81/9 = 9 -> 1 (the largest available not above).
        #expect(HyperbandSchedule.rungs(fidelities: [1, 10, 81], eta: 3) == [1, 10, 81])
        #expect(HyperbandSchedule.rungs(fidelities: [5, 6], eta: 3) == [6])
    }

    @Test("fewer than two fidelities are refused, naming the problem and the fix")
    func refusesSingleFidelity() {
        let none = #expect(throws: SearchError.self) {
            try HyperbandSchedule(fidelities: [], eta: 3, optimizer: "hyperband")
        }
        #expect(
            none?.message
                == "hyperband needs a table with at least two fidelities; nb201's test_accuracy has 12 and 200 and "
                + "tables made by training have every epoch 1...E, but this objective has none (a final value only): "
                + "search such an objective, or use a single-fidelity optimizer such as random search")
        let one = #expect(throws: SearchError.self) {
            try HyperbandSchedule(fidelities: [200], eta: 3, optimizer: "hyperband")
        }
        #expect(one?.message.contains("but this objective has one (200):") == true)
        let unordered = #expect(throws: SearchError.self) {
            try HyperbandSchedule(fidelities: [200, 12], eta: 3, optimizer: "hyperband")
        }
        #expect(
            unordered?.message
                == "hyperband: the fidelities must be positive epochs in ascending order (got 200, 12); pass the "
                + "evaluator's fidelities")
    }

    @Test("ranking: objective descending, ties to the one evaluated first")
    func ranking() {
        #expect(SuccessiveHalvingBracket.ranking(of: [3, 9, 1, 9, 5]) == [1, 3, 4, 0, 2])
        #expect(SuccessiveHalvingBracket.ranking(of: [7, 7, 7]) == [0, 1, 2])
    }
}
