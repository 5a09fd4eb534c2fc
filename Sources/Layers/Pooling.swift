import Tensors

/// The maximum over square windows of every channel (`maxPool2d`).
public final class MaxPool2D: Layer {
    public let name: String
    /// The window's side.
    public let kernelSize: Int
    /// The step between windows.
    public let stride: Int
    /// Implicit −∞ added on each side (at most kernelSize / 2).
    public let padding: Int

    /// Creates the layer; `stride` defaults to `kernelSize` (non-overlapping windows), as in PyTorch.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0, name: String = "") {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    /// Pools x, (N, C, H, W), to (N, C, H', W') with H' = ⌊(H + 2·padding − kernelSize) / stride⌋ + 1.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        maxPool2d(input, kernelSize: kernelSize, stride: stride, padding: padding)
    }
}

/// The mean over square windows of every channel (`avgPool2d`).
///
/// By default padded positions do not count in the divisor (`countingPadding: false`), as NAS-Bench-201 and
/// DARTS configure it; PyTorch's own default (`count_include_pad=True`) is `countingPadding: true`.
public final class AvgPool2D: Layer {
    public let name: String
    /// The window's side.
    public let kernelSize: Int
    /// The step between windows.
    public let stride: Int
    /// Zeros added on each side (at most kernelSize / 2).
    public let padding: Int
    /// Whether padded positions count in the divisor.
    public let countingPadding: Bool

    /// Creates the layer; `stride` defaults to `kernelSize` (non-overlapping windows), as in PyTorch.
    public init(kernelSize: Int, stride: Int? = nil, padding: Int = 0, countingPadding: Bool = false, name: String = "") {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.countingPadding = countingPadding
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    /// Pools x, (N, C, H, W), to (N, C, H', W') with H' = ⌊(H + 2·padding − kernelSize) / stride⌋ + 1.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        avgPool2d(input, kernelSize: kernelSize, stride: stride, padding: padding, countingPadding: countingPadding)
    }
}

/// The mean of every channel over its whole plane: (N, C, H, W) to (N, C).
public final class GlobalAveragePool: Layer {
    public let name: String

    /// Creates the layer; it has no parameters, so the name only labels non-finite reports.
    public init(name: String = "") {
        self.name = name
    }

    public var parameters: [Parameter] { [] }

    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        globalAveragePool(input)
    }
}
