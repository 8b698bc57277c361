import WiretraceCore

/// Finds the passages two documents share and weighs them: the verification measure.
///
/// Shared passages are maximal runs of identical normalized words, at least `minPassageWords`
/// long, found greedily left to right in the second text (B): at each position of B, the longest
/// run starting there and anywhere in the first text (A), the earliest place in A on ties, is
/// taken whole. Runs are found through *windows*, runs of `minPassageWords` words: B's windows are
/// indexed by hash once (`Index`; a document is aligned with its candidates in a row), and A's are
/// hashed as they are looked up in it, so a pair builds no index and a pair sharing no window costs
/// one pass over A.
/// Each word carries a weight: 1 for narrative text, `quoteWeight` inside quotation marks, and 0
/// for common text (boilerplate and stock quotes learned from the corpus) when shared; a text's
/// total weight counts its common text as ordinary text.
public struct PassageAligner: Sendable {
    public var minPassageWords: Int
    public var quoteWeight: Double

    public init(minPassageWords: Int, quoteWeight: Double) {
        self.minPassageWords = minPassageWords
        self.quoteWeight = quoteWeight
    }

    /// A text as `align` takes it: its tokens' hashes and quotation flags (not their places in the
    /// text), where its common text lies, and its total weight.
    public struct Text: Sendable {
        /// Per token, its hash (`TokenizedText.hashes`) and whether it stands inside quotation marks
        /// (`FlagBits` words).
        public fileprivate(set) var hashes: [UInt64]
        public fileprivate(set) var quoted: [UInt64]
        /// Where common text lies (weight 0 when shared): token ranges in increasing order, disjoint.
        public fileprivate(set) var common: ArraySlice<Range<Int32>>
        /// The sum of all tokens' weights, common text counted as ordinary text (summed in token order).
        public fileprivate(set) var totalWeight: Double
    }

    /// A text's windows — its runs of `minPassageWords` words — by hash, for aligning other texts
    /// with it: keep it for a text aligned with many others.
    ///
    /// An open-addressing table of the distinct window hashes (the hashes are well mixed, so their
    /// top bits address it; 0 marks an empty slot, and no hash is 0), and per window the slot of
    /// its hash. Much cheaper than a Dictionary, which would rehash every key with SipHash;
    /// verification runs millions of times on large dumps. In front of it, a bit per value of the
    /// hashes' top `bits + 3` bits: most windows of another text are found missing there, without
    /// a probe (and without a mispredicted branch).
    public struct Index: Sendable {
        /// The table has 2^bits slots.
        let bits: Int
        /// Per slot, a window hash, or 0.
        let keys: [UInt64]
        /// Per window (by its first token), the slot of its hash.
        let slots: [Int32]
        /// 2^(bits + 3) bits: whether a window hash has those top bits.
        let filter: [UInt64]
    }

    /// The result of aligning two token sequences.
    public struct Alignment: Sendable {
        /// Shared runs as token ranges in A and B, in B's order.
        public var runs: [(a: Range<Int>, b: Range<Int>)] = []
        /// Weighted words of A (B) covered by shared runs, and in all.
        public var sharedA = 0.0
        public var totalA = 0.0
        public var sharedB = 0.0
        public var totalB = 0.0
        /// Tokens of A (B) covered by shared runs, and in all.
        public var coveredTokensA = 0
        public var tokensA = 0
        public var coveredTokensB = 0
        public var tokensB = 0

        /// Weighted share of A found in B.
        public var fractionA: Double { totalA > 0 ? sharedA / totalA : 0 }
        /// Weighted share of B found in A.
        public var fractionB: Double { totalB > 0 ? sharedB / totalB : 0 }
        /// The larger of the two shares: how much of the smaller text comes from the other.
        public var containment: Double { max(fractionA, fractionB) }
        /// Symmetric similarity: shared weight over total weight of both.
        public var similarity: Double { totalA + totalB > 0 ? (sharedA + sharedB) / (totalA + totalB) : 0 }
    }

    /// Prepares a text for `align`.
    /// - Parameters:
    ///   - hashes: Per token, its hash.
    ///   - quoted: Per token, whether it stands inside quotation marks.
    ///   - common: Where common text lies (weight 0 when shared): token ranges in increasing order,
    ///     disjoint.
    /// - Returns: The text with its total weight.
    /// - Complexity: O(n).
    public func text(_ hashes: [UInt64], quoted: [Bool], common: ArraySlice<Range<Int32>> = []) -> Text {
        precondition(hashes.count == quoted.count, "a hash and a flag per token")
        let flags = FlagBits.pack(quoted)
        return Text(hashes: hashes, quoted: flags, common: common, totalWeight: totalWeight(flags, hashes.count))
    }

