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
}
