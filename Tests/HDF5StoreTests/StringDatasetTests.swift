import HDF5Store
import Testing
import _TestSupport

extension HDF5StoreTests {
    @Suite("String datasets")
    struct StringDatasetTests {
        static let texts = [
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|",
            "", "αβγ — ünïcödé", "🙂 emoji", "a",
        ]

        @Test(
            "variable- and fixed-length strings round-trip with UTF-8, in every rank",
            arguments: [
                HDF5StringStorage.variableLength, .fixedLength,
            ])
        func roundTrip(storage: HDF5StringStorage) throws {
            let directory = TemporaryDirectory()
            let path = directory.file("strings.h5")
            let arrays = [
                HDF5Array(Self.texts),
                HDF5Array(scalar: "only one"),
                HDF5Array(shape: [0], values: [String]()),
                HDF5Array(shape: [2, 2], values: Array(Self.texts.prefix(4))),
            ]
            do {
                let file = try HDF5File(path: path, mode: .truncate)
                for (index, array) in arrays.enumerated() {
                    try file.write(array, to: "/architectures/\(index)", storage: storage)
                }
            }
            let file = try HDF5File(path: path)
            for (index, array) in arrays.enumerated() {
                #expect(try file.read(String.self, at: "/architectures/\(index)") == array)
            }
        }

        @Test("compressed string datasets round-trip")
        func compressed() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("strings.h5"), mode: .truncate)
            let many = HDF5Array((0..<1000).map { "architecture \($0) \(Self.texts[$0 % Self.texts.count])" })
            try file.write(many, to: "/variable", layout: .compressed())
            try file.write(many, to: "/fixed", storage: .fixedLength, layout: .chunked([100]))
            #expect(try file.read(String.self, at: "/variable") == many)
            #expect(try file.read(String.self, at: "/fixed") == many)
        }

        @Test("a string with a NUL character is refused")
        func nul() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("nul.h5"), mode: .truncate)
            #expect(throws: HDF5Error("\(file.path): cannot write dataset /s: string 1 contains a NUL character")) {
                try file.write(HDF5Array(["fine", "not\u{0}fine"]), to: "/s")
            }
        }

        @Test("reading strings as numbers and numbers as strings names both types")
        func typeMismatch() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("mixed.h5"), mode: .truncate)
            try file.write(HDF5Array(["a"]), to: "/text")
            try file.write(HDF5Array([Int64(1)]), to: "/number")
            #expect(
                throws: HDF5Error(
                    "\(file.path): dataset /text holds String (variable-length) values, not Float; read it as String")
            ) {
                try file.read(Float.self, at: "/text")
            }
            #expect(
                throws: HDF5Error(
                    "\(file.path): dataset /number holds Int64 values, not String; read it as Int64")
            ) {
                try file.read(String.self, at: "/number")
            }
        }
    }
}