    /// Prepares another text for `align` in `text`'s place, reusing the storage of its arrays (a
    /// caller verifying millions of pairs keeps a few texts and refills them).
    /// - Parameters:
    ///   - text: The text to replace.
    ///   - common: Where the new text's common text lies (see `text(_:quoted:common:)`).
    ///   - fill: Replaces the hashes and quotation flags (`FlagBits` words) it is given with the new
    ///     text's.
    /// - Complexity: O(n), plus `fill`.
    public func refill(
        _ text: inout Text, common: ArraySlice<Range<Int32>>,
        _ fill: (inout [UInt64], inout [UInt64]) throws -> Void
    ) rethrows {
        try fill(&text.hashes, &text.quoted)
        precondition(text.quoted.count == FlagBits.wordCount(text.hashes.count), "a flag per token")
        text.common = common
        text.totalWeight = totalWeight(text.quoted, text.hashes.count)
    }

    /// The sum of the weights of `count` tokens with these quotation flags, all counted as ordinary
    /// text.
    private func totalWeight(_ quoted: [UInt64], _ count: Int) -> Double {
        // Common text is no evidence of a shared story, but it still counts towards a text's size: a
        // page that is mostly boilerplate does not reach a high share through one shared sentence.
        var sum = WeightSum(quoteWeight: quoteWeight, tokens: count)
        quoted.withUnsafeBufferPointer { sum.add($0, 0..<count) }
        return sum.value
    }

    /// Indexes a text's windows, for aligning other texts with it (as `align`'s B).
    /// - Parameter hashes: The text's token hashes.
    /// - Returns: The index.
    /// - Complexity: O(n) expected.
    public func index(_ hashes: [UInt64]) -> Index {
        let windows = max(0, hashes.count - minPassageWords + 1)
        var bits = 4
        while (1 << bits) < 2 * windows { bits += 1 }
        let mask = (1 << bits) - 1
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var slots = [Int32](repeating: 0, count: windows)
        var filter = [UInt64](repeating: 0, count: 1 << (bits - 3))
        keys.withUnsafeMutableBufferPointer { keys in
            slots.withUnsafeMutableBufferPointer { slots in
                filter.withUnsafeMutableBufferPointer { filter in
                    forEachWindow(hashes) { j, h in
                        let f = Self.address(h, bits + 3)
                        filter[f >> 6] |= 1 << UInt64(f & 63)
                        var k = f >> 3
                        while keys[k] != 0 && keys[k] != h { k = (k + 1) & mask }
                        keys[k] = h
                        slots[j] = Int32(k)
                    }
                }
            }
        }
        return Index(bits: bits, keys: keys, slots: slots, filter: filter)
    }

    /// Scratch arrays for `align`, kept between calls by a caller aligning many pairs (verification
    /// aligns millions): no allocation, and no clearing of a table per pair.
    public struct Scratch: Sendable {
        /// Per slot of B's index, the first window of A (plus one) with its hash; all 0 between calls.
        var heads: [Int32] = []
        /// Per window of A, the next window of A with the same hash (set only for chained windows).
        var next: [Int32] = []
        /// The slots of `heads` set by the current call, cleared before it returns.
        var touched: [Int32] = []

        public init() {}
    }

    /// Aligns `a` with `b`, with `b` indexed by `indexB` (`index(b.hashes)`).
    /// - Complexity: see `align(_:_:indexB:scratch:)`.
    public func align(_ a: Text, _ b: Text, indexB: Index) -> Alignment {
        var scratch = Scratch()
        return align(a, b, indexB: indexB, scratch: &scratch)
    }

    /// Aligns `a` with `b`, with `b` indexed by `indexB` (`index(b.hashes)`), in `scratch`'s arrays.
    ///
    /// A's windows whose hash B has are chained per slot of B's index, in increasing order; then B
    /// is scanned left to right, each window's chain giving the places in A that may start a run
    /// there. A hash only narrows the places down — every run is confirmed word by word — so the
    /// runs are those of the definition above whatever the hashes collide on.
    /// - Complexity: O(|a| + |b|) expected, plus the lengths of the runs tried.
    public func align(_ a: Text, _ b: Text, indexB: Index, scratch: inout Scratch) -> Alignment {
        let na = a.hashes.count
        let nb = b.hashes.count
        var result = Alignment(totalA: a.totalWeight, totalB: b.totalWeight, tokensA: na, tokensB: nb)
        let s = minPassageWords
        guard na >= s, nb >= s else { return result }
        precondition(indexB.slots.count == nb - s + 1, "indexB does not index b")
        let bits = indexB.bits
        // heads[k]: the first window of A (plus one) with slot k's hash; next[i]: the following one
        // (-1 at a chain's end), set for chained windows only, the only ones read.
        if scratch.heads.count < 1 << bits {
            scratch.heads = [Int32](repeating: 0, count: 1 << bits)
        }
        if scratch.next.count < na - s + 1 {
            scratch.next = [Int32](repeating: -1, count: na - s + 1)
        }
        scratch.touched.removeAll(keepingCapacity: true)
        defer {
            scratch.heads.withUnsafeMutableBufferPointer { heads in
                for k in scratch.touched { heads[Int(k)] = 0 }
            }
        }
        scratch.heads.withUnsafeMutableBufferPointer { heads in
            scratch.next.withUnsafeMutableBufferPointer { next in
                align(a, b, indexB, heads, next, &scratch.touched, &result)
            }
        }
        return result
    }

