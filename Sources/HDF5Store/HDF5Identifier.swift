internal import CHDF5

/// An open HDF5 identifier (group, dataset, dataspace, datatype, property list or attribute) that closes
/// itself (holding the library lock) when it goes out of scope, so no early `throw` can leak a handle.
struct HDF5Identifier: ~Copyable {
    /// The raw identifier, valid while this value lives.
    let raw: hid_t
    private let close: @convention(c) (hid_t) -> herr_t

    /// Takes ownership of `raw`, which `close` releases; returns `nil` (and releases nothing) when HDF5
    /// reported a failure with a negative identifier.
    init?(_ raw: hid_t, close: @convention(c) (hid_t) -> herr_t) {
        guard raw >= 0 else { return nil }
        self.raw = raw
        self.close = close
    }

    deinit {
        let (raw, close) = (raw, close)
        withLibraryLock { _ = close(raw) }
    }
}

/// Process-wide settings of the HDF5 library and access to its error stack.
enum HDF5Library {
    /// Turns off HDF5's automatic printing of its error stack to standard error, so that users see only
    /// the ``HDF5Error`` message. Idempotent; called before every operation that opens a file.
    static func silenceErrorPrinting() {
        withLibraryLock { _ = H5Eset_auto2(naskit_H5E_DEFAULT(), nil, nil) }
    }

    /// The innermost description on HDF5's error stack (the most specific cause of the last failure), or an
    /// empty string when the stack is empty. Clears the stack.
    ///
    /// A libhdf5 built without thread safety keeps one error stack for the whole process: call this under the
    /// same hold of the library lock as the failed call, before another thread's call can replace the stack.
    static func lastErrorDetail() -> String {
        withLibraryLock { errorStackDescription() }
    }

    private static func errorStackDescription() -> String {
        final class Descriptions { var items: [String] = [] }
        let descriptions = Descriptions()
        let walker: H5E_walk2_t = { _, error, context in
            guard let error, let context, let description = error.pointee.desc else { return 0 }
            let box = Unmanaged<Descriptions>.fromOpaque(context).takeUnretainedValue()
            box.items.append(String(cString: description))
            return 0
        }
        withExtendedLifetime(descriptions) {
            _ = H5Ewalk2(
                naskit_H5E_DEFAULT(), H5E_WALK_DOWNWARD, walker,
                Unmanaged.passUnretained(descriptions).toOpaque())
        }
        _ = H5Eclear2(naskit_H5E_DEFAULT())
        return descriptions.items.last(where: { !$0.isEmpty }) ?? ""
    }
}
