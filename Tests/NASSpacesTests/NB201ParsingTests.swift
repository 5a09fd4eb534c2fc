import NASCore
import NASSpaces
import Testing

@Suite("NB201Space text form")
struct NB201ParsingTests {
    let space = NB201Space()
    let form = "expected |op~0|+|op~0|op~1|+|op~0|op~1|op~2| (nodes 1, 2, 3 with their inputs from nodes 0..j-1 in order)"

    func message(_ text: String) -> String {
        do {
            _ = try space.parse(text)
            return "accepted"
        } catch {
            return error.message
        }
    }

    @Test("formats exactly as NAS-Bench-201 does")
    func format() throws {
        let text = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"
        #expect(space.format(try space.parse(text)) == text)
        #expect(space.format(NB201Architecture(repeating: .none)) == "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")
    }

    @Test("surrounding whitespace is ignored")
    func whitespace() throws {
        #expect(try space.parse("  |none~0|+|none~0|none~1|+|none~0|none~1|none~2|\n") == NB201Architecture(repeating: .none))
    }

    @Test("an unknown operation is named with the valid ones")
    func unknownOperation() {
        let text = "|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|"
        #expect(message(text) == "nb201: unknown operation \"conv\" on node 1's input from node 0 (valid operations: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3) in \"\(text)\"; \(form)")
    }

    @Test("a wrong node index names the node, the input and the index it needs")
    func wrongNodeIndex() {
        let text = "|none~0|+|none~0|none~2|+|none~0|none~1|none~2|"
        #expect(message(text) == "nb201: node 2's input 2 of 2 is from node ~2, expected ~1 (node 2 reads nodes ~0..~1, in that order) in \"\(text)\"; \(form)")
        #expect(message("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|").contains("node 1's input 1 of 1 is from node ~1, expected ~0"))
    }

    @Test("wrong numbers of nodes and inputs are named")
    func wrongCounts() {
        #expect(message("|none~0|+|none~0|none~1|").hasPrefix("nb201: 2 node groups separated by '+', a cell has 3 (nodes 1, 2, 3)"))
        #expect(message("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|").hasPrefix("nb201: 4 node groups"))
        #expect(message("|none~0|+|none~0|none~1|+|none~0|none~1|").hasPrefix("nb201: node 3 has 2 inputs, it needs 3 (from nodes 0..2)"))
        #expect(message("|none~0|none~0|+|none~0|none~1|+|none~0|none~1|none~2|").hasPrefix("nb201: node 1 has 2 inputs, it needs 1"))
    }

    @Test("malformed groups and inputs are named")
    func malformed() {
        #expect(message("") == "nb201: empty architecture text; \(form)")
        #expect(message("none~0|+|none~0|none~1|+|none~0|none~1|none~2|").hasPrefix("nb201: node 1's group \"none~0|\" does not start and end with '|'"))
        #expect(message("|none|+|none~0|none~1|+|none~0|none~1|none~2|").hasPrefix("nb201: node 1's input \"none\" is not op~node"))
        #expect(message("|none~x|+|none~0|none~1|+|none~0|none~1|none~2|").hasPrefix("nb201: node 1's input \"none~x\" is not op~node"))
    }
}
