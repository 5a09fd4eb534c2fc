import Layers
import NASSpaces
import Seeding
import Tensors

/// Which of DARTS's two builds of a candidate operation to make.
///
/// DARTS builds every operation from one table (`OPS` in `cnn/operations.py` of github.com/quark0/darts), called
/// two ways:
/// - the derived network (`model.py`'s `Cell`, ``DARTSNetwork``) calls `OPS[name](C, stride, True)`: batch norms
///   with a learned scale and offset, pools bare;
/// - the search model's mixed operation (`model_search.py`'s `MixedOp`) calls `OPS[name](C, stride, False)` and
///   follows each pool with `BatchNorm2d(C, affine=False)`: batch norms without scale or offset (so the
///   architecture weights, not the batch norms, scale each candidate), and pools normalised like the others.
///
/// In both, batch norms keep running statistics (PyTorch's default).
public enum DARTSOperationVariant: Hashable, Sendable {
    /// The derived network's operation: affine batch norms, no batch norm after pooling.
    case derivedNetwork
    /// A search-time mixed operation's candidate: non-affine batch norms, pools followed by a non-affine batch norm.
    case mixedOperationCandidate
}

extension DARTSOperation {
    /// Builds the operation as a layer for `channels` → `channels`, as DARTS's `OPS[name](C, stride, affine)`.
    ///
    /// - `none`: ``DARTSZero`` (zeros, subsampled at stride 2);
    /// - `max_pool_3x3`, `avg_pool_3x3`: 3x3 pooling, padding 1 (average excluding padding); with
    ///   `batchNormAfterPooling`, a `Sequential` of the pool and `BatchNorm(affine: affine)` named `"<name>.1"`;
    /// - `skip_connect`: ``DARTSIdentity`` at stride 1, ``DARTSFactorizedReduce`` at stride 2;
    /// - `sep_conv_KxK`: `Sequential "<name>.op"` of ReLU, depthwise KxK (stride, padding K/2), pointwise 1x1,
    ///   batch norm, ReLU, depthwise KxK (stride 1), pointwise 1x1, batch norm (PyTorch's `op.0` ... `op.7`);
    /// - `dil_conv_KxK`: `Sequential "<name>.op"` of ReLU, depthwise KxK with dilation 2 (stride, padding K − 1),
    ///   pointwise 1x1, batch norm.
    ///
    /// Convolutions have no bias and PyTorch's default initialisation, drawn from `rng` in module order.
    /// Parameter names are PyTorch's `state_dict` keys below `name`.
    ///
    /// - Parameters:
    ///   - channels: C, the input and output channels (even for `skip_connect` at stride 2).
    ///   - stride: 1, or 2 in a reduction cell's edges from the cell inputs.
    ///   - affine: whether batch norms learn a scale and an offset.
    ///   - batchNormAfterPooling: whether a pool is followed by a batch norm (the search model's mixed operation).
    ///   - name: the module path (`"cells.0._ops.3"`).
    ///   - rng: the generator for the weights.
    /// - Returns: the layer; ``DARTSNetwork/countedLayers(of:inputHeight:inputWidth:)`` counts its cost.
    public func makeLayer(
        channels: Int, stride: Int, affine: Bool, batchNormAfterPooling: Bool = false, name: String,
        using rng: inout some RandomNumberGenerator
    ) -> any Layer {
        enforce(channels > 0 && (stride == 1 || stride == 2), "DARTSOperation '\(self.name)': \(channels) channels at stride \(stride); give positive channels and stride 1 or 2")
        func pooled(_ pool: any Layer) -> any Layer {
            guard batchNormAfterPooling else { return pool }
            return Sequential(name: name, [pool, BatchNorm(channels: channels, affine: affine, name: name + ".1")])
        }
        switch self {
        case .none:
            return DARTSZero(stride: stride, name: name)
        case .maxPool3x3:
            return pooled(MaxPool2D(kernelSize: 3, stride: stride, padding: 1, name: batchNormAfterPooling ? name + ".0" : name))
        case .averagePool3x3:
            return pooled(AvgPool2D(
                kernelSize: 3, stride: stride, padding: 1, countingPadding: false,
                name: batchNormAfterPooling ? name + ".0" : name))
        case .skipConnect:
            return stride == 1
                ? DARTSIdentity(name: name)
                : DARTSFactorizedReduce(inputChannels: channels, outputChannels: channels, affine: affine, name: name, using: &rng)
        case .separableConvolution3x3, .separableConvolution5x5:
            let kernel = self == .separableConvolution3x3 ? 3 : 5
            return Self.separableConvolution(channels: channels, kernelSize: kernel, stride: stride, affine: affine, name: name, using: &rng)
        case .dilatedConvolution3x3, .dilatedConvolution5x5:
            let kernel = self == .dilatedConvolution3x3 ? 3 : 5
            return Self.dilatedConvolution(channels: channels, kernelSize: kernel, stride: stride, affine: affine, name: name, using: &rng)
        }
    }

    /// Builds the operation for one of DARTS's two uses (``DARTSOperationVariant``).
    public func makeLayer(
        channels: Int, stride: Int, variant: DARTSOperationVariant, name: String,
        using rng: inout some RandomNumberGenerator
    ) -> any Layer {
        switch variant {
        case .derivedNetwork:
            makeLayer(channels: channels, stride: stride, affine: true, batchNormAfterPooling: false, name: name, using: &rng)
        case .mixedOperationCandidate:
            makeLayer(channels: channels, stride: stride, affine: false, batchNormAfterPooling: true, name: name, using: &rng)
        }
    }

    /// DARTS's `SepConv`: (ReLU, depthwise KxK, pointwise 1x1, batch norm) twice, the first at `stride`.
    static func separableConvolution(
        channels: Int, kernelSize: Int, stride: Int, affine: Bool, name: String,
        using rng: inout some RandomNumberGenerator
    ) -> Sequential {
        let prefix = name + ".op"
        var layers: [any Layer] = []
        for half in 0..<2 {
            let base = 4 * half
            layers.append(ReLU())
            layers.append(Conv2D(
                inputChannels: channels, outputChannels: channels, kernelSize: kernelSize, stride: half == 0 ? stride : 1,
                padding: kernelSize / 2, groups: channels, bias: false, name: "\(prefix).\(base + 1)", using: &rng))
            layers.append(Conv2D(
                inputChannels: channels, outputChannels: channels, kernelSize: 1, bias: false,
                name: "\(prefix).\(base + 2)", using: &rng))
            layers.append(BatchNorm(channels: channels, affine: affine, name: "\(prefix).\(base + 3)"))
        }
        return Sequential(name: prefix, layers)
    }

    /// DARTS's `DilConv`: ReLU, depthwise KxK with dilation 2 (padding K − 1, so the size is kept at stride 1),
    /// pointwise 1x1, batch norm.
    static func dilatedConvolution(
        channels: Int, kernelSize: Int, stride: Int, affine: Bool, name: String,
        using rng: inout some RandomNumberGenerator
    ) -> Sequential {
        let prefix = name + ".op"
        let depthwise = Conv2D(
            inputChannels: channels, outputChannels: channels, kernelSize: kernelSize, stride: stride,
            padding: kernelSize - 1, dilation: 2, groups: channels, bias: false, name: prefix + ".1", using: &rng)
        let pointwise = Conv2D(
            inputChannels: channels, outputChannels: channels, kernelSize: 1, bias: false, name: prefix + ".2",
            using: &rng)
        return Sequential(name: prefix, [
            ReLU(), depthwise, pointwise, BatchNorm(channels: channels, affine: affine, name: prefix + ".3"),
        ])
    }
}
