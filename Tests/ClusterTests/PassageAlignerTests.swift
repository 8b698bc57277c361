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
        let mask = [Bool](repeating: true, count: t.count)
        let r = aligner.align(t, t, commonA: mask, commonB: mask)
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
