import Cluster
import TestSupport
import Testing
import WiretraceCore

@Suite struct LedeAgreementTests {
    let lede = LedeAgreement(ledeWords: 12)

    /// Tokens of random words from a small vocabulary (repeats), a few of them function words or
    /// shorter than three characters.
    static func tokens(_ rng: inout SplitMix, count: Int) -> TokenizedText {
        let words = ["the", "of", "said", "oil", "opec", "output", "cut", "quota", "saudi", "price", "to", "ab"]
        var t = TokenizedText()
        var at: UInt32 = 0
        for _ in 0..<count {
            let w = words[rng.below(words.count)]
            t.append(hash: StableHash.hash(w), start: at, end: at + UInt32(w.count), quoted: false)
            at += UInt32(w.count) + 1
        }
        return t
    }

    @Test func contentWordsAreTheLedesOtherWordsSortedOnce() {
        let text = "Saudi oil output cut: the oil quota of Saudi Arabia, said to be cut"
        var t = TokenizedText()
        var at: UInt32 = 0
        for w in text.split(separator: " ").map({ $0.lowercased().filter(\.isLetter) }) {
            t.append(hash: StableHash.hash(w), start: at, end: at + UInt32(w.count), quoted: false)
            at += UInt32(w.count) + 1
        }
        let expected = ["saudi", "oil", "output", "cut", "quota", "arabia"].map { StableHash.hash($0) }.sorted()
        #expect(lede.contentWords(t) == expected)
    }

    /// Every function word is left out, and every other word of three characters or more is kept
    /// (the function words' table is probed, not a Set: no word may collide into it).
    @Test func functionWordsAndOnlyThemAreLeftOut() {
        let function = LedeAgreement.stopWords.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let others = (0..<5000).map { "w\($0)" } + ["oil", "opec", "saudi", "thee", "hers", "whose2"]
        let lede = LedeAgreement(ledeWords: 10_000)
        func tokens(_ words: [String]) -> TokenizedText {
            var t = TokenizedText()
            var at: UInt32 = 0
            for w in words {
                t.append(hash: StableHash.hash(w), start: at, end: at + 3, quoted: false)
                at += 4
            }
            return t
        }
        #expect(lede.contentWords(tokens(function)).isEmpty)
        #expect(lede.contentWords(tokens(others)) == Set(others.map { StableHash.hash($0) }).sorted())
    }

    /// The sorted arrays give the Jaccard similarity of the sets of content words.
    @Test func agreementIsTheJaccardSimilarityOfTheContentWords() {
        var rng = SplitMix(seed: 3)
        var seen = Set<Double>()
        for _ in 0..<300 {
            let x = lede.contentWords(Self.tokens(&rng, count: rng.below(20)))
            let y = lede.contentWords(Self.tokens(&rng, count: rng.below(20)))
            #expect(x == Set(x).sorted() && y == Set(y).sorted())
            let sx = Set(x)
            let sy = Set(y)
            let expected = sx.isEmpty || sy.isEmpty ? 0 : Double(sx.intersection(sy).count) / Double(sx.union(sy).count)
            #expect(lede.agreement(x, y) == expected)
            seen.insert(expected)
        }
        #expect(seen.count >= 5)
    }
}
