import WiretraceCore

/// The cluster stage, the pipeline's one barrier: candidates → verification → clusters.
///
/// 1. **Candidates** come from two indexes over the in-memory sketches, both flat arrays:
///    MinHash LSH (near-copies, `LSHBuckets`) and winnowed fingerprints (excerpts and rewrites
///    that keep some sentences, `PostingIndex`). Fingerprints that
///    recur across many dissimilar stories are *common text* — boilerplate, stock quotes —
///    learned from the corpus; they make no candidates and weigh nothing as shared text, but
///    across *seams*, where two common passages that other stories hold apart meet
///    (`CommonFingerprints`): a story assembled from recurring sentences is its arrangement.
/// 2. **Verification** aligns the two texts' tokens (read back from the spill store; the document's
///    windows are indexed once, and a candidate's windows at every few words are looked up in
///    them; a candidate whose stored profile shows no rule can hold is rejected unread) and keeps
///    the pair when it
///    shares enough weighted words and enough of the smaller text, quoted words counting less, and
///    when its shared passages are not the same template filled with other figures
///    (`NumberConflicts`). Texts published days apart must be mostly one text and agree on every
///    figure (`publishedApart`): a later text sharing background is a follow-up. A candidate
///    already known as a near-verbatim copy of the document is not verified again, so a story
///    copied thousands of times stays linear.
///    Pairs are verified on `threads` threads, a block of documents at a time, and the results
///    replayed in document order (see `run`): the outcome does not depend on the threads.
/// 3. **Clusters** grow by union, strongest first, of the accepted pairs that are a document's best
///    evidence (the pair finding the largest share of it) or that share most of both texts: an
///    excerpt joins the story it comes from, not every story it shares a sentence with. A document
///    already in a story joins a second one through another part of its text only when that part
///    is most of it: a digest page joins at most one story.
public struct Clusterer: BarrierStage {
    public static let name = "cluster"
    public let configuration: ClusterConfiguration
    /// Words per shingle, as the sketch stage used.
    public let shingleSize: Int
    /// Reads a document's tokens back by ordinal.
    public let tokens: @Sendable (Int) throws -> TokenizedText
    /// Reads a document's tokens back by ordinal into the value given, replacing what it held:
    /// verification reuses its arrays' storage.
    public let tokensInto: @Sendable (Int, inout TokenizedText) throws -> Void
    /// Reads a document's token hashes, quotation flags and fact flags (`NumberConflicts.factBits`)
    /// back by ordinal, without the tokens' places in the text (all that most verified pairs need,
    /// the number-conflict check included), into the three arrays given, replacing what they held:
    /// verification reuses their storage. The flags come as `FlagBits` words.
    public let words: @Sendable (Int, inout [UInt64], inout [UInt64], inout [UInt64]) throws -> Void
    /// Shingle hashes of a token sequence, as the sketch stage computes them.
    public let shingler: @Sendable ([UInt64]) -> [UInt64]
    /// Reads a document's verification profile (`VerificationProfile.encoded()`, made with this
    /// configuration) back by ordinal into the buffer given, replacing what it held: every profile is
    /// read once, cut to keys held in memory (`VerificationScreens`), which rule most candidate pairs
    /// out (`mayAcceptByKeys`); the earlier document's whole profile rules out more
    /// (`mayAccept`), both without reading its words. Nil verifies every pair in full (the outcome
    /// is the same).
    public let profiles: (@Sendable (Int, inout [UInt8]) throws -> Void)?

    /// Threads verifying candidate pairs (and aligning cluster members with their roots); the
    /// outcome is the same for any number.
    public let threads: Int

    /// Creates the stage over documents read back by ordinal.
    /// - Parameters:
    ///   - configuration: The stage's settings.
    ///   - shingleSize: Words per shingle, as the sketch stage used.
    ///   - tokens: Reads a document's tokens back by ordinal.
    ///   - tokensInto: Reads a document's tokens into the value given, reusing its storage; nil
    ///     takes them from `tokens`.
    ///   - words: Reads a document's token hashes, quotation flags and fact flags
    ///     (`NumberConflicts.factBits`), as stored beside them (cheaper than all of `tokens` from a
    ///     store); nil takes hashes and quotation flags from `tokens` and makes no token a fact,
    ///     which skips the number-conflict check.
    ///   - shingler: Shingle hashes of a token sequence, as the sketch stage computes them.
    ///   - threads: Threads verifying candidate pairs; the outcome is the same for any number.
    public init(
        configuration: ClusterConfiguration, shingleSize: Int,
        tokens: @escaping @Sendable (Int) throws -> TokenizedText,
        tokensInto: (@Sendable (Int, inout TokenizedText) throws -> Void)? = nil,
        words: (@Sendable (Int, inout [UInt64], inout [UInt64], inout [UInt64]) throws -> Void)? = nil,
        shingler: @escaping @Sendable ([UInt64]) -> [UInt64],
        profiles: (@Sendable (Int, inout [UInt8]) throws -> Void)? = nil, threads: Int = 1
    ) {
        self.configuration = configuration
        self.shingleSize = shingleSize
        self.tokens = tokens
        self.tokensInto = tokensInto ?? { ordinal, t in t = try tokens(ordinal) }
        self.words =
            words ?? { ordinal, hashes, quoted, facts in
                let t = try tokens(ordinal)
                hashes = t.hashes
                quoted = FlagBits.pack(t.quoted)
                facts = [UInt64](repeating: 0, count: FlagBits.wordCount(t.count))
            }
        self.shingler = shingler
        self.profiles = profiles
        self.threads = max(1, threads)
    }

    /// Documents whose candidates are gathered, verified in parallel, then replayed in order, at a time.
    static let blockSize = 256

    /// A document as verification needs it, read back and prepared once per cached document (a
    /// document is compared with up to `max_candidates_per_document` others in a row): its words
    /// and fact flags only, the rest of its tokens when a pair needs them (`tokens(_:_:)`). An
    /// entry evicted from the cache is refilled, its arrays' storage reused, when given.
    func prepare(
        _ ordinal: Int, _ common: CommonText, _ aligner: PassageAligner, reusing old: TokenCache.Entry?
    ) throws -> TokenCache.Entry {
        let entry = old ?? TokenCache.Entry(aligner.text([], quoted: []))
        entry.clear()
        try aligner.refill(&entry.text, common: common.ranges(ordinal), seams: common.seams(ordinal)) {
            hashes, quoted in
            try words(ordinal, &hashes, &quoted, &entry.facts)
        }
        return entry
    }

    /// A cached document's tokens with their places in the text, read back the first time a pair
    /// needs them (lede words, passages): most pairs are decided on words and facts alone.
    func tokens(_ entry: TokenCache.Entry, _ ordinal: Int) throws -> TokenizedText {
        if !entry.hasTokens {
            try tokensInto(ordinal, &entry.tokens)
            entry.hasTokens = true
        }
        return entry.tokens
    }

    /// The content words of a cached document's lede (`LedeAgreement.contentWords`), computed once.
    func ledeWords(_ entry: TokenCache.Entry, _ ordinal: Int, _ agreement: LedeAgreement) throws -> [UInt64] {
        if let lede = entry.lede { return lede }
        let words: [UInt64]
        if let profiles {
            // The profile holds them: a small read rather than all the tokens.
            var bytes: [UInt8] = []
            try profiles(ordinal, &bytes)
            var profile = VerificationProfile()
            bytes.withUnsafeBytes { profile.decode($0) }
            words = profile.lede
        } else {
            words = agreement.contentWords(try tokens(entry, ordinal))
        }
        entry.lede = words
        return words
    }

