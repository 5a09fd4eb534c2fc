import Layers
import Tensors

/// J, the per-example input Jacobians of a network's summed outputs on one batch: row i is the gradient of
/// Σ_k f(x)_{i,k} with respect to image i, the pass that ``JacobianCovariance`` and ``EPENAS`` share.
///
/// Reference: zero-cost-nas `measures/jacob_cov.py` and NASLib `measures/epe_nas.py`, `get_batch_jacobian`:
/// `y = net(x)`, `y.backward(torch.ones_like(y))`, `jacob = x.grad`, reshaped to (N, C·H·W). The network runs in
/// training mode (batch statistics), as the reference's `bn=True` copy; batch-norm running statistics change and
/// callers restore them (``ParameterSnapshot``).
struct InputJacobian {
    /// J, (N, D) row-major.
    let values: [Float]
    /// N, the number of images.
    let rows: Int
    /// D, the scalars of one image.
    let columns: Int
    /// The network's outputs per example (the reference's `y.shape[-1]`, its class count).
    let outputCount: Int

    /// One forward and one backward pass on `batch`.
    ///
    /// - Complexity: one training step's forward and backward pass.
    init(network: some Layer, batch: ZeroCostBatch) {
        let tape = Tape()
        let input = tape.variable(batch.images)
        let output = network(input, mode: .training(seed: 0))
        let jacobian = tape.gradients(of: output)[input]  // (N, C, H, W)
        values = jacobian.scalars
        rows = batch.count
        columns = jacobian.count / batch.count
        outputCount = output.shape.last ?? 0
    }
}
