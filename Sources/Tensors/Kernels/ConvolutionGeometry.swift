/// The sizes of one 2-D convolution or pooling window sweep over an NCHW batch: every kernel loop derives its
/// bounds from here.
///
/// Output extents follow the usual floor rule: `(H + 2·padding − dilation·(K − 1) − 1) / stride + 1`.
struct ConvolutionGeometry: Sendable {
    let batch: Int
    let channels: Int  // C (input)
    let height: Int
    let width: Int
    let outputChannels: Int  // O (equal to C for pooling)
    let kernelSize: Int  // K: square windows
    let stride: Int
    let padding: Int
    let dilation: Int
    let groups: Int
    let outputHeight: Int
    let outputWidth: Int

    init(
        batch: Int, channels: Int, height: Int, width: Int, outputChannels: Int,
        kernelSize: Int, stride: Int, padding: Int, dilation: Int = 1, groups: Int = 1
    ) {
        self.batch = batch
        self.channels = channels
        self.height = height
        self.width = width
        self.outputChannels = outputChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        let span = dilation * (kernelSize - 1) + 1
        outputHeight = (height + 2 * padding - span) / stride + 1
        outputWidth = (width + 2 * padding - span) / stride + 1
    }

    /// Whether the window fits in the padded input at least once along both axes.
    var hasOutput: Bool {
        let span = dilation * (kernelSize - 1) + 1
        return height + 2 * padding >= span && width + 2 * padding >= span
    }

    /// H·W: the elements of one input plane.
    var inputPlane: Int { height * width }
    /// H'·W': the elements of one output plane.
    var outputPlane: Int { outputHeight * outputWidth }
    /// C / groups.
    var channelsPerGroup: Int { channels / groups }
    /// O / groups.
    var outputChannelsPerGroup: Int { outputChannels / groups }
    /// K·K.
    var kernelArea: Int { kernelSize * kernelSize }
    /// (C / groups)·K·K: the rows of one group's unfolded input, the columns of its weight matrix.
    var rowsPerGroup: Int { channelsPerGroup * kernelArea }
    /// The shape of the output, (N, O, H', W').
    var outputShape: [Int] { [batch, outputChannels, outputHeight, outputWidth] }

    /// Whether the convolution is a plain matrix product per image: 1x1, stride 1, no padding.
    var isPointwise: Bool { kernelSize == 1 && stride == 1 && padding == 0 }

    /// The output indices `o` along one axis whose input index `o·stride + offset` lies in `0..<extent`, for the
    /// kernel tap at `offset = tap·dilation − padding`.
    @inline(__always)
    static func validRange(offset: Int, stride: Int, extent: Int, outputExtent: Int) -> Range<Int> {
        // o·stride + offset >= 0  <=>  o >= ceil(−offset / stride)
        let lower = offset >= 0 ? 0 : min(outputExtent, (-offset + stride - 1) / stride)
        // o·stride + offset <= extent − 1  <=>  o <= floor((extent − 1 − offset) / stride)
        let last = extent - 1 - offset
        let upper = last < 0 ? 0 : min(outputExtent, last / stride + 1)
        return lower < upper ? lower..<upper : lower..<lower
    }

    /// The output rows that kernel row `tap` reads from inside the input.
    @inline(__always)
    func validRows(tap: Int) -> Range<Int> {
        Self.validRange(
            offset: tap * dilation - padding, stride: stride, extent: height, outputExtent: outputHeight)
    }

    /// The output columns that kernel column `tap` reads from inside the input.
    @inline(__always)
    func validColumns(tap: Int) -> Range<Int> {
        Self.validRange(
            offset: tap * dilation - padding, stride: stride, extent: width, outputExtent: outputWidth)
    }
}
