/// Fashion-MNIST (Xiao, Rasul & Vollgraf 2017): 28 x 28 grey images of 10 kinds of clothing, 60000 for
/// training and 10000 for testing, in IDX files.
public enum FashionMNIST {
    /// Where Debian's package `dataset-fashion-mnist` installs the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    /// The number of classes.
    public static let classCount = 10

    /// Loads one split as (N, 1, 28, 28) images scaled to [0, 1] with labels 0...9.
    ///
    /// Reads `train-images-idx3-ubyte` and `train-labels-idx1-ubyte` (or the `t10k-` pair for `.test`) from
    /// `directory`, each either gzip-compressed with a `.gz` suffix or plain.
    ///
    /// - Throws: ``DatasetError`` if a file is missing (saying how to install it) or malformed.
    public static func load(directory: String = defaultDirectory, split: DatasetSplit) throws(DatasetError)
        -> ImageDataset
    {
        let prefix = split == .train ? "train" : "t10k"
        let images = try locate(directory, "\(prefix)-images-idx3-ubyte")
        let labels = try locate(directory, "\(prefix)-labels-idx1-ubyte")
        return try IDX.loadDataset(images: images, labels: labels, classCount: classCount)
    }

    /// `directory/name.gz` if it exists, else `directory/name` if that exists.
    private static func locate(_ directory: String, _ name: String) throws(DatasetError) -> String {
        let base = directory.hasSuffix("/") ? directory + name : directory + "/" + name
        for candidate in [base + ".gz", base] where FileBytes.exists(candidate) { return candidate }
        throw DatasetError(
            "\(base).gz: no such file (nor \(name)); install Debian's dataset-fashion-mnist "
                + "(sudo apt-get install dataset-fashion-mnist) or pass the directory that holds the IDX files")
    }
}
