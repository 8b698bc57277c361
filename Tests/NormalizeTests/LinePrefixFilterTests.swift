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
        // A non-ASCII opening that case folding maps onto ASCII goes to the regular expression:
        // U+017F folds to "s".
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
            "e", "f", "g", "{", ",", "3", "}", "h", "i", "_", "ſ", "é", "\t", "t", "o", "n", "“", "—", "É", "ß", "ﬁ",
            "K", "٣", "\u{00A0}",
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

    @Test("four characters tell a pattern's first word from words that start alike")
    func longerOpenings() throws {
        let patterns = ["(story continues|continue reading)"]
        let filter = try #require(LinePrefixFilter(patterns: patterns))
        #expect(filter.k == 4)
        for line in ["Story continues", "CONTINUE READING"] {
            #expect(Self.mayMatch(filter, line), "\(line)")
        }
        for line in ["stock prices rose", "Conference call", "Str", "co"] {
            #expect(!Self.mayMatch(filter, line), "\(line)")
        }
        // Looking at two characters, the same patterns let the line through.
        let two = try #require(LinePrefixFilter(patterns: patterns, lengths: [2]))
        #expect(two.k == 2)
        #expect(Self.mayMatch(two, "stock prices rose"))
    }

    @Test("a line shorter than k passes only as a complete match; a non-ASCII opening always passes")
    func shortLines() throws {
        let filter = try #require(LinePrefixFilter(patterns: ["ab|abc|x", "story"]))
        #expect(filter.k == 4)
        for line in ["ab", "ABC", "x", "X", "story", "stö", "xé", "ſt"] {
            #expect(Self.mayMatch(filter, line), "\(line)")
        }
        for line in ["a", "abd", "xy", "s", "st", "sto", "stox", "abcd"] {
            #expect(!Self.mayMatch(filter, line), "\(line)")
        }
    }

    @Test("a non-ASCII opening that case folding leaves alone passes only where a pattern can open with one")
    func nonASCIIOpenings() throws {
        let plain = try #require(LinePrefixFilter(patterns: BoilerplateLinesTests.patterns))
        for line in ["“We will,” he said.", "— Advertisement", "«Share»", "é", "пресс-релиз", "“"] {
            #expect(!Self.mayMatch(plain, line), "\(line)")
        }
        // These fold onto ASCII letters (or may): they always go to the regular expression.
        for line in ["ſhare", "\u{212A}elvin", "ﬁlm", "ßtory", "Éclat", "İst"] {
            #expect(Self.mayMatch(plain, line), "\(line)")
        }
        // A pattern that can open with any character lets every non-ASCII opening through.
        for p in [".+ said", "[^a]x", "\\W+", "\\w+ news", "\\s*x", "\\D\\d", "[\\w-]+"] {
            let filter = try #require(LinePrefixFilter(patterns: ["advertisement", p]), "\(p)")
            #expect(Self.mayMatch(filter, "“x"), "\(p)")
        }
        // A non-ASCII character after an ASCII one still goes (as before).
        #expect(Self.mayMatch(plain, "a“b"))
    }

    @Test("too many openings: the filter looks at fewer characters")
    func fallback() throws {
        // 26 + 26² + 26³ openings before the space: more than the bound at four and at three.
        let two = try #require(LinePrefixFilter(patterns: ["advertisement", "[a-z]+ news"]))
        #expect(two.k == 2)
        for line in ["Breaking news", "x news", "Advertisement"] {
            #expect(Self.mayMatch(two, line), "\(line)")
        }
        #expect(!Self.mayMatch(two, "1 news"))
        // 9⁴ openings at four, 9³ at three.
        let three = try #require(LinePrefixFilter(patterns: ["[a-i]{4} news"]))
        #expect(three.k == 3)
        #expect(Self.mayMatch(three, "abcd news"))
        #expect(!Self.mayMatch(three, "abz news"))
        // What comes after a long enough literal does not count: still four.
        let four = try #require(LinePrefixFilter(patterns: ["sign up for [^.]{0,80}newsletter.*", "x."]))
        #expect(four.k == 4)
        // Only unknown syntax disables the filter, however many openings.
        #expect(LinePrefixFilter(patterns: [".*", "(.|\\s)+x"]) != nil)
    }

    @Test("sound at every k: random lines from pattern fragments that the regular expression matches pass")
    func soundnessLongerOpenings() throws {
        let patterns =
            BoilerplateLinesTests.patterns + [
                "(breaking|latest) news:? .*", "read (more|next)", "st(ock|ory)s? ?\\d*", "co[nm]{1,2}ent.*",
                "[a-c]{2,3}d?", "(?i)re(lated)?( articles?)?", "ab|abc|x", "[^a-z]ad",
            ]
        let fragments = [
            "advertisement", "advert", "story", "stor", "sto", "stock", "stocks", "continue", "continues", "cont",
            "reading", "read", "more", "next", "below", "share", "sha", "this", "article", "articles", "tweet", "email",
            "print", "watch", "listen", "live", "here", "click", "tap", "sign up for", "our", "newsletter", "breaking",
            "latest", "news", "related", "comment", "comments", "conent", "re", "ab", "abc", "x", "a", "b", "c", "d",
            " ", " ", ":", ".", "-", "1", "42", "ſ", "é", "K", "ST", "Co", "\t", "“", "—", "É", "ß", "ﬁ", "ﬆ",
        ]
        let configuration = try NormalizeConfiguration(boilerplatePatterns: patterns)
        let filters = try [LinePrefixFilter.lengths, [4], [3], [2]].map { lengths in
            try #require(LinePrefixFilter(patterns: patterns, lengths: lengths))
        }
        #expect(filters.map(\.k) == [4, 4, 3, 2])
        var random = SplitMix(seed: 2024)
        var matched = 0
        for _ in 0..<20000 {
            var line = ""
            for _ in 0..<(1 + random.below(5)) {
                var fragment = fragments[random.below(fragments.count)]
                switch random.below(4) {
                case 0: fragment = fragment.uppercased()
                case 1: fragment = fragment.prefix(1).uppercased() + fragment.dropFirst()
                default: break
                }
                line += fragment
            }
            line = line.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, configuration.compiledPatterns.contains(where: { $0.matches(line) }) else { continue }
            matched += 1
            for filter in filters {
                #expect(Self.mayMatch(filter, line), "k \(filter.k): \(line.debugDescription)")
            }
        }
        #expect(matched > 1000)
    }
}
