/// The five operations of a NAS-Bench-201 cell edge, in NAS-Bench-201's original order (Dong & Yang 2020,
/// `NAS_BENCH_201` in the benchmark's code): the raw value is that index.
///
/// NASLib numbers them differently (0 skip_connect, 1 none, 2 nor_conv_3x3, 3 nor_conv_1x1, 4 avg_pool_3x3):
/// use ``naslibIndex`` and ``init(naslibIndex:)`` for that order, never the raw value.
public enum NB201Operation: Int, CaseIterable, Codable, Hashable, Sendable {
    case none = 0
    case skipConnect = 1
    case convolution1x1 = 2
    case convolution3x3 = 3
    case averagePool3x3 = 4

    /// The name in NAS-Bench-201's text form.
    public var name: String {
        switch self {
        case .none: "none"
        case .skipConnect: "skip_connect"
        case .convolution1x1: "nor_conv_1x1"
        case .convolution3x3: "nor_conv_3x3"
        case .averagePool3x3: "avg_pool_3x3"
        }
    }

    /// The operation with a NAS-Bench-201 name, or `nil`.
    public init?(name: String) {
        guard let operation = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = operation
    }

    /// The index in NASLib's 6-tuple op order (0 skip_connect, 1 none, 2 nor_conv_3x3, 3 nor_conv_1x1,
    /// 4 avg_pool_3x3), used by NASLib and AnalogNAS-Bench keys.
    public var naslibIndex: Int {
        switch self {
        case .skipConnect: 0
        case .none: 1
        case .convolution3x3: 2
        case .convolution1x1: 3
        case .averagePool3x3: 4
        }
    }

    /// The operation with NASLib's index, or `nil` outside 0...4.
    public init?(naslibIndex: Int) {
        guard let operation = Self.allCases.first(where: { $0.naslibIndex == naslibIndex }) else { return nil }
        self = operation
    }
}
