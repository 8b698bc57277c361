@testable import Normalize
import Testing
import WiretraceCore

@Suite struct NormalizerTests {
    let normalizer: Normalizer

    init() throws { normalizer = Normalizer(configuration: try NormalizeConfiguration()) }

    func words(_ text: String) -> [UInt64] { normalizer.tokenize(text).hashes }

    @Test func foldsCaseAndSplitsOnPunctuation() {
        #expect(words("The TALIBAN, said: ok!") == words("the taliban said ok"))
        #expect(words("co-operate") == words("co operate"))
        #expect(words("it’s") == words("it's"))
    }

    @Test func appliesNFKCAndUnicodeCaseFolding() {
        #expect(words("Ｔａｌｉｂａｎ") == words("taliban"))  // full-width forms
        #expect(words("ﬁnance") == words("finance"))  // ligature
        #expect(words("STRASSE Straße") == words("strasse strasse"))  // full case folding
        #expect(words("Zürich") == words("zürich"))
        #expect(words("Zürich") != words("zurich"))
    }

    @Test func recordsOffsetsInUnicodeScalars() {
        let text = "😀 Ünïcode “word” end"
        let t = normalizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        let spans = (0..<t.count).map { String(String.UnicodeScalarView(scalars[Int(t.starts[$0])..<Int(t.ends[$0])])) }
        #expect(spans == ["Ünïcode", "word", "end"])
    }

    @Test func flagsQuotedWordsAndResetsAtParagraphs() {
        let t = normalizer.tokenize(
            "He said “we will go” and \"then stop\" now.\n\n“Open quote never closed\n\nnext para")
        #expect(
            t.quoted == [
                false, false, true, true, true, false, true, true, false, true, true, true, true, false, false,
            ])
    }

    @Test func leavesBoilerplateLinesOutOfTheTokens() throws {
        let n = Normalizer(
            configuration: try NormalizeConfiguration(boilerplatePatterns: ["advertisement", "watch .* live here"]))
        let t = n.tokenize("First line.\nADVERTISEMENT\n  Watch WION live here  \nLast line.")
        #expect(t.hashes == words("first line last line"))
        #expect(t.starts.last == 56)
    }

    @Test func tokenHashesAreStableAcrossRuns() {
        // Pinned: changing the tokenizer or hash changes every signature; do it on purpose only.
        #expect(words("wire") == [StableHash.mix64(fnv("wire"))])
    }

    private func fnv(_ s: String) -> UInt64 {
        var h = StableHash.fnvOffset
        for b in s.utf8 { h = (h ^ UInt64(b)) &* StableHash.fnvPrime }
        return h
    }
}

/// The byte-level tokenizer (its ASCII fast path and its general path) against a plain
/// reference: runs of word scalars over `unicodeScalars`, each hashed from `normalizeToken`.
@Suite struct NormalizerReferenceTests {
    static let lines = [
        "The TALIBAN said: \"We will go\" on 12 May 2024, at 09:30.",
        "“Curly quotes” and ‘single ones’, it’s O’Brien’s — an em dash – and an en dash.",
        "Zürich, Straße, ﬁnance, Ｔａｌｉｂａｎ, İstanbul, ΣΊΣΥΦΟΣ, naïve café, cafe\u{301}, x², Ⅻ, ½.",
        "ABC123def 3.14 U.S. e-mail co-operate 2024-05-01 #tag @user 100%",
        "Éclair and ÉCLAIR; mixed ASCIIthenÜmlaut and ümlautThenASCII; 😀 emoji😀inside",
        "Advertisement",
        "  Share this article:  ",
        "Tabs\tand\u{00A0}no-break spaces\u{2028}line separator «guillemets» „low quote”",
        "Story continues below advertisement",
        "",
        "CRLF line\r\nnext line after CR LF\rlone CR",
        "digits٣٤ and Devanagari १२३ and 中文字符 and 日本語のテキスト",
    ]

