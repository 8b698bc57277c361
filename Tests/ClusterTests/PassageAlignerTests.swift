import Cluster
import Normalize
import Testing
import WiretraceCore

@Suite struct PassageAlignerTests {
    let normalizer: Normalizer
    let aligner = PassageAligner(minPassageWords: 8, quoteWeight: 0.25)

    init() throws {
        normalizer = Normalizer(configuration: try NormalizeConfiguration())
    }

    @Test func identicalTextsAreFullyShared() {
        let t = normalizer.tokenize(SyntheticText.story(1, 100))
        let a = aligner.align(t, t)
        #expect(a.fractionA == 1)
        #expect(a.fractionB == 1)
        #expect(a.similarity == 1)
        #expect(a.runs.count == 1)
    }

    /// A text refilled in place of another, longer or shorter, is the text prepared afresh: same
    /// words, flags, common text and total weight, down to an empty text.
    @Test func refilledTextIsTheFreshText() {
        let quoting = PassageAligner(minPassageWords: 8, quoteWeight: 0.3)
        var reused = quoting.text([9, 8, 7], quoted: [true, false, true])
        for count in [400, 10, 0, 130, 64, 1] {
            let t = normalizer.tokenize("“" + SyntheticText.story(UInt64(count), count) + "” he said")
            let common: ArraySlice<Range<Int32>> = t.count > 20 ? [2..<9, 12..<20] : []
            let fresh = quoting.text(t.hashes, quoted: t.quoted, common: common)
            quoting.refill(&reused, common: common) { hashes, quoted in
                hashes = t.hashes
                quoted = FlagBits.pack(t.quoted)
            }
            #expect(reused.hashes == fresh.hashes)
            #expect(reused.quoted == fresh.quoted)
            #expect(reused.common == fresh.common)
            #expect(reused.totalWeight == fresh.totalWeight)
            #expect(count == 0 || fresh.totalWeight > 0)
        }
    }

    /// One scratch reused across pairs of varied sizes, sharing much, little and nothing, aligns
    /// each pair as a fresh one does: the slots a pair sets are cleared, whatever its size.
    @Test func reusedScratchAlignsAsAFreshOne() {
        func text(_ seeds: [(Int, Int)]) -> PassageAligner.Text {
            let words = seeds.flatMap { SyntheticText.words(seed: UInt64($0.0), count: $0.1) }
            let t = normalizer.tokenize(words.joined(separator: " "))
            return aligner.text(t.hashes, quoted: t.quoted)
        }
        let texts = [
            text([(1, 400), (2, 30)]), text([(3, 20)]), text([(1, 60), (4, 10), (2, 30)]), text([(5, 900)]),
            text([(2, 30), (1, 400)]), text([(6, 5)]), text([(5, 120), (1, 40)]), text([(4, 10), (3, 20)]),
        ]
        var scratch = PassageAligner.Scratch()
        for a in texts {
            for b in texts {
                let index = aligner.index(b.hashes)
                let fresh = aligner.align(a, b, indexB: index)
                let reused = aligner.align(a, b, indexB: index, scratch: &scratch)
                #expect(reused.runs.map(\.a) == fresh.runs.map(\.a))
                #expect(reused.runs.map(\.b) == fresh.runs.map(\.b))
                #expect(reused.sharedA == fresh.sharedA && reused.sharedB == fresh.sharedB)
                #expect(reused.coveredTokensA == fresh.coveredTokensA && reused.coveredTokensB == fresh.coveredTokensB)
            }
        }
        // Some pairs share passages, so the scratch was really written.
        let shared = aligner.align(texts[0], texts[4], indexB: aligner.index(texts[4].hashes), scratch: &scratch)
        #expect(shared.runs.count == 2)
    }

    @Test func unrelatedTextsShareNothing() {
        let a = aligner.align(
            normalizer.tokenize(SyntheticText.story(1, 200)), normalizer.tokenize(SyntheticText.story(2, 200)))
        #expect(a.sharedA == 0)
        #expect(a.runs.isEmpty)
    }

    @Test(arguments: [(7, false), (8, true), (20, true)])
    func passagesShorterThanTheMinimumAreIgnored(length: Int, found: Bool) {
        let shared = SyntheticText.words(seed: 9, count: length)
        let a = SyntheticText.words(seed: 1, count: 50) + shared + SyntheticText.words(seed: 2, count: 50)
        let b = SyntheticText.words(seed: 3, count: 50) + shared + SyntheticText.words(seed: 4, count: 50)
        let r = aligner.align(
            normalizer.tokenize(a.joined(separator: " ")), normalizer.tokenize(b.joined(separator: " ")))
        #expect((r.sharedA == Double(length)) == found)
        #expect(r.runs.count == (found ? 1 : 0))
    }

