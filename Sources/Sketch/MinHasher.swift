import CMinHash
import WiretraceCore

/// MinHash over 64-bit shingle hashes with a family of multiply-add permutations.
///
/// Permutation `i` maps `x` to the top 32 bits of `a[i]·x + b[i] (mod 2^64)`; the signature keeps
/// each permutation's minimum. Two signatures agree in a position with probability equal to
/// the Jaccard similarity of the shingle sets.
public struct MinHasher: Sendable {
    public let a: [UInt64]
    public let b: [UInt64]

    /// - Parameters:
    ///   - permutations: Signature length.
    ///   - seed: Selects the permutation family.
    public init(permutations: Int, seed: UInt64) {
        var a: [UInt64] = []
        var b: [UInt64] = []
        for i in 0..<UInt64(permutations) {
            a.append(StableHash.mix64(seed &* 0x1_0000_0001 &+ 2 &* i &+ 1) | 1)
            b.append(StableHash.mix64(seed &* 0x1_0000_0001 &+ 2 &* i &+ 2))
        }
        self.a = a
        self.b = b
    }

    /// The signature of a shingle set; all `UInt32.max` for an empty set.
    ///
    /// This is the hottest loop of the streaming stages, so it runs in C (`CMinHash`): on a CPU
    /// with AVX-512 it computes 8 permutations per instruction (64-bit multiply, add, unsigned
    /// min), 64 permutations per pass over the shingles; elsewhere it walks the shingles once per
    /// group of four permutations, keeping four independent multiply-add-min chains in registers.
    /// The minimum is taken over the full 64-bit value and shifted at the end: `>> 32` is
    /// monotone, so the top 32 bits of the minimum are the minimum of the top 32 bits, and the
    /// signature is bit-for-bit the one of the definition above, on every path.
    /// - Complexity: O(s·p) for s shingles and p permutations.
    public func signature(_ shingles: [UInt64]) -> [UInt32] {
        shingles.withUnsafeBufferPointer { signature($0) }
    }

    /// `signature(_:)` of shingles in borrowed storage.
    public func signature(_ shingles: UnsafeBufferPointer<UInt64>) -> [UInt32] {
        let p = a.count
        return [UInt32](unsafeUninitializedCapacity: p) { sig, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    wt_minhash_signature(
                        a.baseAddress, b.baseAddress, p, shingles.baseAddress, shingles.count, sig.baseAddress)
                }
            }
            initialized = p
        }
    }

    /// Which signature path this CPU takes: `"avx512"` or `"portable"`.
    public static var kernel: String { wt_minhash_kernel() == 2 ? "avx512" : "portable" }
}
