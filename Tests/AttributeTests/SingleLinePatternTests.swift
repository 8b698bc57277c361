import Foundation
import TestSupport
import Testing

@testable import Attribute

/// A pattern read as staying on one line never matches a line feed, and searched from a line's
/// start (before the end of the text) finds the whole text's matches from there on.
@Suite struct SingleLinePatternTests {
    @Test(
        "patterns that stay on a line",
        arguments: [
            "^--With assistance from [^\\n]+",
            "Associated Press (?:writers?|reporters?) [A-Z][^\\n]{2,200}? contributed",
            "^\\(?(?:Additional )?[Rr]eporting by [^\\n]{2,200}?(?:;|$)", "(?<=a)b(?!c)\\b.\\S\\h\\t",
            "[\\w .,'’-]{1,60}",
            "(?<name>x)", "[a-c]+\\.",
        ])
    func stays(_ pattern: String) {
        #expect(SingleLinePattern.holds(pattern))
    }

    @Test(
        "patterns that may match a line feed, or are not read",
        arguments: [
            "a\\sb", "a\\nb", "a\nb", "[^x]", "(?s).", "\\p{L}", "[\\x00-\\x7F]", "[\\t-\\r]", "\\W", "\\D", "[[a-z]]",
            "(?i)a", "\\Qa\\E", "(a)\\1", "a\\\nb", "[]a]", "[a&&b]", "[a--b]", "[\\s]", "[^\\s\\n]", "(?#x)", "\\v",
            "\\R", "[ab\\n]", "\\x{0A}", "\\u000A", "\\N{LINE FEED}", "[\u{1}-z]", "[^\u{1}-z\\n]x[\u{9}-\u{B}]",
        ])
    func mayNotStay(_ pattern: String) {
        #expect(!SingleLinePattern.holds(pattern))
    }

    /// A random pattern of atoms that may or may not match a line feed, in groups and lookarounds.
    static func randomPattern(_ random: inout SplitMix, depth: Int = 0) -> String {
        let atoms = [
            "a", "b", ".", "\\s", "\\S", "\\w", "\\W", "\\d", "\\D", "\\h", "[^a]", "[^\\n]", "[a-z]", "[\\t-\\r]",
            "[ab\\n]", "^", "$", "\\b", "\\.", " ", "\\n", "[\\s]", "[^\\sa]", "x", "[^\\na]", "[\u{1}-b]", "[\u{B}-b]",
        ]
        var pattern = ""
        for _ in 0..<(1 + random.below(4)) {
            if depth < 2 && random.below(4) == 0 {
                let open = ["(?:", "(", "(?=", "(?!", "(?<=", "(?<!", "(?>"][random.below(7)]
                pattern += open + randomPattern(&random, depth: depth + 1)
                pattern += random.below(3) == 0 ? "|" + randomPattern(&random, depth: depth + 1) + ")" : ")"
            } else {
                pattern += atoms[random.below(atoms.count)]
            }
            pattern += ["", "", "*", "+", "?", "{0,2}", "{1,3}"][random.below(7)]
        }
        return pattern
    }

    @Test("on random patterns and texts: no line feed in a match, and the same matches from a line's start")
    func soundOnRandomPatterns() {
        var random = SplitMix(seed: 83)
        let pieces = ["a", "b", " ", "\n", "\t", "\r", "x", ".", "\u{2028}", "1", "ab", "\n\n"]
        var checked = 0
        var lineFeedsSeen = 0
        for _ in 0..<800 {
            let pattern = Self.randomPattern(&random)
            // Unbounded lookbehinds do not compile: such patterns are left out.
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else {
                continue
            }
            let stays = SingleLinePattern.holds(pattern)
            for _ in 0..<12 {
                var text = ""
                for _ in 0..<random.below(14) { text += pieces[random.below(pieces.count)] }
                let ns = text as NSString
                let whole = regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map(\.range)
                let crosses = whole.contains { ns.substring(with: $0).contains("\n") }
                if crosses { lineFeedsSeen += 1 }
                guard stays else { continue }
                checked += 1
                #expect(!crosses, "\(pattern) on \(text.debugDescription)")
                // From a line's start before the end of the text (at the end, after a line feed, the
                // engine's `^` does not match in the whole text, but does at the start of a search).
                let lineStarts =
                    [0] + (0..<ns.length).filter { ns.character(at: $0) == 0x0A && $0 + 1 < ns.length }.map { $0 + 1 }
                let start = lineStarts[random.below(lineStarts.count)]
                let part = regex.matches(in: text, range: NSRange(location: start, length: ns.length - start))
                #expect(
                    part.map(\.range) == whole.filter { $0.location >= start },
                    "\(pattern) on \(text.debugDescription) from \(start)")
            }
        }
        // Patterns of both kinds: enough read as staying on a line, and enough others that do cross.
        #expect(checked > 1000 && lineFeedsSeen > 600, "\(checked) checked, \(lineFeedsSeen) crossing")
    }
}
