import NASSpaces
import Testing

@Suite("NB201Operation")
struct NB201OperationTests {
    @Test("the original order is none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3")
    func originalOrder() {
        #expect(NB201Operation.allCases.map(\.name) == ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"])
    }

    @Test("NASLib's order is skip_connect, none, nor_conv_3x3, nor_conv_1x1, avg_pool_3x3, and converts both ways")
    func naslibOrder() {
        #expect((0..<5).map { NB201Operation(naslibIndex: $0)!.name } == ["skip_connect", "none", "nor_conv_3x3", "nor_conv_1x1", "avg_pool_3x3"])
        for operation in NB201Operation.allCases {
            #expect(NB201Operation(naslibIndex: operation.naslibIndex) == operation)
        }
        #expect(NB201Operation(naslibIndex: 5) == nil)
    }
}
