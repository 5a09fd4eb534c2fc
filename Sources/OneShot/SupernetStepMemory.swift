import Tensors

/// Measures the memory a supernet step holds: the bytes still allocated after a forward pass and loss have been
/// recorded on a tape (the activations the backward pass will read), against the bytes allocated before.
///
/// glibc's allocator statistics (``Tensors/MemoryReuse/allocatedBytes()``) count every live heap block, so the
/// figure includes the tape's bookkeeping and the pullbacks' saved tensors, and nothing freed before the loss
/// returns; the same measurement for two methods on the same supernet and batch compares their footprints.
public struct SupernetStepMemory: Sendable {
    /// A measurer.
    public init() {}

    /// The bytes of the op results `record` leaves on its tape (4 per Float32 scalar, ``Tensors/Tape/recordedScalarCount``):
    /// deterministic, and independent of other work in the process (the tests' measure).
    public func recordedBytes(_ record: (Tape) throws -> Variable) rethrows -> Int {
        let tape = Tape()
        let loss = try record(tape)
        withExtendedLifetime(loss) {}
        return 4 * tape.recordedScalarCount
    }

    /// The bytes `record` leaves allocated while its tape and loss are alive, or nil where the allocator keeps no
    /// statistics; process-wide, so only meaningful when nothing else runs (the benchmarks' measure).
    public func heldBytes(_ record: (Tape) throws -> Variable) rethrows -> Int? {
        guard let before = MemoryReuse.allocatedBytes() else { return nil }
        let tape = Tape()
        let loss = try record(tape)
        guard let after = MemoryReuse.allocatedBytes() else { return nil }
        withExtendedLifetime((tape, loss)) {}
        return after - before
    }
}
