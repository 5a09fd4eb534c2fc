import HDF5Store
import Testing
import _TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HDF5StoreTests {
    @Suite("Error messages")
    struct ErrorMessageTests {
        /// A file with /cifar10/{test_acc, train_acc} and its path.
        static func benchmark(in directory: TemporaryDirectory) throws -> String {
            let path = directory.file("nb201.h5")
            let file = try HDF5File(path: path, mode: .truncate)
            try file.write(
                HDF5Array(shape: [2, 3], values: [Float](repeating: 0.5, count: 6)), to: "/cifar10/test_acc")
            try file.write(HDF5Array([Float](repeating: 0.25, count: 1000)), to: "/cifar10/train_acc")
            return path
        }

        @Test("a missing dataset lists what is there and says what to do")
        func missingDataset() throws {
            let directory = TemporaryDirectory()
            let path = try Self.benchmark(in: directory)
            let file = try HDF5File(path: path, recoverySuggestion: "re-run the importer")
            #expect(
                throws: HDF5Error(
                    "\(path): no dataset /cifar10/val_acc (available: test_acc, train_acc); re-run the importer")
            ) {
                try file.read(Float.self, at: "/cifar10/val_acc")
            }
            #expect(
                throws: HDF5Error(
                    "\(path): no dataset /cifar100/val_acc: there is no group /cifar100 (available in /: cifar10); re-run the importer"
                )
            ) {
                try file.shape(at: "/cifar100/val_acc")
            }
            #expect(
                throws: HDF5Error(
                    "\(path): no dataset /cifar10/test_acc/x: /cifar10/test_acc is a dataset, not a group; re-run the importer"
                )
            ) {
                try file.read(Float.self, at: "/cifar10/test_acc/x")
            }
            #expect(
                throws: HDF5Error(
                    "\(path): /cifar10 is a group, not a dataset (it holds: test_acc, train_acc); re-run the importer")
            ) {
                try file.read(Float.self, at: "/cifar10")
            }
            #expect(
                throws: HDF5Error(
                    "\(path): no group /cifar10/test (available: test_acc, train_acc); re-run the importer")
            ) {
                try file.children(of: "/cifar10/test")
            }
        }

        @Test("reading a Float dataset as another type names both types")
        func wrongType() throws {
            let directory = TemporaryDirectory()
            let path = try Self.benchmark(in: directory)
            let file = try HDF5File(path: path)
            #expect(
                throws: HDF5Error("\(path): dataset /cifar10/test_acc holds Float values, not Int32; read it as Float")
            ) {
                try file.read(Int32.self, at: "/cifar10/test_acc")
            }
            #expect(
                throws: HDF5Error("\(path): dataset /cifar10/test_acc holds Float values, not Double; read it as Float")
            ) {
                try file.read(Double.self, at: "/cifar10/test_acc")
            }
            #expect(try file.shape(at: "/cifar10/test_acc") == [2, 3])
        }

        @Test("a truncated file is reported as not HDF5 or truncated", arguments: [0.5, 0.99, 0.001])
        func truncated(fraction: Double) throws {
            let directory = TemporaryDirectory()
            let path = try Self.benchmark(in: directory)
            let size = TemporaryDirectory.size(of: path)
            #expect(size > 4000)
            let kept = Int(Double(size) * fraction)
            #expect(truncate(path, off_t(kept)) == 0)
            let error = #expect(throws: HDF5Error.self) { try HDF5File(path: path) }
            let message = try #require(error?.message)
            #expect(message.hasPrefix("\(path) is not an HDF5 file (or is truncated): "), "\(message)")
            #expect(message.hasSuffix("; re-create it"), "\(message)")
            if fraction >= 0.5 {  // the superblock survives and records the size the file should have
                #expect(
                    message.contains("truncated file: eof = \(kept), sblock->base_addr = 0, stored_eof = \(size)"),
                    "\(message)")
            }
        }

        @Test("a file that is not HDF5 is reported as such")
        func notHDF5() throws {
            let directory = TemporaryDirectory()
            let path = directory.write(Array("architecture,accuracy\nabc,0.5\n".utf8), to: "table.csv")
            #expect(
                throws: HDF5Error(
                    "\(path) is not an HDF5 file (or is truncated): no HDF5 signature found; re-create it")
            ) {
                try HDF5File(path: path)
            }
            var garbage: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]  // the signature, then noise
            garbage += (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
            let forged = directory.write(garbage, to: "forged.h5")
            let error = #expect(throws: HDF5Error.self) { try HDF5File(path: forged) }
            #expect(
                error?.message.hasPrefix("\(forged) is not an HDF5 file (or is truncated): ") == true,
                "\(String(describing: error))")
            let empty = directory.write([], to: "empty.h5")
            #expect(
                throws: HDF5Error(
                    "\(empty) is not an HDF5 file (or is truncated): no HDF5 signature found; re-create it")
            ) {
                try HDF5File(path: empty, mode: .readWrite)
            }
        }

        @Test("missing files, existing files and read-only files give their own messages")
        func openModes() throws {
            let directory = TemporaryDirectory()
            let missing = directory.path + "/missing.h5"
            #expect(throws: HDF5Error("\(missing): no such file; check the path, or create it with mode .truncate")) {
                try HDF5File(path: missing)
            }
            let path = try Self.benchmark(in: directory)
            #expect(
                throws: HDF5Error("\(path) already exists; open it with .readWrite, or use .truncate to replace it")
            ) {
                try HDF5File(path: path, mode: .exclusive)
            }
            let file = try HDF5File(path: path)
            #expect(throws: HDF5Error("\(path) is open read-only; cannot write dataset /new (open it with .readWrite)"))
            {
                try file.write(HDF5Array([Float(1)]), to: "/new")
            }
            #expect(throws: HDF5Error("\(path) is open read-only; cannot create group /new (open it with .readWrite)"))
            {
                try file.createGroup(at: "/new")
            }
            let created = directory.file("created.h5")
            _ = try HDF5File(path: created, mode: .exclusive)
            #expect(try HDF5File(path: created, mode: .readWrite).children() == [])
        }
    }
}