    /// Where each document's common text lies, computed once per document up front (a document is
    /// read back for verification about as many times as it is a candidate).
    func commonText(_ n: Int, _ table: CommonFingerprints, _ workers: inout [Worker]) throws -> CommonText {
        guard !table.isEmpty else { return CommonText(count: n) }
        let chunk = 256
        let parts = try parallelMap(count: (n + chunk - 1) / chunk, states: &workers) { _, c in
            var part = CommonText(count: 0)
            var hashes: [UInt64] = []
            var quoted: [UInt64] = []
            var facts: [UInt64] = []
            var found: [Int32] = []
            for d in c * chunk..<min(n, (c + 1) * chunk) {
                try words(d, &hashes, &quoted, &facts)
                let (ranges, seams) = commonRanges(hashes, table, &found)
                part.append(ranges, seams: seams)
            }
            return part
        }
        var out = CommonText(count: 0)
        for part in parts { out.append(contentsOf: part) }
        return out
    }

    /// Every document's profile cut to keys (`VerificationScreens`), read back on the threads, a
    /// part at a time; none without profiles.
    func verificationScreens(_ n: Int, _ workers: inout [Worker]) throws -> VerificationScreens {
        guard let profiles else { return VerificationScreens() }
        let size = VerificationScreens.partSize
        let parts = try parallelMap(count: (n + size - 1) / size, states: &workers) { w, c in
            var part = VerificationScreens.Part()
            for d in c * size..<min(n, (c + 1) * size) {
                try profiles(d, &w.scratch.profileBytes)
                w.scratch.profileBytes.withUnsafeBytes { w.scratch.profile.decode($0) }
                part.append(w.scratch.profile)
            }
            part.trim()
            return part
        }
        return VerificationScreens(parts: parts)
    }

    /// A document's prepared tokens, from the cache when there.
    func verificationEntry(
        _ ordinal: Int, _ cache: inout TokenCache, _ common: CommonText, _ aligner: PassageAligner
    ) throws -> TokenCache.Entry {
        // A lookup, then a refill: a closure handed to the cache would capture a copy of `self`,
        // and copying a `Clusterer` retains every closure it holds — objects all the threads share,
        // whose reference counts then bounced between the cores twice per pair.
        if let entry = cache.entry(ordinal) { return entry }
        let entry = try prepare(ordinal, common, aligner, reusing: cache.makeRoom())
        cache.insert(entry, for: ordinal)
        return entry
    }

    /// What verifying one candidate pair found: a pure function of the pair.
    enum Outcome {
        case rejected
        case refusedNumberConflicts
        /// Published days apart and not mostly one text (see `publishedApart`).
        case refusedEditionGap
        /// Accepted, by the lede rule or not; `copy`: near-verbatim, so x's later candidates
        /// joined to y this way are not verified.
        case accepted(Edge, byLede: Bool, copy: Bool)
    }

    /// Verifies the pair (y, x), y earlier.
    func verify(
        _ y: Int, _ x: Int, _ cache: inout TokenCache, _ scratch: inout VerificationScratch, _ common: CommonText,
        _ screens: VerificationScreens, _ aligner: PassageAligner, _ lede: LedeAgreement, _ published: [Int64]
    ) throws -> Outcome {
        let ex = try verificationEntry(x, &cache, common, aligner)
        if !screens.isEmpty {
            guard mayAcceptByKeys(y, x, screens, ex, aligner, &scratch) else { return .rejected }
        }
        if let profiles {
            try profiles(y, &scratch.profileBytes)
            scratch.profileBytes.withUnsafeBytes { scratch.profile.decode($0) }
            guard
                try mayAccept(
                    scratch.profile, ex, aligner, &scratch.aligner, lede, ledeX: try ledeWords(ex, x, lede))
            else { return .rejected }
        }
        let ey = try verificationEntry(y, &cache, common, aligner)
        if profiles != nil && ey.lede == nil { ey.lede = scratch.profile.lede }
        let alignment = aligner.align(ey.text, ex.text, indexB: ex.index(aligner), scratch: &scratch.aligner)
        let byContainment = accepts(alignment)
        let byLede =
            try !byContainment
            && sameNewsPeg(
                alignment, agreement: lede.agreement(try ledeWords(ey, y, lede), try ledeWords(ex, x, lede)))
        guard byContainment || byLede else { return .rejected }
        let apart = publishedApart(published[y], published[x])
        if apart && (byLede || alignment.containment < configuration.majorityShare) { return .refusedEditionGap }
        let numbers = NumberConflicts.count(
            alignment.runs, ey.text.hashes, factsA: ey.facts, ex.text.hashes, factsB: ex.facts,
            maxGap: configuration.numberSlotWords)
        guard numbers.conflicts < (apart ? 1 : configuration.maxNumberConflicts) else {
            return .refusedNumberConflicts
        }
        var edge = Edge(alignment, y: y, x: x)
        edge.sameLede = byLede
        edge.sameWords =
            coversNearlyAll(alignment.coveredTokensA, of: alignment.tokensA)
            && coversNearlyAll(alignment.coveredTokensB, of: alignment.tokensB)
        return .accepted(edge, byLede: byLede, copy: alignment.similarity >= configuration.copySimilarity)
    }

    /// Scratch state for `verify`, kept from one pair to the next.
    struct VerificationScratch {
        var aligner = PassageAligner.Scratch()
        /// The earlier document's seed keys as a key index holds them (`PassageAligner.keyed`).
        var keyedSeeds: [UInt64] = []
        /// The later document's windows indexed by their keys (`PassageAligner.keyIndex`), and which
        /// document that is: built once for a document's candidates in a row, and not kept in the
        /// cache beside its whole index (memory).
        var keyIndex: (of: Int, index: PassageAligner.Index)?
        /// The earlier document's profile, and its bytes as read.
        var profile = VerificationProfile()
        var profileBytes: [UInt8] = []
    }

    /// One thread's scratch state for the candidate phase.
    struct Worker {
        var cache: TokenCache
        var scratch = VerificationScratch()
        /// Per earlier document, fingerprints shared with the current one.
        var shared: [Int32]
        /// The earlier documents met while counting (`examine`), each once at its front.
        var touched: [Int32] = []
        /// The current document's posting lists, as fingerprint numbers, then as `start << 32 | end`
        /// in `PostingIndex.postings`.
        var lists: [Int] = []
        /// What the loads made only to fill the cache add up to (kept, so that they are made).
        var sink: UInt32 = 0
        /// Per document, the last document (plus one) that listed it as a candidate.
        var stamp: [Int32]
        init(count: Int) {
            // Small: a cached document is mostly the later one of its own candidates in a row; an
            // earlier one recurs seldom (1% of reads at 256 entries, 12% at 4,096, c100k).
            cache = TokenCache(capacity: 64, documents: count)
            shared = [Int32](repeating: 0, count: count)
            stamp = [Int32](repeating: 0, count: count)
        }
    }

    /// A document's candidates, in the order the sequential algorithm verifies them, and what the
    /// parallel phase found for each (nil: skipped as a known copy of the document).
    struct Examined {
        var fingerprintCandidates = 0
        var candidates: [Int32] = []
        var outcomes: [Outcome?] = []
    }

