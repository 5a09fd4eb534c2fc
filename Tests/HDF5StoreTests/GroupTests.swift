import HDF5Store
import Testing
import _TestSupport

extension HDF5StoreTests {
    @Suite("Groups and paths")
    struct GroupTests {
        @Test("nested groups are created with their parents, listed by name and found")
        func nested() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("groups.h5"), mode: .truncate)
            try file.createGroup(at: "/cifar10/test_acc/per_seed")
            try file.createGroup(at: "cifar10/test_acc/per_seed")  // exists: nothing happens
            try file.createGroup(at: "/imagenet16")
            try file.write(HDF5Array([Int32(1)]), to: "/cifar100/train_acc")
            try file.write(HDF5Array([Int32(1)]), to: "/cifar10/b_dataset")
            #expect(try file.children() == ["cifar10", "cifar100", "imagenet16"])
            #expect(try file.children(of: "/cifar10") == ["b_dataset", "test_acc"])
            #expect(try file.children(of: "/imagenet16") == [])
            #expect(file.objectKind(at: "/") == .group)
            #expect(file.objectKind(at: "/cifar10/test_acc/per_seed") == .group)
            #expect(file.objectKind(at: "/cifar100/train_acc") == .dataset)
            #expect(file.objectKind(at: "/cifar100/train_acc/below") == nil)
            #expect(file.objectKind(at: "/missing/deeper") == nil)
            #expect(file.contains("/cifar10//test_acc/"))
            #expect(!file.contains("/cifar10/val_acc"))
        }

        @Test("objects can be removed")
        func remove() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("groups.h5"), mode: .truncate)
            try file.write(HDF5Array([UInt8(1)]), to: "/a/b")
            try file.removeObject(at: "/a/b")
            #expect(try file.children(of: "/a") == [])
            try file.write(HDF5Array([UInt8(2)]), to: "/a/b")  // the name is free again
            #expect(try file.read(UInt8.self, at: "/a/b").values == [2])
            #expect(throws: HDF5Error("\(file.path): cannot remove /a/c: nothing exists there")) {
                try file.removeObject(at: "/a/c")
            }
        }

        @Test("a group cannot replace a dataset, nor a dataset anything")
        func occupied() throws {
            let directory = TemporaryDirectory()
            let file = try HDF5File(path: directory.file("groups.h5"), mode: .truncate)
            try file.write(HDF5Array([Double(1)]), to: "/x")
            #expect(throws: HDF5Error("\(file.path): cannot create group /x: a dataset exists there")) {
                try file.createGroup(at: "/x")
            }
            #expect(
                throws: HDF5Error(
                    "\(file.path): cannot write dataset /x: a dataset already exists there (remove it first)")
            ) {
                try file.write(HDF5Array([Double(2)]), to: "/x")
            }
            #expect(
                throws: HDF5Error(
                    "\(file.path): cannot write dataset /: a group already exists there (remove it first)")
            ) {
                try file.write(HDF5Array([Double(2)]), to: "/")
            }
            #expect(throws: HDF5Error.self) { try file.write(HDF5Array([Double(2)]), to: "/x/y") }
            #expect(try file.read(Double.self, at: "/x").values == [1])
        }
    }
}
