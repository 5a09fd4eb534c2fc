import NASCore

/// The hyper-parameters of ``MLPEnsemblePredictor``: BANANAS's meta neural networks (White, Neiswanger & Savani,
/// "BANANAS", AAAI 2021), an ensemble of fully connected ReLU networks trained with Adam.
///
/// `init()` holds the paper's values. Their sources: the paper (§ BANANAS: "an ensemble of 5 feedforward neural
/// networks", the path encoding, the MAPE loss with a lower bound), and its code, naszilla/naszilla
/// (`params.py`, `meta_neuralnet_params('nasbench')`: 10 layers of width 20, 150 epochs, batch 32, learning
/// rate 0.01; `meta_neural_net.py`: Adam with β = (0.9, 0.99), Glorot-uniform weights and zero biases as Keras's
/// `Dense`, the `mape_loss`). NASLib's `MLPPredictor` (automl/NASLib, `naslib/predictors/mlp.py`, used by its
/// BANANAS with `num_ensemble: 3`) differs: 20 layers, learning rate 0.001, 500 epochs, L1 loss plus 0.2 times
/// the L1 norm of the output weights.
///
/// The field names are the command-line names (`nasrun --set epochs=50`).
public struct MLPEnsembleConfiguration: Hashable, Codable, Sendable {
    /// The encoding the networks read. Paper: the path encoding (its contribution).
    public var encoding: ArchitectureEncoding
    /// The number of networks. Paper: 5 (naszilla `num_ensemble=5`; NASLib uses 3).
    public var ensembleSize: Int
    /// The number of hidden ReLU layers of each network. Paper code: 10 (`num_layers`; NASLib 20).
    public var hiddenLayers: Int
    /// The width of every hidden layer. Paper code and NASLib: 20.
    public var layerWidth: Int
    /// Adam's learning rate. Paper code: 0.01 (NASLib 0.001).
    public var learningRate: Double
    /// The passes over the training architectures. Paper code: 150 (`meta_neuralnet_params('nasbench')`, the
    /// setting of its NAS-Bench experiments; `MetaNeuralnet.fit` defaults to 200, NASLib to 500).
    public var epochs: Int
    /// The minibatch size (the last batch of an epoch may be smaller). Paper code and NASLib: 32.
    public var batchSize: Int
    /// The training loss. Paper: the mean absolute percentage error against a bound (`mape`).
    public var loss: MLPEnsembleLoss
    /// For ``MLPEnsembleLoss/meanAbsolutePercentageError``: how far beyond the best training target the bound
    /// lies, in standard deviations of the targets. NASKit's choice: the paper's code fixes the bound per space
    /// (a validation error of 4.5 % on NAS-Bench-101, 0.44 below the best cell's 4.94, about 0.18 of the
    /// standard deviation 2.40 its GCN encoding normalizes by); a predictor that does not know the optimum puts
    /// it 0.2 standard deviations beyond the best target it was given.
    public var boundMargin: Double
    /// Whether encoding positions that are zero for every training architecture are left out of the networks'
    /// input (NASKit's choice, default true). Such a position's first-layer weights never receive a gradient, so
    /// in the paper's networks they keep their random initial values and only add noise to the predictions of
    /// architectures that have the feature. Leaving them out changes nothing else, and it is what makes long
    /// encodings cheap: NAS-Bench-Graph's path encoding has 7,380 positions, of which 150 architectures use a few
    /// hundred. `false` gives the paper's networks over the whole encoding.
    public var dropUnusedFeatures: Bool

    /// The paper's configuration.
    public init() {
        encoding = .path
        ensembleSize = 5
        hiddenLayers = 10
        layerWidth = 20
        learningRate = 0.01
        epochs = 150
        batchSize = 32
        loss = .meanAbsolutePercentageError
        boundMargin = 0.2
        dropUnusedFeatures = true
    }

    /// Throws unless every field is usable, naming the field, its value and the valid range.
    ///
    /// - Parameter owner: The name that starts each message (`"MLP ensemble"`, or `"bananas"` when BANANAS
    ///   checks its copy of these fields).
    public func validate(owner: String = "MLP ensemble") throws(SearchError) {
        func require(_ condition: Bool, _ field: String, _ requirement: String, got value: Any) throws(SearchError) {
            guard condition else { throw SearchError("\(owner): \(field) must be \(requirement) (got \(value))") }
        }
        try require(ensembleSize >= 1, "ensembleSize", "at least 1", got: ensembleSize)
        try require(hiddenLayers >= 1, "hiddenLayers", "at least 1", got: hiddenLayers)
        try require(layerWidth >= 1, "layerWidth", "at least 1", got: layerWidth)
        try require(
            learningRate.isFinite && learningRate > 0, "learningRate", "a positive number", got: learningRate)
        try require(epochs >= 1, "epochs", "at least 1", got: epochs)
        try require(batchSize >= 1, "batchSize", "at least 1", got: batchSize)
        try require(
            boundMargin.isFinite && boundMargin > 0, "boundMargin", "a positive number", got: boundMargin)
    }
}

/// The loss the meta networks minimize, over targets standardized to mean 0 and standard deviation 1.
public enum MLPEnsembleLoss: String, CaseIterable, Hashable, Codable, Sendable {
    /// The mean absolute percentage error against a bound b beyond the best target (the paper's MAPE):
    /// |(b − p)/(b − t) − 1| = |p − t| / (b − t), so errors on good architectures weigh more.
    case meanAbsolutePercentageError = "mape"
    /// The mean absolute error |p − t| (the paper code's NAS-Bench setting and NASLib's).
    case meanAbsoluteError = "mae"
}
