/// Winnowing (Schleimer, Wilkerson & Aiken, 2003): picks a small set of shingle fingerprints such
/// that any run of `window` consecutive shingles contributes at least one.
///
/// Two documents sharing a passage of at least `k + window - 1` words therefore share a
/// fingerprint: the candidate index finds excerpts and rewrites that keep a few sentences,
/// which whole-document MinHash cannot see.
public enum Winnower {
    /// The winnowed fingerprints of `shingles` (32-bit), sorted and unique.
    /// - Parameters:
    ///   - shingles: Shingle hashes in document order.
    ///   - window: Shingles per window.
    /// - Complexity: O(s) with a monotone deque, plus O(f log f) to sort f fingerprints.
    public static func fingerprints(_ shingles: [UInt64], window: Int) -> [UInt32] {
        let n = shingles.count
        guard n > 0 else { return [] }
        let w = min(window, n)
        var out: [UInt32] = []
        out.reserveCapacity(2 * n / (w + 1) + 1)
        // Monotone deque of indices whose values increase; the front is the window's minimum.
        // The deque keeps each index's value beside it (no second indirection into `shingles`),
        // in scratch storage freed on return — this loop runs once per shingle of every document.
        let deque = UnsafeMutableBufferPointer<(index: Int, value: UInt64)>.allocate(capacity: n)
        defer { deque.deallocate() }
        shingles.withUnsafeBufferPointer { s in
            var head = 0
            var tail = 0
            var lastPicked = -1
            for i in 0..<n {
                let v = s[i]
                // Rightmost minimum on ties: drop elements >= the new one.
                while tail > head && deque[tail - 1].value >= v { tail -= 1 }
                deque[tail] = (i, v)
                tail += 1
                if deque[head].index <= i - w { head += 1 }
                if i >= w - 1 {
                    let m = deque[head]
                    if m.index != lastPicked {
                        out.append(UInt32(truncatingIfNeeded: m.value >> 32))
                        lastPicked = m.index
                    }
                }
            }
        }
        out.sort()
        // Unique in place, then one exact-size copy: the fingerprints stay in memory until
        // clustering, for every document, so they must not keep the working array's slack.
        var kept = 0
        for f in out where kept == 0 || out[kept - 1] != f {
            out[kept] = f
            kept += 1
        }
        return Array(out[..<kept])
    }
}
