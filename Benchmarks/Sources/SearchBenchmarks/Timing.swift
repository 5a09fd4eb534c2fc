/// Wall-clock timing for the search benchmarks.
enum Timing {
    static let clock = ContinuousClock()

    /// Seconds in a duration.
    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }

    /// The seconds `body` takes, and its result.
    static func measure<Result>(_ body: () throws -> Result) rethrows -> (seconds: Double, result: Result) {
        let start = clock.now
        let result = try body()
        return (seconds(clock.now - start), result)
    }
}