    /// Gathers x's fingerprint candidates, appends them to its LSH candidates (first occurrence
    /// kept), and verifies them, skipping those known as near-verbatim copies of x — in `copies`,
    /// the union-find as of the block's start, or through x's own accepted pairs — and those in x's
    /// block (from `blockStart` on), which the replay verifies if it needs them.
    func examine(
        _ x: Int, _ lsh: [Int32], _ fingerprints: SketchTable, _ index: PostingIndex,
        _ commonText: CommonText, _ screens: VerificationScreens, _ copies: UnionFind, blockStart: Int,
        _ w: inout Worker, _ aligner: PassageAligner, _ lede: LedeAgreement, _ published: [Int64]
    ) throws -> Examined {
        // Fingerprint candidates: earlier documents sharing enough non-common fingerprints. The
        // fingerprints left in `fingerprints` are all indexed and none is common (`acceptedPairs`).
        // Each step is a loop of loads that do not depend on each other (the table's entries, the
        // posting lists' places, their first documents), so that their cache misses overlap
        // rather than wait on the walk's branches one by one.
        w.lists.removeAll(keepingCapacity: true)
        try fingerprints.fingerprints(x).withUnsafeBufferPointer { fs in
            w.sink &+= index.table.warm(fs)
            for f in fs {
                if let i = index.table.index(of: f) { w.lists.append(i) }
            }
        }
        for k in w.lists.indices {
            let r = index.range(w.lists[k])
            w.lists[k] = r.lowerBound << 32 | r.upperBound
        }
        // Each earlier document met is written down, and kept (by the count) when its shared count
        // goes from 0: whether an entry is new follows no pattern a branch predictor learns. The
        // writes go to the count's place, which stays below both the postings walked and x.
        var total = 0
        for r in w.lists { total += (r & 0xffff_ffff) - (r >> 32) }
        let room = min(total, x + 1)
        if w.touched.count < room { w.touched = [Int32](repeating: 0, count: room) }
        var touched = 0
        index.postings.withUnsafeBufferPointer { postings in
            for r in w.lists { w.sink &+= UInt32(bitPattern: postings[r >> 32]) }
            w.shared.withUnsafeMutableBufferPointer { shared in
                w.touched.withUnsafeMutableBufferPointer { met in
                    for r in w.lists {
                        for e in postings[r >> 32..<r & 0xffff_ffff] {
                            let y = Int(e)
                            if y >= x { break }
                            met[touched] = e
                            touched &+= shared[y] == 0 ? 1 : 0
                            shared[y] &+= 1
                        }
                    }
                }
            }
        }
        let minShared = Int32(configuration.minSharedFingerprints)
        var fingerprintCandidates: [Int] = []
        w.shared.withUnsafeMutableBufferPointer { shared in
            for e in w.touched[..<touched] where shared[Int(e)] >= minShared { fingerprintCandidates.append(Int(e)) }
            fingerprintCandidates.sort { (shared[$0], -$0) > (shared[$1], -$1) }
            for e in w.touched[..<touched] { shared[Int(e)] = 0 }
        }
        if fingerprintCandidates.count > configuration.maxCandidatesPerDocument {
            fingerprintCandidates.removeSubrange(configuration.maxCandidatesPerDocument...)
        }
        var out = Examined(fingerprintCandidates: fingerprintCandidates.count)
        let mark = Int32(x + 1)
        for y in lsh where w.stamp[Int(y)] != mark {
            w.stamp[Int(y)] = mark
            out.candidates.append(y)
        }
        for y in fingerprintCandidates where w.stamp[y] != mark {
            w.stamp[y] = mark
            out.candidates.append(Int32(y))
        }
        // Verify, skipping documents already known as near-verbatim copies of x.
        var joined = [copies.root(x)]
        out.outcomes.reserveCapacity(out.candidates.count)
        for e in out.candidates {
            let y = Int(e)
            let root = copies.root(y)
            // A candidate in the same block is left to the replay: `copies` does not know yet
            // whether it joined x's copies (a story copied many times in a row would otherwise be
            // verified against every copy in the block). Rare otherwise: documents are far apart.
            if y >= blockStart || joined.contains(root) {
                out.outcomes.append(nil)
                continue
            }
            let outcome = try verify(y, x, &w.cache, &w.scratch, commonText, screens, aligner, lede, published)
            if case .accepted(_, _, true) = outcome { joined.append(root) }
            out.outcomes.append(outcome)
        }
        return out
    }

    /// Clusters all documents; `inputs[i].ordinal` must be `i`.
    ///
    /// Documents are taken in blocks: a block's LSH candidates are gathered in order (bucket state
    /// depends on it), its documents are examined in parallel against the copy union-find as of the
    /// block's start, and the results are replayed in order with the true union-find — a pair the
    /// sequential algorithm skips is dropped, one it needs that the parallel phase skipped is
    /// verified then — so the outcome is the sequential algorithm's, whatever the threads.
    /// - Complexity: O(n · (b + f + c·v) + e log e) for n documents, b bands, f fingerprints per
    ///   document, c verified candidates per document of alignment cost v, and e accepted pairs; the
    ///   bucket cap and the candidate cap keep c bounded.
    public func run(_ inputs: consuming [SketchedDocument]) throws -> Clustering {
        var sketches = SketchTable()
        for (i, d) in inputs.enumerated() {
            precondition(d.ordinal == i, "documents must be in ordinal order")
            try sketches.append(d.sketch, date: d.date)
        }
        _ = consume inputs
        return try run(consume sketches)
    }

    /// Clusters all documents of `sketches` (see `run(_:)` above).
    public func run(_ sketches: consuming SketchTable) throws -> Clustering {
        let n = sketches.count
        var counters = Counters(names: Counters.stageNames)
        // What the union and the clusters need of each document, apart from its sketch.
        let dates = sketches.dates
        let lengths = sketches.tokenCounts
        let aligner = PassageAligner(
            minPassageWords: configuration.minPassageWords, quoteWeight: configuration.quoteWeight)
        let lede = LedeAgreement(ledeWords: configuration.ledeWords)
        var workers = (0..<threads).map { _ in Worker(count: n) }
        let published = dates.map { d in d.flatMap(CivilTime.epochSeconds).map(Int64.init) ?? Int64.min }
        let (edges, commonText) = try acceptedPairs(
            consume sketches, &workers, &counters, aligner, lede, published)
        releaseFreeMemory()
        var (sets, containsScore) = union(consume edges, lengths, &counters)
        releaseFreeMemory()
        return try assemble(dates, lengths, &sets, containsScore, aligner, commonText, &workers, counters)
    }

    /// The union phase (see the type's documentation): the joined sets and each document's score as
    /// a container of others (for the roots). The pairs are let go when it returns.
    private func union(
        _ edges: consuming EdgeList, _ lengths: [Int], _ counters: inout Counters
    ) -> (UnionFind, [Double]) {
        let n = lengths.count
        // Union, strongest first, the pairs that are each document's best evidence — the pair finding
        // the largest share of it — and the pairs sharing most of both texts: most of their weight, or
        // nearly all of their words (a text made of common sentences shares no weight with its own
        // copy, which the short-text rule accepts). An excerpt of one story
        // that also shares a sentence or two with another story joins the first only, and a story
        // with no copies does not bridge the stories it shares background with.
        var chosen = [Bool](repeating: false, count: edges.count)
        var bestEdge = [Int](repeating: -1, count: n)
        for i in 0..<edges.count {
            let edge = edges[i]
            if min(edge.shareX, edge.shareY) >= Float(configuration.mutualShare) || edge.sameWords { chosen[i] = true }
            for (doc, share) in [(edge.y, edge.shareY), (edge.x, edge.shareX)]
            where Double(share) >= configuration.bestMinShare || Double(edge.shared) >= configuration.bestMinWords
                || edge.sameLede
            {
                let b = bestEdge[doc]
                if b < 0 || (share, edge.similarity) > (edges[b].share(of: doc), edges[b].similarity) {
                    bestEdge[doc] = i
                }
            }
        }
        for b in bestEdge where b >= 0 { chosen[b] = true }
        var order = (0..<edges.count).filter { chosen[$0] }
        counters.add("refused_not_best", edges.count - order.count)
        order.sort { (edges[$0].strength, edges[$0].y, edges[$0].x) > (edges[$1].strength, edges[$1].y, edges[$1].x) }
        var sets = UnionFind(count: n)
        var coverage: [Int: Coverage] = [:]
        var containsScore = [Double](repeating: 0, count: n)
        var edgesOf: EdgesOf? = nil
        for i in order {
            let edge = edges[i]
            let x = edge.x
            let y = edge.y
            if sets.find(x) == sets.find(y) { continue }
            if !edge.sameLede
                && !edges.touchesLongerLede(
                    i, belowShare: Float(configuration.digestShare), ledeWords: configuration.ledeWords)
                && holdsOtherStories(i, edges, &edgesOf)
            {
                counters.add("refused_digest", 1)
                continue
            }
            let coveredY = Coverage(edges.runs(i).map(\.a), count: lengths[y])
            let coveredX = Coverage(edges.runs(i).map(\.b), count: lengths[x])
            guard coherent(y, coveredY, Double(edge.shareY), x, coveredX, Double(edge.shareX), &sets, coverage) else {
                counters.add("refused_multi_story", 1)
                continue
            }
            sets.union(x, y)
            coverage[y, default: Coverage()].formUnion(coveredY)
            coverage[x, default: Coverage()].formUnion(coveredX)
            containsScore[y] += Double(edge.shareX)
            containsScore[x] += Double(edge.shareY)
        }
        return (sets, containsScore)
    }

