import ArgumentParser
import Predictors

extension ZeroCostProxy {
    /// The proxies named in `text` (comma-separated), for the option `option`.
    ///
    /// - Throws: `ValidationError` naming the option, the unknown proxy and the choices.
    static func list(_ text: String, option: String) throws -> [ZeroCostProxy] {
        try text.split(separator: ",").map { name in
            guard let proxy = ZeroCostProxy(rawValue: String(name)) else {
                throw ValidationError(
                    "\(option): unknown proxy '\(name)'; choose from "
                        + ZeroCostProxy.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return proxy
        }
    }
}