    /// Reference tokens: hashes and scalar offsets, the text's boilerplate lines blanked first.
    func reference(_ text: String, normalizer: Normalizer) -> (hashes: [UInt64], starts: [UInt32], ends: [UInt32]) {
        let scalars = Array(text.unicodeScalars)
        var hashes: [UInt64] = []
        var starts: [UInt32] = []
        var ends: [UInt32] = []
        var i = 0
        while i < scalars.count {
            guard Normalizer.isWordScalar(scalars[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < scalars.count && Normalizer.isWordScalar(scalars[i]) { i += 1 }
            let token = String(String.UnicodeScalarView(scalars[start..<i]))
            hashes.append(StableHash.hash(normalizer.normalizeToken(token)))
            starts.append(UInt32(start))
            ends.append(UInt32(i))
        }
        return (hashes, starts, ends)
    }

    @Test(arguments: [false, true])
    func matchesTheReference(caseFold: Bool) throws {
        var configuration = try NormalizeConfiguration()
        configuration.caseFold = caseFold
        let plain = Normalizer(configuration: configuration)
        let patterns = [
            "advertisement", "(story continues|continue reading)( below)?( advertisement)?",
            "(share|tweet|email|print)( this)?( article| story)?(:.*)?",
        ]
        var withPatterns = try NormalizeConfiguration(boilerplatePatterns: patterns)
        withPatterns.caseFold = caseFold
        let filtering = Normalizer(configuration: withPatterns)
        for rotation in 0..<Self.lines.count {
            let lines = Array(Self.lines[rotation...] + Self.lines[..<rotation])
            let text = lines.joined(separator: "\n")
            let t = plain.tokenize(text)
            let r = reference(text, normalizer: plain)
            #expect(t.hashes == r.hashes)
            #expect(t.starts == r.starts)
            #expect(t.ends == r.ends)
            // Boilerplate lines left out: as if they were blanked to spaces.
            let blanked = lines.map { line in
                ["Advertisement", "  Share this article:  ", "Story continues below advertisement"].contains(line)
                    ? String(repeating: " ", count: line.unicodeScalars.count) : line
            }.joined(separator: "\n")
            let f = filtering.tokenize(text)
            let b = reference(blanked, normalizer: plain)
            #expect(f.hashes == b.hashes)
            #expect(f.starts == b.starts)
        }
    }

    /// The tokens lent from temporary storage are the ones `tokenize` returns.
    @Test func lentTokensEqualTheArrays() throws {
        let plain = Normalizer(configuration: try NormalizeConfiguration())
        let filtering = Normalizer(
            configuration: try NormalizeConfiguration(boilerplatePatterns: BoilerplateLinesTests.patterns))
        let short = (0..<2000).map { i in i % 50 == 3 ? "“x" : "y" }.joined(separator: " ")
        let lines = Self.lines.joined(separator: "\n")
        let paragraphs = Self.lines.reversed().joined(separator: "\n\n")
        let texts: [String] = [lines, "", "one", short, paragraphs]
        for normalizer in [plain, filtering] {
            for text in texts {
                let t = normalizer.tokenize(text)
                let lent = normalizer.withTokens(of: text) { tokens in
                    (Array(tokens.hashes), Array(tokens.starts), Array(tokens.ends), Array(tokens.quoted))
                }
                #expect(lent.0 == t.hashes && lent.1 == t.starts && lent.2 == t.ends && lent.3 == t.quoted)
            }
        }
    }

    /// One-letter words: close to the most tokens a text can hold, and the reference tokens.
    @Test func manyShortTokens() throws {
        let letters: [String] = "abcdefghijklmnopqrstuvwxyz".map { String($0) }
        var words: [String] = []
        for i in 0..<3000 { words.append(i % 100 == 7 ? "\"" + letters[i % 26] : letters[i % 26]) }
        let lines = [words[..<1500].joined(separator: " "), "Advertisement", words[1500...].joined(separator: " ")]
        let text = lines.joined(separator: "\n")
        // Dense: about one token per two bytes, near the most a text can hold.
        #expect(words.count > text.utf8.count / 3)
        let plain = Normalizer(configuration: try NormalizeConfiguration())
        let t = plain.tokenize(text)
        let r = reference(text, normalizer: plain)
        #expect(t.count == 3001)
        #expect(t.hashes == r.hashes)
        #expect(t.starts == r.starts)
        #expect(t.ends == r.ends)
        // Quotes open and close every hundred words.
        let quotedCount = t.quoted.filter { $0 }.count
        #expect(quotedCount > 1000 && quotedCount < 2000)
        // With a boilerplate line left out, both passes leave it out.
        let filtering = Normalizer(configuration: try NormalizeConfiguration(boilerplatePatterns: ["advertisement"]))
        let f = filtering.tokenize(text)
        let blanked = [lines[0], String(repeating: " ", count: 13), lines[2]].joined(separator: "\n")
        let b = reference(blanked, normalizer: plain)
        #expect(f.hashes == b.hashes)
        #expect(f.starts == b.starts)
        var quotedWithout = t.quoted
        quotedWithout.remove(at: 1500)
        #expect(f.quoted == quotedWithout)
    }
}

@Suite struct WordScalarTableTests {
    /// Every BMP scalar and a sample above it: the table answers as the property lookups do.
    @Test func agreesWithTheUnicodeProperties() {
        let table = WordScalarTable()
        var disagreements: [UInt32] = []
        for v in UInt32(0)..<0x1_0000 {
            guard let s = Unicode.Scalar(v) else { continue }
            if table.contains(s) != Normalizer.isWordScalar(s) { disagreements.append(v) }
        }
        for v: UInt32 in [0x1_0000, 0x1_0400, 0x1_D400, 0x1_F600, 0x2_0000, 0xE_0001, 0x10_FFFF] {
            if let s = Unicode.Scalar(v), table.contains(s) != Normalizer.isWordScalar(s) { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty)
        // Spot checks: letters, marks and digits of other scripts are words; punctuation is not.
        let words: [Unicode.Scalar] = ["é", "ß", "中", "\u{301}", "٣", "½", "Ⅻ", "𝐀"]
        let others: [Unicode.Scalar] = ["’", "“", "—", "\u{00A0}", "\u{2028}", "😀", "«"]
        #expect(words.allSatisfy { table.contains($0) })
        #expect(!others.contains { table.contains($0) })
    }
}
