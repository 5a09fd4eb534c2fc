/// The macro-structure of a ``DARTSSupernet``: DARTS's search network (`Network` in `cnn/model_search.py` of
/// github.com/quark0/darts) with its size as arguments.
///
/// The default is NASKit's CPU-sized supernet, C = 8 and 5 cells (reductions at cells 1 and 3): 394,210 trainable
/// parameters on CIFAR-10. ``darts`` is DARTS's own search model, C = 16 and 8 cells (`train_search.py`'s
/// `--init_channels 16 --layers 8`): 1,930,618 trainable parameters, the "param size = 1.930618MB" that
/// `train_search.py` logs (`utils.count_parameters_in_MB` counts `named_parameters()`, which excludes α and the
/// batch norms' running statistics).
public struct DARTSSupernetConfiguration: Hashable, Codable, Sendable {
    /// C, the first cells' channels per node (the stem has 3C; each reduction doubles C). Default 8.
    public var initialChannels: Int
    /// The cells; cells ⌊layers/3⌋ and ⌊2·layers/3⌋ are reduction cells. Default 5.
    public var layers: Int
    /// The classifier's outputs. Default 10.
    public var classes: Int
    /// The image channels. Default 3.
    public var inputChannels: Int

    /// A configuration; the defaults are NASKit's CPU-sized supernet (C = 8, 5 cells).
    public init(initialChannels: Int = 8, layers: Int = 5, classes: Int = 10, inputChannels: Int = 3) {
        self.initialChannels = initialChannels
        self.layers = layers
        self.classes = classes
        self.inputChannels = inputChannels
    }

    /// DARTS's search model: C = 16, 8 cells, 10 classes.
    public static let darts = DARTSSupernetConfiguration(initialChannels: 16, layers: 8)

    /// Whether cell `index` is a reduction cell.
    public func isReduction(cell index: Int) -> Bool {
        index == layers / 3 || index == 2 * layers / 3
    }

    /// A message naming the first invalid setting, or nil.
    var problem: String? {
        if initialChannels < 1 || initialChannels % 2 != 0 {
            return "C must be positive and even (FactorizedReduce halves it), got \(initialChannels)"
        }
        if layers < 3 { return "at least 3 cells are needed (two of them reduce), got \(layers)" }
        if classes < 1 || inputChannels < 1 {
            return "classes and image channels must be positive, got \(classes) and \(inputChannels)"
        }
        return nil
    }
}
