/// The macro-structure of DARTS's evaluation network (``DARTSNetwork``).
///
/// The default is NASKit's CPU-sized network: C = 16, 8 cells, no auxiliary head, no drop path (the size of
/// DARTS's search network; 246,106 parameters for DARTS_V2 on CIFAR-10). ``darts`` is the paper's CIFAR-10
/// evaluation network (Liu et al. 2019, § 3.3; `train.py`'s flags): C = 36, 20 cells, auxiliary head (weight 0.4
/// in the loss, applied by the trainer), drop path 0.2 (DARTS ramps it linearly from 0 over the epochs).
public struct DARTSNetworkConfiguration: Hashable, Codable, Sendable {
    /// C, the first cells' channels per node (the stem has 3C; each reduction doubles C). Default 16.
    public var initialChannels: Int
    /// The cells; reductions are cells ⌊layers/3⌋ and ⌊2·layers/3⌋. Default 8.
    public var layers: Int
    /// The classifier's outputs. Default 10.
    public var classes: Int
    /// The image channels. Default 3.
    public var inputChannels: Int
    /// Whether to build the auxiliary head (`AuxiliaryHeadCIFAR`) after cell ⌊2·layers/3⌋. Default false.
    public var auxiliary: Bool
    /// The drop-path probability that ``DARTSNetwork/callAsFunction(_:mode:)`` uses in training; a trainer
    /// scheduling it per epoch passes it to ``DARTSNetwork/forward(_:mode:dropPathProbability:)`` instead.
    /// Default 0.
    public var dropPathProbability: Float

    /// A configuration; the defaults are NASKit's CPU-sized network.
    public init(
        initialChannels: Int = 16, layers: Int = 8, classes: Int = 10, inputChannels: Int = 3,
        auxiliary: Bool = false, dropPathProbability: Float = 0
    ) {
        self.initialChannels = initialChannels
        self.layers = layers
        self.classes = classes
        self.inputChannels = inputChannels
        self.auxiliary = auxiliary
        self.dropPathProbability = dropPathProbability
    }

    /// The paper's CIFAR-10 evaluation network: C = 36, 20 cells, auxiliary head, drop path 0.2.
    public static let darts = DARTSNetworkConfiguration(
        initialChannels: 36, layers: 20, classes: 10, auxiliary: true, dropPathProbability: 0.2)

    /// Whether cell `index` is a reduction cell.
    public func isReduction(cell index: Int) -> Bool {
        index == layers / 3 || index == 2 * layers / 3
    }
}