    /// The candidate and verification phases (see `run`): every accepted pair, in the order found,
    /// and where each document's common text lies. The sketches are let go as soon as they have done
    /// their work, the indexes built from them when this returns: the union keeps the pairs alone.
    private func acceptedPairs(
        _ sketches: consuming SketchTable, _ workers: inout [Worker], _ counters: inout Counters,
        _ aligner: PassageAligner, _ lede: LedeAgreement, _ published: [Int64]
    ) throws -> (EdgeList, CommonText) {
        let n = sketches.count
        let permutations = n > 0 ? sketches.permutations : 128
        let (bands, rows) = bandsAndRows(permutations: permutations)
        counters.set("lsh_bands", bands)
        counters.set("lsh_rows", rows)

        let common = try commonFingerprints(sketches)
        releaseFreeMemory()
        counters.set("common_fingerprints", common.count)
        var buckets = try LSHBuckets(
            copy sketches, bands: bands, rows: rows, cap: configuration.bucketCap, threads: threads)
        // The signatures have done their work (common fingerprints, bucket keys), and of the
        // fingerprints only those held by other documents too and not common make candidates: keep
        // those alone — freed here when the caller handed the sketches over (`run(consume sketches)`)
        // — and index them: the index is not held beside the signatures.
        sketches.dropSignatures()
        try sketches.keepFingerprints(threads: threads) { !common.contains($0) }
        releaseFreeMemory()
        let index = try PostingIndex(copy sketches, cap: configuration.bucketCap, threads: threads)
        try sketches.keepFingerprints(threads: threads) { index.table.contains($0) }
        let fingerprints = consume sketches
        releaseFreeMemory()
        let commonText = try commonText(n, consume common, &workers)
        counters.set("seams", commonText.seamCount)
        releaseFreeMemory()
        let screens = try verificationScreens(n, &workers)

        // Near-verbatim copies already verified: a candidate joined to x this way is not verified again,
        // which keeps a story copied thousands of times linear.
        var copies = UnionFind(count: n)
        var edges = EdgeList()
        var replayScratch = VerificationScratch()
        // Counted here and added once at the end: `Counters` finds a counter by name, and the
        // replay counts millions of pairs on the one thread that replays.
        var candidatesLSH = 0
        var candidatesFingerprint = 0
        var verified = 0
        var accepted = 0
        var acceptedByLede = 0
        var refusedNumberConflicts = 0
        var refusedEditionGap = 0

        for start in stride(from: 0, to: n, by: Self.blockSize) {
            let end = min(n, start + Self.blockSize)
            // What verification frees on the worker threads stays with their allocator arenas.
            if start > 0 && (start / Self.blockSize) % 64 == 0 { releaseFreeMemory() }
            // LSH candidates: earlier documents in any of x's buckets (bucket state depends on order).
            let lsh = (start..<end).map { x in
                var candidates: [Int32] = []
                buckets.arrive(x, into: &candidates)
                return candidates
            }
            // The workers read a snapshot of the copies; it is let go before the replay writes to
            // them, so that the replay does not copy the union-find (n entries) once per block.
            let examined = try { (snapshot: UnionFind) in
                try parallelMap(count: end - start, states: &workers) { w, i in
                    try examine(
                        start + i, lsh[i], fingerprints, index, commonText, screens, snapshot, blockStart: start,
                        &w, aligner, lede, published)
                }
            }(copies)
            // Replay in order.
            for (i, e) in examined.enumerated() {
                let x = start + i
                candidatesLSH += lsh[i].count
                candidatesFingerprint += e.fingerprintCandidates
                for (k, c) in e.candidates.enumerated() {
                    let y = Int(c)
                    if copies.find(x) == copies.find(y) { continue }
                    verified += 1
                    let outcome =
                        try e.outcomes[k]
                        ?? verify(
                            y, x, &workers[0].cache, &replayScratch, commonText, screens, aligner, lede, published)
                    switch outcome {
                    case .rejected: continue
                    case .refusedNumberConflicts: refusedNumberConflicts += 1
                    case .refusedEditionGap: refusedEditionGap += 1
                    case .accepted(let edge, let byLede, let copy):
                        accepted += 1
                        if byLede { acceptedByLede += 1 }
                        if copy { copies.union(x, y) }
                        edges.append(edge)
                    }
                }
            }
        }
        counters.add("candidates_lsh", candidatesLSH)
        counters.add("candidates_fingerprint", candidatesFingerprint)
        counters.add("verified", verified)
        counters.add("accepted", accepted)
        counters.add("accepted_by_lede", acceptedByLede)
        counters.add("refused_number_conflicts", refusedNumberConflicts)
        counters.add("refused_edition_gap", refusedEditionGap)
        // The candidate phase's scratch arrays are not needed by the clusters.
        for w in workers.indices {
            workers[w].shared = []
            workers[w].stamp = []
        }
        return (edges, commonText)
    }

    private func bandsAndRows(permutations: Int) -> (Int, Int) {
        if let b = configuration.lshBands, let r = configuration.lshRows, b * r <= permutations { return (b, r) }
        return LSHParameters.optimal(
            threshold: configuration.lshThreshold, permutations: permutations,
            falsePositiveWeight: configuration.lshFalsePositiveWeight,
            falseNegativeWeight: configuration.lshFalseNegativeWeight)
    }

    /// Fingerprints shared by many documents that are otherwise dissimilar: boilerplate and stock quotes.
    ///
    /// The documents holding a fingerprint (its first `commonSampleDocuments` postings) are grouped
    /// around leaders: a document joins the first leader whose estimated Jaccard with it is at least
    /// `commonMaxSimilarity`, else leads a new group, so copies of one story count once. The
    /// fingerprint is common when the groups number at least `commonMinDocuments` and at least half
    /// the sampled documents: text that recurs in many different stories (a newsletter blurb, a share
    /// widget, a stock quote) rather than a sentence a few stories happen to share.
    /// Fingerprints with the same sampled documents share one decision. The fingerprints are walked
    /// group by group (`PostingIndex.forEachGroup`): no index is kept beside the signatures. Each
    /// decision is a pure function of the sample, so the groups are gathered in batches and
    /// decided on `threads` threads (each with its own memo of samples decided), in order.
    /// Each common fingerprint also gets, on the same threads, the sketch of the stories holding it
    /// (`CommonFingerprints.sketch`, over all its documents).
    /// - Complexity: O(F · s · g · p) for F fingerprints in enough documents, s sampled postings,
    ///   g groups (the loop stops once the outcome is certain) and p permutations; plus O(P) for
    ///   their P postings in all (copied into the batch; the common ones' sketched).
    private func commonFingerprints(_ sketches: SketchTable) throws -> CommonFingerprints {
        var common: [UInt32] = []
        var commonSketches: [UInt32] = []
        // A story is known by its documents' first MinHash value, which copies share.
        let storyKeys = (0..<sketches.count).map { sketches.signature($0).first ?? UInt32(truncatingIfNeeded: $0) }
        let sampleSize = min(configuration.bucketCap, configuration.commonSampleDocuments)
        var memos = (0..<threads).map { _ in SampleDecisions() }
        // The batch: each group's fingerprint, and the documents holding it as
        // `documents[ends[g - 1]..<ends[g]]` (the first `sampleSize` of them its sample).
        var fingerprints: [UInt32] = []
        var documents: [Int32] = []
        var ends: [Int] = []
        func decideBatch() throws {
            let (batch, docs, bounds) = (fingerprints, documents, ends)
            let chunk = 256
            // Per chunk, its verdicts, and the sketches of its common fingerprints' stories, in order.
            let decided = try parallelMap(count: (batch.count + chunk - 1) / chunk, states: &memos) { memo, c in
                var verdicts: [Bool] = []
                var sketched: [UInt32] = []
                for g in c * chunk..<min(batch.count, (c + 1) * chunk) {
                    let holding = docs[(g == 0 ? 0 : bounds[g - 1])..<bounds[g]]
                    let verdict = memo.isCommon(Array(holding.prefix(sampleSize))) {
                        isCommon(sample: $0, sketches, leaders: &$1)
                    }
                    verdicts.append(verdict)
                    if verdict { CommonFingerprints.sketch(holding.lazy.map { storyKeys[Int($0)] }, into: &sketched) }
                }
                return (verdicts, sketched)
            }
            var g = 0
            for (verdicts, sketched) in decided {
                for verdict in verdicts {
                    if verdict { common.append(batch[g]) }
                    g += 1
                }
                commonSketches += sketched
            }
            fingerprints.removeAll(keepingCapacity: true)
            documents.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }
        try PostingIndex.forEachGroup(
            sketches, minDocuments: configuration.commonMinDocuments, threads: threads, passEnded: {}
        ) {
            f, group in
            fingerprints.append(f)
            documents += group.lazy.map { Int32(truncatingIfNeeded: $0) }
            ends.append(documents.count)
            if fingerprints.count == Self.commonBatch { try decideBatch() }
        }
        try decideBatch()
        return CommonFingerprints(sortedKeys: common, sketches: commonSketches)
    }

