import Testing
import WiretraceCore

@testable import Cluster

@Suite("VerificationScreens")
struct VerificationScreensTests {
    /// A profile with `seeds` seeds and `lede` lede words (sorted and distinct, as
    /// `LedeAgreement.contentWords` gives them), from a seed.
    static func profile(_ seed: UInt64, seeds: Int, lede: Int) -> VerificationProfile {
        var p = VerificationProfile()
        p.tokenCount = 5 * seeds + 7
        p.totalWeight = Double(p.tokenCount) - 0.75
        p.seeds = (0..<seeds).map { StableHash.mix64(seed &* 1000 &+ UInt64($0)) }
        p.lede = Array(Set((0..<lede).map { StableHash.mix64(seed &* 5000 &+ UInt64($0)) })).sorted()
        return p
    }

    @Test("each document reads back its token count, weight, seed keys in order and lede keys sorted")
    func recordsReadBack() {
        let profiles = (0..<50).map { Self.profile(UInt64($0), seeds: $0 % 7 == 0 ? 0 : 3 * $0, lede: $0 % 40) }
        var screens = VerificationScreens()
        for p in profiles { screens.append(p) }
        screens.trim()
        #expect(screens.count == profiles.count)
        for (d, p) in profiles.enumerated() {
            screens.withRecord(d) { tokens, weight, seeds, lede in
                #expect(tokens == p.tokenCount)
                #expect(weight == p.totalWeight)
                #expect(Array(seeds) == p.seeds.map(PassageAligner.screenKey))
                #expect(Array(lede) == p.lede.map(PassageAligner.screenKey).sorted())
            }
        }
    }

    @Test("a lede's keys are sorted, each once")
    func ledeKeysAreSortedAndDistinct() {
        let words: [UInt64] = [0xabcd_0000_0000_0001, 0x0001_0000_0000_0000, 0xabcd_ffff_0000_0000, 5]
        #expect(VerificationScreens.ledeKeys(words) == [0, 1, 0xabcd])
        #expect(VerificationScreens.ledeKeys([]) == [])
    }

    /// The bound is at least `LedeAgreement.agreement` for ledes that share words, and words that
    /// differ but share a key (the top 16 bits), and never above 1.
    @Test("the agreement bound from keys holds the agreement, keys shared by different words included")
    func agreementBoundHoldsTheAgreement() {
        let agreement = LedeAgreement(ledeWords: 60)
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var failures: [String] = []
        var looser = 0
        for round in 0..<2000 {
            // Words from a small set of keys, so that different words often share one.
            func word() -> UInt64 { UInt64(next(24)) << 48 | UInt64(next(6)) }
            let a = Array(Set((0..<next(30)).map { _ in word() })).sorted()
            let b = Array(Set((0..<next(30)).map { _ in word() })).sorted()
            var p = VerificationProfile()
            p.lede = a
            var screens = VerificationScreens()
            screens.append(p)
            let exact = agreement.agreement(a, b)
            let bound = screens.withRecord(0) { _, _, _, lede in
                VerificationScreens.agreementBound(lede, VerificationScreens.ledeKeys(b), wordsB: b.count)
            }
            if bound < exact || bound > 1 { failures.append("round \(round): exact \(exact), bound \(bound)") }
            if bound > exact { looser += 1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // Shared keys of different words were met, and the bound did not simply equal the agreement.
        #expect(looser > 100)
    }
}
