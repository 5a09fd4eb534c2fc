/// Why a safetensors file could not be written, read, or loaded into parameters.
public enum SafetensorsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes end before the header or the data they announce.
    case truncated(String)
    /// The header is not the JSON the format prescribes.
    case invalidHeader(String)
    /// A tensor is stored in a type other than F32.
    case unsupportedDataType(name: String, dataType: String)
    /// Two different parameters share one name.
    case duplicateName(String)
    /// A parameter has no tensor of its name in the file.
    case missingTensor(name: String, available: Int)
    /// A parameter's shape differs from the stored tensor's.
    case shapeMismatch(name: String, parameterShape: [Int], storedShape: [Int])
    /// The file holds tensors that no parameter takes (sorted).
    case unexpectedTensors([String])

    public var description: String {
        switch self {
        case .truncated(let detail):
            return "safetensors: the data is truncated: \(detail)"
        case .invalidHeader(let detail):
            return "safetensors: invalid header: \(detail)"
        case .unsupportedDataType(let name, let dataType):
            return "safetensors: tensor '\(name)' has dtype \(dataType); only F32 is supported"
        case .duplicateName(let name):
            return "safetensors: two different parameters are named '\(name)'"
        case .missingTensor(let name, let available):
            return "safetensors: no tensor named '\(name)' in the file (it holds \(available) tensors); was it saved from another network?"
        case .shapeMismatch(let name, let parameterShape, let storedShape):
            return "safetensors: parameter '\(name)' has shape \(parameterShape) but the file stores \(storedShape)"
        case .unexpectedTensors(let names):
            let listed = names.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            return "safetensors: the file holds \(names.count) tensors that no parameter takes: \(listed)\(names.count > 5 ? ", ..." : ""); pass allowingUnexpected: true to ignore them"
        }
    }
}
