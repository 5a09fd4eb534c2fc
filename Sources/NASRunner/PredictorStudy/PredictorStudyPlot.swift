#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The predictor study's figure, as White et al. draw it ("How Powerful are Performance Predictors in Neural
/// Architecture Search?", NeurIPS 2021, Figs. 3 and 4): Kendall's τ on the test set against the training-set size
/// (log x axis), one line per table row (``PredictorStudy/rowLabels(_:)``): the mean over seeds at each size with a
/// shaded band of ± one standard error.
///
/// Model-based predictors and OMNI, which are fitted on the training set, are solid lines with a marker at each
/// size; learning-curve predictors (one row per query budget, "sotle@3") are dashed and zero-cost proxies dotted:
/// neither reads the training set, so their lines are horizontal. Colours follow the rows' order in the settings
/// (matplotlib's tab10, ``PlotPalette``); from the eleventh row on, colours repeat with another marker shape or dash
/// pattern of the row's family. The y axis runs from min(0, the lowest band edge), rounded down to a tenth, to 1.
///
/// The SVG is written by hand (``SVGWriter``) with fixed number formatting. A point's values are taken in the order
/// of their seeds, so the same records in any order give the same bytes. Each row's line is a
/// `<path class="line" data-predictor="…">`, its band a `<path class="band" …>` (none for one seed) and its
/// markers `class="marker"` elements.
public struct PredictorStudyPlot: Sendable {
    /// One row of the study: its label, family, colour and points.
    struct Row: Sendable {
        /// The row's label ("xgboost", "sotle@3").
        let label: String
        /// The predictor's family, which decides the line style.
        let family: PredictorChoice.Family
        /// The row's place in the settings' row order: its colour and style round.
        let index: Int
        /// Kendall's τ over seeds at each training size with a finite value, ascending by size.
        let points: [Point]

        /// Whether the family is fitted on the training set (model-based or OMNI): solid, with markers.
        var isFitted: Bool { family == .modelBased || family == .omni }
        /// Whether any point has a standard error (more than one seed), so the row has a band.
        var hasBand: Bool { points.contains { $0.tau.standardError != nil } }
    }

    /// Kendall's τ over seeds at one training size.
    struct Point: Sendable {
        /// The training-set size.
        let size: Int
        /// Mean and standard error of τ over the seeds.
        let tau: SampleStatistics
    }

    /// The study's settings (space, dataset, sizes, test size).
    let settings: PredictorStudy.Settings
    /// The rows drawn, in ``PredictorStudy/rowLabels(_:)`` order; rows without a finite τ are left out.
    let rows: [Row]

    /// The figure of `records` as SVG text (UTF-8, ending with a newline).
    ///
    /// - Parameters:
    ///   - records: The study's records (``PredictorStudy/run(_:progress:)``), in any order. Records of labels or
    ///     sizes that the settings do not name are ignored, as are non-finite τ values.
    ///   - settings: The study's settings: the rows' order, the training sizes and the title.
    /// - Returns: The SVG document; the same records (in any order) and settings give the same bytes.
    /// - Complexity: O(records × rows × sizes).
    public static func svg(_ records: [PredictorStudy.Record], settings: PredictorStudy.Settings) -> String {
        PredictorStudyPlot(records, settings: settings).document()
    }

    /// Groups the records into rows and points.
    init(_ records: [PredictorStudy.Record], settings: PredictorStudy.Settings) {
        self.settings = settings
        let sizes = Array(Set(settings.trainingSizes)).sorted()
        var rows: [Row] = []
        for (index, label) in PredictorStudy.rowLabels(settings).enumerated() {
            let matching = records.filter { $0.label == label }
            guard let family = matching.first?.predictor.family else { continue }
            let points = sizes.compactMap { size -> Point? in
                let values = matching.filter { $0.trainingSize == size && $0.kendallTau.isFinite }
                    .sorted { $0.seed < $1.seed }.map(\.kendallTau)
                return values.isEmpty ? nil : Point(size: size, tau: SampleStatistics(values))
            }
            guard !points.isEmpty else { continue }
            rows.append(Row(label: label, family: family, index: index, points: points))
        }
        self.rows = rows
    }

    /// The x domain: the training sizes drawn, widened by 6% of their log range on each side (a factor of 2
    /// each side for a single size) so the markers clear the frame.
    func xDomain() -> (lower: Double, upper: Double) {
        let sizes = rows.flatMap(\.points).map { Double($0.size) }
        let smallest = sizes.min() ?? 1
        let largest = sizes.max() ?? 1
        guard largest > smallest else { return (smallest / 2, smallest * 2) }
        let margin = 0.06 * (log10(largest) - log10(smallest))
        return (smallest / pow(10, margin), largest * pow(10, margin))
    }

    /// The y domain: min(0, the lowest band edge or mean) rounded down to a multiple of 0.1, to 1.
    func yDomain() -> (lower: Double, upper: Double) {
        let lowest = rows.flatMap(\.points).map { $0.tau.mean - ($0.tau.standardError ?? 0) }.min() ?? 0
        let lower = min(0, (lowest * 10).rounded(.down) / 10)
        return (lower, 1)
    }

    /// The x scale (logarithmic) over the plot area.
    func xScale() -> PlotScale {
        let domain = xDomain()
        return PlotScale(
            kind: .logarithmic, lower: domain.lower, upper: domain.upper, start: Layout.left, end: Layout.right)
    }

    /// The y scale (linear, growing upwards) over the plot area.
    func yScale() -> PlotScale {
        let domain = yDomain()
        return PlotScale(kind: .linear, lower: domain.lower, upper: domain.upper, start: Layout.bottom, end: Layout.top)
    }

    /// `"<space>, <dataset>: Kendall's τ against training-set size"`.
    var title: String { "\(settings.space), \(settings.dataset): Kendall's τ against training-set size" }
}