    /// Fingerprint groups decided at a time by `commonFingerprints`.
    static let commonBatch = 16_384

    /// Whether a fingerprint held by the sampled documents `docs` is common text (see
    /// `commonFingerprints`): they fall into enough groups around leaders (`leaders`: scratch).
    private func isCommon(sample docs: [Int32], _ sketches: SketchTable, leaders: inout [Int]) -> Bool {
        let needed = max(configuration.commonMinDocuments, (docs.count + 1) / 2)
        leaders.removeAll(keepingCapacity: true)
        for (i, e) in docs.enumerated() {
            if leaders.count >= needed || leaders.count + (docs.count - i) < needed { break }
            let grouped = leaders.contains {
                sketches.estimatedJaccard($0, Int(e)) >= configuration.commonMaxSimilarity
            }
            if !grouped { leaders.append(Int(e)) }
        }
        return leaders.count >= needed
    }

    /// Which tokens lie inside a shingle whose fingerprint is common text, as the maximal token
    /// ranges they cover (each shingle covers its `shingleSize` tokens, and shingles come in token
    /// order, so a range extends the last one when they touch), and the text's *seams*
    /// (`CommonFingerprints`): the first token of each common shingle that begins at most
    /// `min_passage_words` tokens after the end of the common text before it, when its fingerprint
    /// and that of the common shingle before it do not recur together.
    /// - Parameter found: Scratch for the shingles' positions among the common fingerprints
    ///   (`CommonFingerprints.lookUp`), its storage reused from one document to the next.
    func commonRanges(
        _ hashes: [UInt64], _ common: CommonFingerprints, _ found: inout [Int32]
    ) -> (ranges: [Range<Int32>], seams: [Int32]) {
        guard !common.isEmpty else { return ([], []) }
        common.lookUp(shingler(hashes), into: &found)
        var out: [Range<Int32>] = []
        var seams: [Int32] = []
        let k = min(shingleSize, hashes.count)
        var previous = -1  // the fingerprint of the common shingle before, by position
        for (i, f) in found.enumerated() where f >= 0 {
            let f = Int(f)
            let end = Int32(min(i + k, hashes.count))
            if let last = out.last, last.upperBound + Int32(configuration.minPassageWords) >= Int32(i), previous >= 0,
                !common.recurTogether(previous, f)
            {
                seams.append(Int32(i))
            }
            previous = f
            if let last = out.last, last.upperBound >= Int32(i) {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                out.append(Int32(i)..<end)
            }
        }
        return (out, seams)
    }

    /// Whether two texts were published at least `edition_gap_days` apart (`Int64.min`: no date).
    /// A copy or rewrite appears within days and keeps its source's figures; a text published later
    /// that shares less than `majority_share` of the smaller text, or states one other figure, is a
    /// follow-up or the next edition of a recurring report: another story.
    func publishedApart(_ publishedY: Int64, _ publishedX: Int64) -> Bool {
        let gap = configuration.editionGapDays
        return gap > 0 && publishedY != .min && publishedX != .min
            && Double(abs(publishedX - publishedY)) >= gap * 86400
    }

    /// The verification rule: enough shared weight, and enough of the smaller text. A short text
    /// (a stub, an earnings table) qualifies when nearly all of its words, common text included, are
    /// shared.
    func accepts(_ a: PassageAligner.Alignment) -> Bool {
        accepts(
            shared: min(a.sharedA, a.sharedB), totalA: a.totalA, totalB: a.totalB, coveredA: a.coveredTokensA,
            tokensA: a.tokensA, coveredB: a.coveredTokensB, tokensB: a.tokensB)
    }

    /// `accepts` on the figures of an alignment, or on bounds on them (`mayAccept`): the shared
    /// weight (one-to-one, as `align` gives it), each text's total weight, and each text's covered
    /// tokens and tokens.
    @inline(__always)
    func accepts(
        shared: Double, totalA: Double, totalB: Double, coveredA: Int, tokensA: Int, coveredB: Int, tokensB: Int
    ) -> Bool {
        let containment = max(totalA > 0 ? shared / totalA : 0, totalB > 0 ? shared / totalB : 0)
        if containment >= configuration.minContainment && shared >= configuration.minSharedWords { return true }
        let (covered, total) = tokensA <= tokensB ? (coveredA, tokensA) : (coveredB, tokensB)
        return covered >= configuration.minPassageWords && coversNearlyAll(covered, of: total)
    }

    /// Whether `covered` tokens are nearly all of a text's `total` (`short_text_containment`).
    @inline(__always)
    func coversNearlyAll(_ covered: Int, of total: Int) -> Bool {
        Double(covered) >= configuration.shortTextContainment * Double(max(total, 1))
    }

    /// The second verification rule, for heavy rewrites: enough shared weight in at least
    /// `lede_min_passages` separate passages, and ledes that agree on the news peg (their
    /// agreement computed only when the rest holds).
    func sameNewsPeg(_ a: PassageAligner.Alignment, agreement: @autoclosure () throws -> Double) rethrows -> Bool {
        try sameNewsPeg(runs: a.runs.count, shared: min(a.sharedA, a.sharedB), agreement: agreement())
    }

    /// `sameNewsPeg` on the figures of an alignment, or on bounds on them (`mayAccept`).
    @inline(__always)
    func sameNewsPeg(runs: Int, shared: Double, agreement: @autoclosure () throws -> Double) rethrows -> Bool {
        guard runs >= configuration.ledeMinPassages, shared >= configuration.minSharedWords else { return false }
        return try agreement() >= configuration.ledeMinAgreement
    }

    /// Whether `accepts` or `sameNewsPeg` may hold for the pair of a document with profile `y` (as A)
    /// and the cached document `ex` (as B), from bounds on what their alignment can find
    /// (`PassageAligner.coverageBound`): false only when neither can, and the pair is rejected
    /// without reading y's words. The lede agreement is computed only when the rest may hold.
    ///
    /// The covered tokens of each text are at most the bound (and the text's length); the shared
    /// weight at most the fewer of them (a token weighs at most 1: `quote_weight` ≤ 1, common text
    /// 0); the runs at most the hits. A relative slack of 10⁻⁹ keeps the bounds above any rounding
    /// of the sums `align` adds up.
    func mayAccept(
        _ y: VerificationProfile, _ ex: TokenCache.Entry, _ aligner: PassageAligner,
        _ scratch: inout PassageAligner.Scratch, _ lede: LedeAgreement, ledeX: @autoclosure () throws -> [UInt64]
    ) rethrows -> Bool {
        let bound = aligner.coverageBound(
            seeds: y.seeds, tokens: y.tokenCount, indexB: ex.index(aligner), scratch: &scratch)
        return try mayAccept(
            bound, tokensA: y.tokenCount, totalA: y.totalWeight, ex, agreement: lede.agreement(y.lede, ledeX()))
    }

