import Testing
@testable import Sketch
import WiretraceCore

/// The optimized signature loop must give the signature of the definition, bit for bit.
@Suite struct MinHasherTests {
    /// The definition: each permutation's minimum of the top 32 bits of `a·x + b`.
    static func reference(_ h: MinHasher, _ shingles: [UInt64]) -> [UInt32] {
        var sig = [UInt32](repeating: .max, count: h.a.count)
        for x in shingles {
            for i in 0..<h.a.count { sig[i] = min(sig[i], UInt32(truncatingIfNeeded: (h.a[i] &* x &+ h.b[i]) >> 32)) }
        }
        return sig
    }

    @Test(arguments: [(128, 0), (128, 1), (128, 7), (128, 300), (16, 5), (130, 41), (1024, 33), (17, 1)])
    func matchesDefinition(permutations: Int, shingleCount: Int) {
        let h = MinHasher(permutations: permutations, seed: 1)
        var shingles: [UInt64] = []
        var x: UInt64 = 0x1234_5678
        for _ in 0..<shingleCount {
            x = StableHash.mix64(x &+ 1)
            shingles.append(x)
        }
        #expect(h.signature(shingles) == Self.reference(h, shingles))
    }

    @Test func emptySetIsAllMax() {
        let h = MinHasher(permutations: 128, seed: 1)
        #expect(h.signature([]) == [UInt32](repeating: .max, count: 128))
    }

    @Test func extremeValues() {
        let h = MinHasher(permutations: 64, seed: 9)
        let shingles: [UInt64] = [0, .max, 1, 1 << 63, 0xFFFF_FFFF, 0x1_0000_0000]
        #expect(h.signature(shingles) == Self.reference(h, shingles))
    }
}
