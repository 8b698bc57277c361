import WiretraceCore

/// The tokenizer's ASCII fast path: finding where a run of ASCII letters and digits ends eight
/// bytes at a time, and hashing such tokens four at a time.
///
/// A token's FNV-1a hash is a chain of one multiply per byte, each waiting for the last, and the
/// byte-by-byte loop that finds the token's end mispredicts where the token ends. So the
/// tokenizer finds the end with word-wide arithmetic (one well-predicted branch per eight bytes),
/// keeps the token pending, and hashes four pending tokens side by side: four independent chains
/// in one loop, which the processor overlaps. The hashes are the ones `StableHash.hash` gives.
enum ASCIIWords {
    /// The high bit of each byte of `x` (eight bytes, first byte lowest) that is an ASCII letter or digit.
    @inline(__always)
    static func wordBytes(_ x: UInt64) -> UInt64 {
        // Bytes strictly between m and n, for bytes below 0x80 (Bit Twiddling Hacks, "hasbetween"):
        // (ones·(127+n) − x₇) keeps the high bit where the byte is below n, (x₇ + ones·(127−m))
        // where it is above m; neither borrows nor carries across bytes. `& ~x` drops bytes ≥ 0x80.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low = x & (ones &* 0x7F)
        let digits = (ones &* (127 + 0x3A) &- low) & ~x & (low &+ ones &* (127 - 0x2F))
        let y = x | (ones &* 0x20)  // ASCII capitals to small letters
        let lowY = y & (ones &* 0x7F)
        let letters = (ones &* (127 + 0x7B) &- lowY) & ~y & (lowY &+ ones &* (127 - 0x60))
        return (digits | letters) & (ones &* 0x80)
    }

    /// The end of the run of ASCII letters and digits in `bytes` that starts at `i`: the first
    /// index from `i` on holding another byte, or `bytes.count`.
    /// - Complexity: O(r) in the length r of the run, eight bytes per step.
    @inline(__always)
    static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard let base = bytes.baseAddress else { return i }
        let n = bytes.count
        var j = i
        while j + 8 <= n {
            let x = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
            let other = ~wordBytes(x) & 0x8080_8080_8080_8080
            if other != 0 { return j + other.trailingZeroBitCount >> 3 }
            j += 8
        }
        while j < n && Normalizer.isASCIIWordByte(base[j]) { j += 1 }
        return j
    }

    /// ASCII tokens written to a sink without their hashes, up to four, hashed together by `flush`.
    struct Pending {
        /// Each token's index in the sink, first byte and length in bytes: plain fields, not
        /// vectors, so that they stay in registers.
        private var slot0 = 0, slot1 = 0, slot2 = 0, slot3 = 0
        private var start0 = 0, start1 = 0, start2 = 0, start3 = 0
        private var length0 = 0, length1 = 0, length2 = 0, length3 = 0
        private var count = 0

        /// Adds the token at sink index `slot`, bytes `start..<start + length`; hashes the four
        /// pending tokens into the sink when this makes four.
        @inline(__always)
        mutating func add(
            slot: Int, start: Int, length: Int, _ bytes: UnsafeBufferPointer<UInt8>,
            fold: UnsafeBufferPointer<UInt8>, _ sink: inout TokenizedText.Sink
        ) {
            switch count {
            case 0: (slot0, start0, length0) = (slot, start, length)
            case 1: (slot1, start1, length1) = (slot, start, length)
            case 2: (slot2, start2, length2) = (slot, start, length)
            default: (slot3, start3, length3) = (slot, start, length)
            }
            count += 1
            if count == 4 { flush(bytes, fold: fold, &sink) }
        }

        /// Hashes the pending tokens into the sink; `fold` maps each ASCII word byte to the byte
        /// hashed (lowercased when folding case).
        mutating func flush(
            _ bytes: UnsafeBufferPointer<UInt8>, fold: UnsafeBufferPointer<UInt8>, _ sink: inout TokenizedText.Sink
        ) {
            guard count > 0, let base = bytes.baseAddress, let f = fold.baseAddress else { return }
            let longest = max(max(length0, length1), max(length2, length3))
            if count == 4, max(max(start0, start1), max(start2, start3)) + longest <= bytes.count {
                // Each chain reads up to the longest token's length past its start (within the
                // text, checked above) and keeps its value past its own length.
                let (s0, s1, s2, s3) = (base + start0, base + start1, base + start2, base + start3)
                let (l0, l1, l2, l3) = (length0, length1, length2, length3)
                let p = StableHash.fnvPrime
                var (h0, h1, h2, h3) = (
                    StableHash.fnvOffset, StableHash.fnvOffset, StableHash.fnvOffset, StableHash.fnvOffset
                )
                var k = 0
                while k < longest {
                    let n0 = (h0 ^ UInt64(f[Int(s0[k])])) &* p
                    let n1 = (h1 ^ UInt64(f[Int(s1[k])])) &* p
                    let n2 = (h2 ^ UInt64(f[Int(s2[k])])) &* p
                    let n3 = (h3 ^ UInt64(f[Int(s3[k])])) &* p
                    h0 = k < l0 ? n0 : h0
                    h1 = k < l1 ? n1 : h1
                    h2 = k < l2 ? n2 : h2
                    h3 = k < l3 ? n3 : h3
                    k &+= 1
                }
                sink.setHash(StableHash.mix64(h0), at: slot0)
                sink.setHash(StableHash.mix64(h1), at: slot1)
                sink.setHash(StableHash.mix64(h2), at: slot2)
                sink.setHash(StableHash.mix64(h3), at: slot3)
            } else {
                // Fewer than four (the text's last tokens), or near the text's end: one at a time.
                func hash(_ start: Int, _ length: Int) -> UInt64 {
                    var h = StableHash.fnvOffset
                    for k in start..<start + length { h = (h ^ UInt64(f[Int(base[k])])) &* StableHash.fnvPrime }
                    return StableHash.mix64(h)
                }
                sink.setHash(hash(start0, length0), at: slot0)
                if count > 1 { sink.setHash(hash(start1, length1), at: slot1) }
                if count > 2 { sink.setHash(hash(start2, length2), at: slot2) }
                if count > 3 { sink.setHash(hash(start3, length3), at: slot3) }
            }
            count = 0
        }
    }
}
