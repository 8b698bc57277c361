/// Per-token flags packed 64 to a word, token k in bit `k & 63` of word `k >> 6`; the unused bits
/// of the last word are 0.
///
/// How the spill store keeps quotation flags, and how verification reads and sums them: an eighth
/// of the bytes of one `Bool` per token, and a population count instead of a byte sum.
public enum FlagBits {
    /// Words needed for `count` flags.
    @inlinable
    public static func wordCount(_ count: Int) -> Int { (count + 63) >> 6 }

    /// `flags` packed.
    public static func pack(_ flags: UnsafeBufferPointer<Bool>) -> [UInt64] {
        var words = [UInt64](repeating: 0, count: wordCount(flags.count))
        for (k, flag) in flags.enumerated() where flag { words[k >> 6] |= 1 << UInt64(k & 63) }
        return words
    }

    /// `flags` packed.
    public static func pack(_ flags: [Bool]) -> [UInt64] { flags.withUnsafeBufferPointer { pack($0) } }

    /// The first `count` flags of `words`, one `Bool` each.
    public static func unpack(_ words: UnsafeBufferPointer<UInt64>, count: Int) -> [Bool] {
        precondition(words.count >= wordCount(count), "a bit per flag")
        return (0..<count).map { k in words[k >> 6] & (1 << UInt64(k & 63)) != 0 }
    }

    /// Whether flag `k` is set.
    @inlinable
    public static func isSet(_ words: UnsafeBufferPointer<UInt64>, _ k: Int) -> Bool {
        words[k >> 6] & (1 << UInt64(k & 63)) != 0
    }

    /// How many of flags `range` are set.
    /// - Complexity: O(range.count / 64).
    @inlinable
    public static func count(_ words: UnsafeBufferPointer<UInt64>, _ range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        let first = range.lowerBound >> 6
        let last = (range.upperBound - 1) >> 6
        // Bits from lowerBound on in the first word, below upperBound in the last.
        let low: UInt64 = ~0 << UInt64(range.lowerBound & 63)
        let high: UInt64 = ~0 >> UInt64(63 - ((range.upperBound - 1) & 63))
        if first == last { return (words[first] & low & high).nonzeroBitCount }
        var n = (words[first] & low).nonzeroBitCount + (words[last] & high).nonzeroBitCount
        var w = first + 1
        while w < last {
            n &+= words[w].nonzeroBitCount
            w += 1
        }
        return n
    }
}
