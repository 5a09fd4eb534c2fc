import Foundation
import NASCore
import NASSpaces
import Testing

/// The parse errors of the DARTS text form, word for word: each names the character position, the problem and
/// the fix. Positions are 1-based; in the DARTS_V2 text, normal[i] opens at character 18 + 21·i.
@Suite("DARTSSpace parsing")
struct DARTSParsingTests {
    let space = DARTSSpace()
    let valid = DARTSSpaceTests.dartsV2Text
    let form = "write it as DARTS prints a genotype: Genotype(normal=[('sep_conv_3x3', 0), ...], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])"
    let operations = "max_pool_3x3, avg_pool_3x3, skip_connect, sep_conv_3x3, sep_conv_5x5, dil_conv_3x3, dil_conv_5x5"

    func message(_ text: String) -> String? {
        do {
            _ = try space.parse(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test("syntax errors name the position, what was expected and the form")
    func syntax() {
        #expect(message("") == "darts genotype, character 1: expected 'Genotype' at the start, found the end of the text; \(form)")
        #expect(message("Genotype(normal=[('sep_conv_3x3' 0)") == "darts genotype, character 34: expected ',' after the operation name in normal[0], found '0'; \(form)")
        #expect(message(String(valid.dropLast())) == "darts genotype, character \(valid.count): expected ')' after reduce_concat, found the end of the text; \(form)")
        #expect(message(valid + " extra") == "darts genotype, character \(valid.count + 2): unexpected 'extra' after the closing ')'; remove it")
        #expect(message(valid.replacingOccurrences(of: "normal_concat=", with: "reduce_concat=")) == "darts genotype, character 187: expected 'normal_concat=', found 'reduce_concat'; the fields come in DARTS's order normal, normal_concat, reduce, reduce_concat; \(form)")
        #expect(message("Genotype(normal=[(sep_conv_3x3, 0)") == "darts genotype, character 19: expected a quoted operation name such as 'sep_conv_3x3' as the first element of normal[0], found 'sep_conv_3x3'; \(form)")
    }

    @Test("operations outside the genotype's seven are refused with the list")
    func unknownOperations() {
        #expect(message(valid.replacingOccurrences(of: "dil_conv_3x3", with: "sep_conv_7x7")) == "darts genotype, character 166: 'sep_conv_7x7' in normal[7] is not an operation of the DARTS space; use one of \(operations)")
        let withNone = valid.replacingOccurrences(of: "('sep_conv_3x3', 1), ('sep_conv_3x3', 0)", with: "('none', 1), ('sep_conv_3x3', 0)")
        #expect(message(withNone) == "darts genotype, character 40: 'none' in normal[1] cannot be in a genotype (DARTS drops the zero operation when it derives a cell); use one of \(operations)")
    }

    @Test("cells that break the space's rules are refused at the offending pair")
    func cellRules() {
        #expect(message(valid.replacingOccurrences(of: "('dil_conv_3x3', 2)", with: "('dil_conv_3x3', 6)")) == "darts genotype, character 165: normal[7] takes input 6, but it feeds node 5, which reads inputs 0 to 4 (0 and 1 the two previous cells, 2 and up the earlier nodes); change the input")
        let repeated = valid.replacingOccurrences(of: "[('sep_conv_3x3', 0), ('sep_conv_3x3', 1)", with: "[('sep_conv_3x3', 0), ('sep_conv_3x3', 0)")
        #expect(message(repeated) == "darts genotype, character 39: normal[0] and normal[1] (node 2's two inputs) both take input 0; DARTS keeps two distinct inputs per node: change one of them")
        #expect(message(valid.replacingOccurrences(of: ", ('dil_conv_3x3', 2)", with: "")) == "darts genotype, character 17: normal has 7 (operation, input) pairs; a DARTS cell has 8, two for each of nodes 2 to 5: give 8 pairs")
        #expect(message(valid.replacingOccurrences(of: "normal_concat=[2, 3, 4, 5]", with: "normal_concat=[4, 5, 6]")) == "darts genotype, character 201: normal_concat is [4, 5, 6]; this space concatenates nodes 2 to 5: write [2, 3, 4, 5] (or range(2, 6))")
        #expect(message(valid.replacingOccurrences(of: "reduce_concat=[2, 3, 4, 5]", with: "reduce_concat=range(2, 5)"))?.hasSuffix("reduce_concat is [2, 3, 4]; this space concatenates nodes 2 to 5: write [2, 3, 4, 5] (or range(2, 6))") == true)
    }

    @Test("the other published genotypes of genotypes.py are refused: NASNet uses sep_conv_7x7 and 5 nodes")
    func otherPublishedCells() {
        let nasNet = "Genotype(normal=[('sep_conv_5x5', 1), ('sep_conv_3x3', 0)], normal_concat=[2, 3, 4, 5, 6], reduce=[], reduce_concat=[4, 5, 6])"
        #expect(message(nasNet) == "darts genotype, character 17: normal has 2 (operation, input) pairs; a DARTS cell has 8, two for each of nodes 2 to 5: give 8 pairs")
    }
}
