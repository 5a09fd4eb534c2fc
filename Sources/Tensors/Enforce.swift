/// Stops the program with `message` when `condition` is false, in every build configuration.
///
/// `precondition` drops its message in optimised builds, and the command line runs optimised; a shape mismatch
/// or an out-of-range label must still name the op and the shapes there. Use this for violated contracts of
/// the engine's API (programmer errors); input from users and files is validated earlier and throws.
@inline(__always)
public func enforce(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { enforcementFailure(message(), file: file, line: line) }
}

/// Stops the program with `message`, in every build configuration.
public func enforcementFailure(
    _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) -> Never {
    fatalError(message(), file: file, line: line)
}
