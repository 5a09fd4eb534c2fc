import Foundation
import Tensors

extension Safetensors {
    /// Serializes parameters and buffers by name.
    ///
    /// A parameter listed more than once (shared by several layers) is written once.
    ///
    /// - Parameters:
    ///   - parameters: the parameters, e.g. `model.parameters`.
    ///   - metadata: free-form strings stored under `"__metadata__"`.
    /// - Returns: the file's bytes, identical for identical names, shapes and values.
    /// - Throws: ``SafetensorsError/duplicateName(_:)`` when two different parameters share a name.
    public static func encode(_ parameters: [Parameter], metadata: [String: String] = [:]) throws(SafetensorsError) -> [UInt8] {
        var tensors: [String: Tensor] = [:]
        var owners: [String: ObjectIdentifier] = [:]
        for parameter in parameters {
            let identity = ObjectIdentifier(parameter)
            if let owner = owners[parameter.name] {
                guard owner == identity else { throw .duplicateName(parameter.name) }
                continue
            }
            owners[parameter.name] = identity
            tensors[parameter.name] = parameter.value
        }
        return encode(tensors, metadata: metadata)
    }

    /// Sets parameters from serialized tensors, checking every name and shape before changing anything.
    ///
    /// - Parameters:
    ///   - parameters: the parameters to set.
    ///   - bytes: a safetensors file's contents.
    ///   - allowingUnexpected: whether tensors that no parameter takes are ignored (otherwise an error, as
    ///     PyTorch's strict `load_state_dict`).
    /// - Returns: the file's metadata.
    /// - Throws: ``SafetensorsError``: a missing name, a shape mismatch naming the parameter and both shapes,
    ///   unexpected tensors, or malformed data. On error no parameter has changed.
    @discardableResult
    public static func load(
        into parameters: [Parameter], from bytes: [UInt8], allowingUnexpected: Bool = false
    ) throws(SafetensorsError) -> [String: String] {
        let (tensors, metadata) = try decode(bytes)
        for parameter in parameters {
            guard let stored = tensors[parameter.name] else {
                throw .missingTensor(name: parameter.name, available: tensors.count)
            }
            guard stored.shape == parameter.shape else {
                throw .shapeMismatch(name: parameter.name, parameterShape: parameter.shape, storedShape: stored.shape)
            }
        }
        if !allowingUnexpected {
            let taken = Set(parameters.map(\.name))
            let unexpected = tensors.keys.filter { !taken.contains($0) }.sorted()
            if !unexpected.isEmpty { throw .unexpectedTensors(unexpected) }
        }
        for parameter in parameters { parameter.value = tensors[parameter.name]! }
        return metadata
    }

    /// Writes parameters and buffers to a file (atomically).
    ///
    /// - Throws: ``SafetensorsError/duplicateName(_:)``, or the file system's error.
    public static func save(_ parameters: [Parameter], to url: URL, metadata: [String: String] = [:]) throws {
        try Data(encode(parameters, metadata: metadata)).write(to: url, options: .atomic)
    }

    /// Sets parameters from a file; see ``load(into:from:allowingUnexpected:)-(_,[UInt8],_)``.
    ///
    /// - Throws: ``SafetensorsError``, or the file system's error.
    @discardableResult
    public static func load(
        into parameters: [Parameter], contentsOf url: URL, allowingUnexpected: Bool = false
    ) throws -> [String: String] {
        try load(into: parameters, from: Array(Data(contentsOf: url)), allowingUnexpected: allowingUnexpected)
    }
}