    @Test func quotedWordsWeighLess() {
        let quote = SyntheticText.words(seed: 5, count: 20).joined(separator: " ")
        let a = "\(SyntheticText.story(1, 40)) \"\(quote)\" \(SyntheticText.story(2, 40))"
        let b = "\(SyntheticText.story(3, 40)) \"\(quote)\" \(SyntheticText.story(4, 40))"
        let r = aligner.align(normalizer.tokenize(a), normalizer.tokenize(b))
        #expect(r.sharedA == 20 * 0.25)
        #expect(r.totalA == 80 + 20 * 0.25)
    }

    @Test func commonTextWeighsNothing() {
        let t = normalizer.tokenize(SyntheticText.story(1, 30))
        let r = aligner.align(t, t, commonA: [0..<Int32(t.count)], commonB: [0..<Int32(t.count)])
        #expect(r.sharedA == 0)
        #expect(r.totalB == 30)
        #expect(r.fractionA == 0)
        #expect(r.runs.count == 1)
    }

    @Test func aRepeatedPassageCountsOnce() {
        let p = SyntheticText.words(seed: 7, count: 30).joined(separator: " ")
        let a = normalizer.tokenize("\(p) \(SyntheticText.story(1, 30))")
        let b = normalizer.tokenize("\(p) \(p) \(p)")
        let r = aligner.align(a, b)
        #expect(r.sharedA == 30)
        #expect(r.sharedB == 30)
        #expect(r.fractionB == 30.0 / 90.0)
    }

    @Test func passagesCarryCharacterOffsetsInBothTexts() throws {
        let shared = SyntheticText.words(seed: 8, count: 12).joined(separator: " ")
        let textA = "Alpha beta gamma. \(shared) delta"
        let textB = "Something else entirely here, \(shared)!"
        let a = normalizer.tokenize(textA)
        let b = normalizer.tokenize(textB)
        let passages = aligner.passages(aligner.align(a, b), a, b)
        let p = try #require(passages.first)
        #expect(passages.count == 1)
        let scalarsA = Array(textA.unicodeScalars)
        let scalarsB = Array(textB.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalarsA[p.aStart..<p.aEnd])) == shared)
        #expect(String(String.UnicodeScalarView(scalarsB[p.bStart..<p.bEnd])) == shared)
        #expect(p.tokenCount == 12)
        #expect(!p.quoted)
    }
}

/// `PassageAligner.align` against its definition, computed the slow way on random token sequences
/// drawn from small vocabularies, so that windows repeat within and across the texts.
@Suite struct PassageAlignerReferenceTests {
    /// A small deterministic generator (the tests must not depend on the run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// `count` tokens from `vocabulary` words (hashes mixed as the normalizer's are), some quoted.
    static func tokens(_ g: inout Generator, count: Int, vocabulary: Int) -> TokenizedText {
        var t = TokenizedText()
        for k in 0..<count {
            t.append(
                hash: StableHash.mix64(UInt64(g.next(vocabulary)) + 1), start: UInt32(2 * k), end: UInt32(2 * k + 1),
                quoted: g.next(4) == 0)
        }
        return t
    }

    /// Two random texts from a small vocabulary (2 to 40 words, by round), the second with stretches
    /// of the first copied in, some of them twice; every seventh round, one text twice.
    static func pair(_ g: inout Generator, round: Int, length: Int = 70) -> (TokenizedText, TokenizedText) {
        let vocabulary = [2, 3, 6, 40][round % 4]
        var a = Self.tokens(&g, count: g.next(length), vocabulary: vocabulary)
        var b = Self.tokens(&g, count: g.next(length), vocabulary: vocabulary)
        for _ in 0..<g.next(4) where a.count > 0 {
            let from = g.next(a.count)
            let count = min(a.count - from, 1 + g.next(20))
            let copy = Array(a.hashes[from..<from + count])
            let at = g.next(b.count + 1)
            let extra = Self.tokens(&g, count: count, vocabulary: vocabulary)
            b = TokenizedText(
                hashes: Array(b.hashes[..<at]) + copy + b.hashes[at...],
                starts: (0..<b.count + count).map { UInt32(2 * $0) },
                ends: (0..<b.count + count).map { UInt32(2 * $0 + 1) },
                quoted: Array(b.quoted[..<at]) + extra.quoted + b.quoted[at...])
        }
        if round % 7 == 0 { a = b }
        return (a, b)
    }

