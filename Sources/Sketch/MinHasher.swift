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
    /// Loop order matters here: this is the hottest loop of the streaming stages. Instead of
    /// updating all p minima for each shingle (a load and a store of `sig[i]` per step, and one
    /// long chain per minimum), it walks the shingles once per group of four permutations and
    /// keeps the four running minima in registers: four independent multiply-add-min chains keep
    /// the multiplier busy (about 2.3× faster than the naive order, measured on the bench corpus).
    /// The minimum is taken over the full 64-bit value and shifted at the end: `>> 32` is
    /// monotone, so the top 32 bits of the minimum are the minimum of the top 32 bits, and the
    /// signature is bit-for-bit the one of the definition above.
    /// - Complexity: O(s·p) for s shingles and p permutations.
    public func signature(_ shingles: [UInt64]) -> [UInt32] {
        let p = a.count
        return [UInt32](unsafeUninitializedCapacity: p) { sig, initialized in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    shingles.withUnsafeBufferPointer { xs in
                        var i = 0
                        while i + 4 <= p {
                            let (a0, a1, a2, a3) = (a[i], a[i + 1], a[i + 2], a[i + 3])
                            let (b0, b1, b2, b3) = (b[i], b[i + 1], b[i + 2], b[i + 3])
                            var (m0, m1, m2, m3) = (UInt64.max, UInt64.max, UInt64.max, UInt64.max)
                            for x in xs {
                                m0 = min(m0, a0 &* x &+ b0)
                                m1 = min(m1, a1 &* x &+ b1)
                                m2 = min(m2, a2 &* x &+ b2)
                                m3 = min(m3, a3 &* x &+ b3)
                            }
                            sig[i] = Self.top32(m0)
                            sig[i + 1] = Self.top32(m1)
                            sig[i + 2] = Self.top32(m2)
                            sig[i + 3] = Self.top32(m3)
                            i += 4
                        }
                        while i < p {
                            var m = UInt64.max
                            for x in xs { m = min(m, a[i] &* x &+ b[i]) }
                            sig[i] = Self.top32(m)
                            i += 1
                        }
                    }
                }
            }
            initialized = p
        }
    }

    /// The top 32 bits of a minimum: `UInt32.max` for an empty set, since `UInt64.max >> 32` is.
    @inline(__always)
    private static func top32(_ m: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: m >> 32)
    }

    /// The fraction of positions where two signatures agree: an estimate of Jaccard similarity.
    /// - Complexity: O(p).
    public static func estimatedJaccard(_ x: [UInt32], _ y: [UInt32]) -> Double {
        precondition(x.count == y.count, "signatures of different lengths")
        guard !x.isEmpty else { return 0 }
        var same = 0
        for i in 0..<x.count where x[i] == y[i] { same += 1 }
        return Double(same) / Double(x.count)
    }
}
