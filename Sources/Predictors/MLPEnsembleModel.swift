import NASCore

/// A fitted ``MLPEnsemblePredictor``: each member network's parameters and the target scaling, as plain values.
///
/// Copies are independent (no engine `Parameter`s, which are shared references, live here), and the model
/// encodes to JSON exactly: Swift writes each `Float` in its shortest round-trip form.
public struct MLPEnsembleModel: Hashable, Codable, Sendable {
    /// The encoding the networks read.
    public let encoding: ArchitectureEncoding
    /// The encoding positions the networks read, ascending (all of them unless the fit dropped unused ones).
    public let inputColumns: [Int]
    /// The length of the whole encoding.
    public let encodingLength: Int
    /// The networks' shape.
    public let layout: MLPLayout
    /// Each member's parameter vector (``MLPLayout`` describes the order).
    public let members: [[Float]]
    /// The mean of the training targets: a network's output t means a value of `targetMean + targetScale · t`.
    public let targetMean: Double
    /// The scale of the training targets.
    public let targetScale: Double

    /// Each member's prediction for each row of `encoded` (whole encodings, ``encodingLength`` long), in the
    /// targets' units: `[member][row]`.
    ///
    /// - Precondition: `encoded.columnCount == encodingLength`.
    /// - Complexity: O(members · rows · parameters), in chunks of at most 256 rows.
    public func memberPredictions(_ whole: EncodedArchitectures) -> [[Double]] {
        precondition(whole.columnCount == encodingLength || whole.rowCount == 0, "encoding length mismatch")
        let encoded = inputColumns.count == encodingLength ? whole : whole.selecting(columns: inputColumns)
        precondition(encoded.columnCount == layout.inputSize || encoded.rowCount == 0, "encoding length mismatch")
        let chunk = 256
        let workspace = MLPWorkspace(layout: layout, capacity: max(1, min(chunk, encoded.rowCount)))
        var predictions = [[Double]](repeating: [], count: members.count)
        encoded.values.withUnsafeBufferPointer { values in
            for start in stride(from: 0, to: encoded.rowCount, by: chunk) {
                let rows = min(chunk, encoded.rowCount - start)
                workspace.activations[0].update(
                    from: values.baseAddress! + start * layout.inputSize, count: rows * layout.inputSize)
                for (member, parameters) in members.enumerated() {
                    parameters.withUnsafeBufferPointer { weights in
                        workspace.forward(parameters: weights.baseAddress!, rows: rows)
                    }
                    for row in 0..<rows {
                        predictions[member].append(targetMean + targetScale * Double(workspace.output[row]))
                    }
                }
            }
        }
        return predictions
    }

    /// The ensemble's prediction for each row: the members' mean and their population standard deviation
    /// (√(Σ (pₘ − mean)² / members), as the paper's code computes it with `np.std`).
    public func predictions(_ encoded: EncodedArchitectures) -> [Prediction] {
        let byMember = memberPredictions(encoded)
        let count = Double(members.count)
        return (0..<encoded.rowCount).map { row in
            let mean = byMember.reduce(0) { $0 + $1[row] } / count
            let variance = byMember.reduce(0) { $0 + ($1[row] - mean) * ($1[row] - mean) } / count
            return Prediction(mean: mean, standardDeviation: variance.squareRoot())
        }
    }
}
