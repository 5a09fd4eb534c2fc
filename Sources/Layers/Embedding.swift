import Seeding
import Tensors

/// A lookup table of learned vectors, one per index: the rows of `"<name>.weight"`, (count, dimension).
///
/// Default initialization is PyTorch's `nn.Embedding`: standard normal.
public final class Embedding: Layer {
    public let name: String
    /// The table, (count, dimension).
    public let weight: Parameter

    /// Creates a table with parameter `"<name>.weight"`.
    ///
    /// - Parameters:
    ///   - count: the number of rows (indices `0..<count`).
    ///   - dimension: the length of each vector.
    ///   - initializer: how the table is drawn (standard normal unless given).
    ///   - name: the prefix of the parameter name.
    ///   - rng: the generator.
    public init(
        count: Int, dimension: Int, initializer: Initializer = .normal(standardDeviation: 1),
        name: String, using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            count > 0 && dimension > 0,
            "Embedding '\(name)': count and dimension must be positive, got \(count) and \(dimension)")
        self.name = name
        weight = Parameter(name: name + ".weight", value: initializer.makeTensor(shape: [count, dimension], using: &rng))
    }

    /// The number of rows.
    public var count: Int { weight.shape[0] }
    /// The length of each vector.
    public var dimension: Int { weight.shape[1] }

    public var parameters: [Parameter] { [weight] }

    /// The rows for `indices`, (n, dimension), recorded on `tape` when one is given.
    ///
    /// - Parameters:
    ///   - indices: n indices in `0..<count`.
    ///   - tape: the tape to record on (the indices themselves are never differentiated), or `nil`.
    public func callAsFunction(_ indices: [Int32], on tape: Tape?) -> Variable {
        embedding(indices, table: weight.variable(on: tape))
    }

    /// The rows for the indices held (as whole numbers) in `input`, shaped `input.shape + [dimension]`.
    ///
    /// The table is recorded on `input.tape`; to train it through this entry point put the indices on the tape
    /// (`tape.constant(indices)`), or use ``callAsFunction(_:on:)``.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        let indices = input.value.scalars.enumerated().map { position, value in
            enforce(
                value.rounded() == value && value >= 0 && value < Float(count),
                "Embedding '\(name)': input element \(position) is \(value), not an index in 0..<\(count)")
            return Int32(value)
        }
        return self(indices, on: input.tape).reshaped(input.shape + [dimension])
    }
}
