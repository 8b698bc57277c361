import WiretraceCore

/// Finds the passages two documents share and weighs them: the verification measure.
///
/// Shared passages are maximal runs of identical normalized words, at least `minPassageWords`
/// long, found greedily left to right in the second text against an index of the first.
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

    /// The result of aligning two token sequences.
    public struct Alignment: Sendable {
        /// Shared runs as token ranges in A and B, in B's order.
        public var runs: [(a: Range<Int>, b: Range<Int>)]
        /// Weighted words of A (B) covered by shared runs, and in all.
        public var sharedA = 0.0
        public var totalA = 0.0
        public var sharedB = 0.0
        public var totalB = 0.0
        /// Which tokens of A (B) are covered.
        public var coveredA: [Bool]
        public var coveredB: [Bool]

        /// Weighted share of A found in B.
        public var fractionA: Double { totalA > 0 ? sharedA / totalA : 0 }
        /// Weighted share of B found in A.
        public var fractionB: Double { totalB > 0 ? sharedB / totalB : 0 }
        /// The larger of the two shares: how much of the smaller text comes from the other.
        public var containment: Double { max(fractionA, fractionB) }
        /// Symmetric similarity: shared weight over total weight of both.
        public var similarity: Double { totalA + totalB > 0 ? (sharedA + sharedB) / (totalA + totalB) : 0 }
    }

    /// Aligns `a` with `b`.
    /// - Parameters:
    ///   - commonA: Per token of `a`, whether it lies in common text (weight 0); nil for none.
    ///   - commonB: The same for `b`.
    ///   - windowsA: `windows(a)` when the caller keeps it (a document aligned with many others);
    ///     nil computes it.
    ///   - windowsB: The same for `b`.
    /// - Complexity: O(|a| + |b|) expected, plus the lengths of the runs found.
    public func align(
        _ a: TokenizedText, _ b: TokenizedText, commonA: [Bool]? = nil, commonB: [Bool]? = nil,
        windowsA: [UInt64]? = nil, windowsB: [UInt64]? = nil
    ) -> Alignment {
        let na = a.count
        let nb = b.count
        var result = Alignment(
            runs: [], coveredA: [Bool](repeating: false, count: na), coveredB: [Bool](repeating: false, count: nb))
        // Common text is no evidence of a shared story, but it still counts towards a text's size: a
        // page that is mostly boilerplate does not reach a high share through one shared sentence.
        // (Sums run in token order, as a plain reduce would.)
        result.totalA = totalWeight(a)
        result.totalB = totalWeight(b)
        let s = minPassageWords
        guard na >= s, nb >= s else { return result }
        let ha = windowsA ?? windowHashes(a.hashes, s)
        let hb = windowsB ?? windowHashes(b.hashes, s)
        // Index A's windows in an open-addressing table (the window hashes are well mixed, so their
        // top bits address it): the slot holds the first position with that hash, plus one, and
        // `next` chains later positions in increasing order. Much cheaper than a Dictionary, which
        // would rehash every key with SipHash; verification runs millions of times on large dumps.
        var bits = 4
        while (1 << bits) < 2 * ha.count { bits += 1 }
        let mask = (1 << bits) - 1
        var slots = [Int32](repeating: 0, count: 1 << bits)
        var next = [Int32](repeating: -1, count: ha.count)
        @inline(__always) func slot(_ h: UInt64) -> Int {
            Int(truncatingIfNeeded: (h &* 0x9e37_79b9_7f4a_7c15) >> UInt64(64 - bits))
        }
        for i in stride(from: ha.count - 1, through: 0, by: -1) {
            var k = slot(ha[i])
            while slots[k] != 0 && ha[Int(slots[k]) - 1] != ha[i] { k = (k + 1) & mask }
            if slots[k] != 0 { next[i] = slots[k] - 1 }
            slots[k] = Int32(i + 1)
        }
        func first(_ h: UInt64) -> Int {
            var k = slot(h)
            while slots[k] != 0 {
                if ha[Int(slots[k]) - 1] == h { return Int(slots[k]) - 1 }
                k = (k + 1) & mask
            }
            return -1
        }
        a.hashes.withUnsafeBufferPointer { ta in
            b.hashes.withUnsafeBufferPointer { tb in
                var j = 0
                while j < hb.count {
                    var best = 0
                    var bestI = -1
                    var i = first(hb[j])
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
                        for k in bestI..<bestI + best { result.coveredA[k] = true }
                        for k in j..<j + best { result.coveredB[k] = true }
                        j += best
                    } else {
                        j += 1
                    }
                }
            }
        }
        if !result.runs.isEmpty {
            for k in 0..<na where result.coveredA[k] { result.sharedA += weight(a, k, commonA) }
            for k in 0..<nb where result.coveredB[k] { result.sharedB += weight(b, k, commonB) }
        }
        // A passage repeated in one text matches the other's single copy more than once: count
        // the shared weight once, as the smaller side has it, so both shares are one-to-one.
        let shared = min(result.sharedA, result.sharedB)
        result.sharedA = shared
        result.sharedB = shared
        return result
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

    /// The hashes of a text's runs of `minPassageWords` words, which `align` matches: keep them
    /// for a text aligned with many others.
    /// - Complexity: O(n · minPassageWords).
    public func windows(_ t: TokenizedText) -> [UInt64] { windowHashes(t.hashes, minPassageWords) }

    /// A token's weight: 0 in common text, `quoteWeight` inside quotation marks, else 1.
    @inline(__always)
    private func weight(_ t: TokenizedText, _ k: Int, _ common: [Bool]?) -> Double {
        if let common, common[k] { return 0 }
        return t.quoted[k] ? quoteWeight : 1
    }

    /// The sum of all tokens' weights, common text counted as ordinary text.
    private func totalWeight(_ t: TokenizedText) -> Double {
        var sum = 0.0
        for k in 0..<t.count { sum += t.quoted[k] ? quoteWeight : 1 }
        return sum
    }

    private func windowHashes(_ t: [UInt64], _ s: Int) -> [UInt64] {
        guard t.count >= s else { return [] }
        var out = [UInt64](repeating: 0, count: t.count - s + 1)
        for i in 0..<out.count {
            var g: UInt64 = 0x2545_f491_4f6c_dd1d
            for j in 0..<s { g = (g &* 0x9e37_79b9_7f4a_7c15) ^ t[i + j] }
            out[i] = g
        }
        return out
    }
}