    /// `align`'s body, with its scratch arrays: `heads` all 0 on entry, the slots it sets listed
    /// in `touched`.
    private func align(
        _ a: Text, _ b: Text, _ indexB: Index, _ heads: UnsafeMutableBufferPointer<Int32>,
        _ next: UnsafeMutableBufferPointer<Int32>, _ touched: inout [Int32], _ result: inout Alignment
    ) {
        let na = a.hashes.count
        let nb = b.hashes.count
        let s = minPassageWords
        let bits = indexB.bits
        let mask = (1 << bits) - 1
        indexB.keys.withUnsafeBufferPointer { keys in
            indexB.filter.withUnsafeBufferPointer { filter in
                forEachWindow(a.hashes) { i, h in
                    let f = Self.address(h, bits + 3)
                    guard filter[f >> 6] & (1 << UInt64(f & 63)) != 0 else { return }
                    var k = f >> 3
                    while keys[k] != 0 {
                        if keys[k] == h {
                            if heads[k] == 0 { touched.append(Int32(k)) }
                            next[i] = heads[k] - 1
                            heads[k] = Int32(i + 1)
                            return
                        }
                        k = (k + 1) & mask
                    }
                }
            }
        }
        guard !touched.isEmpty else { return }
        a.hashes.withUnsafeBufferPointer { ta in
            b.hashes.withUnsafeBufferPointer { tb in
                indexB.slots.withUnsafeBufferPointer { slots in
                    var j = 0
                    while j < slots.count {
                        var best = 0
                        var bestI = -1
                        var i = Int(heads[Int(slots[j])]) - 1
                        while i >= 0 {
                            var l = 0
                            while i + l < na && j + l < nb && ta[i + l] == tb[j + l] { l += 1 }
                            if l > best {
                                best = l
                                bestI = i
                            }
                            i = Int(next[i])
                        }
                        if best >= s {
                            result.runs.append((bestI..<bestI + best, j..<j + best))
                            j += best
                        } else {
                            j += 1
                        }
                    }
                }
            }
        }
        guard !result.runs.isEmpty else { return }
        // B's runs follow each other; A's may overlap (a passage repeated in B matches A's single
        // copy more than once) and come in any order.
        var spansA = result.runs.map(\.a)
        spansA.sort { $0.lowerBound < $1.lowerBound }
        (result.coveredTokensA, result.sharedA) = covered(a, spansA)
        (result.coveredTokensB, result.sharedB) = covered(b, result.runs.lazy.map(\.b))
        // A passage repeated in one text matches the other's single copy more than once: count
        // the shared weight once, as the smaller side has it, so both shares are one-to-one.
        let shared = min(result.sharedA, result.sharedB)
        result.sharedA = shared
        result.sharedB = shared
    }

    /// Aligns two token sequences: `align` with the texts prepared and B indexed here.
    /// - Parameters:
    ///   - a: The first text (A).
    ///   - b: The second text (B).
    ///   - commonA: Where common text lies in `a` (`Text.common`).
    ///   - commonB: The same for `b`.
    /// - Returns: The shared runs and their weights.
    public func align(
        _ a: TokenizedText, _ b: TokenizedText, commonA: ArraySlice<Range<Int32>> = [],
        commonB: ArraySlice<Range<Int32>> = []
    ) -> Alignment {
        align(
            text(a.hashes, quoted: a.quoted, common: commonA), text(b.hashes, quoted: b.quoted, common: commonB),
            indexB: index(b.hashes))
    }

    /// Converts token runs to passages with character offsets in both original texts.
    public func passages(_ alignment: Alignment, _ a: TokenizedText, _ b: TokenizedText) -> [SharedPassage] {
        alignment.runs.map { run in
            let quotedA = run.a.filter { a.quoted[$0] }.count * 2 > run.a.count
            let quotedB = run.b.filter { b.quoted[$0] }.count * 2 > run.b.count
            return SharedPassage(
                aStart: Int(a.starts[run.a.lowerBound]), aEnd: Int(a.ends[run.a.upperBound - 1]),
                bStart: Int(b.starts[run.b.lowerBound]), bEnd: Int(b.ends[run.b.upperBound - 1]),
                tokenCount: run.a.count, quoted: quotedA && quotedB)
        }
        .sorted { ($0.aStart, $0.bStart) < ($1.aStart, $1.bStart) }
    }

