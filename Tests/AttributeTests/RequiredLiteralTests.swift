import Foundation
import TestSupport
import Testing
import WiretraceCore

@testable import Attribute

/// The literal test may only skip texts the pattern cannot match.
@Suite struct RequiredLiteralTests {
    @Test("the literals of the shipped contributor patterns")
    func shipped() {
        #expect(RequiredLiteral.of("Associated Press (?:writers?|reporters?) [A-Z][^\\n]{2,200}? contributed") != nil)
        #expect(
            RequiredLiteral.of("^\\(?(?:Additional )?[Rr]eporting by [^\\n]{2,200}?(?:;|$)").map {
                String(decoding: $0, as: UTF8.self)
            } == "eporting by ")
        #expect(
            RequiredLiteral.of("^--With assistance from [^\\n]+").map { String(decoding: $0, as: UTF8.self) }
                == "--With assistance from ")
    }

    @Test(
        "no literal where matching is not plain: alternation at the top, case-insensitive flags, escapes with arguments"
    )
    func none() {
        for p in [
            "abc|def", "(?i)contributed", "(?ix:abc)def", "\\x41bcd", "\\p{L}bcd", "\\Qabc\\E", "(a)\\1bc", "ab?",
        ] {
            #expect(RequiredLiteral.of(p) == nil, "\(p)")
        }
    }

    @Test("sound: whenever the pattern matches, the text holds the literal")
    func soundness() throws {
        let patterns = [
            "ab+c", "x?yz", "(?:q|r)stu", "a{0,2}bcd", "a{2}bc", "[abc]def?g", "h\\.i\\?j", "k.l*mno", "pq(?:rs)?tuv",
            "w{1,}xyz", "(a|b)+cde", "f(?=gh)ghi", "\\bjkl\\b", "m\\s+nop", "qr{0}stu", "vw+?xyz", "é’ab",
        ]
        let pieces = [
            "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
            "v",
            "w", "x", "y", "z", ".", "?", " ", "bc", "cd", "de", "xyz", "stu", "é’", "nop", "ghi", "jkl",
        ]
        var random = SplitMix(seed: 5)
        func next() -> Int { random.below(1 << 30) }
        var matched = 0
        for p in patterns {
            let regex = try NSRegularExpression(pattern: p)
            let literal = RequiredLiteral.of(p, minimumLength: 1)
            for _ in 0..<1500 {
                var text = ""
                for _ in 0..<(1 + next() % 8) { text += pieces[next() % pieces.count] }
                let matches = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                guard matches else { continue }
                matched += 1
                if let literal {
                    #expect(RequiredLiteral.occurs(literal, in: text), "\(p) matches \(text.debugDescription)")
                }
            }
        }
        #expect(matched > 200)
    }

    @Test("allOf: the alternatives of each top-level group every match passes through")
    func alternatives() {
        func strings(_ p: String) -> [[String]] {
            RequiredLiteral.allOf(p).map { $0.map { String(decoding: $0, as: UTF8.self) } }
        }
        #expect(
            strings("\\b(?:told|[Ss]peaking to|spoke to)\\s+(?:the )?(Reuters|AP)")
                == [["told", "Speaking to", "speaking to", "spoke to"], ["Reuters", "AP"]])
        #expect(strings("(?:[Cc]opyright|©|\\([Cc]\\))[ \\t]*\\w") == [["Copyright", "copyright", "©", "(C)", "(c)"]])
        // The pattern's own run comes first, then each group's.
        #expect(strings("\\((?:told|said)") == [["("], ["told", "said"]])
        #expect(strings("(?:ab|cd)xyz") == [["xyz"], ["ab", "cd"]])
        // Groups that a match may skip, or that only look around, give nothing.
        #expect(strings("(?:told|said)?\\s+\\w") == [])
        #expect(strings("(?:told|said){0,2}\\s+\\w") == [])
        #expect(strings("(?=told|said)\\w+") == [])
        #expect(strings("(?<!told|said)\\w+") == [])
        // An alternative without a literal spoils the group; alternation at the top spoils all.
        #expect(strings("(?:told|\\d+)\\s+\\w") == [])
        #expect(strings("(?:told|said) x|y") == [])
        #expect(strings("(?i)(?:told|said)") == [])
    }

    @Test("classes holding classes are not read: no literal")
    func nestedClasses() {
        #expect(RequiredLiteral.of("[[a-z]--[aeiou]]bcd") == nil)
        #expect(RequiredLiteral.allOf("[[a-z]--[aeiou]](?:bcd|efg)").isEmpty)
        #expect(RequiredLiteral.of("[\\[x]bcd").map { String(decoding: $0, as: UTF8.self) } == "bcd")
    }

    @Test("spellings: a class of one letter in both cases is either spelling")
    func spellings() {
        func strings(_ p: String, _ most: Int) -> [String]? {
            RequiredLiteral.spellings(p, minimumLength: 1, maxSpellings: most)?.map {
                String(decoding: $0, as: UTF8.self)
            }
        }
        #expect(strings("(?<=\\s)[Bb][Yy][ \\t]+x", 8) == ["BY", "bY", "By", "by"])
        #expect(strings("[Cc]opyright", 8) == ["Copyright", "copyright"])
        // Too many spellings end the run: `[Bb]` alone, then `[Yy]z`.
        #expect(strings("[Bb][Yy]z", 2) == ["Yz", "yz"])
        // Optional classes, other classes and one spelling only (`of`) end the run as before.
        #expect(strings("[Bb]?yz", 8) == ["yz"])
        #expect(strings("[Ab]yz", 8) == ["yz"])
        #expect(strings("[bB]yz", 8) == ["yz"])
        #expect(RequiredLiteral.of("[Cc]opyright").map { String(decoding: $0, as: UTF8.self) } == "opyright")
    }

    @Test("allOf: the pattern's own run and every small required group, each a test")
    func allOf() {
        let sets = RequiredLiteral.allOf(
            "\\(?\\b(?:[Ww]ith|WITH)\\s+(?:inputs?|INPUTS?)\\s+(?:from|FROM)\\s+(?:news\\s+)?(?:agencies|AGENCIES|wires)\\b\\)?"
        ).map { $0.map { String(decoding: $0, as: UTF8.self) } }
        #expect(
            sets == [
                ["With", "with", "WITH"], ["input", "INPUT"], ["from", "FROM"], ["agencies", "AGENCIES", "wires"],
            ])
        // A group whose spellings would be too many is read with one spelling per alternative.
        #expect(
            RequiredLiteral.allOf("(?:[Aa]b|[Cc]d|[Ee]f)x", maxAlternatives: 4).map {
                $0.map { String(decoding: $0, as: UTF8.self) }
            } == [["x"], ["b", "d", "f"]])
        // A group with more alternatives than asked for is no test.
        #expect(RequiredLiteral.allOf("(?:a|b|c)x", maxAlternatives: 2).count == 1)
        #expect(RequiredLiteral.occursAll([[Array("ab".utf8)], [Array("x".utf8), Array("y".utf8)]], in: "ab y"))
        #expect(!RequiredLiteral.occursAll([[Array("ab".utf8)], [Array("x".utf8)]], in: "ab y"))
        #expect(RequiredLiteral.occursAll([], in: ""))
    }

    @Test("allOf is sound: whenever the pattern matches, the text holds a member of every set")
    func allOfSoundness() throws {
        let patterns = [
            "[Bb][Yy][ \\t]+\\w", "(?:^|\\s)[Aa]b(?:cd|[Ee]f)", "[Aa][Bb][Cc][Dd]x", "(?:[Aa]b|CD)[Ee]?f",
            "[Aa]+[Bb]c", "x[Yy]{2}z", "(?:a|b)(?:c|d)[Ee]", "\\b(?:ab|c[dD]e|f)\\s+g", "(?:ab|cd)+x", "(?>ab|cd)e?",
            "(ab|cd){1,2}", "x(?:ab|cd)?(?:ef|gh)", "(?:a(?:b|c)|d)e", "(?:^|\\s)(?:ab|cd)", "[ab](?:cd|ef)g",
        ]
        let pieces = [
            "a", "A", "b", "B", "c", "C", "d", "D", "e", "E", "f", "x", "y", "Y", "z", " ", "\t", "ab", "cd", "by",
            "BY",
        ]
        var random = SplitMix(seed: 12)
        var matched = 0
        for p in patterns {
            let regex = try NSRegularExpression(pattern: p, options: [.anchorsMatchLines])
            let sets = RequiredLiteral.allOf(p, maxAlternatives: 8)
            #expect(!sets.isEmpty, "\(p)")
            for _ in 0..<5000 {
                var text = ""
                for _ in 0..<(1 + random.below(9)) { text += pieces[random.below(pieces.count)] }
                guard regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else { continue }
                matched += 1
                #expect(RequiredLiteral.occursAll(sets, in: text), "\(p) matches \(text.debugDescription)")
            }
        }
        #expect(matched > 250)
    }

    @Test("occurs finds the bytes anywhere, not past the end")
    func occurs() {
        #expect(RequiredLiteral.occurs(Array("lo w".utf8), in: "hello world"))
        #expect(!RequiredLiteral.occurs(Array("world!".utf8), in: "hello world"))
        #expect(RequiredLiteral.occurs(Array("’s".utf8), in: "it’s"))
        #expect(!RequiredLiteral.occurs(Array("abc".utf8), in: "ab"))
    }

    /// Up to `most` random pieces joined (at least `least`).
    static func joined(_ pieces: [String], _ least: Int, _ most: Int, _ random: inout SplitMix) -> String {
        var out = ""
        for _ in 0..<(least + random.below(most - least + 1)) { out += pieces[random.below(pieces.count)] }
        return out
    }

    /// The first place at or after `from` where `l` stands in `t`, found the plain way.
    static func plainFirst(_ l: [UInt8], in t: [UInt8], from: Int) -> Int? {
        from + l.count <= t.count ? (from...(t.count - l.count)).first { t[$0..<($0 + l.count)].elementsEqual(l) } : nil
    }

    @Test("occurs agrees with a plain search, wherever the rarest byte of the literal is")
    func occursAgreesWithPlainSearch() {
        // Common and rare bytes, so that the anchor falls at the start, the middle and the end.
        let pieces = ["a", "e", " ", "b", "z", "Q", "é", "’", "ez", "Qa", "e z"]
        var random = SplitMix(seed: 33)
        var found = 0
        for _ in 0..<6000 {
            let literal = Self.joined(pieces, 1, 3, &random)
            let text = Self.joined(pieces, 0, 11, &random)
            let l = Array(literal.utf8)
            let t = Array(text.utf8)
            let plain = Self.plainFirst(l, in: t, from: 0) != nil
            if plain { found += 1 }
            #expect(
                RequiredLiteral.occurs(l, in: text) == plain, "\(literal.debugDescription) in \(text.debugDescription)")
            // The first place at or after a random start.
            let from = random.below(t.count + 2)
            let first = Self.plainFirst(l, in: t, from: from)
            let found = l.withUnsafeBufferPointer { lb in
                t.withUnsafeBufferPointer { RequiredLiteral.firstOccurrence(lb, in: $0, from: from) }
            }
            #expect(found == first, "\(literal.debugDescription) in \(text.debugDescription) from \(from)")
        }
        #expect(found > 1000)
        #expect(RequiredLiteral.occurs([], in: ""))
        #expect(!RequiredLiteral.occurs(Array("a".utf8), in: ""))
    }

    @Test("firstOccurrence agrees with a plain search on long texts, sixteen places at a time too")
    func firstOccurrenceOnLongTexts() {
        // Small letters and spaces (common bytes: searched by pairs of bytes) and a capital.
        let pieces = ["a", "e", " ", "t", "in", "put", "input", "ee", "T", "é"]
        var random = SplitMix(seed: 35)
        var found = 0
        for _ in 0..<3000 {
            let literal = Self.joined(pieces, 1, 3, &random)
            let text = Self.joined(pieces, 0, 79, &random)
            let l = Array(literal.utf8)
            let t = Array(text.utf8)
            let from = random.below(t.count / 2 + 1)
            let first = Self.plainFirst(l, in: t, from: from)
            if first != nil { found += 1 }
            let place = l.withUnsafeBufferPointer { lb in
                t.withUnsafeBufferPointer { RequiredLiteral.firstOccurrence(lb, in: $0, from: from) }
            }
            #expect(place == first, "\(literal.debugDescription) in \(text.debugDescription) from \(from)")
        }
        #expect(found > 1000)
    }
}
