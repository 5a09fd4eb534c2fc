import NASCore
import Tensors

/// A supernet whose architectures have a latency model: the expected latency under the architecture
/// distribution is a differentiable function of the per-edge operation probabilities (ProxylessNAS, eq. 4:
/// E[latency] = Σ_edges Σ_ops p · F(op), summed here over every unit of the network).
public protocol LatencyAwareSupernet: Supernet {
    /// E[latency] in milliseconds as a scalar variable of `probabilities[group][edge]` (one vector of operation
    /// probabilities per edge, each recorded on a tape when gradients are wanted).
    func expectedLatency(probabilities: [[Variable]]) -> Variable

    /// The latency model's prediction for one architecture, in milliseconds.
    func predictedLatency(of architecture: Space.Architecture) -> Double
}
