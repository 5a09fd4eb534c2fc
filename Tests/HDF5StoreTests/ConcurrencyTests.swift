import Dispatch
import HDF5Store
import Synchronization
import Testing
import _TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HDF5StoreTests {
    /// HDF5Store serialises every libhdf5 call with one process-wide lock, so that it is safe with a libhdf5
    /// built without thread safety. Debian's package is built thread-safe, so here these tests check that
    /// HDF5Store keeps no unsynchronised state of its own; run against a libhdf5 that is not thread-safe (for
    /// example h5py's bundled copy via LD_LIBRARY_PATH), the hammer test aborts with "double free or
    /// corruption" once the lock is removed.
    @Suite("Concurrent use from several threads")
    struct ConcurrencyTests {
        static let threads = 8
        static let rounds = 20
        static let count = 3000

        /// The numbers thread `thread` writes in round `round`: distinct per thread, round and element.
        static func numbers(thread: Int, round: Int) -> [Double] {
            (0..<count).map { Double(thread * 1_000_000 + round * 10_000 + $0) / 8 }
        }

        /// Writes a file of its own, reopens it and reads everything back; returns what did not match.
        static func writeAndReadOwnFile(in directory: String, thread: Int, round: Int) throws -> [String] {
            let path = "\(directory)/thread\(thread)-round\(round).h5"
            let numbers = numbers(thread: thread, round: round)
            let labels = (0..<50).map { "thread \(thread) round \(round) label \($0)" }
            do {
                let file = try HDF5File(path: path, mode: .truncate)
                try file.createGroup(at: "/results/round\(round)")
                try file.write(HDF5Array(shape: [count / 3, 3], values: numbers), to: "/results/numbers")
                try file.write(HDF5Array(labels), to: "/results/labels")
                try file.write(
                    HDF5Array(numbers.map { Float($0) }), to: "/results/compressed", layout: .compressed(level: 1))
                try file.setAttribute("thread", to: .int64(Int64(thread)), at: "/results")
                try file.flush()
            }
            var mismatches: [String] = []
            let file = try HDF5File(path: path)
            if try file.read(Double.self, at: "/results/numbers").values != numbers {
                mismatches.append("\(path): /results/numbers")
            }
            if try file.read(Float.self, at: "/results/compressed").values != numbers.map({ Float($0) }) {
                mismatches.append("\(path): /results/compressed")
            }
            if try file.read(String.self, at: "/results/labels").values != labels {
                mismatches.append("\(path): /results/labels")
            }
            if try file.attribute("thread", at: "/results") != .int64(Int64(thread)) {
                mismatches.append("\(path): attribute thread")
            }
            if try file.children(of: "/results") != ["compressed", "labels", "numbers", "round\(round)"] {
                mismatches.append("\(path): children of /results")
            }
            unlink(path)
            return mismatches
        }

        /// Opens the shared file read-only and checks every value; returns what did not match.
        static func readSharedFile(_ path: String) throws -> [String] {
            var mismatches: [String] = []
            let file = try HDF5File(path: path)
            if try file.read(Double.self, at: "/shared/numbers").values != numbers(thread: 99, round: 0) {
                mismatches.append("shared /shared/numbers")
            }
            if try file.read(String.self, at: "/shared/labels").values != (0..<200).map({ "shared \($0)" }) {
                mismatches.append("shared /shared/labels")
            }
            if try file.shape(at: "/shared/numbers") != [count] { mismatches.append("shared shape") }
            if file.objectKind(at: "/shared") != .group { mismatches.append("shared kind") }
            return mismatches
        }

        @Test("8 threads writing, reopening and reading their own files, and reading one shared file, see every value")
        func hammer() throws {
            let directory = TemporaryDirectory(prefix: "naskit-hdf5-threads")
            let shared = directory.file("shared.h5")
            do {
                let file = try HDF5File(path: shared, mode: .truncate)
                try file.write(HDF5Array(Self.numbers(thread: 99, round: 0)), to: "/shared/numbers")
                try file.write(HDF5Array((0..<200).map { "shared \($0)" }), to: "/shared/labels")
            }
            let directoryPath = directory.path
            let problems = Mutex<[String]>([])
            let completedRounds = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
                for round in 0..<Self.rounds {
                    do {
                        let found =
                            try Self.writeAndReadOwnFile(in: directoryPath, thread: thread, round: round)
                            + Self.readSharedFile(shared)
                        problems.withLock { $0 += found }
                        completedRounds.withLock { $0 += 1 }
                    } catch {
                        problems.withLock { $0.append("thread \(thread) round \(round): \(error)") }
                    }
                }
            }
            #expect(problems.withLock { $0 } == [])
            #expect(completedRounds.withLock { $0 } == Self.threads * Self.rounds)
        }

        @Test("threads failing at once each get the error detail of their own file")
        func concurrentErrors() throws {
            let directory = TemporaryDirectory(prefix: "naskit-hdf5-threads")
            var expected: [String] = []  // per thread: its own file's truncation, in HDF5's words
            var paths: [String] = []
            for thread in 0..<Self.threads {
                let path = directory.file("truncated\(thread).h5")
                do {
                    let file = try HDF5File(path: path, mode: .truncate)
                    try file.write(HDF5Array([Double](repeating: 1, count: 1000 + 100 * thread)), to: "/values")
                }
                let size = TemporaryDirectory.size(of: path)
                let kept = size / 2 + thread
                #expect(truncate(path, off_t(kept)) == 0)
                paths.append(path)
                expected.append("truncated file: eof = \(kept), sblock->base_addr = 0, stored_eof = \(size)")
            }
            let unexpected = Mutex<[String]>([])
            let (allPaths, allExpected) = (paths, expected)
            DispatchQueue.concurrentPerform(iterations: Self.threads) { thread in
                for _ in 0..<Self.rounds * 4 {
                    do throws(HDF5Error) {
                        _ = try HDF5File(path: allPaths[thread])
                        unexpected.withLock { $0.append("\(allPaths[thread]) opened although truncated") }
                    } catch {
                        let prefix = "\(allPaths[thread]) is not an HDF5 file (or is truncated): "
                        if !error.message.hasPrefix(prefix) || !error.message.contains(allExpected[thread]) {
                            unexpected.withLock { $0.append(error.message) }
                        }
                    }
                }
            }
            #expect(unexpected.withLock { $0 } == [])
        }
    }
}
