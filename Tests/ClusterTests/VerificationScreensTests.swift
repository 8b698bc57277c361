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

    @Test("each document reads back its token count, weight, seed keys in order and lede keys sorted, across parts")
    func recordsReadBack() {
        let size = VerificationScreens.partSize
        let profiles = (0..<(2 * size + 50)).map {
            Self.profile(UInt64($0), seeds: $0 % 7 == 0 ? 0 : $0 % 90, lede: $0 % 40)
        }
        let parts = stride(from: 0, to: profiles.count, by: size).map { start in
            var part = VerificationScreens.Part()
            for p in profiles[start..<min(profiles.count, start + size)] { part.append(p) }
            part.trim()
            return part
        }
        #expect(parts.map(\.count) == [size, size, 50])
        let screens = VerificationScreens(parts: parts)
        var wrong = 0
        for (d, p) in profiles.enumerated() {
            screens.withRecord(d) { tokens, weight, seeds, lede in
                if tokens != p.tokenCount || weight != p.totalWeight
                    || Array(seeds) != p.seeds.map(PassageAligner.screenKey)
                    || Array(lede) != p.lede.map(PassageAligner.screenKey).sorted()
                {
                    wrong += 1
                }
            }
        }
        #expect(wrong == 0)
        #expect(VerificationScreens().isEmpty && !screens.isEmpty)
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
            var part = VerificationScreens.Part()
            for lede in [a, b] {
                var p = VerificationProfile()
                p.lede = lede
                part.append(p)
            }
            let exact = agreement.agreement(a, b)
            let bound = part.withRecord(0) { _, _, _, ledeA in
                part.withRecord(1) { _, _, _, ledeB in VerificationScreens.agreementBound(ledeA, ledeB) }
            }
            if bound < exact || bound > 1 { failures.append("round \(round): exact \(exact), bound \(bound)") }
            if bound > exact { looser += 1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // Shared keys of different words were met, and the bound did not simply equal the agreement.
        #expect(looser > 100)
    }
}
