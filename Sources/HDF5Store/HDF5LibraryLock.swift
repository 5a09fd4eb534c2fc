#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A recursive mutex that serialises every call into libhdf5 in this process.
///
/// libhdf5 is safe to call from several threads only when built with `--enable-threadsafe` (Debian's 1.10.8
/// serial package is; the default build from source, and the copy h5py bundles, are not). Without that, its
/// identifier tables, metadata cache, free lists and error stack are unprotected globals, and two threads
/// inside the library at once corrupt them ("double free or corruption"), even when they work on different
/// files. So that HDF5Store is safe with any build, every entry point takes this lock (see
/// ``withLibraryLock(_:)``); with a thread-safe build it only adds one more lock per call.
/// It is recursive because public methods call one another and internal helpers (error reporting, handle
/// cleanup) take it again while it is held; every locked region is synchronous, so the thread that takes the
/// lock is the thread that releases it.
///
/// `@unchecked Sendable` is sound: the only stored property is a pointer, set once in `init` and never
/// reassigned, to a mutex that is initialised before the instance is published and is only ever touched
/// through `pthread_mutex_lock`/`pthread_mutex_unlock`, which are safe to call from any thread. The mutex
/// lives on the heap (`UnsafeMutablePointer`) because a pthread mutex must not move once initialised.
final class HDF5LibraryLock: @unchecked Sendable {
    /// The lock every libhdf5 call in the process goes through.
    static let shared = HDF5LibraryLock()

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    private init() {
        mutex = .allocate(capacity: 1)
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        defer { pthread_mutexattr_destroy(&attributes) }
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_RECURSIVE))
        let status = pthread_mutex_init(mutex, &attributes)
        if status != 0 { fatalError("HDF5LibraryLock: pthread_mutex_init failed with error \(status)") }
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` while holding the lock, taking it again if this thread already holds it.
    func withLock<Result: ~Copyable, Failure: Error>(
        _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// Runs `body`, which may call libhdf5, while holding the process-wide ``HDF5LibraryLock``.
///
/// Wrap every region that calls an `H5*` function (or a `naskit_H5*` getter, which may initialise the
/// library) in this, including the closing of handles. Nesting is allowed.
func withLibraryLock<Result: ~Copyable, Failure: Error>(
    _ body: () throws(Failure) -> Result
) throws(Failure) -> Result {
    try HDF5LibraryLock.shared.withLock(body)
}
