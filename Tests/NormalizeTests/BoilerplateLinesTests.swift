import Foundation
import Testing
@testable import Normalize
import WiretraceCore

/// Boilerplate lines are found over UTF-8 bytes with one combined expression; the result must be
/// what splitting on "\n", trimming with Foundation and trying each pattern gives.
@Suite struct BoilerplateLinesTests {
    static let patterns = [
        "advertisement",
        "(story continues|continue reading)( below)?( advertisement)?",
        "(share|tweet|email|print)( this)?( article| story)?(:.*)?",
        "(watch|listen)( [a-z]+){0,3} live( here)?",
        "(click|tap) here.*",
        "sign up for [^.]{0,80}newsletter.*",
    ]

    /// The reference rule: the line, trimmed of `.whitespaces`, is non-empty and some pattern matches all of it.
    static func referenceExcluded(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return false }
        return patterns.contains { p in
            guard let r = try? NSRegularExpression(pattern: "^(?:" + p + ")$", options: [.caseInsensitive]) else {
                return false
            }
            return r.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil
        }
    }

    static let lines = [
        "Advertisement", "  Advertisement\t", "\u{00A0}Advertisement\u{00A0}", "\u{3000}ADVERTISEMENT\u{2009}",
        "Advertisement\r", "“Advertisement”", "Advertisements", "Share this article: Facebook Twitter Email",
        "Click here to read more", "Sign up for our free morning newsletter today", "Watch live here",
        "The minister said prices would rise.", "  ", "\u{00A0}", "", "Continue reading below advertisement",
        "é Advertisement", "Advertisement é", "Tap here\u{301}", "\u{1680}share\u{1680}",
    ]

    /// Token count with the reference rule applied to the lines `split(separator: "\n")` gives.
    static func referenceCount(_ text: String) throws -> Int {
        let plain = Normalizer(configuration: try NormalizeConfiguration(boilerplatePatterns: []))
        var count = plain.tokenize(text).count
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where referenceExcluded(String(line))
        {
            count -= plain.tokenize(String(line)).count
        }
        return count
    }

    @Test(arguments: lines)
    func lineIsExcludedLikeTheReference(_ line: String) throws {
        let configuration = try NormalizeConfiguration(boilerplatePatterns: Self.patterns)
        for text in ["alpha beta\n" + line + "\ngamma delta", line, line + "\n" + line, "\n" + line + "\n"] {
            #expect(Normalizer(configuration: configuration).tokenize(text).count == (try Self.referenceCount(text)))
        }
    }

    /// One normalizer over many texts: lines it has matched before (remembered, see
    /// `MatchedLines`) and lines that differ from them by a byte, more distinct matches than it
    /// remembers, lines too long to remember — each text as the reference rule says.
    @Test func rememberedMatchesGiveTheReferenceAnswers() throws {
        let normalizer = Normalizer(configuration: try NormalizeConfiguration(boilerplatePatterns: Self.patterns))
        var lines = ["Advertisement", "Advertisements", "ADVERTISEMENT", "Advertisement.", "Continue reading"]
        lines += (0..<(MatchedLines.capacity + 40)).map { "Share this article: \($0)" }
        lines += ["Click here " + String(repeating: "x", count: MatchedLines.maxLineBytes), "Click her"]
        var texts: [String] = []
        for (i, line) in lines.enumerated() {
            texts.append("alpha beta\n" + line + "\ngamma " + lines[(i * 7) % lines.count])
            texts.append(line + "\n" + lines[i % 5])
        }
        for text in texts + texts.reversed() {
            #expect(normalizer.tokenize(text).count == (try Self.referenceCount(text)), "\(text.prefix(60))")
        }
    }

    @Test func crlfDoesNotSplitLines() throws {
        // "\r\n" is one Character, so `split(separator: "\n")` did not split there: the whole
        // text is one line, which no pattern matches.
        let configuration = try NormalizeConfiguration(boilerplatePatterns: Self.patterns)
        let text = "alpha\r\nAdvertisement\r\nbeta"
        #expect(Normalizer(configuration: configuration).tokenize(text).count == 3)
    }

    @Test func patternsCombineOnlyWhenSafe() {
        #expect(NormalizeConfiguration.combine(Self.patterns) != nil)
        #expect(NormalizeConfiguration.combine(["(a)\\1", "b"]) == nil)
        #expect(NormalizeConfiguration.combine(["(?i)a", "b"]) == nil)
        #expect(NormalizeConfiguration.combine(["(?<=x)a", "(?!c)b"]) != nil)
    }
}

@Suite struct ExcludedLinesTests {
    /// Growing offsets against sorted ranges, as a plain membership test gives, with offsets skipped.
    @Test func answersAsAMembershipTest() {
        let ranges = [2..<5, 5..<6, 9..<12, 20..<21]
        for step in 1...4 {
            var lines = Normalizer.ExcludedLines(ranges)
            for offset in stride(from: 0, to: 25, by: step) {
                #expect(
                    lines.contains(offset) == ranges.contains { $0.contains(offset) }, "offset \(offset) step \(step)")
            }
        }
        var none = Normalizer.ExcludedLines([])
        #expect(!none.contains(0) && !none.contains(.max - 1))
    }
}
