/// A tensor in a differentiable computation: its value, and where it sits on a ``Tape`` if it is recorded.
///
/// Ops take and return variables. When no input has a tape the op only computes its value (the no-gradient
/// path, used for evaluation); otherwise it records a node with its pullback.
public struct Variable {
    /// The value computed by the forward pass.
    public let value: Tensor
    /// The node number on `tape`, or -1 for a constant (with or without a tape).
    let node: Int
    /// The tape this variable was recorded on, if any.
    public let tape: Tape?

    init(value: Tensor, node: Int, tape: Tape?) {
        self.value = value
        self.node = node
        self.tape = tape
    }

    /// A constant: a variable that is never differentiated.
    public init(_ value: Tensor) {
        self.init(value: value, node: -1, tape: nil)
    }

    /// The shape of the value.
    public var shape: [Int] { value.shape }

    /// Whether gradients flow to this variable: it was recorded on a tape and is not a constant.
    public var isRecorded: Bool { tape != nil && node >= 0 }

    /// The result of an op: recorded on the inputs' tape with `pullback` when any input is recorded, else a
    /// constant.
    ///
    /// - Parameters:
    ///   - value: the op's output.
    ///   - inputs: the op's differentiable inputs, in the order the pullback returns their gradients.
    ///   - pullback: maps the gradient of `value` to one gradient per input (`nil` for "none").
    public static func recorded(
        _ value: Tensor, from inputs: [Variable], pullback: @escaping Tape.Pullback
    ) -> Variable {
        var tape: Tape?
        for input in inputs {
            guard let inputTape = input.tape else { continue }
            if let tape {
                precondition(tape === inputTape, "an op mixed variables recorded on two different tapes")
            } else {
                tape = inputTape
            }
        }
        guard let tape else { return Variable(value) }
        // Constants among the inputs have node -1 and are skipped by the tape.
        let recordedInputs = inputs.map(\.node)
        let kept = recordedInputs.indices.filter { recordedInputs[$0] >= 0 }
        if kept.isEmpty {
            return tape.constant(value)
        }
        if kept.count == inputs.count {
            return tape.record(value, inputs: recordedInputs, pullback: pullback)
        }
        return tape.record(value, inputs: kept.map { recordedInputs[$0] }) { upstream in
            let all = pullback(upstream)
            return kept.map { all[$0] }
        }
    }
}
