import NASSpaces
import Predictors

/// NASLib's NB201 cell graph (`encode_gcn_nasbench201`): edges in NASLib's order (1<-0, 2<-0, 3<-0, 2<-1, 3<-1,
/// 3<-2), operations as NASLib's indices. It lives in the runner, where concrete spaces meet the predictors
/// (Predictors sees spaces only through NASCore's protocols), so that the GCN predictor reads NB201 cells.
extension NB201Space: CellGraphRepresentable {
    public func cellGraph(of architecture: NB201Architecture) -> CellGraph {
        CellGraph.operationsOnNodes(
            edges: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)],
            operations: architecture.naslibOperationIndices, operationCount: 5)
    }
}