    /// `mayAccept` for the pair (y, x) from their screens (`VerificationScreens`) instead of y's
    /// profile, with x's cached entry `ex`, its windows indexed by key: false only when neither rule
    /// can hold, from bounds that hold with any matches added (see `coverageBound`): a pair ruled
    /// out here is one the alignment rejects.
    func mayAcceptByKeys(
        _ y: Int, _ x: Int, _ screens: VerificationScreens, _ ex: TokenCache.Entry, _ aligner: PassageAligner,
        _ scratch: inout VerificationScratch
    ) -> Bool {
        screens.withRecord(y) { na, totalA, seeds, ledeA in
            scratch.keyedSeeds.removeAll(keepingCapacity: true)
            scratch.keyedSeeds.append(contentsOf: seeds.lazy.map(PassageAligner.keyed))
            let keyIndex: PassageAligner.Index
            if let kept = scratch.keyIndex, kept.of == x {
                keyIndex = kept.index
            } else {
                keyIndex = aligner.keyIndex(ex.text.hashes)
                scratch.keyIndex = (x, keyIndex)
            }
            let bound = aligner.coverageBound(
                seeds: scratch.keyedSeeds, tokens: na, indexB: keyIndex, scratch: &scratch.aligner)
            return mayAccept(
                bound, tokensA: na, totalA: totalA, ex,
                agreement: screens.withRecord(x) { _, _, _, ledeB in VerificationScreens.agreementBound(ledeA, ledeB) })
        }
    }

    /// The rules of `mayAccept` on a coverage bound (`PassageAligner.coverageBound`) of a pair's earlier
    /// text, of `tokensA` tokens and weight `totalA`, with the cached document `ex`.
    private func mayAccept(
        _ bound: (tokens: Int, hits: Int), tokensA na: Int, totalA: Double, _ ex: TokenCache.Entry,
        agreement: @autoclosure () throws -> Double
    ) rethrows -> Bool {
        let nb = ex.text.hashes.count
        let coveredA = min(bound.tokens, na)
        let coveredB = min(bound.tokens, nb)
        let shared = Double(min(coveredA, coveredB)) * (1 + 1e-9)
        return try accepts(
            shared: shared, totalA: totalA, totalB: ex.text.totalWeight, coveredA: coveredA, tokensA: na,
            coveredB: coveredB, tokensB: nb)
            || sameNewsPeg(runs: bound.hits, shared: shared, agreement: agreement())
    }

    /// Whether the longer text of edge `e` (the side with the smaller share) is made of several stories:
    /// another of its pairs finds a different part of it (less than half of the part `e` finds) and no
    /// third pair finds most of both parts — a roundup, not one story its partners quote in pieces.
    private func holdsOtherStories(_ e: Int, _ edges: EdgeList, _ edgesOf: inout EdgesOf?) -> Bool {
        if edgesOf == nil { edgesOf = EdgesOf(edges) }
        let edge = edges[e]
        let long = edge.shareY <= edge.shareX ? edge.y : edge.x
        let short = long == edge.y ? edge.x : edge.y
        func span(_ f: Int) -> [Range<Int32>] { edges.runs(f).map { long == edges[f].y ? $0.a : $0.b } }
        func size(_ a: [Range<Int32>]) -> Int { a.reduce(0) { $0 + $1.count } }
        func overlap(_ a: [Range<Int32>], _ b: [Range<Int32>]) -> Int {
            var total = 0
            for r in a {
                for q in b { total += max(0, Int(min(r.upperBound, q.upperBound) - max(r.lowerBound, q.lowerBound))) }
            }
            return total
        }
        let others = (edgesOf?[long] ?? []).filter { $0 != e && edges[$0].y != short && edges[$0].x != short }
        let mine = span(e)
        let mineSize = size(mine)
        for f in others {
            let part = span(f)
            guard 2 * overlap(part, mine) < mineSize else { continue }
            let bridged = others.contains { g in
                let whole = span(g)
                return g != f && 2 * overlap(whole, mine) >= mineSize && 2 * overlap(whole, part) >= size(part)
            }
            if !bridged { return true }
        }
        return false
    }

    /// Whether joining x's and y's clusters through this pair keeps each side one story.
    private func coherent(
        _ y: Int, _ coveredY: Coverage, _ fractionY: Double, _ x: Int, _ coveredX: Coverage, _ fractionX: Double,
        _ sets: inout UnionFind, _ coverage: [Int: Coverage]
    ) -> Bool {
        func sideOK(_ doc: Int, _ covered: Coverage, _ fraction: Double, _ otherFraction: Double) -> Bool {
            guard let prior = coverage[doc], sets.setSize(doc) > 1 else { return true }
            let new = covered.tokenCount
            let overlap = covered.overlap(prior)
            if new == 0 || Double(overlap) >= 0.5 * Double(new) { return true }
            return fraction >= configuration.majorityShare || otherFraction >= configuration.majorityShare
        }
        return sideOK(y, coveredY, fractionY, fractionX) && sideOK(x, coveredX, fractionX, fractionY)
    }
}

/// Named counters for the summary, in first-use order.
struct Counters {
    private(set) var items: [(String, Int)]

    /// The cluster stage's counters, all present (zero until counted) in this order, so that
    /// `summary.json` has the same keys whatever the data.
    static let stageNames = [
        "lsh_bands", "lsh_rows", "common_fingerprints", "seams", "candidates_lsh", "candidates_fingerprint", "verified",
        "accepted", "accepted_by_lede", "refused_number_conflicts", "refused_edition_gap", "refused_not_best",
        "refused_digest",
        "refused_multi_story",
    ]

    init(names: [String] = []) { items = names.map { ($0, 0) } }

    mutating func add(_ name: String, _ n: Int) {
        if let i = items.firstIndex(where: { $0.0 == name }) { items[i].1 += n } else { items.append((name, n)) }
    }
    mutating func set(_ name: String, _ n: Int) {
        if let i = items.firstIndex(where: { $0.0 == name }) { items[i].1 = n } else { items.append((name, n)) }
    }
}

/// Where each document's common text lies: its masked token ranges and its seams, flat.
struct CommonText: Sendable {
    /// `ranges[offsets[d]..<offsets[d + 1]]`: document d's ranges.
    private var offsets: [Int32] = [0]
    private var ranges: [Range<Int32>] = []
    /// `seams[seamOffsets[d]..<seamOffsets[d + 1]]`: document d's seams.
    private var seamOffsets: [Int32] = [0]
    private var seams: [Int32] = []

    /// No common text in `count` documents.
    init(count: Int) {
        offsets = [Int32](repeating: 0, count: count + 1)
        seamOffsets = offsets
    }

    mutating func append(_ documentRanges: [Range<Int32>], seams documentSeams: [Int32]) {
        ranges += documentRanges
        offsets.append(Int32(ranges.count))
        seams += documentSeams
        seamOffsets.append(Int32(seams.count))
    }

    /// Where document `d`'s common text lies (`Clusterer.commonRanges`): token ranges in increasing
    /// order, disjoint; a slice of the table, not a copy.
    func ranges(_ d: Int) -> ArraySlice<Range<Int32>> { ranges[Int(offsets[d])..<Int(offsets[d + 1])] }

    /// The seams of all documents.
    var seamCount: Int { seams.count }

    /// Document `d`'s seams (`Clusterer.commonRanges`), increasing; a slice of the table.
    func seams(_ d: Int) -> ArraySlice<Int32> { seams[Int(seamOffsets[d])..<Int(seamOffsets[d + 1])] }

    /// Appends the documents of `other`, after these.
    mutating func append(contentsOf other: CommonText) {
        let base = Int32(ranges.count)
        ranges += other.ranges
        offsets += other.offsets.dropFirst().lazy.map { $0 + base }
        let seamBase = Int32(seams.count)
        seams += other.seams
        seamOffsets += other.seamOffsets.dropFirst().lazy.map { $0 + seamBase }
    }
}

