/// The rows of `table` picked by `indices`: an embedding lookup.
///
/// Pullback: the gradient rows are scatter-added into a zero table, so an index that appears k times receives
/// the sum of its k gradient rows.
///
/// - Parameters:
///   - indices: n row numbers in `0..<V` (repeats allowed).
///   - table: the embedding table (V, D).
/// - Returns: a variable (n, D).
/// - Complexity: O(n·D) forward and backward, plus O(V·D) to allocate the table's gradient.
public func embedding(_ indices: [Int32], table: Variable) -> Variable {
    precondition(table.rank == 2, "embedding: table must be (V, D), got shape \(table.shape)")
    let (vocabulary, width) = (table.shape[0], table.shape[1])
    for (position, index) in indices.enumerated() {
        precondition(
            index >= 0 && Int(index) < vocabulary,
            "embedding: index \(index) at position \(position) is out of range for a table of \(vocabulary) rows (shape \(table.shape))")
    }
    var result = [Float](repeating: 0, count: indices.count * width)  // (n, D)
    if width > 0 {
        table.value.scalars.withUnsafeBufferPointer { rows in
            result.withUnsafeMutableBufferPointer { output in
                for (position, index) in indices.enumerated() {
                    (output.baseAddress! + position * width)
                        .update(from: rows.baseAddress! + Int(index) * width, count: width)
                }
            }
        }
    }
    let value = Tensor(shape: [indices.count, width], scalars: result)
    return Variable.recorded(value, from: [table]) { g in
        var gradient = [Float](repeating: 0, count: vocabulary * width)  // (V, D)
        g.scalars.withUnsafeBufferPointer { upstream in
            gradient.withUnsafeMutableBufferPointer { output in
                for (position, index) in indices.enumerated() {
                    let row = Int(index) * width
                    let source = position * width
                    for j in 0..<width { output[row + j] += upstream[source + j] }
                }
            }
        }
        return [Tensor(shape: [vocabulary, width], scalars: gradient)]
    }
}
