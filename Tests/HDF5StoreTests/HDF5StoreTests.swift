import Testing

/// Every HDF5Store suite is nested here. They may run in parallel: HDF5Store serialises its libhdf5 calls
/// itself (see ConcurrencyTests).
@Suite("HDF5Store")
struct HDF5StoreTests {}