/// A small cache of documents read back from the store and prepared for verification, most
/// recent kept. Each thread has its own.
struct TokenCache {
    /// A document as verification needs it. A class: what is computed lazily (all tokens, lede
    /// words, the window index) is kept in the cached entry; an evicted entry is refilled for
    /// the next document (`Clusterer.prepare`), its arrays' storage reused.
    final class Entry {
        /// The words, where common text lies, the total weight.
        var text: PassageAligner.Text
        /// The tokens with their places in the text (`Clusterer.tokens(_:_:)`), when `hasTokens`
        /// (else another document's, their storage kept for it).
        var tokens = TokenizedText()
        var hasTokens = false
        /// Which tokens are facts (`NumberConflicts.factBits`, `FlagBits` words), read back with the
        /// words (`Clusterer.prepare`).
        var facts: [UInt64] = []
        /// The lede's content words (`Clusterer.ledeWords`); nil until computed.
        var lede: [UInt64]?
        private var windowIndex: PassageAligner.Index?

        init(_ text: PassageAligner.Text) { self.text = text }

        /// Tokens whose arrays an entry keeps for its next document: all but the longest few
        /// percent of news texts. Longer ones are let go, so that the cache's slots do not each
        /// pin the size of the longest document they held (peak memory).
        static let keptTokens = 512

        /// Forgets what was computed lazily, before the entry is refilled for another document.
        func clear() {
            hasTokens = false
            if tokens.hashes.capacity > Self.keptTokens { tokens = TokenizedText() }
            lede = nil
            windowIndex = nil
        }

        /// The index of the windows (`PassageAligner.index`), built once: when the document is
        /// aligned as the later one, with each of its candidates in a row.
        func index(_ aligner: PassageAligner) -> PassageAligner.Index {
            if let windowIndex { return windowIndex }
            let index = aligner.index(text.hashes)
            windowIndex = index
            return index
        }
    }

    let capacity: Int
    /// The cached entries, a ring of `capacity` slots filled in order, the oldest replaced first.
    private var entries: [Entry] = []
    /// The document in each slot.
    private var ordinals: [Int] = []
    /// Per document, its slot plus one (0: not cached): a lookup is one load, no hashing.
    private var slotOf: [Int32]
    private var oldest = 0

    /// A cache of `capacity` entries for documents numbered below `documents`.
    init(capacity: Int, documents: Int) {
        self.capacity = max(1, capacity)
        slotOf = [Int32](repeating: 0, count: documents)
    }

    /// The entry of document `ordinal`, when cached.
    func entry(_ ordinal: Int) -> Entry? {
        let slot = Int(slotOf[ordinal])
        return slot > 0 ? entries[slot - 1] : nil
    }

    /// Makes room for the next `insert`: when the cache is full, forgets its oldest entry, and gives
    /// it back to be refilled when no caller holds it any more (a pair's earlier document may still
    /// be held while its later one is loaded).
    mutating func makeRoom() -> Entry? {
        guard entries.count == capacity else { return nil }
        slotOf[ordinals[oldest]] = 0
        return isKnownUniquelyReferenced(&entries[oldest]) ? entries[oldest] : nil
    }

    /// Caches `entry` as document `ordinal`'s, in the room `makeRoom` made.
    mutating func insert(_ entry: Entry, for ordinal: Int) {
        guard entries.count == capacity else {
            entries.append(entry)
            ordinals.append(ordinal)
            slotOf[ordinal] = Int32(entries.count)
            return
        }
        entries[oldest] = entry
        ordinals[oldest] = ordinal
        slotOf[ordinal] = Int32(oldest + 1)
        oldest = (oldest + 1) % capacity
    }
}

/// An accepted pair kept for the union phase: its shares and where the shared runs lie.
struct Edge {
    /// The earlier (y) and later (x) document.
    var y: Int
    var x: Int
    /// Weighted share of y (x) found in the other.
    var shareY: Float
    var shareX: Float
    /// Symmetric similarity of the two.
    var similarity: Float
    /// Weighted words shared.
    var shared: Float
    /// Shared runs as token ranges in y (a) and x (b).
    var runs: [(a: Range<Int32>, b: Range<Int32>)]
    /// Accepted as a rewrite with the same news peg rather than by containment.
    var sameLede = false
    /// Nearly all the words of both texts, common text included, are shared (`short_text_containment`).
    var sameWords = false

    init(_ alignment: PassageAligner.Alignment, y: Int, x: Int) {
        self.y = y
        self.x = x
        shareY = Float(alignment.fractionA)
        shareX = Float(alignment.fractionB)
        similarity = Float(alignment.similarity)
        shared = Float(min(alignment.sharedA, alignment.sharedB))
        runs = alignment.runs.map {
            (Int32($0.a.lowerBound)..<Int32($0.a.upperBound), Int32($0.b.lowerBound)..<Int32($0.b.upperBound))
        }
    }
}

/// The accepted pairs kept for the union phase: fixed-size records, and their shared runs encoded
/// as small numbers in bytes (`encode`), each in blocks (`BlockArray`) — no allocation per pair, and
/// about five bytes per run instead of sixteen (a run keeps about two pairs per document, four runs
/// each).
struct EdgeList {
    /// An accepted pair without its runs.
    struct Pair {
        private let first: Int32
        private let second: Int32
        /// Weighted share of y (x) found in the other.
        let shareY: Float
        let shareX: Float
        /// Symmetric similarity of the two.
        let similarity: Float
        /// Weighted words shared.
        let shared: Float
        /// Where its runs' bytes start in `EdgeList.runBytes`, and how many runs it has.
        fileprivate let runStart: UInt32
        fileprivate let runCount: Int32
        /// Accepted as a rewrite with the same news peg rather than by containment.
        let sameLede: Bool
        /// Nearly all the words of both texts are shared, common text included.
        let sameWords: Bool

        fileprivate init(_ e: Edge, runStart: Int) {
            first = Int32(e.y)
            second = Int32(e.x)
            shareY = e.shareY
            shareX = e.shareX
            similarity = e.similarity
            shared = e.shared
            sameLede = e.sameLede
            sameWords = e.sameWords
            self.runStart = UInt32(runStart)
            runCount = Int32(e.runs.count)
        }

        /// The earlier (y) and later (x) document.
        var y: Int { Int(first) }
        var x: Int { Int(second) }

        /// The share of `doc` (one of the two) found in the other.
        func share(of doc: Int) -> Float { doc == x ? shareX : shareY }

        /// The order of union: the share of the smaller text, then similarity.
        var strength: Float { max(shareX, shareY) + similarity / 1024 }
    }

    private var pairs = BlockArray<Pair>(blockShift: 14)
    /// Shared runs as token ranges in y (a) and x (b), pair after pair.
    private var runBytes = BlockArray<UInt8>(blockShift: 18)

    var count: Int { pairs.count }

    subscript(_ i: Int) -> Pair { pairs[i] }

    mutating func append(_ e: Edge) {
        pairs.append(Pair(e, runStart: runBytes.count))
        Self.encode(e.runs) { runBytes.append($0) }
    }

    /// Pair `i`'s shared runs.
    func runs(_ i: Int) -> [(a: Range<Int32>, b: Range<Int32>)] {
        let p = pairs[i]
        var at = Int(p.runStart)
        return Self.decode(count: Int(p.runCount)) {
            defer { at += 1 }
            return runBytes[at]
        }
    }

