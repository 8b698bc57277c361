import WiretraceCore

/// Winnowing (Schleimer, Wilkerson & Aiken, 2003): picks a small set of shingle fingerprints such
/// that any run of `window` consecutive shingles contributes at least one.
///
/// Two documents sharing a passage of at least `k + window - 1` words therefore share a
/// fingerprint: the candidate index finds excerpts and rewrites that keep a few sentences,
/// which whole-document MinHash cannot see.
public enum Winnower {
    /// The winnowed fingerprints of `shingles` (32-bit), sorted and unique: the top 32 bits of
    /// the minimum of every window of `window` consecutive shingles (of all of them when there
    /// are fewer).
    ///
    /// The result is a set of values, so which of two equal minima a window picks does not
    /// matter. Window minima are found with the van Herk / Gil-Werman method: cut the shingles
    /// into blocks of `window`; a window spans the end of one block and the start of the next,
    /// so its minimum is the smaller of a suffix minimum and a prefix minimum. That is three
    /// branch-free minimum operations per shingle, where a monotone deque branches unpredictably
    /// on random hashes.
    /// - Parameters:
    ///   - shingles: Shingle hashes in document order.
    ///   - window: Shingles per window.
    /// - Returns: The fingerprints, ascending, without repeats.
    /// - Complexity: O(s) for s shingles, plus O(f log f) to sort f fingerprints.
    public static func fingerprints(_ shingles: [UInt64], window: Int) -> [UInt32] {
        shingles.withUnsafeBufferPointer { fingerprints($0, window: window) }
    }

    /// `fingerprints(_:window:)` of shingles in borrowed storage.
    public static func fingerprints(_ shingles: UnsafeBufferPointer<UInt64>, window: Int) -> [UInt32] {
        let n = shingles.count
        guard n > 0 else { return [] }
        let w = max(1, min(window, n))
        // suffix[i]: the minimum of shingles[i...] up to the end of i's block. Both buffers are
        // scratch memory, reused from one document to the next.
        return ScratchMemory.withBuffer(of: UInt64.self, capacity: n) { suffix in
            ScratchMemory.withBuffer(of: UInt32.self, capacity: n - w + 1) { picked in
                winnow(shingles, window: w, suffix: suffix, picked: picked)
            }
        }
    }

    /// `fingerprints(_:window:)` with its scratch buffers: `suffix` of `shingles.count` values
    /// and `picked` of one per window; `w` is at most `shingles.count`.
    private static func winnow(
        _ s: UnsafeBufferPointer<UInt64>, window w: Int, suffix: UnsafeMutableBufferPointer<UInt64>,
        picked: UnsafeMutableBufferPointer<UInt32>
    ) -> [UInt32] {
        let n = s.count
        var count = 0
        for start in stride(from: 0, to: n, by: w) {
            var m = UInt64.max
            var i = min(start + w, n) - 1
            while i >= start {
                m = min(m, s[i])
                suffix[i] = m
                i -= 1
            }
        }
        // prefix: the minimum of shingles from the start of e's block up to e.
        var prefix = UInt64.max
        var inBlock = 0
        var last = UInt64.max
        for e in 0..<n {
            if inBlock == w {
                prefix = UInt64.max
                inBlock = 0
            }
            prefix = min(prefix, s[e])
            inBlock += 1
            if e >= w - 1 {
                let v = min(suffix[e - w + 1], prefix)
                // Consecutive windows often share a minimum: it is kept once, written
                // always and counted only when new (no unpredictable branch).
                picked[count] = UInt32(truncatingIfNeeded: v >> 32)
                count += count == 0 || v != last ? 1 : 0
                last = v
            }
        }
        let fingerprints = UnsafeMutableBufferPointer(rebasing: picked[..<count])
        FingerprintSort.sort(fingerprints)
        // Unique in place, then one exact-size copy: the fingerprints stay in memory until
        // clustering, for every document, so they must not keep scratch space.
        var kept = 0
        for f in fingerprints where kept == 0 || fingerprints[kept - 1] != f {
            fingerprints[kept] = f
            kept += 1
        }
        return Array(fingerprints[..<kept])
    }
}
