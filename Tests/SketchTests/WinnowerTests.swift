import Sketch
import Testing

@Suite struct WinnowerTests {
    /// A deterministic pseudo-random generator for test data.
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
    }

    @Test(arguments: [1, 4, 6, 10])
    func guaranteesACommonFingerprintForLongSharedPassages(_ window: Int) {
        var rng = LCG(state: UInt64(window))
        for _ in 0..<50 {
            let passage = (0..<(window + 20)).map { _ in rng.next() }
            let a = (0..<Int(rng.next() % 100)).map { _ in rng.next() } + passage + (0..<30).map { _ in rng.next() }
            let b = (0..<Int(rng.next() % 100)).map { _ in rng.next() } + passage
            let fa = Set(Winnower.fingerprints(a, window: window))
            let fb = Set(Winnower.fingerprints(b, window: window))
            #expect(!fa.isDisjoint(with: fb))
        }
    }

    @Test func samplesAboutTwoInWPlusOne() {
        var rng = LCG(state: 7)
        let shingles = (0..<10_000).map { _ in rng.next() }
        let count = Winnower.fingerprints(shingles, window: 6).count
        let expected = 2.0 / 7.0 * 10_000
        #expect(abs(Double(count) - expected) < expected * 0.1)
    }

    @Test func handlesShortInputs() {
        #expect(Winnower.fingerprints([], window: 6).isEmpty)
        #expect(Winnower.fingerprints([42 << 32], window: 6) == [42])
    }
}
