import NASCore
import Predictors

extension Bananas {
    /// BANANAS's hyper-parameters: the search's, then its meta networks' (``MLPEnsembleConfiguration``, whose
    /// fields are repeated here so that every hyper-parameter has one flat command-line name).
    ///
    /// Sources: the paper (White, Neiswanger & Savani, AAAI 2021, Algorithm 1: t₀ initial architectures, c
    /// candidates from mutating the x best, k proposals per iteration), its code naszilla/naszilla
    /// (`nas_algorithms.py`: `num_init=10`, `k=10`, `num_ensemble=5`, `explore_type='its'`, mutation; `get_candidates`:
    /// `num=100`, one edit) and NASLib's NB201 defaults (`naslib/defaults/nb201_defaults.yaml`: `num_init: 10`,
    /// `k: 10`, `num_candidates: 100`, `num_arches_to_mutate: 2`, `max_mutations: 1`, `acq_fn_type: its`).
    public struct Configuration: OptimizerConfiguration {
        /// t₀, the random architectures queried before the first fit. Paper and both codes: 10.
        public var initialArchitectures: Int
        /// k, the architectures proposed per fit (the top k by the acquisition function). Paper and both codes: 10.
        public var proposalsPerIteration: Int
        /// c, the mutations drawn per fit, split evenly over the parents. Paper and both codes: 100.
        public var candidates: Int
        /// x, the best observed architectures mutated. NASLib's NB201 default: 2 (naszilla: 1, moving on to the
        /// next best only when too few new candidates come out).
        public var architecturesToMutate: Int
        /// The single-edge mutations applied in a row to make one candidate. Both codes: 1.
        public var mutationEdits: Int
        /// The acquisition function. Paper: independent Thompson sampling (`its`).
        public var acquisition: AcquisitionFunction
        /// β of the upper confidence bound μ + βσ. Both codes: 0.5.
        public var explorationFactor: Double
        /// c of expected improvement, which divides σ by it. Both codes: 5.
        public var expectedImprovementCalibration: Double

        /// The meta networks' encoding (``MLPEnsembleConfiguration/encoding``).
        public var encoding: ArchitectureEncoding
        /// ``MLPEnsembleConfiguration/ensembleSize``.
        public var ensembleSize: Int
        /// ``MLPEnsembleConfiguration/hiddenLayers``.
        public var hiddenLayers: Int
        /// ``MLPEnsembleConfiguration/layerWidth``.
        public var layerWidth: Int
        /// ``MLPEnsembleConfiguration/learningRate``.
        public var learningRate: Double
        /// ``MLPEnsembleConfiguration/epochs``.
        public var epochs: Int
        /// ``MLPEnsembleConfiguration/batchSize``.
        public var batchSize: Int
        /// ``MLPEnsembleConfiguration/loss``.
        public var loss: MLPEnsembleLoss
        /// ``MLPEnsembleConfiguration/boundMargin``.
        public var boundMargin: Double
        /// ``MLPEnsembleConfiguration/dropUnusedFeatures``.
        public var dropUnusedFeatures: Bool

        /// The paper's configuration.
        public init() {
            initialArchitectures = 10
            proposalsPerIteration = 10
            candidates = 100
            architecturesToMutate = 2
            mutationEdits = 1
            acquisition = .independentThompsonSampling
            explorationFactor = 0.5
            expectedImprovementCalibration = 5
            let predictor = MLPEnsembleConfiguration()
            encoding = predictor.encoding
            ensembleSize = predictor.ensembleSize
            hiddenLayers = predictor.hiddenLayers
            layerWidth = predictor.layerWidth
            learningRate = predictor.learningRate
            epochs = predictor.epochs
            batchSize = predictor.batchSize
            loss = predictor.loss
            boundMargin = predictor.boundMargin
            dropUnusedFeatures = predictor.dropUnusedFeatures
        }

        /// The meta networks' configuration.
        public var predictor: MLPEnsembleConfiguration {
            var predictor = MLPEnsembleConfiguration()
            predictor.encoding = encoding
            predictor.ensembleSize = ensembleSize
            predictor.hiddenLayers = hiddenLayers
            predictor.layerWidth = layerWidth
            predictor.learningRate = learningRate
            predictor.epochs = epochs
            predictor.batchSize = batchSize
            predictor.loss = loss
            predictor.boundMargin = boundMargin
            predictor.dropUnusedFeatures = dropUnusedFeatures
            return predictor
        }

        /// Throws unless every field is usable, naming the field, its value and the valid range.
        public func validate() throws(SearchError) {
            let name = "bananas"
            let minimum = MLPEnsemblePredictor<Space>.minimumTrainingSize
            try require(
                initialArchitectures >= minimum, name, "initialArchitectures", "at least \(minimum) (the predictor's "
                    + "minimum training size)", got: initialArchitectures)
            try require(
                proposalsPerIteration >= 1, name, "proposalsPerIteration", "at least 1", got: proposalsPerIteration)
            try require(
                architecturesToMutate >= 1, name, "architecturesToMutate", "at least 1", got: architecturesToMutate)
            try require(
                candidates >= architecturesToMutate, name, "candidates",
                "at least architecturesToMutate (\(architecturesToMutate))", got: candidates)
            try require(mutationEdits >= 1, name, "mutationEdits", "at least 1", got: mutationEdits)
            try require(
                explorationFactor.isFinite && explorationFactor >= 0, name, "explorationFactor",
                "a number at least 0", got: explorationFactor)
            try require(
                expectedImprovementCalibration.isFinite && expectedImprovementCalibration > 0, name,
                "expectedImprovementCalibration", "a positive number", got: expectedImprovementCalibration)
            try predictor.validate(owner: name)
        }
    }
}