    /// Writes `runs` as bytes: per run, its start in B after the previous run's end, its length in
    /// B, its start in A after the previous run's end, and its length in A less its length in B —
    /// each zigzag-coded (signed) and in 7-bit groups, low first, the high bit set on all but the last.
    static func encode(_ runs: [(a: Range<Int32>, b: Range<Int32>)], _ write: (UInt8) -> Void) {
        func put(_ value: Int64) {
            var v = UInt64(bitPattern: (value << 1) ^ (value >> 63))
            while v >= 0x80 {
                write(UInt8(v & 0x7f) | 0x80)
                v >>= 7
            }
            write(UInt8(v))
        }
        var a: Int64 = 0
        var b: Int64 = 0
        for run in runs {
            put(Int64(run.b.lowerBound) - b)
            put(Int64(run.b.count))
            put(Int64(run.a.lowerBound) - a)
            put(Int64(run.a.count) - Int64(run.b.count))
            a = Int64(run.a.upperBound)
            b = Int64(run.b.upperBound)
        }
    }

    /// The `count` runs `encode` wrote, its bytes read one by one from `read`.
    static func decode(count: Int, _ read: () -> UInt8) -> [(a: Range<Int32>, b: Range<Int32>)] {
        func get() -> Int64 {
            var v: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let byte = read()
                v |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
        }
        var out: [(a: Range<Int32>, b: Range<Int32>)] = []
        out.reserveCapacity(count)
        var a: Int64 = 0
        var b: Int64 = 0
        for _ in 0..<count {
            let bStart = b + get()
            let bCount = get()
            let aStart = a + get()
            let aCount = bCount + get()
            out.append((Int32(aStart)..<Int32(aStart + aCount), Int32(bStart)..<Int32(bStart + bCount)))
            a = aStart + aCount
            b = bStart + bCount
        }
        return out
    }

    /// Whether pair `i` may join its two documents as far as digests go: it finds at least
    /// `belowShare` of the longer text (the side with the smaller share), or one of its shared runs
    /// lies in that text's first `ledeWords` words. A roundup excerpting several stories holds each
    /// in its middle.
    func touchesLongerLede(_ i: Int, belowShare: Float, ledeWords: Int) -> Bool {
        let p = pairs[i]
        let longerIsY = p.shareY <= p.shareX
        if (longerIsY ? p.shareY : p.shareX) >= belowShare { return true }
        return runs(i).contains { (longerIsY ? $0.a : $0.b).lowerBound < Int32(ledeWords) }
    }
}

/// Sampled documents (ascending ordinals) in a few bytes: their count, the first ordinal, then the
/// gaps, each in 7-bit groups, low first, the high bit set on all but the last.
/// Samples already decided (`Clusterer.commonFingerprints`), by a hash of the sample: where the
/// sample is kept (`SampleCoding`) times two, plus one when common; reused once the two compare
/// equal. Fingerprints of the same few stories share their sampled documents.
struct SampleDecisions {
    private var decided: [UInt64: UInt32] = [:]
    private var samples = BlockArray<UInt8>(blockShift: 18)
    /// Scratch lent to `decide`, kept from one decision to the next.
    private var scratch: [Int] = []

    /// The decision for `docs`, remembered, or made by `decide` (given scratch storage) and remembered.
    mutating func isCommon(_ docs: [Int32], _ decide: ([Int32], inout [Int]) -> Bool) -> Bool {
        var hash = UInt64(docs.count)
        for e in docs { hash = StableHash.mix64(hash ^ UInt64(UInt32(bitPattern: e))) }
        if let known = decided[hash] {
            var at = Int(known >> 1)
            let same = SampleCoding.matches(docs) {
                defer { at += 1 }
                return samples[at]
            }
            if same { return known & 1 == 1 }
        }
        let verdict = decide(docs, &scratch)
        if decided[hash] == nil {
            decided[hash] = UInt32(samples.count) << 1 | (verdict ? 1 : 0)
            SampleCoding.encode(docs) { samples.append($0) }
        }
        return verdict
    }
}

enum SampleCoding {
    static func encode(_ docs: [Int32], _ write: (UInt8) -> Void) {
        func put(_ value: Int) {
            var v = UInt(value)
            while v >= 0x80 {
                write(UInt8(v & 0x7f) | 0x80)
                v >>= 7
            }
            write(UInt8(v))
        }
        put(docs.count)
        var previous: Int32 = 0
        for d in docs {
            put(Int(d - previous))
            previous = d
        }
    }

    /// Whether the sample `encode` wrote, its bytes read one by one from `read`, is `docs`.
    static func matches(_ docs: [Int32], _ read: () -> UInt8) -> Bool {
        func get() -> Int {
            var v = 0
            var shift = 0
            while true {
                let byte = read()
                v |= Int(byte & 0x7f) << shift
                if byte < 0x80 { return v }
                shift += 7
            }
        }
        guard get() == docs.count else { return false }
        var previous: Int32 = 0
        for d in docs {
            guard get() == Int(d - previous) else { return false }
            previous = d
        }
        return true
    }
}

/// An append-only array in blocks of `1 << blockShift` elements: growing never copies the
/// elements, nor holds two copies of them at once, as an array growing by doubling does.
struct BlockArray<Element> {
    private var blocks: [[Element]] = []
    private let blockShift: Int
    private(set) var count = 0

    init(blockShift: Int) { self.blockShift = blockShift }

    mutating func append(_ element: Element) {
        if count & ((1 << blockShift) - 1) == 0 {
            var block: [Element] = []
            block.reserveCapacity(1 << blockShift)
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(element)
        count += 1
    }

    subscript(_ i: Int) -> Element { blocks[i >> blockShift][i & ((1 << blockShift) - 1)] }
}

/// Per document, the pairs of an `EdgeList` it is in, ascending (flat, CSR).
struct EdgesOf {
    /// `list[offsets[d]..<offsets[d + 1]]`: document d's pairs.
    private let offsets: [Int]
    private let list: [Int32]

    init(_ edges: EdgeList) {
        var n = 0
        for i in 0..<edges.count { n = max(n, edges[i].x + 1, edges[i].y + 1) }
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<edges.count {
            offsets[edges[i].y + 1] += 1
            offsets[edges[i].x + 1] += 1
        }
        for d in 0..<n { offsets[d + 1] += offsets[d] }
        var fill = offsets
        var list = [Int32](repeating: 0, count: offsets[n])
        for i in 0..<edges.count {
            for d in [edges[i].y, edges[i].x] {
                list[fill[d]] = Int32(i)
                fill[d] += 1
            }
        }
        self.offsets = offsets
        self.list = list
    }

    /// Document `d`'s pairs, or nil when it is in none.
    subscript(_ d: Int) -> [Int]? {
        guard d + 1 < offsets.count, offsets[d] < offsets[d + 1] else { return nil }
        return list[offsets[d]..<offsets[d + 1]].map { Int($0) }
    }
}

/// Which of a document's tokens some pairs cover, as sorted, disjoint, non-adjacent token ranges.
struct Coverage {
    private var ranges: [Range<Int32>] = []

    init() {}

    /// The tokens of `spans` (of a document of `count` tokens) below `count`.
    init<S: Sequence>(_ spans: S, count: Int) where S.Element == Range<Int32> {
        let limit = Int32(clamping: count)
        let clipped = spans.compactMap { r -> Range<Int32>? in
            let lower = max(r.lowerBound, 0)
            let upper = min(r.upperBound, limit)
            return lower < upper ? lower..<upper : nil
        }
        ranges = Self.normalized(clipped)
    }

    /// How many tokens are covered.
    var tokenCount: Int { ranges.reduce(0) { $0 + $1.count } }

    /// How many tokens both cover.
    func overlap(_ other: Coverage) -> Int {
        var total = 0
        var i = 0
        var j = 0
        while i < ranges.count && j < other.ranges.count {
            let a = ranges[i]
            let b = other.ranges[j]
            total += max(0, Int(min(a.upperBound, b.upperBound)) - Int(max(a.lowerBound, b.lowerBound)))
            if a.upperBound <= b.upperBound { i += 1 } else { j += 1 }
        }
        return total
    }

    mutating func formUnion(_ other: Coverage) {
        ranges = Self.normalized(ranges + other.ranges)
    }

    /// Sorted, overlapping or touching ranges merged.
    private static func normalized(_ ranges: [Range<Int32>]) -> [Range<Int32>] {
        var out: [Range<Int32>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}
