import Testing

/// Every HDF5Store suite is nested here and runs serially: Debian's libhdf5 is not thread-safe, and Swift
/// Testing would otherwise run tests in parallel.
@Suite("HDF5Store", .serialized)
struct HDF5StoreTests {}
