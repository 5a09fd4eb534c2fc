#if canImport(Glibc)
import Glibc
#endif

/// Wall seconds from a monotonic clock, for the timings runs and studies record (never in results that must repeat).
enum MonotonicClock {
    /// Seconds since an arbitrary fixed point.
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
