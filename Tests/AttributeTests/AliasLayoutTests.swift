import Foundation
import TestSupport
import Testing

@testable import Attribute

/// The shapes may only leave out windows that the patterns cannot match: on random texts built
/// around the shapes, every text a byline, dateline or credit pattern matches has the pattern's shape.
@Suite struct AliasLayoutTests {
    static let extractor = EvidenceExtractorTests.extractor

    /// Pieces that make the byline shapes and near misses: aliases (`AP` inside `AAP` too), line
    /// terminators of every kind, white space that is not ASCII, slashes, bars, titles, dates.
    static let pieces = [
        "AP", "Reuters", "AAP", "The ", "the ", "The", "By ", "by ", "Jane Doe", ", ", ",", " - ", "—", " ", "  ",
        "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{3000}", "/",
        "| ", " Staff", " Staff Writer", " writer", "Photo", ".", "é", "’", " Jan 5, 2020", "x", "1",
    ]

    /// The shapes of the aliases in `text`, read over the whole text.
    static func layout(_ text: String) -> AliasLayout {
        var text = text
        return text.withUTF8 {
            AliasLayout(of: $0, 0..<$0.count, scanner: extractor.scanner, citations: extractor.credit.1)
        }
    }

    /// A random text: lines shaped like bylines, datelines or credits and near misses (three times
    /// in four), or pieces in any order.
    static func randomText(_ random: inout SplitMix) -> String {
        func pick(_ list: [String]) -> String { list[random.below(list.count)] }
        let aliases = ["AP", "Reuters", "AAP", "Associated Press", "x"]
        let ends = ["", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}"]
        var text = ""
        let mode = random.below(4)
        if mode == 0 {
            for _ in 0..<(1 + random.below(8)) { text += pick(pieces) }
            return text
        }
        for _ in 0..<(1 + random.below(3)) {
            switch mode {
            case 1:  // bylines
                text += pick(["", "", " ", "\t", "| ", "/ ", " /", "x "])
                text += pick([
                    "", "By ", "by ", "BY  ", "Photo by ", "Jane Doe, ", "Jane Doe and John Roe - ", "Jane — ",
                ])
                text += pick(["", "", "The ", "the\n", "The\u{A0}", "The\r\n ", "Their "])
                text += pick(aliases)
                text += pick([
                    "", "", " Staff Writer", " Staff", " writer", ", 2020", ".", " Photo", "/", " Jan 5, 2020", "é",
                ])
                text += pick(["", " ", "\t"])
            case 2:  // datelines
                text += pick([
                    "", "", " ", "\t", "ANKARA ", "NEW YORK, May 30 ", "x: ", "São Paulo ", "O’Hare-1 ", "\u{2028}",
                ])
                text += pick(["(", "(", " (", "", "(("])
                text += pick(["", "", "The ", "the\n", "The\u{A0}", "Th "])
                text += pick(aliases)
                text += pick([")", ")", ") ", ")\t", "", " )", "))"])
                text += pick(["- ", "— ", "–", "Text", "“Quote", "\"", "text", "", "(", "é", "\n-"])
            default:  // credits
                text += pick([
                    "According to ", "according to ", "reported by ", "A report by ", "Reports from ",
                    "report from ", "Source: ", " / Source:\n", "source:", "said ", "", "Accordingto ",
                ])
                for _ in 0..<random.below(5) {
                    text += pick([
                        "a ", "an ", "the ", "report by ", "report in ", "news agency ", "wire service ",
                        "news\u{A0}agency\n", "The ", "x1 ",
                    ])
                }
                text += pick(aliases)
                text += pick(["", " article", "'s Jane", ".", ",", " said"])
            }
            text += pick(ends)
        }
        return text
    }

    /// The patterns searched by shape, named, with their shapes.
    static var shaped: [(String, NSRegularExpression, AliasLayout)] {
        extractor.signatures.filter { !$0.3.isEmpty }.map { ("\($0.0) \($0.3.rawValue)", $0.1, $0.3) }
            + [("credit", extractor.credit.0, .cited)]
    }

    @Test("a text a pattern searched by shape matches has the pattern's shape")
    func soundOnRandomTexts() throws {
        let shaped = Self.shaped
        #expect(shaped.count == 5)
        var random = SplitMix(seed: 41)
        var matched = [Int](repeating: 0, count: shaped.count)
        var skipped = [Int](repeating: 0, count: shaped.count)
        for _ in 0..<16000 {
            let text = Self.randomText(&random)
            let layout = Self.layout(text)
            for (i, (name, regex, shape)) in shaped.enumerated() {
                let matches = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                if matches { matched[i] += 1 }
                if !layout.isSuperset(of: shape) { skipped[i] += 1 }
                #expect(!matches || layout.isSuperset(of: shape), "\(name): \(text.debugDescription)")
            }
        }
        // Enough matches to test each shape, and enough texts left out for the shapes to matter.
        for (i, (name, _, _)) in shaped.enumerated() {
            #expect(matched[i] > 200, "\(name): \(matched[i]) matches, \(skipped[i]) skipped")
            #expect(skipped[i] > 4000, "\(name): \(skipped[i]) skipped")
        }
    }

    @Test(
        "shapes of single lines",
        arguments: [
            ("By Jane Doe, AP", AliasLayout.endsLine),
            ("Jane Doe, AP Staff Writer\n", .endsLine),
            ("AP\r\nText.", AliasLayout([.endsLine, .opensLine])),
            ("  | The\n\u{2028} Reuters.", .opensLine),
            ("/ AP, 2020", .opensLine),
            ("said AP.", AliasLayout()),
            ("the AP: text", .opensLine),
            ("xThe AP.", AliasLayout()),
            ("Text.\u{85}AP", AliasLayout([.endsLine, .opensLine])),
            ("ANKARA (Reuters) - Text", .parenthesized),
            ("(The AP) — Text", .parenthesized),
            ("(AP) text", AliasLayout()),
            ("according to the news agency AP.", .cited),
            ("according to a report by 1 AP.", AliasLayout()),
        ])
    func lines(_ text: String, _ layout: AliasLayout) {
        #expect(Self.layout(text) == layout)
    }
}
