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

/// The monotone-deque winnower the block method replaced, kept as the reference it must equal.
private func dequeFingerprints(_ shingles: [UInt64], window: Int) -> [UInt32] {
    let n = shingles.count
    guard n > 0 else { return [] }
    let w = min(window, n)
    var out: [UInt32] = []
    var deque: [(index: Int, value: UInt64)] = []
    var head = 0
    var lastPicked = -1
    for i in 0..<n {
        let v = shingles[i]
        while deque.count > head && deque[deque.count - 1].value >= v { deque.removeLast() }
        deque.append((i, v))
        if deque[head].index <= i - w { head += 1 }
        if i >= w - 1 && deque[head].index != lastPicked {
            out.append(UInt32(truncatingIfNeeded: deque[head].value >> 32))
            lastPicked = deque[head].index
        }
    }
    return Array(Set(out)).sorted()
}

@Suite struct WinnowerReferenceTests {
    /// Random shingles, with values drawn from a small range too (many ties), for every window
    /// from 1 to past the length, equal the deque winnower's fingerprints.
    @Test(arguments: [1, 2, 5, 6, 7, 13, 64])
    func matchesTheDequeWinnower(_ window: Int) {
        var rng = WinnowerTests.LCG(state: UInt64(window) &* 977)
        for length in [0, 1, 2, 3, 5, 6, 7, 11, 12, 13, 40, 97, 300] {
            for range: UInt64 in [4, 50, UInt64.max] {
                let shingles = (0..<length).map { _ in
                    let r = rng.next()
                    return range == UInt64.max ? r &* 0x9e37_79b9_7f4a_7c15 : (r % range) << 32 | (r & 3)
                }
                #expect(
                    Winnower.fingerprints(shingles, window: window) == dequeFingerprints(shingles, window: window),
                    "length \(length), range \(range)")
            }
        }
    }
}
