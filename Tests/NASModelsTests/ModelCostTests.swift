import NASModels
import Testing

@Suite("ModelCost")
struct ModelCostTests {
    @Test("reports multiply-adds in millions")
    func megaFlops() {
        #expect(ModelCost(parameterCount: 1, multiplyAdds: 220_119_690).megaFlops == 220.11969)
    }
}
