/// Writes SVG (XML) text element by element, attributes in the order given, two spaces of indent per level: the
/// same calls give the same bytes.
struct SVGWriter {
    /// The text so far.
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// Opens `<name attributes>`.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        open(name, attributes.map { ($0.key, $0.value) })
    }

    /// Opens `<name attributes>`.
    mutating func open(_ name: String, _ attributes: [(String, String)]) {
        line("<\(name)\(Self.attributeText(attributes))>")
        open.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = open.popLast() else { preconditionFailure("SVGWriter: nothing to close") }
        line("</\(name)>")
    }

    /// Writes `<name attributes/>`, or `<name attributes>text</name>` when `text` is given (escaped).
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text content: String? = nil) {
        element(name, attributes.map { ($0.key, $0.value) }, text: content)
    }

    /// Writes `<name attributes/>`, or `<name attributes>text</name>` when `text` is given (escaped).
    mutating func element(_ name: String, _ attributes: [(String, String)], text content: String? = nil) {
        let attributes = Self.attributeText(attributes)
        if let content {
            line("<\(name)\(attributes)>\(Self.escaped(content))</\(name)>")
        } else {
            line("<\(name)\(attributes)/>")
        }
    }

    /// The finished document.
    func finished() -> String {
        precondition(open.isEmpty, "SVGWriter: \(open) still open")
        return text
    }

    private mutating func line(_ content: String) {
        text += String(repeating: "  ", count: open.count) + content + "\n"
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escaped($0.1))\"" }.joined()
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` as entities.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate: at most 2 decimals, trailing zeros dropped (`70`, `70.5`, `70.25`).
    static func number(_ value: Double) -> String {
        DecimalText.trimmed(DecimalText.fixed(value, decimals: 2))
    }
}