    /// The maximal ranges where `mask` holds.
    static func ranges(_ mask: [Bool]?) -> ArraySlice<Range<Int32>> {
        var out: ArraySlice<Range<Int32>> = []
        for (k, m) in (mask ?? []).enumerated() where m {
            if let last = out.last, last.upperBound == k {
                out[out.endIndex - 1] = last.lowerBound..<Int32(k + 1)
            } else {
                out.append(Int32(k)..<Int32(k + 1))
            }
        }
        return out
    }

    /// The definition: left to right in b, at each position the longest run of at least `s` equal
    /// tokens starting there and anywhere in a (the earliest such place in a on ties), taken whole.
    /// A token's weight: 0 in common text, unless the runs hold `PassageAligner.minSharedSeams`
    /// seams (with ⌈s/2⌉ tokens of the run on either side) and the first run covering it (runs by
    /// start, the longer first) holds one; else `quoteWeight` when quoted; else 1.
    static func reference(
        _ a: TokenizedText, _ b: TokenizedText, s: Int, quoteWeight: Double, commonA: [Bool]?, commonB: [Bool]?,
        seamsA: [Int] = [], seamsB: [Int] = []
    ) -> (
        runs: [(a: Range<Int>, b: Range<Int>)], sharedA: Double, sharedB: Double, totalA: Double, totalB: Double,
        coveredA: Int, coveredB: Int
    ) {
        let margin = (s + 1) / 2
        /// Per token, whether it weighs whole, common or not: the first run covering it holds a seam.
        func whole(_ count: Int, _ runs: [Range<Int>], _ seams: [Int]) -> [Bool] {
            let holding = runs.map { r in seams.contains { r.lowerBound + margin <= $0 && $0 + margin <= r.upperBound }
            }
            let shared = Set(
                seams.filter { p in runs.contains { $0.lowerBound + margin <= p && p + margin <= $0.upperBound } })
            var out = [Bool](repeating: false, count: count)
            guard shared.count >= PassageAligner.minSharedSeams else { return out }
            var decided = [Bool](repeating: false, count: count)
            let order = runs.indices.sorted {
                (runs[$0].lowerBound, runs[$1].upperBound) < (runs[$1].lowerBound, runs[$0].upperBound)
            }
            for i in order {
                for k in runs[i] where !decided[k] {
                    decided[k] = true
                    out[k] = holding[i]
                }
            }
            return out
        }
        func weight(_ t: TokenizedText, _ k: Int, _ common: [Bool]?, _ whole: [Bool]) -> Double {
            if let common, common[k], !whole[k] { return 0 }
            return t.quoted[k] ? quoteWeight : 1
        }
        var runs: [(a: Range<Int>, b: Range<Int>)] = []
        var j = 0
        while j + s <= b.count {
            var best = 0
            var bestI = -1
            for i in 0..<a.count {
                var l = 0
                while i + l < a.count && j + l < b.count && a.hashes[i + l] == b.hashes[j + l] { l += 1 }
                if l >= s && l > best {
                    best = l
                    bestI = i
                }
            }
            if best > 0 {
                runs.append((bestI..<bestI + best, j..<j + best))
                j += best
            } else {
                j += 1
            }
        }
        var coveredA = Set<Int>()
        var coveredB = Set<Int>()
        for r in runs {
            coveredA.formUnion(r.a)
            coveredB.formUnion(r.b)
        }
        var sharedA = 0.0
        var sharedB = 0.0
        var totalA = 0.0
        var totalB = 0.0
        let wholeA = whole(a.count, runs.map(\.a), seamsA)
        let wholeB = whole(b.count, runs.map(\.b), seamsB)
        for k in 0..<a.count {
            if coveredA.contains(k) { sharedA += weight(a, k, commonA, wholeA) }
            totalA += a.quoted[k] ? quoteWeight : 1
        }
        for k in 0..<b.count {
            if coveredB.contains(k) { sharedB += weight(b, k, commonB, wholeB) }
            totalB += b.quoted[k] ? quoteWeight : 1
        }
        return (runs, min(sharedA, sharedB), min(sharedA, sharedB), totalA, totalB, coveredA.count, coveredB.count)
    }

