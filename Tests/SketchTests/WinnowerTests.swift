import Testing
@testable import Sketch
import WiretraceCore

/// The deque-based winnowing must pick what the definition picks: in every window of `w`
/// consecutive shingles, the rightmost minimum, each position once; sorted and unique.
@Suite struct WinnowerTests {
    static func reference(_ s: [UInt64], _ window: Int) -> [UInt32] {
        guard !s.isEmpty else { return [] }
        let w = min(window, s.count)
        var picked: [Int] = []
        for start in 0...(s.count - w) {
            var m = start
            for i in start..<(start + w) where s[i] <= s[m] { m = i }
            if picked.last != m { picked.append(m) }
        }
        return Array(Set(picked.map { UInt32(truncatingIfNeeded: s[$0] >> 32) })).sorted()
    }

    static func shingles(_ n: Int, seed: UInt64, distinct: UInt64) -> [UInt64] {
        var x = seed
        return (0..<n).map { _ in
            x = StableHash.mix64(x &+ 1)
            return (x % distinct) << 32 | (x & 0xFFFF)
        }
    }

    @Test(arguments: [(0, 6), (1, 6), (5, 6), (6, 6), (7, 6), (300, 6), (300, 1), (300, 64), (1000, 6)])
    func matchesDefinition(n: Int, window: Int) {
        for distinct: UInt64 in [3, 50, 1 << 30] {
            let s = Self.shingles(n, seed: UInt64(n * 31 + window), distinct: distinct)
            #expect(Winnower.fingerprints(s, window: window) == Self.reference(s, window))
        }
    }
}

@Suite struct ShinglerTests {
    @Test(arguments: [0, 1, 4, 5, 6, 100])
    func matchesDefinition(n: Int) {
        let tokens = (0..<n).map { StableHash.mix64(UInt64($0)) }
        var out: [UInt64] = [1, 2, 3]
        Shingler.shingles(tokens, k: 5, into: &out)
        var expected: [UInt64] = []
        if n > 0 {
            let width = min(5, n)
            for i in 0...(n - width) {
                var g = tokens[i]
                for j in 1..<width { g = (g &* 0x9e37_79b9_7f4a_7c15) ^ tokens[i + j] }
                expected.append(StableHash.mix64(g))
            }
        }
        #expect(out == expected)
    }
}
