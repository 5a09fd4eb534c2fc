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
#else
static inline int naskit_keep_freed_memory(void) { return 0; }
#endif
#endif
