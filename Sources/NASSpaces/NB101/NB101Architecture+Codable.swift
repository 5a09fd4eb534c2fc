import NASCore

/// Cells encode as NAS-Bench-101's spec: `{"matrix": [[0, 1, ...], ...], "ops": ["input", ..., "output"]}`, the
/// form of the benchmark's records (so a record decodes into a cell directly). Decoding validates like
/// ``NB101Architecture/init(matrix:ops:)``.
extension NB101Architecture: Codable {
    private enum CodingKeys: String, CodingKey {
        case matrix
        case ops
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let matrix = try container.decode([[Int]].self, forKey: .matrix)
        let ops = try container.decode([String].self, forKey: .ops)
        do {
            try self.init(matrix: matrix, ops: ops)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(matrix, forKey: .matrix)
        try container.encode(ops, forKey: .ops)
    }
}
