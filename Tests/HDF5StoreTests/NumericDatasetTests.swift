import HDF5Store
import Testing
import _TestSupport

extension HDF5StoreTests {
    @Suite("Numeric datasets")
    struct NumericDatasetTests {
        static let shapes: [[Int]] = [[], [0], [7], [2, 3], [2, 0, 3], [2, 3, 4, 5]]

        /// Values that differ per element and exercise sign and magnitude where the type allows.
        static func values<T>(_ count: Int, _ make: (Int) -> T) -> [T] { (0..<count).map(make) }

        @Test("every type and rank round-trips, including rank 0 and empty", arguments: shapes)
        func roundTrip(shape: [Int]) throws {
            let directory = TemporaryDirectory()
            let path = directory.file("numbers.h5")
            let count = shape.reduce(1, *)
            let floats = HDF5Array(shape: shape, values: Self.values(count) { Float($0) * -0.25 + 1e-7 })
            let doubles = HDF5Array(shape: shape, values: Self.values(count) { Double($0) / 3 - 1e300 })
            let int32s = HDF5Array(shape: shape, values: Self.values(count) { Int32($0) * -1_000_003 + Int32.max / 2 })
            let int64s = HDF5Array(shape: shape, values: Self.values(count) { Int64($0) << 40 - Int64.max / 3 })
            let bytes = HDF5Array(shape: shape, values: Self.values(count) { UInt8(($0 * 37) % 256) })
            do {
                let file = try HDF5File(path: path, mode: .truncate)
                try file.write(floats, to: "/f")
                try file.write(doubles, to: "/d")
                try file.write(int32s, to: "/group/i32")
                try file.write(int64s, to: "/group/i64")
                try file.write(bytes, to: "/group/nested/u8")
            }
            let file = try HDF5File(path: path)
            #expect(try file.read(Float.self, at: "/f") == floats)
            #expect(try file.read(Double.self, at: "/d") == doubles)
            #expect(try file.read(Int32.self, at: "group/i32") == int32s)
            #expect(try file.read(Int64.self, at: "/group/i64/") == int64s)
            #expect(try file.read(UInt8.self, at: "/group/nested/u8") == bytes)
            #expect(try file.shape(at: "/group/nested/u8") == shape)
        }

        @Test("a chunked, gzip-compressed dataset round-trips and reports its layout")
        func compressed() throws {
            let directory = TemporaryDirectory()
            let path = directory.file("compressed.h5")
            let values = HDF5Array(shape: [100, 1000], values: (0..<100_000).map { Float($0 % 10) })
            do {
                let file = try HDF5File(path: path, mode: .truncate)
                try file.write(values, to: "/chunked", layout: .chunked([10, 1000], compressionLevel: 6))
                try file.write(values, to: "/automatic", layout: .compressed())
                try file.write(values, to: "/plain")
                try file.write(HDF5Array(scalar: Float(3)), to: "/scalar", layout: .compressed())
                try file.write(HDF5Array(shape: [0, 4], values: [Float]()), to: "/empty", layout: .compressed())
            }
            let file = try HDF5File(path: path)
            #expect(try file.read(Float.self, at: "/chunked") == values)
            #expect(try file.read(Float.self, at: "/automatic") == values)
            #expect(try file.layout(at: "/chunked") == .chunked([10, 1000], compressionLevel: 6))
            #expect(try file.layout(at: "/automatic") == .chunked([100, 1000], compressionLevel: 4))
            #expect(try file.layout(at: "/plain") == .contiguous)
            #expect(try file.layout(at: "/scalar") == .contiguous)  // rank 0 cannot be chunked
            #expect(try file.layout(at: "/empty") == .contiguous)
            #expect(try file.read(Float.self, at: "/scalar") == HDF5Array(scalar: 3))
            // Three copies of 400 kB: the two compressed ones take almost nothing.
            #expect(TemporaryDirectory.size(of: path) < 500_000)
        }

        @Test("the automatic chunk shape stays within 1 MiB")
        func automaticChunkLimit() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("large.h5"), mode: .truncate)
            try file.write(
                HDF5Array(shape: [3000, 200], values: [Double](repeating: 1, count: 600_000)), to: "/x",
                layout: .compressed(level: 1))
            let chunk = try #require(try file.layout(at: "/x").chunkShape)
            // 3000 rows of 1600 bytes is 4.8 MB; halving the rows three times gives 375 * 1600 = 600 kB <= 1 MiB.
            #expect(chunk == [375, 200])
        }

        @Test("an array whose shape and element count disagree stops with a message naming both")
        func inconsistentArray() async {
            await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
                _ = HDF5Array(shape: [2, 3], values: [Float](repeating: 0, count: 5))
            }.map { result in
                let text = String(decoding: result.standardErrorContent, as: UTF8.self)
                #expect(text.contains("HDF5Array: shape [2, 3] needs 6 elements, got 5"))
            }
        }

        @Test("a chunk shape that does not fit the data, or a bad gzip level, is an error naming both")
        func badLayout() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("layout.h5"), mode: .truncate)
            let values = HDF5Array(shape: [4, 4], values: [Int32](repeating: 0, count: 16))
            #expect(
                throws: HDF5Error(
                    "\(file.path): cannot write dataset /x: chunk shape [8, 4] does not fit shape [4, 4] (same rank, extents from 1 to the dataset's)"
                )
            ) {
                try file.write(values, to: "/x", layout: .chunked([8, 4]))
            }
            #expect(throws: HDF5Error("\(file.path): cannot write dataset /x: gzip level 12 is not in 0...9")) {
                try file.write(values, to: "/x", layout: .compressed(level: 12))
            }
            #expect(!file.contains("/x"))
        }
    }
}
