import Foundation
import TestSupport
import Testing
import WiretraceCore

@testable import Normalize

/// The prefix filter may only skip lines that no pattern matches.
@Suite struct LinePrefixFilterTests {
    static func mayMatch(_ filter: LinePrefixFilter, _ line: String) -> Bool {
        var line = line
        return line.withUTF8 { filter.mayMatch($0, 0..<$0.count) }
    }

    static func regexMatches(_ pattern: String, _ line: String) -> Bool {
        guard let r = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$", options: [.caseInsensitive]) else {
            return false
        }
        return r.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    @Test("the default patterns give a filter that passes their lines and skips ordinary paragraphs")
    func defaults() throws {
        let filter = try #require(LinePrefixFilter(patterns: BoilerplateLinesTests.patterns))
        for line in ["Advertisement", "SHARE this article", "Tweet", "Click here to subscribe", "Watch live"] {
            #expect(Self.mayMatch(filter, line), "\(line)")
        }
        for line in ["The minister said on Tuesday.", "Beijing (Reuters) - China", "\"We will,\" he said."] {
            #expect(!Self.mayMatch(filter, line), "\(line)")
        }
        // Non-ASCII openings always go to the regular expression: U+017F folds to "s".
        #expect(Self.mayMatch(filter, "ſhare"))
    }

    @Test("patterns outside the understood syntax disable the filter")
    func unsupported() {
        for p in ["\\p{L}+ news", "(a)\\1", "café", "\\x41d", "\\Qad\\E", "(?x) a d", "[[:alpha:]]x"] {
            #expect(LinePrefixFilter(patterns: ["advertisement", p]) == nil, "\(p)")
        }
    }

    @Test("sound: whenever a pattern matches a line, the filter lets the line through")
    func soundness() throws {
        let patterns = [
            "advertisement", "(story continues|continue reading)( below)?( advertisement)?",
            "(share|tweet|email|print)( this)?( article| story)?(:.*)?", "(watch|listen)( [a-z]+){0,3} live( here)?",
            "(click|tap) here.*", "sign up for [^.]{0,80}newsletter.*", "a?b*c+", "x{2,3}y", "[A-C][^a]z?", "\\d+ ?%",
            "(?i)ab", "(?:)q", "\\bword\\b", "(?=ab)a.", "(?!x)[a-z]{1,2}", "(?<n>mm|n)o", ".", "\\s*-+", "\\W\\w",
            "e{0}f", "g{,3}", "h{1,}i", "[-.]j", "[\\]k]l", "(a|)(b|)c", "\\.\\*", "[^\\s]x", "t|", "(?i:no)t",
        ]
        let pieces = [
            "a", "b", "c", "ab", "x", "y", "z", "A", "B", "C", "1", "2", "%", " ", "-", ".", "*", "]", "k", "l", "j",
            "share", "Tweet", " this", " article", ":", "watch", " live", "click", " here", "word", "mm", "no", "NO",
            "q",
            "e", "f", "g", "{", ",", "3", "}", "h", "i", "_", "ſ", "é", "\t", "t", "o", "n",
        ]
        var random = SplitMix(seed: 99)
        func next() -> Int { random.below(1 << 30) }
        var lines: [String] = []
        for _ in 0..<3000 {
            var line = ""
            for _ in 0..<(1 + next() % 4) { line += pieces[next() % pieces.count] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { lines.append(trimmed) }
        }
        var matched = 0
        for p in patterns {
            let filter = try #require(LinePrefixFilter(patterns: [p]), "\(p)")
            for line in lines where Self.regexMatches(p, line) {
                matched += 1
                #expect(Self.mayMatch(filter, line), "pattern \(p) matches \(line.debugDescription)")
            }
        }
        #expect(matched > 300)
    }
}
