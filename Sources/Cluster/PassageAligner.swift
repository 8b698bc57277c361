import WiretraceCore

/// Finds the passages two documents share and weighs them: the verification measure.
///
/// Shared passages are maximal runs of identical normalized words, at least `minPassageWords`
/// long, found greedily left to right in the second text (B): at each position of B, the longest
/// run starting there and anywhere in the first text (A), the earliest place in A on ties, is
/// taken whole.
///
/// The runs are found from *seeds*: every run of `minPassageWords` (s) words or more holds a
/// *window* — a run of w = ⌈s/2⌉ words — starting at a multiple of s − w + 1 in A. B's windows are
/// indexed by hash once (`Index`; a document is aligned with its candidates in a row), and only
/// A's windows at those places are looked up in it, a fifth of A's places for s = 8. Each seed
/// is grown word by word into the maximal *segment* of equal words along its diagonal (the
/// places i in A, j in B with j − i fixed); the greedy pass then goes over the segments only, not
/// over every place of B. A pair sharing nothing costs |A| / (s − w + 1) lookups.
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
        /// Where one passage of common text meets another that recurs apart from it (a *seam*):
        /// tokens, increasing. When the shared runs hold `minSharedSeams` seams or more, each with
        /// `windowWords` tokens of its run on either side, the common text of the runs holding
        /// them weighs as ordinary text: they share the arrangement, which is the text's own.
        public fileprivate(set) var seams: ArraySlice<Int32> = []
        /// The sum of all tokens' weights, common text counted as ordinary text (summed in token order).
        public fileprivate(set) var totalWeight: Double
    }

    /// A text's windows — its runs of `windowWords` words — by hash, for aligning other texts with
    /// it: keep it for a text aligned with many others.
    ///
    /// An open-addressing table of the distinct window hashes (the hashes are well mixed, so their
    /// top bits address it; 0 marks an empty slot, and no hash is 0), each with the places of its
    /// windows as a chain. Much cheaper than a Dictionary, which would rehash every key with
    /// SipHash; verification runs millions of times on large dumps. In front of it, a bit per
    /// value of the hashes' top `bits + 3` bits: most windows of another text are found missing
    /// there, without a probe.
    public struct Index: Sendable {
        /// The table has 2^bits slots.
        let bits: Int
        /// Per slot, a window hash, or 0.
        let keys: [UInt64]
        /// Per slot, the first place (window start) with its hash.
        let first: [Int32]
        /// Per place, the next place with the same window hash, or -1.
        let next: [Int32]
        /// 2^(bits + 3) bits: whether a window hash has those top bits.
        let filter: [UInt64]

        /// Calls `body` with the index's arrays lent for lookups.
        @inline(__always)
        func withLookup<R>(_ body: (Lookup) throws -> R) rethrows -> R {
            try keys.withUnsafeBufferPointer { keys in
                try first.withUnsafeBufferPointer { first in
                    try next.withUnsafeBufferPointer { next in
                        try filter.withUnsafeBufferPointer { filter in
                            try body(Lookup(bits: bits, keys: keys, first: first, next: next, filter: filter))
                        }
                    }
                }
            }
        }
    }

    /// An `Index`'s arrays, lent for looking windows up (`Index.withLookup`).
    struct Lookup {
        let bits: Int
        let keys: UnsafeBufferPointer<UInt64>
        let first: UnsafeBufferPointer<Int32>
        let next: UnsafeBufferPointer<Int32>
        let filter: UnsafeBufferPointer<UInt64>

        /// The first place (window start) whose window has hash `h`, or -1.
        @inline(__always)
        func first(_ h: UInt64) -> Int {
            let f = PassageAligner.address(h, bits + 3)
            guard (filter[f &>> 6] &>> UInt64(f & 63)) & 1 != 0 else { return -1 }
            let mask = (1 << bits) - 1
            var k = f &>> 3
            while keys[k] != 0 && keys[k] != h { k = (k &+ 1) & mask }
            return keys[k] == h ? Int(first[k]) : -1
        }

        /// The next place after `j` whose window has the same hash, or -1.
        @inline(__always)
        func next(_ j: Int) -> Int { Int(next[j]) }
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
    ///   - seams: Where its common text has seams (`Text.seams`): tokens, increasing.
    /// - Returns: The text with its total weight.
    /// - Complexity: O(n).
    public func text(
        _ hashes: [UInt64], quoted: [Bool], common: ArraySlice<Range<Int32>> = [], seams: ArraySlice<Int32> = []
    ) -> Text {
        precondition(hashes.count == quoted.count, "a hash and a flag per token")
        let flags = FlagBits.pack(quoted)
        return Text(
            hashes: hashes, quoted: flags, common: common, seams: seams, totalWeight: totalWeight(flags, hashes.count))
    }

    /// Prepares another text for `align` in `text`'s place, reusing the storage of its arrays (a
    /// caller verifying millions of pairs keeps a few texts and refills them).
    /// - Parameters:
    ///   - text: The text to replace.
    ///   - common: Where the new text's common text lies (see `text(_:quoted:common:seams:)`).
    ///   - seams: Where its common text has seams.
    ///   - fill: Replaces the hashes and quotation flags (`FlagBits` words) it is given with the new
    ///     text's.
    /// - Complexity: O(n), plus `fill`.
    public func refill(
        _ text: inout Text, common: ArraySlice<Range<Int32>>, seams: ArraySlice<Int32> = [],
        _ fill: (inout [UInt64], inout [UInt64]) throws -> Void
    ) rethrows {
        try fill(&text.hashes, &text.quoted)
        precondition(text.quoted.count == FlagBits.wordCount(text.hashes.count), "a flag per token")
        text.common = common
        text.seams = seams
        text.totalWeight = totalWeight(text.quoted, text.hashes.count)
    }

    /// The sum of the weights of `count` tokens with these quotation flags, all counted as ordinary
    /// text.
    func totalWeight(_ quoted: [UInt64], _ count: Int) -> Double {
        // Common text is no evidence of a shared story, but it still counts towards a text's size: a
        // page that is mostly boilerplate does not reach a high share through one shared sentence.
        var sum = WeightSum(quoteWeight: quoteWeight, tokens: count)
        quoted.withUnsafeBufferPointer { sum.add($0, 0..<count) }
        return sum.value
    }

    /// Words per window: ⌈s/2⌉ for s = `minPassageWords`. Shorter windows could be sampled more
    /// sparsely in A, but match by chance in more places.
    var windowWords: Int { (minPassageWords + 1) / 2 }

    /// The places of A whose windows are looked up: every `seedStep`-th. A run of s words or more
    /// starting at i holds the windows starting at i … i + s − w, `seedStep` places in a row, so one
    /// of them is looked up.
    var seedStep: Int { minPassageWords - windowWords + 1 }

    /// Indexes a text's windows, for aligning other texts with it (as `align`'s B).
    /// - Parameter hashes: The text's token hashes.
    /// - Returns: The index.
    /// - Complexity: O(n) expected.
    public func index(_ hashes: [UInt64]) -> Index { index(hashes, keys: false) }

    /// Indexes a text's windows by their `screenKey`s (as `keyed` gives them), for `coverageBound`
    /// with seeds cut to keys the same way: a seed then finds every window whose hash agrees with
    /// it in those 16 bits, every window with its hash among them, and the bound's argument (hits
    /// are the seeds' matches, and more) still holds.
    /// - Complexity: O(n) expected.
    public func keyIndex(_ hashes: [UInt64]) -> Index { index(hashes, keys: true) }

    /// A window hash cut to 16 bits, for a screen kept in memory (`VerificationScreens`).
    @inline(__always)
    public static func screenKey(_ h: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: h &>> 48) }

    /// A `screenKey` as a `keyIndex` holds it, and as `coverageBound` looks it up there (never 0,
    /// which marks an empty slot).
    @inline(__always)
    public static func keyed(_ key: UInt16) -> UInt64 { 0x1_0000 | UInt64(key) }

    @inline(__always)
    private func index(_ hashes: [UInt64], keys keyed: Bool) -> Index {
        let w = windowWords
        let windows = max(0, hashes.count - w + 1)
        var bits = 4
        while (1 << bits) < 2 * windows { bits += 1 }
        let mask = (1 << bits) - 1
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        var first = [Int32](repeating: 0, count: 1 << bits)
        var next = [Int32](repeating: -1, count: windows)
        var filter = [UInt64](repeating: 0, count: 1 << (bits - 3))
        hashes.withUnsafeBufferPointer { t in
            keys.withUnsafeMutableBufferPointer { keys in
                first.withUnsafeMutableBufferPointer { first in
                    next.withUnsafeMutableBufferPointer { next in
                        filter.withUnsafeMutableBufferPointer { filter in
                            // Last window first, so that each chain lists its places in increasing order.
                            // The polynomial rolls from one window to the one before: add t[j] as the
                            // constant term, shift the rest up a power, drop t[j + w]'s term.
                            let pw = Self.windowPower(w)
                            var raw: UInt64 = 0
                            for j in stride(from: windows - 1, through: 0, by: -1) {
                                raw =
                                    j == windows - 1
                                    ? rawWindowHash(t, j) : t[j] &+ Self.p &* raw &- pw &* t[j &+ w]
                                let h = keyed ? Self.keyed(Self.screenKey(Self.slotHash(raw))) : Self.slotHash(raw)
                                let f = Self.address(h, bits + 3)
                                filter[f &>> 6] |= 1 &<< UInt64(f & 63)
                                var k = f &>> 3
                                while keys[k] != 0 && keys[k] != h { k = (k &+ 1) & mask }
                                if keys[k] == h { next[j] = first[k] }
                                keys[k] = h
                                first[k] = Int32(truncatingIfNeeded: j)
                            }
                        }
                    }
                }
            }
        }
        return Index(bits: bits, keys: keys, first: first, next: next, filter: filter)
    }

    /// A maximal run of equal words along a diagonal: A's words `a ..< a + count` are B's words
    /// `b ..< b + count`, and neither the words before nor the words after are equal.
    struct Segment {
        var a: Int32
        var b: Int32
        var count: Int32
        /// Where it ends in B.
        var bEnd: Int32 { b + count }
        /// b − a, the diagonal: at a given place of B, the greater it is, the earlier the place in A.
        var diagonal: Int32 { b - a }
    }

    /// Scratch arrays for `align`, kept between calls by a caller aligning many pairs (verification
    /// aligns millions): no allocation, and no clearing of a table per pair.
    public struct Scratch: Sendable {
        /// Per diagonal (b − a + |A|), where the last segment grown along it ends in A; 0 between
        /// calls but for the diagonals in `touched`.
        var reached: [Int32] = []
        /// The diagonals of `reached` set by the current call, cleared before it returns.
        var touched: [Int32] = []
        /// The segments of s words or more.
        var segments: [Segment] = []
        /// A max-heap of segments (by their index), in the greedy pass.
        var heap: [Int32] = []

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
    /// A hash only narrows the places down — every segment is grown word by word — so the runs are
    /// those of the definition above whatever the hashes collide on.
    /// - Complexity: O(|a| / (s − w + 1)) expected, plus the seeds' chains in B, the
    ///   segments' lengths and O(g log g) for g segments.
    public func align(_ a: Text, _ b: Text, indexB: Index, scratch: inout Scratch) -> Alignment {
        let na = a.hashes.count
        let nb = b.hashes.count
        var result = Alignment(totalA: a.totalWeight, totalB: b.totalWeight, tokensA: na, tokensB: nb)
        let s = minPassageWords
        guard na >= s, nb >= s else { return result }
        precondition(indexB.next.count == nb - windowWords + 1, "indexB does not index b")
        if scratch.reached.count < na + nb {
            scratch.reached = [Int32](repeating: 0, count: na + nb)
        }
        scratch.touched.removeAll(keepingCapacity: true)
        scratch.segments.removeAll(keepingCapacity: true)
        scratch.reached.withUnsafeMutableBufferPointer { reached in
            a.hashes.withUnsafeBufferPointer { ta in
                b.hashes.withUnsafeBufferPointer { tb in
                    segments(ta, tb, indexB, reached, &scratch.touched, &scratch.segments)
                }
            }
            for d in scratch.touched { reached[Int(d)] = 0 }
        }
        guard !scratch.segments.isEmpty else { return result }
        scratch.segments.sort { $0.b < $1.b }
        greedyRuns(scratch.segments, &scratch.heap, &result.runs)
        // B's runs follow each other; A's may overlap (a passage repeated in B matches A's single
        // copy more than once) and come in any order.
        var spansA = result.runs.map(\.a)
        spansA.sort { ($0.lowerBound, $1.upperBound) < ($1.lowerBound, $0.upperBound) }
        (result.coveredTokensA, result.sharedA) = covered(a, spansA)
        (result.coveredTokensB, result.sharedB) = covered(b, result.runs.lazy.map(\.b))
        // A passage repeated in one text matches the other's single copy more than once: count
        // the shared weight once, as the smaller side has it, so both shares are one-to-one.
        let shared = min(result.sharedA, result.sharedB)
        result.sharedA = shared
        result.sharedB = shared
        return result
    }

    /// A text's *seeds*: the hashes of its windows at every `seedStep`-th place, the windows `align`
    /// looks up when the text is its A.
    public func seeds(_ hashes: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        guard hashes.count >= windowWords else { return [] }
        return stride(from: 0, through: hashes.count - windowWords, by: seedStep).map { windowHash(hashes, $0) }
    }

    /// An upper bound on the tokens the shared runs can cover in either text when a text with these
    /// `seeds` and `tokens` tokens is aligned as A with B, and on the number of runs, from the
    /// seeds alone: without A's words.
    ///
    /// Every run lies in a segment of s words or more, which holds a window at a seed place whose
    /// hash B has (a *hit*). Along one diagonal, take a group of g hits at consecutive seed places
    /// p, p + step, …, p + (g − 1)·step, with no hit at the seed places just before and after:
    /// every segment through these hits starts after p − step (else its window at p − step would
    /// be a hit) and ends before p + g·step + w (likewise), so the group's segments cover at most
    /// (g + 1)·step + w − 2 places; each hit starts at most one run. Hash collisions only add hits.
    /// - Returns: The bound on covered tokens (before capping at either text's length) and the
    ///   number of hits.
    /// - Complexity: O(seeds + hits) expected.
    public func coverageBound(
        seeds: [UInt64], tokens na: Int, indexB: Index, scratch: inout Scratch
    ) -> (tokens: Int, hits: Int) {
        let nb = indexB.next.count + windowWords - 1
        guard na >= minPassageWords, nb >= minPassageWords else { return (0, 0) }
        let step = seedStep
        if scratch.reached.count < na + nb {
            scratch.reached = [Int32](repeating: 0, count: na + nb)
        }
        scratch.touched.removeAll(keepingCapacity: true)
        var covered = 0
        var hits = 0
        scratch.reached.withUnsafeMutableBufferPointer { last in
            // last[d]: the last seed (plus one) with a hit on diagonal d.
            indexB.withLookup { lookup in
                for (q, h) in seeds.enumerated() {
                    var j = lookup.first(h)
                    while j >= 0 {
                        let d = j - q * step + na
                        if last[d] == 0 { scratch.touched.append(Int32(truncatingIfNeeded: d)) }
                        // A hit at the seed before on this diagonal (last[d] = q) extends its group
                        // by a step; else the hit starts a group.
                        covered += q > 0 && last[d] == q ? step : 2 * step + windowWords - 2
                        last[d] = Int32(truncatingIfNeeded: q + 1)
                        hits += 1
                        j = lookup.next(j)
                    }
                }
            }
            for d in scratch.touched { last[Int(d)] = 0 }
        }
        return (covered, hits)
    }

    /// Every maximal segment of s = `minPassageWords` equal words or more, into `segments` (in no
    /// particular order): A's windows at every `seedStep`-th place looked up in B's index, each
    /// match grown along its diagonal unless a segment grown before already covers it.
    /// - Parameter reached: Per diagonal, where the last segment grown along it ends in A (all 0 on
    ///   entry; the diagonals set are added to `touched`).
    private func segments(
        _ ta: UnsafeBufferPointer<UInt64>, _ tb: UnsafeBufferPointer<UInt64>, _ indexB: Index,
        _ reached: UnsafeMutableBufferPointer<Int32>, _ touched: inout [Int32], _ segments: inout [Segment]
    ) {
        let na = ta.count
        let nb = tb.count
        let s = minPassageWords
        indexB.withLookup { lookup in
            for i in stride(from: 0, through: na - windowWords, by: seedStep) {
                var j = lookup.first(windowHash(ta, i))
                while j >= 0 {
                    let d = j - i + na
                    if Int(reached[d]) <= i {
                        // Grow the seed into its segment (nothing, if the hashes collided).
                        var end = 0
                        while i + end < na && j + end < nb && ta[i + end] == tb[j + end] { end += 1 }
                        var start = 0
                        while start < i && start < j && ta[i - start - 1] == tb[j - start - 1] {
                            start += 1
                        }
                        if reached[d] == 0 { touched.append(Int32(truncatingIfNeeded: d)) }
                        reached[d] = Int32(truncatingIfNeeded: i + end)
                        if start + end >= s {
                            segments.append(
                                Segment(
                                    a: Int32(truncatingIfNeeded: i - start),
                                    b: Int32(truncatingIfNeeded: j - start),
                                    count: Int32(truncatingIfNeeded: start + end)))
                        }
                    }
                    j = lookup.next(j)
                }
            }
        }
    }

    /// The definition's greedy pass over B, on the segments: at each place j of B, the run starting
    /// there is what remains of the segment through j reaching furthest in B (the one through the
    /// earliest place of A on ties), taken whole when s words or more; with none, the pass jumps
    /// to the next segment's start.
    ///
    /// The segments through j are kept in a max-heap by (end in B, diagonal): a segment at the top
    /// that leaves less than s words is of no use later either, and is dropped.
    /// - Parameter segments: In increasing order of their starts in B.
    private func greedyRuns(
        _ segments: [Segment], _ heap: inout [Int32], _ runs: inout [(a: Range<Int>, b: Range<Int>)]
    ) {
        let s = Int32(minPassageWords)
        heap.removeAll(keepingCapacity: true)
        func above(_ x: Int32, _ y: Int32) -> Bool {
            let u = segments[Int(x)]
            let v = segments[Int(y)]
            return (u.bEnd, u.diagonal) > (v.bEnd, v.diagonal)
        }
        func push(_ x: Int32) {
            heap.append(x)
            var c = heap.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                guard above(heap[c], heap[p]) else { break }
                heap.swapAt(c, p)
                c = p
            }
        }
        func pop() {
            heap.swapAt(0, heap.count - 1)
            heap.removeLast()
            var p = 0
            while true {
                var top = p
                let c = 2 * p + 1
                if c < heap.count && above(heap[c], heap[top]) { top = c }
                if c + 1 < heap.count && above(heap[c + 1], heap[top]) { top = c + 1 }
                guard top != p else { break }
                heap.swapAt(p, top)
                p = top
            }
        }
        var j: Int32 = 0
        var o = 0  // the next segment, in B's order, not pushed yet
        while true {
            while o < segments.count && segments[o].b <= j {
                push(Int32(o))
                o += 1
            }
            while let top = heap.first, segments[Int(top)].bEnd - j < s { pop() }
            if let top = heap.first {
                let segment = segments[Int(top)]
                let i = j - segment.diagonal
                let count = segment.bEnd - j
                runs.append((Int(i)..<Int(i + count), Int(j)..<Int(j + count)))
                j += count
            } else if o < segments.count {
                j = segments[o].b
            } else {
                break
            }
        }
    }

    /// Aligns two token sequences: `align` with the texts prepared and B indexed here.
    /// - Parameters:
    ///   - a: The first text (A).
    ///   - b: The second text (B).
    ///   - commonA: Where common text lies in `a` (`Text.common`).
    ///   - commonB: The same for `b`.
    ///   - seamsA: Where `a`'s common text has seams (`Text.seams`).
    ///   - seamsB: The same for `b`.
    /// - Returns: The shared runs and their weights.
    public func align(
        _ a: TokenizedText, _ b: TokenizedText, commonA: ArraySlice<Range<Int32>> = [],
        commonB: ArraySlice<Range<Int32>> = [], seamsA: ArraySlice<Int32> = [], seamsB: ArraySlice<Int32> = []
    ) -> Alignment {
        align(
            text(a.hashes, quoted: a.quoted, common: commonA, seams: seamsA),
            text(b.hashes, quoted: b.quoted, common: commonB, seams: seamsB), indexB: index(b.hashes))
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
        // The same sum with the spans holding a seam weighed whole, used when they hold enough
        // seams (kept only for a text with seams: most have none).
        var seamed = sum
        let common = t.common
        var c = common.startIndex  // the first common range not wholly before token k
        let seams = t.seams
        var x = seams.startIndex  // the first seam not too near the start of the spans so far
        var counted = seams.startIndex  // the seams before it are counted, if in a span
        var seamsShared = 0  // the seams in spans
        let margin = windowWords
        let hasSeams = !seams.isEmpty
        var end = 0  // the end of the spans so far
        t.quoted.withUnsafeBufferPointer { quoted in
            for span in spans {
                let r = max(span.lowerBound, end)..<max(span.upperBound, end)
                end = r.upperBound
                count += r.count
                while x < seams.endIndex && Int(seams[x]) < span.lowerBound + margin { x += 1 }
                // The seams with `margin` tokens of the span on either side: x ..< y.
                var y = x
                while y < seams.endIndex && Int(seams[y]) + margin <= span.upperBound { y += 1 }
                let holdsSeam = y > x
                seamsShared += max(0, y - max(x, counted))
                counted = max(counted, y)
                if holdsSeam { seamed.add(quoted, r) }
                var k = r.lowerBound
                while k < r.upperBound {
                    while c < common.endIndex && Int(common[c].upperBound) <= k { c += 1 }
                    // Ordinary text up to the next common range, then that range's tokens in r.
                    guard c < common.endIndex else {
                        sum.add(quoted, k..<r.upperBound)
                        if hasSeams && !holdsSeam { seamed.add(quoted, k..<r.upperBound) }
                        break
                    }
                    let ordinary = min(r.upperBound, max(k, Int(common[c].lowerBound)))
                    sum.add(quoted, k..<ordinary)
                    if hasSeams && !holdsSeam { seamed.add(quoted, k..<ordinary) }
                    k = max(ordinary, min(r.upperBound, Int(common[c].upperBound)))
                }
            }
        }
        return (count, seamsShared >= Self.minSharedSeams ? seamed.value : sum.value)
    }

    /// Seams the shared runs must hold, at least, for the common text of the runs holding them to
    /// weigh: one alone may be a passage that merely recurs in more than one wording.
    public static let minSharedSeams = 2

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

    /// The hash of the window of `windowWords` words at `i`: the polynomial Σ t[i + k]·P^k
    /// (`rawWindowHash`); 0 becomes 1, so that 0 marks an empty slot.
    @inline(__always)
    private func windowHash(_ t: UnsafeBufferPointer<UInt64>, _ i: Int) -> UInt64 {
        Self.slotHash(rawWindowHash(t, i))
    }

    /// A window's polynomial as the index keeps it: 0 becomes 1, so that 0 marks an empty slot.
    @inline(__always)
    private static func slotHash(_ raw: UInt64) -> UInt64 { raw == 0 ? 1 : raw }

    /// The polynomial Σ t[i + k]·P^k over the window of `windowWords` words at `i`, in wrapping
    /// arithmetic.
    @inline(__always)
    private func rawWindowHash(_ t: UnsafeBufferPointer<UInt64>, _ i: Int) -> UInt64 {
        var h: UInt64 = 0
        for k in stride(from: i &+ windowWords &- 1, through: i, by: -1) { h = t[k] &+ Self.p &* h }
        return h
    }

    /// The window hashes' base P.
    private static let p: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// P^w in wrapping arithmetic.
    private static func windowPower(_ w: Int) -> UInt64 {
        var power: UInt64 = 1
        for _ in 0..<w { power = power &* p }
        return power
    }

    /// A window hash's place in a table of 2^bits places.
    @inline(__always)
    static func address(_ h: UInt64, _ bits: Int) -> Int {
        Int(truncatingIfNeeded: (h &* 0x2545_f491_4f6c_dd1d) &>> UInt64(64 - bits))
    }
}
