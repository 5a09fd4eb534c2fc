import Testing
import Tensors

@Suite("Allocator settings and accounting")
struct MemoryReuseTests {
    #if canImport(Glibc)
    @Test("allocatedBytes grows by a large tensor's size while it lives")
    func allocatedBytesCountsATensor() throws {
        let count = 32 << 20  // 128 MiB of Float
        let before = try #require(MemoryReuse.allocatedBytes())
        let tensor = Tensor(repeating: 1, shape: [count])
        let during = try #require(MemoryReuse.allocatedBytes())
        #expect(tensor.scalars[count - 1] == 1)
        // Other tests run in parallel and allocate too: allow them half the tensor's size.
        #expect(during - before > count * MemoryLayout<Float>.size / 2)
    }

    @Test("glibc accepts an arena limit")
    func arenaLimit() {
        #expect(MemoryReuse.limitArenas(to: 8))
    }
    #endif
}
