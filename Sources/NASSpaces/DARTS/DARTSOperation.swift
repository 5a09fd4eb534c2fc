/// The eight candidate operations of a DARTS cell edge, in DARTS's `PRIMITIVES` order (Liu, Simonyan & Yang,
/// "DARTS: Differentiable Architecture Search", ICLR 2019; `cnn/genotypes.py` of github.com/quark0/darts): the raw
/// value is that index.
///
/// `none` (the zero operation) is a candidate of the search-time mixed operation only: DARTS drops it when it
/// derives a genotype (`model_search.py`'s `_parse` skips `PRIMITIVES.index('none')`), so a genotype, and hence a
/// ``DARTSArchitecture``, never contains it. ``genotypeOperations`` lists the seven a genotype may use.
public enum DARTSOperation: Int, CaseIterable, Codable, Hashable, Sendable {
    /// The zero operation (search-time only).
    case none = 0
    /// 3x3 max pooling, padding 1.
    case maxPool3x3 = 1
    /// 3x3 average pooling, padding 1, padded positions not counted.
    case averagePool3x3 = 2
    /// Identity at stride 1; a factorized reduction at stride 2.
    case skipConnect = 3
    /// Separable 3x3 convolution (applied twice).
    case separableConvolution3x3 = 4
    /// Separable 5x5 convolution (applied twice).
    case separableConvolution5x5 = 5
    /// Dilated (dilation 2) depthwise-separable 3x3 convolution.
    case dilatedConvolution3x3 = 6
    /// Dilated (dilation 2) depthwise-separable 5x5 convolution.
    case dilatedConvolution5x5 = 7

    /// The name DARTS's code uses (`'sep_conv_3x3'`).
    public var name: String {
        switch self {
        case .none: "none"
        case .maxPool3x3: "max_pool_3x3"
        case .averagePool3x3: "avg_pool_3x3"
        case .skipConnect: "skip_connect"
        case .separableConvolution3x3: "sep_conv_3x3"
        case .separableConvolution5x5: "sep_conv_5x5"
        case .dilatedConvolution3x3: "dil_conv_3x3"
        case .dilatedConvolution5x5: "dil_conv_5x5"
        }
    }

    /// The operation with a DARTS name (including `none`), or `nil`.
    public init?(name: String) {
        guard let operation = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = operation
    }

    /// The seven operations a genotype may use: `PRIMITIVES` without `none`, in that order. NASLib's DARTS
    /// (NAS-Bench-301) operation indices are positions in this list.
    public static let genotypeOperations: [DARTSOperation] = allCases.filter { $0 != .none }

    /// The position in ``genotypeOperations`` (`rawValue - 1`).
    ///
    /// - Precondition: not `none`.
    public var genotypeIndex: Int {
        precondition(self != .none, "DARTSOperation.genotypeIndex: 'none' is not a genotype operation")
        return rawValue - 1
    }
}
