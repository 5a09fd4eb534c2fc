import NASCore

/// An optimizer's hyper-parameters: a value type whose `init()` holds the paper's defaults and whose field names
/// are the names `nasrun --set name=value` overrides (the runner applies overrides through `Codable`, then calls
/// ``validate()``).
public protocol OptimizerConfiguration: Hashable, Codable, Sendable {
    /// The configuration of the paper (each field documents its source).
    init()

    /// Throws unless every field is usable, naming the field, its value and the valid range.
    func validate() throws(SearchError)
}

extension OptimizerConfiguration {
    /// Throws `"<optimizer>: <field> must be <requirement> (got <value>)"` unless `condition` holds.
    public func require(
        _ condition: Bool, _ optimizer: String, _ field: String, _ requirement: String, got value: Any
    ) throws(SearchError) {
        guard condition else { throw SearchError("\(optimizer): \(field) must be \(requirement) (got \(value))") }
    }
}
