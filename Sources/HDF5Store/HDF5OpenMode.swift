/// How ``HDF5File`` opens or creates its file.
public enum HDF5OpenMode: Sendable, Hashable {
    /// Opens an existing file for reading only; every write throws.
    case readOnly
    /// Opens an existing file for reading and writing.
    case readWrite
    /// Creates the file, emptying it first if it exists (h5py's "w").
    case truncate
    /// Creates the file and fails if it already exists (h5py's "x").
    case exclusive
}
