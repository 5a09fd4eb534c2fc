import NASCore

/// The checks and encodings every model-based predictor shares: one finite target per architecture, at least the
/// predictor's minimum, the encoding as a dense matrix, and the same encoding length at prediction time.
enum TrainingInput {
    /// The training architectures encoded as `encoding`, after the shared checks.
    ///
    /// - Parameter name: The predictor's name, which opens every message ("Gaussian process").
    /// - Throws: ``SearchError`` for mismatched counts, fewer than `minimum` architectures, a non-finite target,
    ///   or an encoding the space lacks.
    static func encoded<Space: SearchSpace>(
        _ name: String, _ architectures: [Space.Architecture], targets: [Double], minimum: Int,
        as encoding: ArchitectureEncoding, in space: Space
    ) throws(SearchError) -> EncodedArchitectures {
        guard architectures.count == targets.count else {
            throw SearchError(
                "\(name): \(architectures.count) architectures but \(targets.count) targets; give one target per "
                    + "architecture")
        }
        guard architectures.count >= minimum else {
            throw SearchError(
                "\(name): needs at least \(minimum) measured architectures to fit, got \(architectures.count)")
        }
        if let position = targets.firstIndex(where: { !$0.isFinite }) {
            throw SearchError(
                "\(name): target \(position) is \(targets[position]); every target must be a finite number")
        }
        let encoded = try EncodedArchitectures(architectures, as: encoding, in: space)
        guard encoded.columnCount > 0 else {
            throw SearchError(
                "\(name): the space \(space.name) encodes architectures as empty \(encoding.rawValue) vectors; "
                    + "choose another encoding")
        }
        return encoded
    }

    /// The architectures to predict encoded as `encoding`, checked against the fitted length.
    ///
    /// - Throws: ``SearchError`` if the architectures encode to another length than `length`.
    static func encodedForPrediction<Space: SearchSpace>(
        _ name: String, _ architectures: [Space.Architecture], as encoding: ArchitectureEncoding, length: Int,
        in space: Space
    ) throws(SearchError) -> EncodedArchitectures {
        let encoded = try EncodedArchitectures(architectures, as: encoding, in: space)
        guard encoded.rowCount == 0 || encoded.columnCount == length else {
            throw SearchError(
                "\(name): the architectures encode to length \(encoded.columnCount) but the predictor was fitted on "
                    + "length \(length); predict architectures of the space it was fitted on")
        }
        return encoded
    }

    /// The refusal of a prediction before the first fit.
    static func unfitted(_ name: String) -> SearchError {
        SearchError("\(name): predict was called before fit; fit the predictor to measured architectures first")
    }
}
