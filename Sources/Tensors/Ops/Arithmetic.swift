// Broadcasting arithmetic on variables. Each gradient is summed back to its input's shape (the adjoint of
// broadcasting).
//
// A pullback lives on the tape until the backward pass reaches it, and keeps alive whatever it captures, so
// each one captures only what its gradients read: shapes for sums and differences, and for a product only the
// operand that the other operand's gradient needs (nothing of b when a is a constant).

extension Variable {
    /// Elementwise sum with broadcasting.
    public static func + (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "add") { $0 + $1 }
        let (aShape, bShape) = (a.shape, b.shape)
        return recorded(value, from: [a, b]) { g in
            [Kernels.sum(g, toShape: aShape), Kernels.sum(g, toShape: bShape)]
        }
    }

    /// Elementwise difference with broadcasting.
    public static func - (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "subtract") { $0 - $1 }
        let (aShape, bShape) = (a.shape, b.shape)
        let needsB = b.isRecorded
        return recorded(value, from: [a, b]) { g in
            [
                Kernels.sum(g, toShape: aShape),
                needsB ? Kernels.sum(Kernels.map(g) { -$0 }, toShape: bShape) : nil,
            ]
        }
    }

    /// Elementwise product with broadcasting.
    public static func * (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "multiply") { $0 * $1 }
        let (aShape, bShape) = (a.shape, b.shape)
        // d(a·b)/da = b and d(a·b)/db = a: keep an operand only when the other one needs a gradient.
        let bForA = a.isRecorded ? b.value : nil
        let aForB = b.isRecorded ? a.value : nil
        return recorded(value, from: [a, b]) { g in
            [
                bForA.map { Kernels.product(g, $0, summedTo: aShape) },
                aForB.map { Kernels.product(g, $0, summedTo: bShape) },
            ]
        }
    }

    /// Elementwise quotient with broadcasting.
    public static func / (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "divide") { $0 / $1 }
        let (aShape, divisor) = (a.shape, b.value)
        // d(a/b)/db = -a/b^2 = -(a/b)/b reads the quotient, kept only when b needs a gradient.
        let quotient = b.isRecorded ? value : nil
        return recorded(value, from: [a, b]) { g in
            let gOverB = Kernels.broadcast(g, divisor, op: "divide") { $0 / $1 }
            let gB = quotient.map { quotient in
                Kernels.sum(
                    Kernels.broadcast(Kernels.zip(g, quotient, op: "divide") { -$0 * $1 }, divisor, op: "divide") {
                        $0 / $1
                    }, toShape: divisor.shape)
            }
            return [Kernels.sum(gOverB, toShape: aShape), gB]
        }
    }

    /// Elementwise negation.
    public static prefix func - (x: Variable) -> Variable {
        x.scaled(by: -1)
    }

    /// Adds a constant to every element.
    public static func + (x: Variable, c: Float) -> Variable {
        recorded(Kernels.map(x.value) { $0 + c }, from: [x]) { g in [g] }
    }

    /// Multiplies every element by a constant.
    public static func * (x: Variable, c: Float) -> Variable {
        x.scaled(by: c)
    }

    /// Multiplies every element by a constant.
    public static func * (c: Float, x: Variable) -> Variable {
        x.scaled(by: c)
    }

    /// Multiplies every element by a constant.
    public func scaled(by c: Float) -> Variable {
        Variable.recorded(Kernels.map(value) { $0 * c }, from: [self]) { g in [Kernels.map(g) { $0 * c }] }
    }
}
