/// The three operations of a NAS-Bench-101 interior vertex, in the benchmark's canonical order (Ying et al.,
/// ICML 2019; `available_ops` in google-research/nasbench `lib/config.py`): the raw value is that index, the
/// label the module hash uses (input is -1, output -2).
///
/// NASLib's adjacency-one-hot encoding numbers the columns differently (0 maxpool3x3, 1 conv3x3-bn-relu,
/// 2 conv1x1-bn-relu): use ``naslibOneHotColumn``, never the raw value, for that layout.
public enum NB101Operation: Int, CaseIterable, Codable, Hashable, Sendable {
    /// 3x3 convolution, batch norm, ReLU.
    case convolution3x3 = 0
    /// 1x1 convolution, batch norm, ReLU.
    case convolution1x1 = 1
    /// 3x3 max pooling with stride 1.
    case maxPool3x3 = 2

    /// The name in NAS-Bench-101's specs (`ModelSpec.ops`).
    public var name: String {
        switch self {
        case .convolution3x3: "conv3x3-bn-relu"
        case .convolution1x1: "conv1x1-bn-relu"
        case .maxPool3x3: "maxpool3x3"
        }
    }

    /// The operation with a NAS-Bench-101 name, or `nil`.
    public init?(name: String) {
        guard let operation = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = operation
    }

    /// The column of this operation's one-hot in NASLib's adjacency-one-hot encoding (`encode_adj` in
    /// `naslib/search_spaces/nasbench101/encodings.py`: maxpool3x3 `[1, 0, 0]`, conv3x3-bn-relu `[0, 1, 0]`,
    /// conv1x1-bn-relu `[0, 0, 1]`).
    public var naslibOneHotColumn: Int {
        switch self {
        case .maxPool3x3: 0
        case .convolution3x3: 1
        case .convolution1x1: 2
        }
    }

    /// The operation with NASLib's one-hot column, or `nil` outside 0...2.
    public init?(naslibOneHotColumn column: Int) {
        guard let operation = Self.allCases.first(where: { $0.naslibOneHotColumn == column }) else { return nil }
        self = operation
    }

    /// The names of all operations in canonical order, comma-separated (for error messages).
    static var nameList: String { allCases.map(\.name).joined(separator: ", ") }
}
