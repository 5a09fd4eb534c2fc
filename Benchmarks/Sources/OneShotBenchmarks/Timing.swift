import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing for the one-shot benchmarks: medians, so that a step disturbed by the other processes of a
/// shared machine does not move the figure.
enum Timing {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The seconds of each of `repetitions` runs of `body`, after `warmup` untimed runs.
    static func seconds(warmup: Int, repetitions: Int, _ body: () throws -> Void) rethrows -> [Double] {
        for _ in 0..<warmup { try body() }
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = now()
            try body()
            times.append(now() - start)
        }
        return times
    }

    /// The median of `values` (the mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "Timing.median: no values")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The machine's load averages over 1, 5 and 15 minutes (/proc/loadavg), or nil where there is none.
    static func loadAverages() -> String? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").prefix(3).joined(separator: ", ")
    }

    /// The process's peak resident memory in bytes (VmHWM in /proc/self/status), or nil where there is none.
    static func peakResidentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.filter(\.isNumber))
        else { return nil }
        return kilobytes * 1024
    }
}
