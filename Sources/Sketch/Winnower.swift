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
        var deque = [Int](repeating: 0, count: n)
        var head = 0
        var tail = 0
        var lastPicked = -1
        for i in 0..<n {
            // Rightmost minimum on ties: drop elements >= the new one.
            while tail > head && shingles[deque[tail - 1]] >= shingles[i] { tail -= 1 }
            deque[tail] = i
            tail += 1
            if deque[head] <= i - w { head += 1 }
            if i >= w - 1 {
                let m = deque[head]
                if m != lastPicked {
                    out.append(UInt32(truncatingIfNeeded: shingles[m] >> 32))
                    lastPicked = m
                }
            }
        }
        out.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(out.count)
        for f in out where unique.last != f { unique.append(f) }
        return unique
    }
}