    /// Quote weights that add up exactly (0.25, summed from counts) and that round (added one by one).
    @Test(arguments: [1, 2, 3, 5, 8])
    func alignmentFollowsTheDefinition(minPassageWords s: Int) {
        var g = Generator(state: UInt64(s))
        for round in 0..<600 {
            let quoteWeight = [0.3, 0.25, 0.1][(round / 4) % 3]
            let aligner = PassageAligner(minPassageWords: s, quoteWeight: quoteWeight)
            let (a, b) = Self.pair(&g, round: round)
            let commonA = round % 3 == 0 ? (0..<a.count).map { _ in g.next(5) == 0 } : nil
            let commonB = round % 5 == 0 ? (0..<b.count).map { _ in g.next(5) == 0 } : nil
            // Seams, sparse or dense, in some rounds (anywhere: `align` does not ask that they lie in common text).
            let seamsA = round % 4 == 1 ? (0..<a.count).filter { _ in g.next(round % 8 == 1 ? 4 : 40) == 0 } : []
            let seamsB = round % 6 == 1 ? (0..<b.count).filter { _ in g.next(round % 12 == 1 ? 4 : 40) == 0 } : []
            let r = aligner.align(
                a, b, commonA: Self.ranges(commonA), commonB: Self.ranges(commonB),
                seamsA: seamsA.map { Int32($0) }[...], seamsB: seamsB.map { Int32($0) }[...])
            let e = Self.reference(
                a, b, s: s, quoteWeight: quoteWeight, commonA: commonA, commonB: commonB, seamsA: seamsA,
                seamsB: seamsB)
            #expect(r.runs.map(\.a) == e.runs.map(\.a), "round \(round)")
            #expect(r.runs.map(\.b) == e.runs.map(\.b), "round \(round)")
            #expect(r.sharedA == e.sharedA && r.sharedB == e.sharedB, "round \(round)")
            #expect(r.totalA == e.totalA && r.totalB == e.totalB, "round \(round)")
            #expect(r.coveredTokensA == e.coveredA && r.coveredTokensB == e.coveredB, "round \(round)")
            #expect(r.tokensA == a.count && r.tokensB == b.count, "round \(round)")
        }
    }

    /// `coverageBound`, from A's seeds alone, is at least the tokens the alignment covers in either
    /// text, and its hits at least the alignment's runs, whatever the texts share (from nothing to
    /// all, with windows repeated within and across them; longer texts over a larger vocabulary
    /// too).
    @Test(arguments: [3, 4, 5, 8, 12])
    func coverageBoundHoldsTheAlignment(minPassageWords s: Int) {
        let aligner = PassageAligner(minPassageWords: s, quoteWeight: 0.25)
        var g = Generator(state: UInt64(100 + s))
        var scratch = PassageAligner.Scratch()
        var failures: [String] = []
        var tight = 0
        var keyCollisions = 0
        for round in 0..<1500 {
            var (a, b) = Self.pair(&g, round: round, length: round % 2 == 0 ? 70 : 300)
            if round % 3 == 1 { swap(&a, &b) }
            let index = aligner.index(b.hashes)
            let r = aligner.align(
                aligner.text(a.hashes, quoted: a.quoted), aligner.text(b.hashes, quoted: b.quoted), indexB: index)
            let seeds = a.hashes.withUnsafeBufferPointer { aligner.seeds($0) }
            let bound = aligner.coverageBound(seeds: seeds, tokens: a.count, indexB: index, scratch: &scratch)
            // The same from the seeds cut to 16-bit keys, looked up in B's windows indexed by key:
            // the keys find more windows, never fewer.
            let keyed = aligner.coverageBound(
                seeds: seeds.map { PassageAligner.keyed(PassageAligner.screenKey($0)) }, tokens: a.count,
                indexB: aligner.keyIndex(b.hashes), scratch: &scratch)
            for (name, bound) in [("hashes", bound), ("keys", keyed)]
            where r.coveredTokensA > bound.tokens || r.coveredTokensB > bound.tokens || r.runs.count > bound.hits {
                failures.append(
                    "round \(round), \(name): covered \(r.coveredTokensA)/\(r.coveredTokensB) runs \(r.runs.count), bound \(bound)"
                )
            }
            if keyed.hits > bound.hits { keyCollisions += 1 }
            if r.coveredTokensB > 0 && bound.tokens < 2 * r.coveredTokensB + 2 * s { tight += 1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // The bound is no trivial one: within about twice the covered tokens in many rounds.
        #expect(tight > 100)
        // Keys that two different windows share happen, so the keyed bound was tried with them.
        #expect(keyCollisions > 0)
    }
}
