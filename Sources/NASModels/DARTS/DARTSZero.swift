import Layers
import Tensors

/// DARTS's `Zero` (`none`): zeros of the input's shape at stride 1, of x[:, :, ::2, ::2]'s shape at stride 2.
///
/// The zeros are a constant: no gradient flows through them (the reference's `x.mul(0.)` gives zero gradients).
public final class DARTSZero: Layer {
    public let name: String
    /// 1 or 2.
    public let stride: Int

    /// The zero operation at `stride`.
    public init(stride: Int, name: String = "") {
        self.stride = stride
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    /// (N, C, H, W) → zeros (N, C, ⌈H/stride⌉, ⌈W/stride⌉).
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let shape = input.shape
        enforce(shape.count == 4, "DARTSZero '\(name)': input \(shape) is not (N, C, H, W)")
        let zeros = Tensor(zeros: [
            shape[0], shape[1], (shape[2] + stride - 1) / stride, (shape[3] + stride - 1) / stride,
        ])
        return input.tape?.constant(zeros) ?? Variable(zeros)
    }
}
