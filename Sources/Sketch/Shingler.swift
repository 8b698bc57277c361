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
        let n = tokens.count
        guard n > 0 else {
            out.removeAll(keepingCapacity: true)
            return
        }
        let width = min(k, n)
        let count = n - width + 1
        let m: UInt64 = 0x9e37_79b9_7f4a_7c15
        // Written straight into the storage rather than appended one by one (no per-element
        // capacity and uniqueness checks).
        out = [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
            tokens.withUnsafeBufferPointer { t in
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
            initialized = count
        }
    }
}
