import Layers
import Tensors
import Training

/// How a one-shot search trains the architecture parameters: Adam with DARTS's settings (learning rate 3·10⁻⁴,
/// β = (0.5, 0.999), weight decay 10⁻³), the settings NAS-Bench-201's DARTS and GDAS runs use too.
public struct ArchitectureTraining: Codable, Hashable, Sendable {
    /// The learning rate of α.
    public var learningRate: Float
    /// Adam, with its moments.
    public var optimizer: Adam

    /// DARTS's settings unless given.
    public init(learningRate: Float = 3e-4, beta1: Float = 0.5, beta2: Float = 0.999, weightDecay: Float = 1e-3) {
        self.learningRate = learningRate
        optimizer = Adam(beta1: beta1, beta2: beta2, weightDecay: weightDecay)
    }

    /// Applies `gradients` of α.
    ///
    /// - Throws: ``SupernetError`` when a gradient is not finite (α is then unchanged).
    mutating func update(_ alpha: ArchitectureParameters, gradients: ParameterGradients, step: Int)
        throws(SupernetError)
    {
        guard gradients.norm.isFinite else {
            throw SupernetError("one-shot search: an architecture gradient became non-finite at step \(step)")
        }
        optimizer.update(alpha.parameters, gradients: gradients, learningRate: learningRate)
    }
}
