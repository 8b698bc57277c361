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
        let estimate = MinHasher.estimatedJaccard(h.signature(a), h.signature(b))
        #expect(abs(estimate - exact) < 0.08, "estimate \(estimate) vs exact \(exact)")
    }

    @Test func isDeterministicAndSeeded() {
        let x: [UInt64] = [1, 2, 3]
        #expect(MinHasher(permutations: 16, seed: 1).signature(x) == MinHasher(permutations: 16, seed: 1).signature(x))
        #expect(MinHasher(permutations: 16, seed: 1).signature(x) != MinHasher(permutations: 16, seed: 2).signature(x))
        #expect(MinHasher(permutations: 16, seed: 1).signature([]) == [UInt32](repeating: .max, count: 16))
    }
}
