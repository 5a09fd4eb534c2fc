import Foundation
import Tensors

/// Reading and writing named Float32 tensors in the safetensors format, which PyTorch reads with
/// `safetensors.torch.load_file`.
///
/// Layout: an 8-byte little-endian unsigned header length n; n bytes of JSON mapping each tensor name to
/// `{"data_offsets": [begin, end], "dtype": "F32", "shape": [...]}` (plus an optional `"__metadata__"` map of
/// strings), padded with spaces to a multiple of 8 bytes; then the raw little-endian data, offsets counted from
/// the end of the header. NASKit writes keys sorted and tensors in name order, so the same tensors give the
/// same bytes.
public enum Safetensors {
    /// The key of the optional metadata map in the header.
    static let metadataKey = "__metadata__"

    struct TensorEntry: Codable {
        var dtype: String
        var shape: [Int]
        var data_offsets: [Int]
    }

    enum HeaderValue: Codable {
        case tensor(TensorEntry)
        case metadata([String: String])

        init(from decoder: any Decoder) throws {
            if let entry = try? TensorEntry(from: decoder) {
                self = .tensor(entry)
            } else {
                self = .metadata(try [String: String](from: decoder))
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .tensor(let entry): try entry.encode(to: encoder)
            case .metadata(let map): try map.encode(to: encoder)
            }
        }
    }

    /// Serializes tensors.
    ///
    /// - Parameters:
    ///   - tensors: the tensors by name.
    ///   - metadata: free-form strings stored under `"__metadata__"` (omitted when empty).
    /// - Returns: the file's bytes.
    /// - Complexity: O(total elements + names · log names).
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> [UInt8] {
        let names = tensors.keys.sorted()
        var header: [String: HeaderValue] = [:]
        var offset = 0
        for name in names {
            let byteCount = 4 * tensors[name]!.count
            header[name] = .tensor(TensorEntry(dtype: "F32", shape: tensors[name]!.shape, data_offsets: [offset, offset + byteCount]))
            offset += byteCount
        }
        if !metadata.isEmpty { header[metadataKey] = .metadata(metadata) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, integers and arrays of them cannot fail.
        var json = Array(try! encoder.encode(header))
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + json.count + offset)
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: json)
        for name in names {
            for value in tensors[name]!.scalars {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// Parses tensors.
    ///
    /// - Parameter bytes: a safetensors file's contents.
    /// - Returns: the tensors by name and the metadata map (empty when absent).
    /// - Throws: ``SafetensorsError`` when the data is truncated, the header malformed, or a dtype not F32.
    public static func decode(_ bytes: [UInt8]) throws(SafetensorsError) -> (tensors: [String: Tensor], metadata: [String: String]) {
        guard bytes.count >= 8 else {
            throw .truncated("\(bytes.count) bytes, fewer than the 8 of the header length")
        }
        var headerLength: UInt64 = 0
        for index in (0..<8).reversed() { headerLength = headerLength << 8 | UInt64(bytes[index]) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw .truncated("the header announces \(headerLength) bytes but only \(bytes.count - 8) follow")
        }
        let dataStart = 8 + Int(headerLength)
        let header: [String: HeaderValue]
        do {
            header = try JSONDecoder().decode([String: HeaderValue].self, from: Data(bytes[8..<dataStart]))
        } catch {
            throw .invalidHeader("not a JSON object of tensor entries (\(error))")
        }
        let dataLength = bytes.count - dataStart
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        for (name, value) in header {
            switch value {
            case .metadata(let map):
                guard name == metadataKey else { throw .invalidHeader("entry '\(name)' is not a tensor") }
                metadata = map
            case .tensor(let entry):
                guard entry.dtype == "F32" else { throw .unsupportedDataType(name: name, dataType: entry.dtype) }
                guard entry.shape.allSatisfy({ $0 >= 0 }), entry.data_offsets.count == 2 else {
                    throw .invalidHeader("tensor '\(name)' has shape \(entry.shape) and data_offsets \(entry.data_offsets)")
                }
                let (begin, end) = (entry.data_offsets[0], entry.data_offsets[1])
                let count = entry.shape.reduce(1, *)
                guard begin >= 0, end - begin == 4 * count else {
                    throw .invalidHeader("tensor '\(name)' of shape \(entry.shape) needs \(4 * count) bytes but data_offsets are [\(begin), \(end)]")
                }
                guard end <= dataLength else {
                    throw .truncated("tensor '\(name)' ends at byte \(end) of a data section of \(dataLength) bytes")
                }
                var scalars = [Float](repeating: 0, count: count)
                for i in 0..<count {
                    let base = dataStart + begin + 4 * i
                    let bits = UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8
                        | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
                    scalars[i] = Float(bitPattern: bits)
                }
                tensors[name] = Tensor(shape: entry.shape, scalars: scalars)
            }
        }
        return (tensors, metadata)
    }
}
