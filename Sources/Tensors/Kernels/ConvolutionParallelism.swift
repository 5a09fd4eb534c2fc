import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splitting the loops of the image kernels (im2col, depthwise convolution, pooling, batch norm) over the
/// machine's cores with `DispatchQueue.concurrentPerform`.
///
/// Work is cut into one contiguous slice per core rather than one task per item, so that small items (one
/// 8x8 plane) do not drown in scheduling; loops too small to pay for a thread hand-off run inline.
enum ImageParallelism {
    /// The number of online processors, read once.
    static let processorCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Below this many scalar operations in total a loop runs on the calling thread.
    static let minimumParallelWork = 1 << 15

    /// Calls `body` with disjoint ranges that together cover `0..<count`, in parallel when the total work
    /// (`count · workPerItem` scalar operations) is large enough.
    ///
    /// `body` must only write memory that belongs to the items of its range.
    @inline(__always)
    static func forEachSlice(count: Int, workPerItem: Int, _ body: (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let slices = min(count, processorCount)
        if slices <= 1 || count * workPerItem < minimumParallelWork {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(body: body)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                let lower = count * slice / slices
                let upper = count * (slice + 1) / slices
                shared.body(lower..<upper)
            }
        }
    }

    /// Calls `body(worker)` for every worker in `0..<count` at once, each on its own thread.
    ///
    /// `body` must only write memory that belongs to its worker.
    @inline(__always)
    static func forEachWorker(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 {
            if count == 1 { body(0) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedWorker(body: body)
            DispatchQueue.concurrentPerform(iterations: count) { shared.body($0) }
        }
    }

    /// A worker body, shared like ``SharedBody``.
    private struct SharedWorker: @unchecked Sendable {
        let body: (Int) -> Void
    }

    /// The loop body, handed to `concurrentPerform`'s threads.
    ///
    /// The kernels' bodies capture raw buffer pointers, which are not `Sendable`. Sharing them is safe here
    /// because every slice writes only its own items' memory, all threads only read the rest, and
    /// `concurrentPerform` returns after the last slice: the contract stated on ``forEachSlice(count:workPerItem:_:)``.
    private struct SharedBody: @unchecked Sendable {
        let body: (Range<Int>) -> Void
    }
}
