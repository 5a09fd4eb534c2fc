import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An SVG file parsed with Foundation's XMLParser, for the plot tests: whether it is well-formed, and its
/// elements with their attributes and text in document order.
final class SVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private(set) var isWellFormed = false
    private var stack: [Int] = []

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        isWellFormed = parser.parse()
    }

    /// The elements named `name` whose `class` is `className` (any class when `nil`).
    func find(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        stack.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = stack.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    /// The y coordinates of a step path written as `M x y H x V y …`.
    static func yCoordinates(ofStepPath path: String) -> [Double] {
        let tokens = path.split(separator: " ")
        var values: [Double] = []
        for (index, token) in tokens.enumerated() {
            if token.hasPrefix("V"), let value = Double(token.dropFirst()) { values.append(value) }
            if token.hasPrefix("M"), index + 1 < tokens.count, let value = Double(tokens[index + 1]) {
                values.append(value)
            }
        }
        return values
    }
}
