#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Elementwise nonlinearities and their derivatives, written side by side.

/// max(x, 0). Its derivative at 0 is taken as 0.
///
/// The pullback reads the output (y > 0 exactly where x > 0), not the input: the next op (a convolution)
/// usually keeps the output anyway, so the input can be freed once nothing else needs it.
public func relu(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value) { max($0, 0) }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, value, op: "relu") { $1 > 0 ? $0 : 0 }]
    }
}

/// The logistic function 1 / (1 + e^-x).
public func sigmoid(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value, logistic)
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, value, op: "sigmoid") { $0 * $1 * (1 - $1) }]
    }
}

/// The hyperbolic tangent.
public func tanh(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value) { tanhf($0) }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, value, op: "tanh") { $0 * (1 - $1 * $1) }]
    }
}

/// e^x.
public func exp(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value) { expf($0) }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, value, op: "exp") { $0 * $1 }]
    }
}

/// The natural logarithm (of positive inputs).
public func log(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value) { logf($0) }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, x.value, op: "log") { $0 / $1 }]
    }
}

/// x^2.
public func square(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value) { $0 * $0 }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, x.value, op: "square") { 2 * $0 * $1 }]
    }
}

/// sqrt(x) (of positive inputs).
public func sqrt(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value) { $0.squareRoot() }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, value, op: "sqrt") { $0 / (2 * $1) }]
    }
}

/// |x|. Its derivative at 0 is taken as 0.
public func abs(_ x: Variable) -> Variable {
    let value = Kernels.map(x.value) { Swift.abs($0) }
    return Variable.recorded(value, from: [x]) { g in
        [Kernels.zip(g, x.value, op: "abs") { $1 > 0 ? $0 : ($1 < 0 ? -$0 : 0) }]
    }
}

/// The logistic function, computed without overflow for large |x|.
@inline(__always)
func logistic(_ x: Float) -> Float {
    if x >= 0 {
        return 1 / (1 + expf(-x))
    }
    let e = expf(x)
    return e / (1 + e)
}
