import Tensors
import Testing

@testable import OneShot

@Suite struct EdgeSelectionTests {
    @Test func weightedRunsEveryOperation() {
        let selection = EdgeSelection.weighted(Variable(Tensor(shape: [4], scalars: [0.1, 0.2, 0.3, 0.4])))
        #expect(selection.computed == [0, 1, 2, 3])
        #expect(!selection.addsWeightsOfSkippedOperations)
    }

    @Test func gatedSortsItsOperationsAndAddsTheOthers() {
        let selection = EdgeSelection.gated([3, 1], weights: Variable(Tensor(zeros: [5])))
        #expect(selection.computed == [1, 3])
        #expect(selection.addsWeightsOfSkippedOperations)
        #expect(EdgeSelection.off.computed.isEmpty)
        #expect(EdgeSelection.single(2).computed == [2])
    }
}
