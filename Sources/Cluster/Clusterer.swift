import WiretraceCore

/// The cluster stage, the pipeline's one barrier: candidates → verification → clusters.
///
/// 1. **Candidates** come from two indexes over the in-memory sketches: MinHash LSH (near-copies)
///    and winnowed fingerprints (excerpts and rewrites that keep some sentences). Fingerprints that
///    many otherwise dissimilar documents share are *common text* — boilerplate, stock quotes —
///    learned from the corpus; they make no candidates and weigh nothing in verification.
/// 2. **Verification** aligns the two texts' tokens (read back from the spill store) and keeps the
///    pair when it shares enough weighted words, quoted words counting less.
/// 3. **Clusters** grow by union of verified pairs in input order, skipping pairs already joined, so
///    a story copied thousands of times costs one verification per copy. A document that already
///    belongs to a story joins a second one through another part of its text only when that part
///    is most of it: a digest page joins at most one story.
public struct Clusterer: BarrierStage {
    public static let name = "cluster"
    public let configuration: ClusterConfiguration
    /// Words per shingle, as the sketch stage used.
    public let shingleSize: Int
    /// Reads a document's tokens back by ordinal.
    public let tokens: @Sendable (Int) throws -> TokenizedText
    /// Shingle hashes of a token sequence, as the sketch stage computes them.
    public let shingler: @Sendable ([UInt64]) -> [UInt64]
    /// Threads for speculative verification (see `speculate`); results do not depend on it.
    public var threads = 1

    public init(
        configuration: ClusterConfiguration, shingleSize: Int,
        tokens: @escaping @Sendable (Int) throws -> TokenizedText,
        shingler: @escaping @Sendable ([UInt64]) -> [UInt64]
    ) {
        self.configuration = configuration
        self.shingleSize = shingleSize
        self.tokens = tokens
        self.shingler = shingler
    }

