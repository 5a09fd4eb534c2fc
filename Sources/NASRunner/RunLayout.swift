/// Where runs live under an output directory: `<space>/<dataset>/<optimizer>/seed-<seed>/`, so a grid's runs
/// never collide and a finished one is found again by its configuration.
public enum RunLayout {
    /// The directory of the run `configuration` describes, under `root`.
    public static func directory(of configuration: RunConfiguration, in root: String) -> String {
        "\(root)/\(configuration.space)/\(configuration.dataset)/\(configuration.optimizer)/seed-\(configuration.seed)"
    }
}
