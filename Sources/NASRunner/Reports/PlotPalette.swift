/// The line colours of the plots, assigned in optimizer order so an optimizer keeps its colour in every plot of an
/// experiment: matplotlib's "tab10" (Vega's category10), the palette of most NAS papers' figures. From the
/// eleventh optimizer on the colours repeat with a dash pattern.
enum PlotPalette {
    /// The ten colours, in order.
    static let colours = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The dash patterns of each round of the colours (solid first).
    static let dashes: [String?] = [nil, "6 3", "2 2", "6 3 2 3"]

    /// The colour of the optimizer at `index` in the experiment's order.
    static func colour(_ index: Int) -> String {
        colours[index % colours.count]
    }

    /// The dash pattern of the optimizer at `index`, or `nil` for a solid line.
    static func dash(_ index: Int) -> String? {
        dashes[(index / colours.count) % dashes.count]
    }
}
