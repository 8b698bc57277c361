import Foundation
import TestSupport
import Testing

@testable import Attribute

/// The shapes may only leave out windows that the patterns cannot match: on random texts built
/// around the shapes, every text a byline pattern matches has the pattern's shape.
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
        return text.withUTF8 { AliasLayout(of: $0, 0..<$0.count, scanner: extractor.scanner) }
    }

    /// A random text: lines shaped like bylines and near misses (half the time), or pieces in any order.
    static func randomText(_ random: inout SplitMix) -> String {
        func pick(_ list: [String]) -> String { list[random.below(list.count)] }
        var text = ""
        if random.below(2) == 0 {
            for _ in 0..<(1 + random.below(8)) { text += pick(pieces) }
            return text
        }
        for _ in 0..<(1 + random.below(3)) {
            text += pick(["", "", " ", "\t", "| ", "/ ", " /", "x "])
            text += pick(["", "By ", "by ", "BY  ", "Photo by ", "Jane Doe, ", "Jane Doe and John Roe - ", "Jane — "])
            text += pick(["", "", "The ", "the\n", "The\u{A0}", "The\r\n ", "Their "])
            text += pick(["AP", "Reuters", "AAP", "Associated Press", "x"])
            text += pick([
                "", "", " Staff Writer", " Staff", " writer", ", 2020", ".", " Photo", "/", " Jan 5, 2020", "é",
            ])
            text += pick(["", " ", "\t"])
            text += pick(["", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}"])
        }
        return text
    }

    @Test("a text a byline pattern matches has the pattern's shape")
    func soundOnRandomTexts() throws {
        let shaped = Self.extractor.signatures.filter { !$0.3.isEmpty }
        #expect(shaped.count == 3)
        var random = SplitMix(seed: 41)
        var matched = [Int](repeating: 0, count: shaped.count)
        var skipped = [Int](repeating: 0, count: shaped.count)
        for _ in 0..<12000 {
            let text = Self.randomText(&random)
            let layout = Self.layout(text)
            for (i, (_, regex, _, shape)) in shaped.enumerated() {
                let matches = regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                if matches { matched[i] += 1 }
                if !layout.isSuperset(of: shape) { skipped[i] += 1 }
                #expect(!matches || layout.isSuperset(of: shape), "\(shape.rawValue) \(text.debugDescription)")
            }
        }
        // Enough matches to test each shape, and enough texts left out for the shapes to matter.
        for i in shaped.indices {
            #expect(matched[i] > 300, "\(i): \(matched[i]) matches, \(skipped[i]) skipped")
            #expect(skipped[i] > 4000, "\(i): \(skipped[i]) skipped")
        }
    }

    @Test(
        "shapes of single lines",
        arguments: [
            ("By Jane Doe, AP", AliasLayout.endsLine),
            ("Jane Doe, AP Staff Writer\n", .endsLine),
            ("AP\r\nText.", .all),
            ("  | The\n\u{2028} Reuters.", .opensLine),
            ("/ AP, 2020", .opensLine),
            ("said AP.", AliasLayout()),
            ("the AP: text", .opensLine),
            ("xThe AP.", AliasLayout()),
            ("Text.\u{85}AP", .all),
        ])
    func lines(_ text: String, _ layout: AliasLayout) {
        #expect(Self.layout(text) == layout)
    }
}
