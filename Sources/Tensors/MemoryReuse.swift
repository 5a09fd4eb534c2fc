internal import CAllocator

/// Process-wide allocator settings that let the engine reuse freed tensor memory.
///
/// Every op allocates its output, and a training step frees most of them again. glibc returns freed memory
/// at the top of the heap to the kernel once it exceeds 128 KiB (`M_TRIM_THRESHOLD`) and serves large blocks
/// with fresh `mmap`s, so each step pays page faults and zeroing for memory it had a moment ago: on the
/// NAS-Bench-201 step this was a third of the time. ``keepFreedMemory()`` raises both thresholds so freed
/// blocks stay in the heap for the next step. Call it once at the start of a program (the `nasrun` command
/// and the benchmarks do); it changes no result, only speed and how soon memory goes back to the system.
public enum MemoryReuse {
    /// Keeps freed blocks up to 32 MiB (glibc's largest mmap threshold) in the heap and never trims it.
    ///
    /// - Returns: whether the allocator accepted the settings (false on systems without glibc).
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        naskit_keep_freed_memory() == 1
    }

    /// The bytes the program holds in `malloc`'d blocks right now, over all arenas (glibc's `mallinfo2`):
    /// live tensors plus everything else on the heap, without the freed memory the heap keeps.
    ///
    /// - Returns: the byte count, or `nil` on systems without glibc.
    /// - Complexity: O(number of free chunks); call it between steps, not inside kernels.
    public static func allocatedBytes() -> Int? {
        let bytes = naskit_allocated_bytes()
        return bytes < 0 ? nil : Int(bytes)
    }

    /// Limits how many malloc arenas glibc creates (`M_ARENA_MAX`); threads then share arenas.
    ///
    /// - Parameter count: the largest number of arenas, at least 1.
    /// - Returns: whether the allocator accepted the setting (false on systems without glibc).
    @discardableResult
    public static func limitArenas(to count: Int) -> Bool {
        enforce(count >= 1, "MemoryReuse.limitArenas(to:): count \(count) must be at least 1")
        return naskit_set_arena_limit(Int32(count)) == 1
    }
}
