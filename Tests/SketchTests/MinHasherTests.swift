import CMinHash
import Sketch
import Testing
import WiretraceCore

@Suite struct MinHasherTests {
    @Test(arguments: [0.1, 0.3, 0.5, 0.8])
    func estimatesJaccard(_ target: Double) {
        // Two sets over 2000 elements with a known overlap.
        let n = 2000
        let shared = Int(Double(2 * n) * target / (1 + target))
        let a = (0..<UInt64(n)).map(StableHash.mix64)  // shingles are mixed hashes
        let b = (UInt64(n - shared)..<UInt64(2 * n - shared)).map(StableHash.mix64)
        let exact = Double(shared) / Double(2 * n - shared)
        let h = MinHasher(permutations: 256, seed: 1)
        let estimate = DocumentSketch.estimatedJaccard(h.signature(a), h.signature(b))
        #expect(abs(estimate - exact) < 0.08, "estimate \(estimate) vs exact \(exact)")
    }

    @Test func isDeterministicAndSeeded() {
        let x: [UInt64] = [1, 2, 3]
        #expect(MinHasher(permutations: 16, seed: 1).signature(x) == MinHasher(permutations: 16, seed: 1).signature(x))
        #expect(MinHasher(permutations: 16, seed: 1).signature(x) != MinHasher(permutations: 16, seed: 2).signature(x))
        #expect(MinHasher(permutations: 16, seed: 1).signature([]) == [UInt32](repeating: .max, count: 16))
    }

    /// The definition, one permutation at a time: top 32 bits of min(a·x + b mod 2^64).
    static func definition(_ h: MinHasher, _ xs: [UInt64]) -> [UInt32] {
        (0..<h.a.count).map { i in
            UInt32(truncatingIfNeeded: xs.map { h.a[i] &* $0 &+ h.b[i] }.min().map { $0 >> 32 } ?? UInt64.max >> 32)
        }
    }

    @Test("the C kernel (AVX-512 where the CPU has it, else portable) gives the definition's bits for any length")
    func kernelMatchesDefinition() {
        var state: UInt64 = 42
        for permutations in [16, 20, 64, 100, 128, 200] {
            let h = MinHasher(permutations: permutations, seed: UInt64(permutations))
            for n in [0, 1, 2, 7, 64, 333] {
                let xs: [UInt64] = (0..<n).map { _ in
                    state &+= 0x9E37_79B9_7F4A_7C15
                    return StableHash.mix64(state)
                }
                let expected = Self.definition(h, xs)
                #expect(h.signature(xs) == expected, "p=\(permutations) n=\(n) kernel \(MinHasher.kernel)")
                var portable = [UInt32](repeating: 0, count: permutations)
                wt_minhash_signature_portable(h.a, h.b, permutations, xs, n, &portable)
                #expect(portable == expected, "portable p=\(permutations) n=\(n)")
            }
        }
    }
}
