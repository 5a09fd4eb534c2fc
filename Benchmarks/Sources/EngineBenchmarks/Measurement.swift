#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing and peak-memory readings for benchmarks.
enum Measurement {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The median of `repetitions` timings of `body`, after `warmup` untimed runs.
    static func medianSeconds(warmup: Int = 2, repetitions: Int = 10, _ body: () -> Void) -> Double {
        for _ in 0..<warmup { body() }
        var times: [Double] = []
        for _ in 0..<repetitions {
            let start = now()
            body()
            times.append(now() - start)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// The median of durations that `body` measures itself (to time one phase of a larger computation).
    static func medianOfTimed(warmup: Int = 2, repetitions: Int = 10, _ body: () -> Double) -> Double {
        for _ in 0..<warmup { _ = body() }
        var times = (0..<repetitions).map { _ in body() }
        times.sort()
        return times[times.count / 2]
    }

    /// Resets the kernel's peak resident-set-size counter of this process (Linux: /proc/self/clear_refs).
    static func resetPeakMemory() {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return }
        fputs("5", file)
        fclose(file)
    }

    /// Peak resident set size since the last reset, in MiB (Linux: VmHWM in /proc/self/status).
    static func peakMemoryMiB() -> Double {
        statusField("VmHWM:") / 1024
    }

    /// Current resident set size in MiB.
    static func residentMemoryMiB() -> Double {
        statusField("VmRSS:") / 1024
    }

    private static func statusField(_ name: String) -> Double {
        guard let file = fopen("/proc/self/status", "r") else { return .nan }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(cString: line)
            if text.hasPrefix(name) {
                let digits = text.dropFirst(name.count).filter { $0.isNumber }
                return Double(String(digits)) ?? .nan
            }
        }
        return .nan
    }
}
