import Foundation

/// Step times of several methods against a reference step, measured round by round in the same run: in each
/// round the reference takes `steps` steps, then every method a one-epoch search of `steps` steps; each method's
/// round median is divided by the reference's round median, so a change in the machine's load between rounds
/// moves both. The first two steps of every method and of the reference (first touches of memory, the allocator
/// growing its heap) are warm-ups and are left out.
struct StepTimeStudy {
    /// One row of the table.
    struct Row {
        /// The method's name.
        let name: String
        /// The median step time over every timed step, in seconds.
        let medianSeconds: Double
        /// The median over rounds of (method's round median) / (reference's round median).
        let ratio: Double
        /// The number of timed steps.
        let steps: Int
    }

    /// Rounds of measurement.
    let rounds: Int
    /// Steps per round (at least 3: the first two of the first round are warm-ups).
    let steps: Int
    /// The warm-up steps of the first round.
    static let warmup = 2

    /// The reference's row (ratio 1) followed by one row per method.
    func run(
        reference: () throws -> Void, methods: inout [any SteppedMethod], batches: BenchmarkBatches,
        progress: (String) -> Void
    ) throws -> [Row] {
        precondition(steps > Self.warmup && rounds >= 1, "StepTimeStudy: at least \(Self.warmup + 1) steps and 1 round")
        var referenceSeconds: [[Double]] = []
        var methodSeconds = [[[Double]]](repeating: [], count: methods.count)
        for round in 0..<rounds {
            var times = try Timing.seconds(warmup: round == 0 ? Self.warmup : 0, repetitions: steps, reference)
            referenceSeconds.append(times)
            progress(String(format: "round %d: reference %.3f s", round + 1, Timing.median(times)))
            for index in methods.indices {
                let before = methods[index].seconds.count
                try methods[index].runRound(round, batches: batches)
                times = Array(methods[index].seconds[before...])
                if round == 0 { times.removeFirst(Self.warmup) }
                methodSeconds[index].append(times)
                progress(String(format: "round %d: %@ %.3f s", round + 1, methods[index].name, Timing.median(times)))
            }
        }
        let referenceMedians = referenceSeconds.map(Timing.median)
        var rows = [Row(
            name: "reference", medianSeconds: Timing.median(referenceSeconds.flatMap { $0 }), ratio: 1,
            steps: referenceSeconds.flatMap { $0 }.count)]
        for (index, method) in methods.enumerated() {
            let ratios = zip(methodSeconds[index], referenceMedians).map { Timing.median($0) / $1 }
            rows.append(Row(
                name: method.name, medianSeconds: Timing.median(methodSeconds[index].flatMap { $0 }),
                ratio: Timing.median(ratios), steps: methodSeconds[index].flatMap { $0 }.count))
        }
        return rows
    }
}
