import WiretraceCore

/// Word n-gram shingles over token hashes.
public enum Shingler {
    /// The hashes of all overlapping `k`-token shingles, in order. A document shorter than `k`
    /// tokens gives one shingle of all its tokens; an empty one gives none.
    /// - Parameters:
    ///   - tokens: Normalized token hashes.
    ///   - k: Tokens per shingle.
    ///   - out: Replaced by the `max(tokens.count - k + 1, min(tokens.count, 1))` shingle hashes
    ///     (a new array: its former storage is not reused).
    /// - Complexity: O(n·k).
    public static func shingles(_ tokens: [UInt64], k: Int, into out: inout [UInt64]) {
        let count = self.count(tokens: tokens.count, k: k)
        // Written straight into the storage rather than appended one by one (no per-element
        // capacity and uniqueness checks).
        out = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            tokens.withUnsafeBufferPointer { shingles($0, k: k, into: buffer) }
            initialized = count
        }
    }

    /// The number of shingles of `n` tokens: `max(n - k + 1, min(n, 1))`.
    public static func count(tokens n: Int, k: Int) -> Int {
        n == 0 ? 0 : n - min(k, n) + 1
    }

    /// The shingles of the token hashes `t` (as `shingles(_:k:into:)` gives them) written to the
    /// start of `buffer`, which has room for `count(tokens: t.count, k: k)`.
    /// - Complexity: O(n·k).
    public static func shingles(
        _ t: UnsafeBufferPointer<UInt64>, k: Int, into buffer: UnsafeMutableBufferPointer<UInt64>
    ) {
        let n = t.count
        guard n > 0 else { return }
        let width = min(k, n)
        let count = n - width + 1
        precondition(buffer.count >= count, "no room for the shingles")
        let m: UInt64 = 0x9e37_79b9_7f4a_7c15
        if width == 5 {
            // The configured size, unrolled: the same arithmetic as the loop below.
            for i in 0..<count {
                var g = (t[i] &* m) ^ t[i &+ 1]
                g = (g &* m) ^ t[i &+ 2]
                g = (g &* m) ^ t[i &+ 3]
                g = (g &* m) ^ t[i &+ 4]
                buffer[i] = StableHash.mix64(g)
            }
            return
        }
        for i in 0..<count {
            var g: UInt64 = t[i]
            for j in 1..<width {
                g = (g &* m) ^ t[i + j]
            }
            buffer[i] = StableHash.mix64(g)
        }
    }
}
