import HDF5Store
import Testing

extension HDF5StoreTests {
    @Suite("HDF5Error")
    struct HDF5ErrorTests {
        @Test("describes itself by its message")
        func message() {
            #expect(
                "\(HDF5Error("nb201.h5 has no dataset /cifar10/val_acc"))" == "nb201.h5 has no dataset /cifar10/val_acc"
            )
        }
    }
}
