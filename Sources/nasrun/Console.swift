#if canImport(Glibc)
import Glibc
#endif

/// Writes one line to standard output and flushes it, so progress appears as it happens also when the output
/// is a pipe or a file.
func emit(_ line: String) {
    print(line)
    fflush(nil)
}
