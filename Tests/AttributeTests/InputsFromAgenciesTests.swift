import Foundation
import TestSupport
import Testing

@testable import Attribute

/// A search from `InputsFromAgencies.searchStart` finds what a search over the whole text finds.
@Suite struct InputsFromAgenciesTests {
    /// A random text: credits and their near misses among other words, on one line or several.
    static func randomText(_ random: inout SplitMix) -> String {
        func pick(_ list: [String]) -> String { list[random.below(list.count)] }
        let space = [" ", "  ", "\n", "\t", "\u{A0}", "\r\n", " \n "]
        let other = ["x", "1", "é", "e\u{301}", "\u{200B}", "text", ".", "(", ")", "within", "forthwith", "news"]
        var text = ""
        for _ in 0..<(1 + random.below(4)) {
            if random.below(3) == 0 {
                text += pick(other) + pick(space)
                continue
            }
            text += pick(["", "", "(", "x", "é", "\u{301}", "\n", "((", "x("])
            text += pick(["With", "with", "WITH", "Within", "wITH"])
            text += pick(space)
            text += pick(["inputs", "input", "INPUTS", "INPUT", "Inputs", "input x"])
            text += pick(space)
            text += pick(["from", "FROM", "from agencies"])
            text += pick(space)
            text += pick(["", "", "news" + pick(space)])
            text += pick(["agencies", "AGENCIES", "wires", "agenciesx", "wire"])
            text += pick(["", ")", "x", ".", "\u{301}"])
            text += pick(space + [""])
        }
        return text
    }

    @Test("matches from the search start are the matches over the whole text")
    func sameMatches() throws {
        let regex = try NSRegularExpression(pattern: InputsFromAgencies.pattern, options: [.anchorsMatchLines])
        var random = SplitMix(seed: 59)
        var matched = 0
        var skipped = 0
        for _ in 0..<6000 {
            let text = Self.randomText(&random)
            let ns = text as NSString
            let whole = regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map(\.range)
            var bytes = text
            guard let start = bytes.withUTF8({ InputsFromAgencies.searchStart($0) }) else {
                skipped += 1
                #expect(whole.isEmpty, "\(text.debugDescription)")
                continue
            }
            let from = String(text.utf8.prefix(start))?.utf16.count ?? -1
            let part = regex.matches(in: text, range: NSRange(location: from, length: ns.length - from))
            matched += whole.count
            #expect(part.map(\.range) == whole, "\(text.debugDescription)")
            #expect(from > 0 || start == 0)
        }
        #expect(matched > 1500 && skipped > 500, "\(matched) matches, \(skipped) texts skipped")
    }

    @Test("the search starts at the line of the first with before white space and input")
    func starts() {
        func start(_ text: String) -> Int? {
            var text = text
            return text.withUTF8 { InputsFromAgencies.searchStart($0) }
        }
        #expect(start("Text.\n\n(With inputs from agencies)") == 7)
        #expect(start("Text.\n\nwith\ninputs from wires") == 7)
        #expect(start("input from with inputs") == 0)
        #expect(start("Text without inputs.") == nil)
        #expect(start("Text.\nwith nothing\ninput") == nil)
    }
}
