import Seeding
import Tensors

/// The state an LSTM carries from one step to the next.
public struct LSTMState {
    /// The hidden state h, (N, H).
    public var hidden: Variable
    /// The cell state c, (N, H).
    public var cell: Variable

    /// Creates a state.
    public init(hidden: Variable, cell: Variable) {
        self.hidden = hidden
        self.cell = cell
    }
}

/// One long short-term memory cell, for models that unroll it themselves (an RL controller that samples one
/// decision per step).
///
/// Parameters: `"<name>.input_weight"` Wᵢ (I, 4H), `"<name>.hidden_weight"` Wₕ (H, 4H) and `"<name>.bias"`
/// b (4H), with the gates i, f, g, o in that order along the 4H axis (see `lstmCell`). The weights are the
/// transposes of PyTorch's `weight_ih`/`weight_hh`, and the single bias stands for PyTorch's
/// `bias_ih + bias_hh`.
///
/// Default initialization is PyTorch's `nn.LSTMCell`: every parameter uniform in ±1/√H.
public final class LSTMCell: Layer {
    public let name: String
    /// Wᵢ, (I, 4H).
    public let inputWeight: Parameter
    /// Wₕ, (H, 4H).
    public let hiddenWeight: Parameter
    /// b, (4H).
    public let bias: Parameter

    /// Creates a cell.
    ///
    /// - Parameters:
    ///   - inputSize: I, the length of each input.
    ///   - hiddenSize: H, the length of the hidden and cell states.
    ///   - initializer: how every parameter is drawn (uniform in ±1/√H unless given).
    ///   - name: the prefix of the parameter names.
    ///   - rng: the generator; Wᵢ, Wₕ and b are drawn in that order.
    public init(
        inputSize: Int, hiddenSize: Int, initializer: Initializer? = nil,
        name: String, using rng: inout some RandomNumberGenerator
    ) {
        enforce(
            inputSize > 0 && hiddenSize > 0,
            "LSTMCell '\(name)': sizes must be positive, got input \(inputSize) and hidden \(hiddenSize)")
        self.name = name
        let initializer = initializer ?? .uniform(bound: Float(1 / Double(hiddenSize).squareRoot()))
        inputWeight = Parameter(
            name: name + ".input_weight", value: initializer.makeTensor(shape: [inputSize, 4 * hiddenSize], using: &rng))
        hiddenWeight = Parameter(
            name: name + ".hidden_weight", value: initializer.makeTensor(shape: [hiddenSize, 4 * hiddenSize], using: &rng))
        bias = Parameter(name: name + ".bias", value: initializer.makeTensor(shape: [4 * hiddenSize], using: &rng))
    }

    /// I, the length of each input.
    public var inputSize: Int { inputWeight.shape[0] }
    /// H, the length of the hidden and cell states.
    public var hiddenSize: Int { hiddenWeight.shape[0] }

    public var parameters: [Parameter] { [inputWeight, hiddenWeight, bias] }

    /// The all-zero state for a batch of `batchSize` sequences (constants, never differentiated).
    public func zeroState(batchSize: Int) -> LSTMState {
        let zeros = Variable(Tensor(zeros: [batchSize, hiddenSize]))
        return LSTMState(hidden: zeros, cell: zeros)
    }

    /// One step: the new state from an input and the previous state.
    ///
    /// - Parameters:
    ///   - input: x, (N, I).
    ///   - state: the previous state, (N, H) each.
    ///   - tape: the tape to record the parameters on, or `nil` to evaluate without gradients. It is explicit
    ///     because the first step of an unrolled controller often has constant inputs and state.
    /// - Returns: the new state h' = o ⊙ tanh(c'), c' = f ⊙ c + i ⊙ g.
    /// - Complexity: 2N(I + H)·4H flops.
    public func step(input: Variable, state: LSTMState, on tape: Tape?) -> LSTMState {
        enforce(
            input.rank == 2 && input.shape[1] == inputSize,
            "LSTMCell '\(name)': input \(input.shape) does not match input_weight \(inputWeight.shape); expected (N, \(inputSize))")
        let next = lstmCell(
            input: input, hidden: state.hidden, cell: state.cell,
            inputWeight: inputWeight.variable(on: tape), hiddenWeight: hiddenWeight.variable(on: tape),
            bias: bias.variable(on: tape))
        return LSTMState(hidden: next.hidden, cell: next.cell)
    }

    /// One step from the zero state, returning the hidden state (N, H); parameters are recorded on
    /// `input.tape`.
    public func callAsFunction(_ input: Variable, mode: ForwardMode) -> Variable {
        step(input: input, state: zeroState(batchSize: input.shape.first ?? 0), on: input.tape).hidden
    }
}