    /// Clusters all documents; `inputs[i].ordinal` must be `i`.
    /// - Complexity: O(n · (b + f + c·v)) for n documents, b bands, f fingerprints per document,
    ///   and c verified candidates per document of alignment cost v; the bucket cap keeps c bounded.
    public func run(_ inputs: [SketchedDocument]) throws -> Clustering {
        let n = inputs.count
        for (i, d) in inputs.enumerated() { precondition(d.ordinal == i, "documents must be in ordinal order") }
        var counters = Counters()
        let permutations = inputs.first?.sketch.signature.count ?? 128
        let (bands, rows) = bandsAndRows(permutations: permutations)
        counters.set("lsh_bands", bands)
        counters.set("lsh_rows", rows)

        // Fingerprint index (capped postings) and document frequencies.
        var postings: [UInt32: [Int32]] = [:]
        var documentFrequency: [UInt32: Int32] = [:]
        for d in inputs {
            for f in d.sketch.fingerprints {
                documentFrequency[f, default: 0] += 1
                postings[f, default: []].appendIfBelow(cap: configuration.bucketCap, Int32(d.ordinal))
            }
        }
        let common = commonFingerprints(documentFrequency, postings, inputs)
        counters.set("common_fingerprints", common.count)

        var lshBuckets: [UInt64: [Int32]] = [:]
        var sets = UnionFind(count: n)
        var coverage: [Int: [Bool]] = [:]
        var containsScore = [Double](repeating: 0, count: n)
        var tokenCache = TokenCache(capacity: 256)
        let aligner = PassageAligner(minPassageWords: configuration.minPassageWords, quoteWeight: configuration.quoteWeight)
        var shared = [Int32](repeating: 0, count: n)
        var touched: [Int] = []

        // Documents go in blocks: first every candidate list of the block (they depend on the
        // sketches only, not on the clusters formed so far), then, with more than one thread, the
        // alignments verification will most likely ask for, in parallel (`speculate`), then
        // verification proper, in input order, exactly as one document at a time would do it.
        let blockSize = threads > 1 ? 256 : 1
        var blockCandidates: [[Int]] = []
        for blockStart in stride(from: 0, to: n, by: blockSize) {
            let block = blockStart..<min(n, blockStart + blockSize)
            blockCandidates.removeAll(keepingCapacity: true)
            for x in block {
                let d = inputs[x]
                // LSH candidates: earlier documents in any of x's buckets.
                var candidates: [Int] = []
                let sig = d.sketch.signature
                for band in 0..<bands {
                    var h = StableHash.mix64(UInt64(band) &+ 0x51_7cc1_b727_220a)
                    for r in 0..<rows { h = StableHash.mix64(h ^ UInt64(sig[band * rows + r])) }
                    lshBuckets[h, default: []].withAppendIfBelow(cap: configuration.bucketCap, Int32(x)) { earlier in
                        candidates.append(contentsOf: earlier.map(Int.init))
                    }
                }
                counters.add("candidates_lsh", candidates.count)
                // Fingerprint candidates: earlier documents sharing enough non-common fingerprints.
                for f in d.sketch.fingerprints where !common.contains(f) {
                    guard let list = postings[f] else { continue }
                    for e in list {
                        let y = Int(e)
                        if y >= x { break }
                        if shared[y] == 0 { touched.append(y) }
                        shared[y] += 1
                    }
                }
                var fingerprintCandidates = touched.filter { Int(shared[$0]) >= configuration.minSharedFingerprints }
                fingerprintCandidates.sort { (shared[$0], -$0) > (shared[$1], -$1) }
                if fingerprintCandidates.count > configuration.maxCandidatesPerDocument {
                    fingerprintCandidates.removeSubrange(configuration.maxCandidatesPerDocument...)
                }
                for y in touched { shared[y] = 0 }
                touched.removeAll(keepingCapacity: true)
                counters.add("candidates_fingerprint", fingerprintCandidates.count)
                candidates += fingerprintCandidates
                blockCandidates.append(candidates)
            }
            let speculated = threads > 1 ? speculate(block, blockCandidates, &sets, common, aligner) : [:]
            for x in block {
                let candidates = blockCandidates[x - block.lowerBound]
                // Verify, nearest first, skipping documents already in x's cluster.
                var seen = Set<Int>()
                var maskX: [Bool]??  // x's common-text mask, computed once for all of x's candidates
                for y in candidates where seen.insert(y).inserted {
                    if sets.find(x) == sets.find(y) { continue }
                    counters.add("verified", 1)
                    let alignment: PassageAligner.Alignment
                    if let speculated = speculated[Self.pairKey(x, y)] {
                        alignment = speculated
                    } else {
                        let ty = try tokenCache.get(y, tokens)
                        let tx = try tokenCache.get(x, tokens)
                        if maskX == nil { maskX = .some(commonMask(tx, common)) }
                        alignment = aligner.align(ty, tx, commonA: commonMask(ty, common), commonB: maskX ?? nil)
                    }
                    guard accepts(alignment) else { continue }
                    counters.add("accepted", 1)
                    guard coherent(y, alignment.coveredA, alignment.fractionA, x, alignment.coveredB, alignment.fractionB, &sets, coverage) else {
                        counters.add("refused_multi_story", 1)
                        continue
                    }
                    sets.union(x, y)
                    coverage[y] = merge(coverage[y], alignment.coveredA)
                    coverage[x] = merge(coverage[x], alignment.coveredB)
                    containsScore[y] += alignment.fractionB
                    containsScore[x] += alignment.fractionA
                }
            }
        }
        return try assemble(inputs, &sets, containsScore, aligner, common, &tokenCache, counters)
    }

    private func bandsAndRows(permutations: Int) -> (Int, Int) {
        if let b = configuration.lshBands, let r = configuration.lshRows, b * r <= permutations { return (b, r) }
        return LSHParameters.optimal(
            threshold: configuration.lshThreshold, permutations: permutations,
            falsePositiveWeight: configuration.lshFalsePositiveWeight, falseNegativeWeight: configuration.lshFalseNegativeWeight)
    }

    /// Fingerprints shared by many documents that are otherwise dissimilar: boilerplate and stock quotes.
    private func commonFingerprints(_ df: [UInt32: Int32], _ postings: [UInt32: [Int32]], _ inputs: [SketchedDocument]) -> Set<UInt32> {
        var common = Set<UInt32>()
        for (f, count) in df where Int(count) >= configuration.commonMinDocuments {
            guard let docs = postings[f]?.prefix(8), docs.count >= 2 else { continue }
            var total = 0.0
            var pairs = 0
            for i in 0..<docs.count {
                for j in (i + 1)..<docs.count {
                    total += estimatedJaccard(inputs[Int(docs[docs.startIndex + i])].sketch.signature, inputs[Int(docs[docs.startIndex + j])].sketch.signature)
                    pairs += 1
                }
            }
            if total / Double(pairs) < configuration.commonMaxSimilarity { common.insert(f) }
        }
        return common
    }

