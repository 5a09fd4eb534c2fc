/// The record of one forward computation, from which reverse-mode automatic differentiation computes
/// gradients.
///
/// Every differentiable op appends a node holding its inputs' node numbers and its pullback: the function that
/// maps the gradient of the output to the gradients of the inputs (the vector-Jacobian product). Nodes are
/// appended in evaluation order, so walking them backwards visits each node after every node that used it.
/// A tape is used by one computation on one thread; make a new one per training step.
///
/// Computations on ``Variable``s without a tape record nothing: that is the no-gradient evaluation path.
public final class Tape {
    /// The gradients of one node's inputs, given the gradient of its output; `nil` where an input needs none.
    public typealias Pullback = (Tensor) -> [Tensor?]

    struct Node {
        let inputs: [Int]
        let shape: [Int]
        let pullback: Pullback?
    }

    private(set) var nodes: [Node] = []
    private var isDifferentiated = false
    private var leaves: [ObjectIdentifier: Int] = [:]

    /// Creates an empty tape.
    public init() {}

    /// The number of recorded nodes (leaves and op results).
    public var nodeCount: Int { nodes.count }

    /// The number of scalars in the recorded op results (every node but the leaves): the activations a backward
    /// pass walks back through, a measure of a forward pass's memory that, unlike the allocator's statistics, does
    /// not depend on what else the process does.
    public var recordedScalarCount: Int {
        nodes.reduce(0) { $0 + ($1.pullback == nil ? 0 : $1.shape.reduce(1, *)) }
    }

    /// A leaf: a variable whose gradient ``gradients(of:)`` reports.
    public func variable(_ value: Tensor) -> Variable {
        nodes.append(Node(inputs: [], shape: value.shape, pullback: nil))
        return Variable(value: value, node: nodes.count - 1, tape: self)
    }

    /// A constant on this tape: ops on it are recorded (so layers find the tape on their input) but no gradient
    /// flows to it. Use it for a network's input images, whose gradient nobody needs.
    public func constant(_ value: Tensor) -> Variable {
        Variable(value: value, node: -1, tape: self)
    }

    /// The leaf for an object that owns a tensor (a layer's parameter): the same object gives the same leaf for
    /// the lifetime of the tape, so a parameter used twice receives the sum of both uses' gradients.
    public func variable(for owner: AnyObject, value: @autoclosure () -> Tensor) -> Variable {
        let key = ObjectIdentifier(owner)
        if let node = leaves[key] {
            return Variable(value: value(), node: node, tape: self)
        }
        let leaf = variable(value())
        leaves[key] = leaf.node
        return leaf
    }

    /// The node of the leaf recorded for `owner`, if any.
    public func leafNode(for owner: AnyObject) -> Int? {
        leaves[ObjectIdentifier(owner)]
    }

    /// Records the result of an op and the pullback that differentiates it.
    ///
    /// Ops call this through ``Variable/recorded(_:from:pullback:)``.
    func record(_ value: Tensor, inputs: [Int], pullback: @escaping Pullback) -> Variable {
        nodes.append(Node(inputs: inputs, shape: value.shape, pullback: pullback))
        return Variable(value: value, node: nodes.count - 1, tape: self)
    }

    /// Reverse-mode differentiation of `output` with respect to every node recorded before it.
    ///
    /// A tape is differentiated once: each pullback is released right after it runs, so the tensors it kept
    /// from the forward pass are freed as the backward pass proceeds (as PyTorch does without
    /// `retain_graph`). Record the computation again on a new tape to differentiate it again.
    ///
    /// - Parameters:
    ///   - output: the value to differentiate, usually a scalar loss.
    ///   - seed: the gradient of the final objective with respect to `output`; defaults to ones
    ///     (d output / d output for a scalar).
    /// - Returns: the gradients of every leaf that `output` depends on.
    /// - Complexity: one pullback per recorded node, O(cost of the forward pass).
    public func gradients(of output: Variable, seed: Tensor? = nil) -> Gradients {
        enforce(output.tape === self, "gradients(of:): the output was not recorded on this tape")
        enforce(
            !isDifferentiated,
            "gradients(of:): this tape was already differentiated; record the computation on a new tape")
        isDifferentiated = true
        let seed = seed ?? Tensor(repeating: 1, shape: output.shape)
        enforce(
            seed.shape == output.shape,
            "gradients(of:): seed shape \(seed.shape) differs from output shape \(output.shape)")
        guard output.node >= 0 else { return Gradients(tape: self, byNode: []) }  // a constant: nothing flows
        var gradients = [Tensor?](repeating: nil, count: output.node + 1)
        gradients[output.node] = seed
        for index in stride(from: output.node, through: 0, by: -1) {
            let node = nodes[index]
            guard let pullback = node.pullback else { continue }
            // Release the pullback and what it captured, whether or not a gradient reaches it.
            nodes[index] = Node(inputs: node.inputs, shape: node.shape, pullback: nil)
            guard let upstream = gradients[index] else { continue }
            gradients[index] = nil  // intermediate gradients are not reported
            let inputGradients = pullback(upstream)
            enforce(inputGradients.count == node.inputs.count, "a pullback returned the wrong number of gradients")
            for (input, gradient) in zip(node.inputs, inputGradients) {
                guard let gradient else { continue }
                enforce(
                    gradient.shape == nodes[input].shape,
                    "a pullback produced a gradient of shape \(gradient.shape) for an input of shape \(nodes[input].shape)")
                if var existing = gradients[input] {
                    gradients[input] = nil  // keep `existing` uniquely referenced: add in place
                    Kernels.addInPlace(&existing, gradient)
                    gradients[input] = existing
                } else {
                    gradients[input] = gradient
                }
            }
        }
        return Gradients(tape: self, byNode: gradients)
    }
}

/// The gradients that one call of ``Tape/gradients(of:seed:)`` computed, looked up by leaf.
public struct Gradients {
    let tape: Tape
    let byNode: [Tensor?]

    /// The gradient of a leaf variable; zeros when the output does not depend on it.
    public subscript(variable: Variable) -> Tensor {
        enforce(variable.tape === tape, "Gradients: the variable was recorded on another tape")
        if variable.node >= 0, variable.node < byNode.count, let gradient = byNode[variable.node] { return gradient }
        return Tensor(zeros: variable.shape)
    }

    /// The gradient of the leaf recorded for `owner` (see ``Tape/variable(for:value:)``), or `nil` when the
    /// owner was not used on the tape or the output does not depend on it.
    public func gradient(for owner: AnyObject) -> Tensor? {
        guard let node = tape.leafNode(for: owner), node < byNode.count else { return nil }
        return byNode[node]
    }
}