    /// The tokens of a text that `spans` cover (each once), and their weight when shared, summed in
    /// token order: 0 in common text, `quoteWeight` inside quotation marks, else 1. (Common text
    /// adds nothing: adding 0 leaves the sum as it is.)
    /// - Parameter spans: Token ranges in increasing order of their starts; they may overlap.
    private func covered(_ t: Text, _ spans: some Sequence<Range<Int>>) -> (tokens: Int, weight: Double) {
        var count = 0
        var sum = WeightSum(quoteWeight: quoteWeight, tokens: t.hashes.count)
        let common = t.common
        var c = common.startIndex  // the first common range not wholly before token k
        var end = 0  // the end of the spans so far
        t.quoted.withUnsafeBufferPointer { quoted in
            for span in spans {
                let r = max(span.lowerBound, end)..<max(span.upperBound, end)
                end = r.upperBound
                count += r.count
                var k = r.lowerBound
                while k < r.upperBound {
                    while c < common.endIndex && Int(common[c].upperBound) <= k { c += 1 }
                    // Ordinary text up to the next common range, then that range's tokens in r.
                    guard c < common.endIndex else {
                        sum.add(quoted, k..<r.upperBound)
                        break
                    }
                    let ordinary = min(r.upperBound, max(k, Int(common[c].lowerBound)))
                    sum.add(quoted, k..<ordinary)
                    k = max(ordinary, min(r.upperBound, Int(common[c].upperBound)))
                }
            }
        }
        return (count, sum.value)
    }

    /// A sum of token weights — 1, or `quoteWeight` for a quoted token — added in token order.
    ///
    /// When `quoteWeight` is a multiple of 2^-20 below 2^11 (0.25 is) and the text has fewer than
    /// 2^21 tokens, every partial sum is a multiple of 2^-20 below 2^33, exact in a Double: the sum
    /// is then the same Double computed from the counts of quoted and other tokens, without a
    /// chain of dependent additions (a text's total weight is summed for every pair verified).
    /// Otherwise the weights are added one by one.
    struct WeightSum {
        let quoteWeight: Double
        let exact: Bool
        var ordinary = 0
        var quoted = 0
        var sum = 0.0

        init(quoteWeight: Double, tokens: Int) {
            let scaled = quoteWeight * 0x1p20
            self.quoteWeight = quoteWeight
            exact = tokens < 1 << 21 && scaled == scaled.rounded(.towardZero) && abs(scaled) < 0x1p31
        }

        /// Adds the weights of tokens `range` with these quotation flags (`FlagBits` words).
        @inline(__always)
        mutating func add(_ flags: UnsafeBufferPointer<UInt64>, _ range: Range<Int>) {
            if exact {
                let q = FlagBits.count(flags, range)
                quoted += q
                ordinary += range.count - q
            } else {
                for k in range { sum += FlagBits.isSet(flags, k) ? quoteWeight : 1 }
            }
        }

        var value: Double { exact ? Double(ordinary) + Double(quoted) * quoteWeight : sum }
    }

    /// Calls `body` with each window's first position and hash, last window first.
    ///
    /// A window's hash is the polynomial Σ t[i + k]·P^k over its words (wrapping arithmetic), rolled
    /// from one window to the one before in O(1); 0 becomes 1, so that 0 marks an empty slot.
    @inline(__always)
    private func forEachWindow(_ t: [UInt64], _ body: (Int, UInt64) -> Void) {
        let s = minPassageWords
        guard s > 0, t.count >= s else { return }
        let p: UInt64 = 0x9e37_79b9_7f4a_7c15
        var power: UInt64 = 1  // P^s
        for _ in 0..<s { power &*= p }
        t.withUnsafeBufferPointer { t in
            var h: UInt64 = 0
            for k in stride(from: t.count - 1, through: t.count - s, by: -1) { h = t[k] &+ p &* h }
            var i = t.count - s
            while true {
                body(i, h == 0 ? 1 : h)
                if i == 0 { break }
                i -= 1
                // P·(h − t[i+s]·P^(s−1)), with the word leaving off the chain of dependent steps:
                // one multiplication and one addition per window.
                h = p &* h &+ (t[i] &- t[i + s] &* power)
            }
        }
    }

    /// A window hash's place in a table of 2^bits places.
    @inline(__always)
    private static func address(_ h: UInt64, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: (h &* 0x2545_f491_4f6c_dd1d) >> UInt64(64 - bits))
    }
}
