// Broadcasting arithmetic on variables. Each gradient is summed back to its input's shape (the adjoint of
// broadcasting).

extension Variable {
    /// Elementwise sum with broadcasting.
    public static func + (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "add") { $0 + $1 }
        return recorded(value, from: [a, b]) { g in
            [Kernels.sum(g, toShape: a.shape), Kernels.sum(g, toShape: b.shape)]
        }
    }

    /// Elementwise difference with broadcasting.
    public static func - (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "subtract") { $0 - $1 }
        return recorded(value, from: [a, b]) { g in
            [Kernels.sum(g, toShape: a.shape), Kernels.sum(Kernels.map(g) { -$0 }, toShape: b.shape)]
        }
    }

    /// Elementwise product with broadcasting.
    public static func * (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "multiply") { $0 * $1 }
        return recorded(value, from: [a, b]) { g in
            [
                Kernels.sum(Kernels.broadcast(g, b.value, op: "multiply") { $0 * $1 }, toShape: a.shape),
                Kernels.sum(Kernels.broadcast(g, a.value, op: "multiply") { $0 * $1 }, toShape: b.shape),
            ]
        }
    }

    /// Elementwise quotient with broadcasting.
    public static func / (a: Variable, b: Variable) -> Variable {
        let value = Kernels.broadcast(a.value, b.value, op: "divide") { $0 / $1 }
        return recorded(value, from: [a, b]) { g in
            let gOverB = Kernels.broadcast(g, b.value, op: "divide") { $0 / $1 }
            // d(a/b)/db = -a/b^2 = -(a/b)/b
            let gB = Kernels.broadcast(
                Kernels.zip(g, value, op: "divide") { -$0 * $1 }, b.value, op: "divide"
            ) { $0 / $1 }
            return [Kernels.sum(gOverB, toShape: a.shape), Kernels.sum(gB, toShape: b.shape)]
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