    /// - Complexity: O(p). Compares four positions per step with SIMD lanes (SSE2 `pcmpeqd` on
    ///   any x86-64): this runs 28 times per frequent fingerprint and was a tenth of clustering.
    private func estimatedJaccard(_ x: [UInt32], _ y: [UInt32]) -> Double {
        let n = min(x.count, y.count)
        var same = 0
        x.withUnsafeBytes { xs in
            y.withUnsafeBytes { ys in
                var lanes = SIMD4<UInt32>(repeating: 0)
                var i = 0
                while i + 4 <= n {
                    let a = xs.loadUnaligned(fromByteOffset: 4 * i, as: SIMD4<UInt32>.self)
                    let b = ys.loadUnaligned(fromByteOffset: 4 * i, as: SIMD4<UInt32>.self)
                    lanes &+= SIMD4<UInt32>(repeating: 0).replacing(with: 1, where: a .== b)
                    i += 4
                }
                same = Int(lanes.wrappedSum())
                while i < n {
                    if xs.load(fromByteOffset: 4 * i, as: UInt32.self) == ys.load(fromByteOffset: 4 * i, as: UInt32.self) { same += 1 }
                    i += 1
                }
            }
        }
        return Double(same) / Double(max(x.count, 1))
    }

    /// Which tokens lie inside a shingle whose fingerprint is common text.
    func commonMask(_ t: TokenizedText, _ common: Set<UInt32>) -> [Bool]? {
        guard !common.isEmpty else { return nil }
        let shingles = shingler(t.hashes)
        var mask = [Bool](repeating: false, count: t.count)
        var any = false
        let k = min(shingleSize, t.count)
        for (i, s) in shingles.enumerated() where common.contains(UInt32(truncatingIfNeeded: s >> 32)) {
            for j in i..<min(i + k, t.count) { mask[j] = true }
            any = true
        }
        return any ? mask : nil
    }

    private func accepts(_ a: PassageAligner.Alignment) -> Bool {
        min(a.sharedA, a.sharedB) >= configuration.minSharedWords && a.containment >= configuration.minContainment
    }

    /// Whether joining x's and y's clusters through this pair keeps each side one story.
    private func coherent(
        _ y: Int, _ coveredY: [Bool], _ fractionY: Double, _ x: Int, _ coveredX: [Bool], _ fractionX: Double,
        _ sets: inout UnionFind, _ coverage: [Int: [Bool]]
    ) -> Bool {
        func sideOK(_ doc: Int, _ covered: [Bool], _ fraction: Double, _ otherFraction: Double) -> Bool {
            guard let prior = coverage[doc], sets.setSize(doc) > 1 else { return true }
            var new = 0
            var overlap = 0
            for k in 0..<covered.count where covered[k] {
                new += 1
                if k < prior.count && prior[k] { overlap += 1 }
            }
            if new == 0 || Double(overlap) >= 0.5 * Double(new) { return true }
            return fraction >= configuration.majorityShare || otherFraction >= configuration.majorityShare
        }
        return sideOK(y, coveredY, fractionY, fractionX) && sideOK(x, coveredX, fractionX, fractionY)
    }

    private func merge(_ a: [Bool]?, _ b: [Bool]) -> [Bool] {
        guard var a else { return b }
        for k in 0..<min(a.count, b.count) where b[k] { a[k] = true }
        return a
    }
}

extension Array where Element == Int32 {
    /// Appends `value` unless the array already holds `cap` elements.
    mutating func appendIfBelow(cap: Int, _ value: Int32) {
        if count < cap { append(value) }
    }

    /// Hands the current elements to `body`, then appends `value` unless full.
    mutating func withAppendIfBelow(cap: Int, _ value: Int32, _ body: ([Int32]) -> Void) {
        body(self)
        if count < cap { append(value) }
    }
}

/// Named counters for the summary, in first-use order.
struct Counters {
    private(set) var items: [(String, Int)] = []
    mutating func add(_ name: String, _ n: Int) {
        if let i = items.firstIndex(where: { $0.0 == name }) { items[i].1 += n } else { items.append((name, n)) }
    }
    mutating func set(_ name: String, _ n: Int) {
        if let i = items.firstIndex(where: { $0.0 == name }) { items[i].1 = n } else { items.append((name, n)) }
    }
}

/// A small cache of token sequences read back from the store, most recent kept.
struct TokenCache {
    let capacity: Int
    private var entries: [Int: TokenizedText] = [:]
    private var order: [Int] = []

    init(capacity: Int) { self.capacity = capacity }

    mutating func get(_ ordinal: Int, _ load: (Int) throws -> TokenizedText) throws -> TokenizedText {
        if let t = entries[ordinal] { return t }
        let t = try load(ordinal)
        entries[ordinal] = t
        order.append(ordinal)
        if order.count > capacity { entries[order.removeFirst()] = nil }
        return t
    }
}
