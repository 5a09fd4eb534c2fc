import HDF5Store
import Testing
import _TestSupport

extension HDF5StoreTests {
    @Suite("Attributes")
    struct AttributeTests {
        @Test("string, integer and double attributes round-trip on the file, groups and datasets")
        func roundTrip() throws {
            let directory = TemporaryDirectory()
            let path = directory.file("attributes.h5")
            do {
                let file = try HDF5File(path: path, mode: .truncate)
                try file.write(HDF5Array([Float(1), 2]), to: "/cifar10/test_acc")
                try file.setAttribute("source", to: .string("NAS-Bench-201-v1_1-096897.pth — ünïcödé"))
                try file.setAttribute("seed", to: .int64(-9_007_199_254_740_993))
                try file.setAttribute("epochs", to: .int64(200), at: "/cifar10")
                try file.setAttribute("scale", to: .double(0.1), at: "/cifar10/test_acc")
                try file.setAttribute("empty", to: .string(""), at: "/cifar10/test_acc")
                try file.setAttribute("seed", to: .int64(7))  // replaces
            }
            let file = try HDF5File(path: path)
            #expect(try file.attributeNames() == ["seed", "source"])
            #expect(try file.attribute("source") == .string("NAS-Bench-201-v1_1-096897.pth — ünïcödé"))
            #expect(try file.attribute("seed") == .int64(7))
            #expect(try file.attribute("epochs", at: "cifar10") == .int64(200))
            #expect(try file.attribute("scale", at: "/cifar10/test_acc") == .double(0.1))
            #expect(try file.attribute("empty", at: "/cifar10/test_acc") == .string(""))
            #expect(try file.attributeNames(at: "/cifar10/test_acc") == ["empty", "scale"])
        }

        @Test("a missing attribute lists the ones that exist")
        func missing() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(
                path: directory.file("attributes.h5"), mode: .truncate, recoverySuggestion: "re-run the importer")
            try file.setAttribute("version", to: .string("1.0"))
            try file.setAttribute("commit", to: .string("abc"))
            #expect(
                throws: HDF5Error(
                    "\(file.path): no attribute 'seed' on / (available: commit, version); re-run the importer")
            ) {
                try file.attribute("seed")
            }
            #expect(throws: HDF5Error("\(file.path): no object /nothing (available: none); re-run the importer")) {
                try file.setAttribute("seed", to: .int64(1), at: "/nothing")
            }
        }

        @Test("attributes cannot be set on a read-only file")
        func readOnly() throws {
            let directory = TemporaryDirectory()
            let path = directory.file("attributes.h5")
            _ = try HDF5File(path: path, mode: .truncate)
            let file = try HDF5File(path: path, mode: .readOnly)
            #expect(
                throws: HDF5Error(
                    "\(path) is open read-only; cannot set attribute 'seed' on / (open it with .readWrite)")
            ) {
                try file.setAttribute("seed", to: .int64(1))
            }
        }
    }
}
