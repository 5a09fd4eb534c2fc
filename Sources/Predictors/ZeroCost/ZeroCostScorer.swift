import Layers
import Tensors

/// Computes zero-cost proxies of one network at initialisation, sharing the passes they have in common (the
/// loss gradient of ``SNIP``, ``GradientNorm``, ``Plain`` and ``GraSP``; the input Jacobian of
/// ``JacobianCovariance`` and ``EPENAS``) and giving every proxy the network as it was built: parameters and
/// batch-norm statistics are restored bit for bit after each (``ParameterSnapshot``).
public enum ZeroCostScorer {
    /// The scores of `proxies` for `network`, in the order asked.
    ///
    /// - Parameters:
    ///   - proxies: the proxies to compute.
    ///   - network: the freshly initialised network; its parameters are unchanged afterwards.
    ///   - inputShape: one example's shape (C, H, W), for the data-free input of ``ZeroCostProxy/synflow``.
    ///   - batch: the mini-batch, required when any proxy ``ZeroCostProxy/usesDataBatch``.
    ///   - multiplyAdds: the network's multiply-adds per example, required for ``ZeroCostProxy/flops``.
    ///   - seed: the seed of the random draws of ``ZeroCostProxy/zen`` (Gaussian weights and inputs, of the
    ///     batch's shape, or ``Zen/defaultBatchSize`` examples of `inputShape` without a batch).
    /// - Returns: one score per proxy; higher predicts a better architecture. NaN where the reference gives NaN
    ///   (``JacobianCovariance``, ``EPENAS``); −∞ for ``Zen`` when the features do not depend on the input, as the
    ///   reference's log 0.
    /// - Throws: ``ZeroCostError`` naming the first proxy whose input is missing, before any computation.
    /// - Complexity: at most one loss-gradient pass, two more for GraSP, one more for Fisher, one Jacobian pass,
    ///   one forward pass for NASWOT, two for Zen and two passes on one example for synflow.
    public static func scores(
        _ proxies: [ZeroCostProxy], of network: some ObservableLayer, inputShape: [Int], batch: ZeroCostBatch?,
        multiplyAdds: Int? = nil, seed: UInt64 = 0
    ) throws(ZeroCostError) -> [Double] {
        for proxy in proxies {
            if proxy.usesDataBatch && batch == nil { throw .missingBatch(proxy) }
            if proxy == .flops && multiplyAdds == nil { throw .missingMultiplyAdds }
        }
        let snapshot = ParameterSnapshot(network)
        var lossGradients: LossGradients?
        func sharedGradients(_ batch: ZeroCostBatch) -> LossGradients {
            if let lossGradients { return lossGradients }
            let pass = LossGradients(network: network, batch: batch)
            snapshot.restore()
            lossGradients = pass
            return pass
        }
        var inputJacobian: InputJacobian?
        func sharedJacobian(_ batch: ZeroCostBatch) -> InputJacobian {
            if let inputJacobian { return inputJacobian }
            let pass = InputJacobian(network: network, batch: batch)
            snapshot.restore()
            inputJacobian = pass
            return pass
        }
        return proxies.map { proxy in
            defer { snapshot.restore() }
            switch proxy {
            case .synflow: return Synflow.score(network, inputShape: inputShape)
            case .snip: return SNIP.score(sharedGradients(batch!))
            case .grasp: return GraSP.score(network, batch: batch!, gradients: sharedGradients(batch!))
            case .gradNorm: return GradientNorm.score(sharedGradients(batch!))
            case .fisher: return Fisher.score(network, batch: batch!)
            case .jacov: return JacobianCovariance.score(sharedJacobian(batch!))
            case .epeNAS: return EPENAS.score(sharedJacobian(batch!), labels: batch!.labels)
            case .zen:
                let shape = batch.map(\.images.shape) ?? [Zen.defaultBatchSize] + inputShape
                return Zen.score(network, inputShape: shape, seed: seed)
            case .nwot: return NASWOT.score(network, batch: batch!)
            case .plain: return Plain.score(sharedGradients(batch!))
            case .l2Norm: return L2Norm.score(network)
            case .params: return ParameterCount.score(network)
            case .flops: return FloatingPointOperations.score(multiplyAdds: multiplyAdds!)
            }
        }
    }
}
