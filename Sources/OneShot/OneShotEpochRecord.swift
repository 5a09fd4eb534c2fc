/// What one epoch of a one-shot search did, as its log and results file record it.
public struct OneShotEpochRecord: Codable, Hashable, Sendable {
    /// The epoch, from 0.
    public var epoch: Int
    /// The weights' learning rate during the epoch.
    public var learningRate: Float
    /// The mean training loss over the epoch's steps (before each update).
    public var trainingLoss: Double
    /// The fraction of training examples classified correctly (before each update).
    public var trainingAccuracy: Double
    /// The architecture the method would return after this epoch, in the space's text form (methods that
    /// rank samples derive only after the last epoch: nil before).
    public var derived: String?
    /// softmax(α) per group, edge and operation after the epoch (methods with α).
    public var operationProbabilities: [[[Double]]]?
    /// Wall-clock seconds of the epoch.
    public var seconds: Double
}
