import Foundation
import HDF5Store
import Testing
import _TestSupport

extension HDF5StoreTests {
    @Suite("Byte-deterministic files")
    struct DeterminismTests {
        /// Writes groups, numeric and string datasets in every layout, and attributes on the root, a group and
        /// a dataset, to `path`.
        static func writeSample(to path: String) throws {
            let file = try HDF5File(path: path, mode: .truncate)
            try file.createGroup(at: "/cifar10/per_seed")
            try file.createGroup(at: "/empty")
            try file.write(HDF5Array(shape: [2, 3], values: [Float(1), 2, 3, 4, 5, 6]), to: "/cifar10/test_acc")
            try file.write(
                HDF5Array((0..<5000).map { Double($0) / 7 }), to: "/cifar10/per_seed/loss", layout: .compressed())
            try file.write(
                HDF5Array(shape: [4, 2], values: (0..<8).map { Int64($0) }), to: "/chunked",
                layout: .chunked([2, 2]))
            try file.write(HDF5Array(scalar: UInt8(7)), to: "/deep/down/scalar")  // intermediate groups
            try file.write(HDF5Array(["|nor_conv_3x3~0|", "|skip_connect~0|"]), to: "/architectures")
            try file.write(HDF5Array(["a", "bcd"]), to: "/fixed", storage: .fixedLength)
            try file.setAttribute("schema", to: .string("naskit-test"))
            try file.setAttribute("version", to: .int64(3), at: "/cifar10")
            try file.setAttribute("scale", to: .double(0.5), at: "/cifar10/test_acc")
            try file.setAttribute("version", to: .int64(4), at: "/cifar10")  // replaced
        }

        static func bytes(of path: String) -> [UInt8] {
            FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        }

        @Test("writing the same content twice, seconds apart, gives byte-identical files (no timestamps)")
        func sameContentSameBytes() throws {
            let directory = TemporaryDirectory()
            let (first, second) = (directory.file("first.h5"), directory.file("second.h5"))
            try Self.writeSample(to: first)
            Thread.sleep(forTimeInterval: 1.1)  // HDF5 records times in whole seconds
            try Self.writeSample(to: second)
            let (a, b) = (Self.bytes(of: first), Self.bytes(of: second))
            #expect(a.count > 1000)
            #expect(a.count == b.count)
            let firstDifference = a.indices.first { $0 >= b.count || a[$0] != b[$0] }
            #expect(firstDifference == nil, "the files first differ at byte \(firstDifference ?? -1)")
            let file = try HDF5File(path: second)
            #expect(try file.read(Double.self, at: "/cifar10/per_seed/loss").values[4999] == 4999.0 / 7)
            #expect(try file.attribute("version", at: "/cifar10") == .int64(4))
        }
    }
}
