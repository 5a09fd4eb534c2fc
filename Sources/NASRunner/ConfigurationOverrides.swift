import Foundation
import Optimizers

/// Applies hyper-parameter overrides given by name (`population=50`) to an optimizer's configuration through
/// `Codable`, so the runner needs no per-field code and every field of every optimizer can be set.
enum ConfigurationOverrides {
    /// `Configuration()` with `overrides` applied, validated, and its resolved fields as JSON values.
    ///
    /// - Throws: ``RunError`` for an unknown name (listing the known ones), a value of the wrong type (naming the
    ///   field and its default), or a value the configuration's `validate()` refuses.
    static func resolve<Configuration: OptimizerConfiguration>(
        _ type: Configuration.Type, overrides: [String: String], optimizer: String
    ) throws(RunError) -> (configuration: Configuration, resolved: [String: JSONValue]) {
        let defaults = fields(of: Configuration())
        var fields = defaults
        for name in overrides.keys.sorted() {
            guard let current = defaults[name] else {
                let known = defaults.keys.sorted().joined(separator: ", ")
                throw RunError(
                    "\(optimizer) has no hyper-parameter '\(name)'; "
                        + (known.isEmpty ? "it has none" : "its hyper-parameters are: \(known)"))
            }
            fields[name] = parse(overrides[name]!, like: current)
        }
        let configuration: Configuration
        do {
            let data = try JSONEncoder().encode(fields)
            configuration = try JSONDecoder().decode(Configuration.self, from: data)
        } catch {
            let name = overrides.keys.sorted().first { key in
                (try? decodeSingle(Configuration.self, defaults: defaults, name: key, value: fields[key]!)) == nil
            }
            let field = name ?? overrides.keys.sorted().joined(separator: ", ")
            throw RunError(
                "\(optimizer): '\(overrides[field].map { "\(field)=\($0)" } ?? field)' has the wrong type; the "
                    + "default is \(defaults[field]?.description ?? "?") (give a value of that type)")
        }
        do {
            try configuration.validate()
        } catch {
            throw RunError(error.message)
        }
        return (configuration, Self.fields(of: configuration))
    }

    /// The configuration whose fields are `fields` (a resolved configuration read back), validated.
    ///
    /// - Throws: ``RunError`` if the fields do not make a valid configuration.
    static func decode<Configuration: OptimizerConfiguration>(
        _ type: Configuration.Type, fields: [String: JSONValue], optimizer: String
    ) throws(RunError) -> Configuration {
        let configuration: Configuration
        do {
            configuration = try JSONDecoder().decode(Configuration.self, from: try JSONEncoder().encode(fields))
        } catch {
            throw RunError("\(optimizer): the hyper-parameters \(JSONValue.object(fields)) do not make a configuration")
        }
        do {
            try configuration.validate()
        } catch {
            throw RunError(error.message)
        }
        return configuration
    }

    /// The fields of a configuration as JSON values.
    static func fields<Configuration: OptimizerConfiguration>(of configuration: Configuration) -> [String: JSONValue] {
        // Encoding a configuration (a struct of numbers, strings, booleans and enums) cannot fail.
        guard let data = try? JSONEncoder().encode(configuration),
            let value = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(let fields) = value
        else { preconditionFailure("ConfigurationOverrides: \(Configuration.self) does not encode as an object") }
        return fields
    }

    /// A command-line value read as the JSON type of the field's default.
    private static func parse(_ text: String, like current: JSONValue) -> JSONValue {
        switch current {
        case .number: Double(text).map(JSONValue.number) ?? .string(text)
        case .bool: text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default: .string(text)
        }
    }

    private static func decodeSingle<Configuration: OptimizerConfiguration>(
        _ type: Configuration.Type, defaults: [String: JSONValue], name: String, value: JSONValue
    ) throws -> Configuration {
        var fields = defaults
        fields[name] = value
        return try JSONDecoder().decode(Configuration.self, from: try JSONEncoder().encode(fields))
    }
}
