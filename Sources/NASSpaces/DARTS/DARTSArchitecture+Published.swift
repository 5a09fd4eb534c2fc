/// The genotypes DARTS published, as `cnn/genotypes.py` of github.com/quark0/darts (commit f276dd3) defines them.
extension DARTSArchitecture {
    /// `DARTS_V1`: the cell found by first-order DARTS (Liu et al. 2019, Table 1, "DARTS (first order)": 3.3M
    /// parameters, 3.00% test error on CIFAR-10).
    public static let dartsV1 = DARTSArchitecture(
        normal: DARTSCell(edges: [
            DARTSEdge(.separableConvolution3x3, 1), DARTSEdge(.separableConvolution3x3, 0),
            DARTSEdge(.skipConnect, 0), DARTSEdge(.separableConvolution3x3, 1),
            DARTSEdge(.skipConnect, 0), DARTSEdge(.separableConvolution3x3, 1),
            DARTSEdge(.separableConvolution3x3, 0), DARTSEdge(.skipConnect, 2),
        ]),
        reduction: DARTSCell(edges: [
            DARTSEdge(.maxPool3x3, 0), DARTSEdge(.maxPool3x3, 1),
            DARTSEdge(.skipConnect, 2), DARTSEdge(.maxPool3x3, 0),
            DARTSEdge(.maxPool3x3, 0), DARTSEdge(.skipConnect, 2),
            DARTSEdge(.skipConnect, 2), DARTSEdge(.averagePool3x3, 0),
        ]))

    /// `DARTS_V2` (the repository's `DARTS`): the cell found by second-order DARTS (Liu et al. 2019, Table 1,
    /// "DARTS (second order)": 3.3M parameters, 2.76 ± 0.09% test error on CIFAR-10).
    public static let dartsV2 = DARTSArchitecture(
        normal: DARTSCell(edges: [
            DARTSEdge(.separableConvolution3x3, 0), DARTSEdge(.separableConvolution3x3, 1),
            DARTSEdge(.separableConvolution3x3, 0), DARTSEdge(.separableConvolution3x3, 1),
            DARTSEdge(.separableConvolution3x3, 1), DARTSEdge(.skipConnect, 0),
            DARTSEdge(.skipConnect, 0), DARTSEdge(.dilatedConvolution3x3, 2),
        ]),
        reduction: DARTSCell(edges: [
            DARTSEdge(.maxPool3x3, 0), DARTSEdge(.maxPool3x3, 1),
            DARTSEdge(.skipConnect, 2), DARTSEdge(.maxPool3x3, 1),
            DARTSEdge(.maxPool3x3, 0), DARTSEdge(.skipConnect, 2),
            DARTSEdge(.skipConnect, 2), DARTSEdge(.maxPool3x3, 1),
        ]))
}
