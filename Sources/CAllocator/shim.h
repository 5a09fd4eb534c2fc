// glibc's allocator tuning (malloc.h), which Swift's Glibc module does not include.
#ifndef NASKIT_CALLOCATOR_SHIM_H
#define NASKIT_CALLOCATOR_SHIM_H
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#include <limits.h>

/// Keeps freed blocks up to 32 MiB (glibc's largest mmap threshold) in the heap and never trims the heap.
/// Returns 1 when both settings were accepted.
static inline int naskit_keep_freed_memory(void) {
    int mmap_ok = mallopt(M_MMAP_THRESHOLD, 32 << 20);
    int trim_ok = mallopt(M_TRIM_THRESHOLD, INT_MAX);
    return mmap_ok == 1 && trim_ok == 1;
}

/// Bytes the program holds in malloc'd blocks (heap chunks in use plus mmap'd blocks), all arenas.
static inline long long naskit_allocated_bytes(void) {
    struct mallinfo2 info = mallinfo2();
    return (long long)info.uordblks + (long long)info.hblkhd;
}

/// Limits the number of malloc arenas (M_ARENA_MAX); returns 1 when accepted.
static inline int naskit_set_arena_limit(int count) { return mallopt(M_ARENA_MAX, count); }
#else
static inline int naskit_keep_freed_memory(void) { return 0; }
static inline long long naskit_allocated_bytes(void) { return -1; }
static inline int naskit_set_arena_limit(int count) { (void)count; return 0; }
#endif
#endif
