import NASCore

extension Reinforce {
    /// REINFORCE's hyper-parameters. The controller's shape and initialisation are Zoph & Le's (2017, §4.1
    /// "Training details"); the learning rate, the baseline's decay and the one-architecture batch are the NB201
    /// paper's REINFORCE baseline (Dong & Yang 2020, its released script `scripts-search/algos/REINFORCE.sh`:
    /// `--learning_rate 0.001 --EMA_momentum 0.9`, one policy update per architecture); the entropy weight is
    /// ENAS's (Pham et al. 2018, `controller_entropy_weight=0.0001`).
    public struct Configuration: OptimizerConfiguration {
        /// H, the width of the controller's LSTM layers and of its choice embeddings. Zoph & Le: 35 hidden units.
        public var hiddenSize: Int
        /// The number of stacked LSTM layers. Zoph & Le: a two-layer LSTM.
        public var layerCount: Int
        /// Every controller weight starts uniform in ±bound. Zoph & Le: "initialized uniformly between -0.08 and
        /// 0.08".
        public var initializationBound: Double
        /// Adam's learning rate for the controller (PyTorch's betas (0.9, 0.999), ε = 10⁻⁸). NB201's REINFORCE:
        /// 0.001 (Zoph & Le used 0.0006 with 800 GPUs' worth of samples; NATS-Bench later used 0.01).
        public var learningRate: Double
        /// β of the exponential moving average baseline. NB201's REINFORCE: `EMA_momentum` 0.9 (ENAS: 0.99).
        public var baselineDecay: Double
        /// The weight of the controller's entropy, subtracted from the loss to keep it exploring. ENAS: 0.0001
        /// (there added to the reward; here a differentiable bonus in the loss, see `Docs/Optimizers/Reinforce.md`).
        public var entropyWeight: Double
        /// The number of evaluated architectures averaged into one policy update. NB201's REINFORCE: 1, an update
        /// per architecture (Zoph & Le averaged m = 8 architectures per controller replica).
        public var batchSize: Int
        /// How many invalid combinations of choices one ask may draw (each a penalty update with reward 0)
        /// before giving up. NASKit's own bound; NB201 has no invalid combinations, NB101 many.
        public var invalidDrawLimit: Int

        /// The defaults above.
        public init() {
            hiddenSize = 35
            layerCount = 2
            initializationBound = 0.08
            learningRate = 0.001
            baselineDecay = 0.9
            entropyWeight = 0.0001
            batchSize = 1
            invalidDrawLimit = 100
        }

        /// Throws `"REINFORCE: <field> must be <requirement> (got <value>)"` for the first unusable field.
        public func validate() throws(SearchError) {
            try require(hiddenSize >= 1, "REINFORCE", "hiddenSize", "at least 1", got: hiddenSize)
            try require(layerCount >= 1, "REINFORCE", "layerCount", "at least 1", got: layerCount)
            try require(
                initializationBound > 0 && initializationBound.isFinite, "REINFORCE", "initializationBound",
                "positive and finite", got: initializationBound)
            try require(
                learningRate > 0 && learningRate.isFinite, "REINFORCE", "learningRate", "positive and finite",
                got: learningRate)
            try require(
                baselineDecay >= 0 && baselineDecay < 1, "REINFORCE", "baselineDecay", "in [0, 1)", got: baselineDecay)
            try require(
                entropyWeight >= 0 && entropyWeight.isFinite, "REINFORCE", "entropyWeight", "non-negative and finite",
                got: entropyWeight)
            try require(batchSize >= 1, "REINFORCE", "batchSize", "at least 1", got: batchSize)
            try require(invalidDrawLimit >= 1, "REINFORCE", "invalidDrawLimit", "at least 1", got: invalidDrawLimit)
        }
    }
}
