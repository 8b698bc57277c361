import Dispatch

/// The compact summary of a document that clustering keeps in memory: what bounds a run's memory.
public struct DocumentSketch: Sendable, Hashable {
    /// MinHash signature over the document's shingles, one minimum per permutation.
    public var signature: [UInt32]
    /// Winnowed shingle fingerprints, sorted and unique: any passage shared by two documents
    /// that is at least the winnowing guarantee long yields at least one common fingerprint.
    public var fingerprints: [UInt32]
    /// The number of word tokens in the document.
    public var tokenCount: Int

    public init(signature: [UInt32], fingerprints: [UInt32], tokenCount: Int) {
        self.signature = signature
        self.fingerprints = fingerprints
        self.tokenCount = tokenCount
    }

    /// The fraction of positions where two MinHash signatures (of one permutation family, so of
    /// one length) agree: an estimate of the Jaccard similarity of the two shingle sets.
    /// - Complexity: O(p).
    public static func estimatedJaccard(_ x: [UInt32], _ y: [UInt32]) -> Double {
        guard !x.isEmpty else { return 0 }
        return Double(agreeing(x[...], y[...])) / Double(x.count)
    }

    /// How many positions of `x` and `y` (of one length) hold the same value, eight positions at a
    /// time: common text is decided by millions of these.
    /// - Complexity: O(n).
    public static func agreeing(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> Int {
        precondition(x.count == y.count, "signatures of different lengths")
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                guard let px = x.baseAddress, let py = y.baseAddress else { return 0 }
                let n = x.count
                var counts = SIMD8<UInt32>()
                var i = 0
                while i + 8 <= n {
                    let a = UnsafeRawPointer(px + i).loadUnaligned(as: SIMD8<UInt32>.self)
                    let b = UnsafeRawPointer(py + i).loadUnaligned(as: SIMD8<UInt32>.self)
                    counts &+= SIMD8(repeating: 1).replacing(with: 0, where: a .!= b)
                    i += 8
                }
                var same = Int(counts.wrappedSum())
                for k in i..<n where px[k] == py[k] { same += 1 }
                return same
            }
        }
    }
}

/// A sketched document as the clustering barrier receives it.
public struct SketchedDocument: Sendable {
    /// Position of the document in the input (0-based, in input order).
    public var ordinal: Int
    /// The document's publication date as given, used to pick a cluster's root.
    public var date: String?
    public var sketch: DocumentSketch

    public init(ordinal: Int, date: String?, sketch: DocumentSketch) {
        self.ordinal = ordinal
        self.date = date
        self.sketch = sketch
    }
}

/// The sketches of a run's documents, by ordinal, as the clustering barrier receives them:
/// signatures and fingerprints in flat blocks of `blockSize` documents, with no allocation per
/// document. The sketches are most of what a run holds in memory until it clusters, and a few large
/// blocks cost less than a hundred thousand small arrays, and are given back whole when let go.
///
/// With a spill store, the fingerprints of every block but the last go to the store as the block
/// fills, and are read back when asked for: clustering reads them a few times in order (to index
/// them) and once per document (for its candidates), not at random over and over.
public struct SketchTable: Sendable {
    /// Documents per block.
    public static let blockSize = 1024
    /// Documents appended.
    public private(set) var count = 0
    /// Values per signature: the first signature's length (every signature has it).
    public private(set) var permutations = 0
    /// Each document's publication date as given, by ordinal.
    public private(set) var dates: [String?] = []
    /// Each document's number of word tokens, by ordinal.
    public private(set) var tokenCounts: [Int] = []
    /// Signatures of documents `b * blockSize ..< (b + 1) * blockSize`, one after the other.
    private var signatureBlocks: [[UInt32]] = []
    /// Fingerprints of the same documents, one after the other — empty for a block in the store;
    /// document d's end in `fingerprintEnds[d]` (its start is the previous document's end, or 0 at
    /// a block's start).
    private var fingerprintBlocks: [[UInt32]] = []
    private var fingerprintEnds: [UInt32] = []
    /// Where the fingerprints of every block but the last are, with a store.
    private let spill: SpillStore?
    private var spilled: [StoredDocumentRef] = []

    /// - Parameter spill: where to keep the fingerprints, but for the last block's; nil: in memory.
    public init(spill: SpillStore? = nil) { self.spill = spill }

    /// Appends the next document's sketch.
    /// - Precondition: its signature is as long as the first one.
    /// - Throws: `WiretraceError` when the store cannot be written.
    public mutating func append(_ sketch: DocumentSketch, date: String?) throws(WiretraceError) {
        if count == 0 { permutations = sketch.signature.count }
        precondition(sketch.signature.count == permutations, "signatures of different lengths")
        if count % Self.blockSize == 0 {
            try seal()
            var signatures: [UInt32] = []
            signatures.reserveCapacity(Self.blockSize * permutations)
            signatureBlocks.append(signatures)
            fingerprintBlocks.append([])
        }
        signatureBlocks[signatureBlocks.count - 1] += sketch.signature
        fingerprintBlocks[fingerprintBlocks.count - 1] += sketch.fingerprints
        fingerprintEnds.append(UInt32(fingerprintBlocks[fingerprintBlocks.count - 1].count))
        dates.append(date)
        tokenCounts.append(sketch.tokenCount)
        count += 1
    }

    /// Puts the last block's fingerprints, now full, in the store — or, without one, gives them
    /// their exact size (they grew by doubling).
    private mutating func seal() throws(WiretraceError) {
        guard let last = fingerprintBlocks.indices.last else { return }
        if let spill {
            spilled.append(try spill.append(values: fingerprintBlocks[last]))
            fingerprintBlocks[last] = []
        } else {
            fingerprintBlocks[last] = Self.exactCopy(fingerprintBlocks[last])
        }
    }

    /// Document `d`'s MinHash signature (empty once `dropSignatures` has run).
    public func signature(_ d: Int) -> ArraySlice<UInt32> {
        guard !signatureBlocks.isEmpty else { return [] }
        let start = (d % Self.blockSize) * permutations
        return signatureBlocks[d / Self.blockSize][start..<start + permutations]
    }

    /// Where document `d`'s fingerprints lie in its block.
    private func span(_ d: Int) -> Range<Int> {
        (d % Self.blockSize == 0 ? 0 : Int(fingerprintEnds[d - 1]))..<Int(fingerprintEnds[d])
    }

    /// Document `d`'s winnowed fingerprints.
    /// - Throws: `WiretraceError` when the store cannot be read.
    public func fingerprints(_ d: Int) throws(WiretraceError) -> ArraySlice<UInt32> {
        let b = d / Self.blockSize
        let span = span(d)
        if let spill, b < spilled.count {
            return try spill.values(spilled[b], from: span.lowerBound, count: span.count)[...]
        }
        return fingerprintBlocks[b][span]
    }

    /// Calls `body` with each document's ordinal and fingerprints, in ordinal order, reading the
    /// store a block at a time.
    public func forEachFingerprints(_ body: (Int, ArraySlice<UInt32>) throws -> Void) throws {
        try forEachFingerprints(inBlocks: 0..<fingerprintBlockCount, body)
    }

    /// The number of blocks of `blockSize` documents (the last one possibly shorter).
    public var fingerprintBlockCount: Int { fingerprintBlocks.count }

    /// `forEachFingerprints(_:)` for the documents of `blocks` alone, so that threads can each
    /// walk a part.
    public func forEachFingerprints(
        inBlocks blocks: Range<Int>, _ body: (Int, ArraySlice<UInt32>) throws -> Void
    ) throws {
        for b in blocks {
            let values = try blockValues(b)
            for d in b * Self.blockSize..<min(count, (b + 1) * Self.blockSize) { try body(d, values[span(d)]) }
        }
    }

    /// Block `b`'s fingerprints, all of them.
    private func blockValues(_ b: Int) throws(WiretraceError) -> [UInt32] {
        guard let spill, b < spilled.count else { return fingerprintBlocks[b] }
        let ref = spilled[b]
        return try spill.values(ref, from: 0, count: Int(ref.byteCount) / 4)
    }

    /// `DocumentSketch.estimatedJaccard` of documents `a` and `b`'s signatures.
    public func estimatedJaccard(_ a: Int, _ b: Int) -> Double {
        guard permutations > 0 else { return 0 }
        return Double(DocumentSketch.agreeing(signature(a), signature(b))) / Double(permutations)
    }

    /// Lets the signatures go.
    public mutating func dropSignatures() { signatureBlocks = [] }

    /// Keeps, of each document's fingerprints, those `keep` accepts, in order; `threads` blocks at a
    /// time, read and filtered on as many threads (no more), so that the old blocks are let go as
    /// the new ones fill (a stored block is stored anew).
    /// - Throws: `WiretraceError` when the store cannot be read or written.
    public mutating func keepFingerprints(
        threads: Int = 1, where keep: @Sendable (UInt32) -> Bool
    ) throws(WiretraceError) {
        let batch = max(1, threads)
        for batchStart in stride(from: 0, to: fingerprintBlocks.count, by: batch) {
            let blocks = batchStart..<min(fingerprintBlocks.count, batchStart + batch)
            // What each block's filter reads, taken out first: the threads share no mutable state.
            let inputs = blocks.map { b in
                let stored = spill != nil && b < spilled.count ? spilled[b] : nil
                return (
                    stored: stored, values: stored == nil ? fingerprintBlocks[b] : [],
                    ends: Array(fingerprintEnds[b * Self.blockSize..<min(count, (b + 1) * Self.blockSize)])
                )
            }
            var results = [Result<(kept: [UInt32], ends: [UInt32]), WiretraceError>](
                repeating: .success(([], [])), count: blocks.count)
            let store = spill
            results.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                DispatchQueue.concurrentPerform(iterations: blocks.count) { k in
                    out[k] = Result { () throws(WiretraceError) in
                        let input = inputs[k]
                        let values =
                            if let stored = input.stored, let store {
                                try store.values(stored, from: 0, count: Int(stored.byteCount) / 4)
                            } else { input.values }
                        return Self.filtered(values, ends: input.ends, keep)
                    }
                }
            }
            for (k, b) in blocks.enumerated() {
                let (kept, ends) = try results[k].get()
                let first = b * Self.blockSize
                fingerprintEnds.replaceSubrange(first..<first + ends.count, with: ends)
                if let spill, b < spilled.count {
                    spilled[b] = try spill.append(values: kept)
                } else {
                    fingerprintBlocks[b] = Self.exactCopy(kept)
                }
            }
        }
    }

    /// Of a block's fingerprints `values`, whose documents end at `ends`, those `keep` accepts, and
    /// where each document's kept fingerprints end.
    private static func filtered(
        _ values: [UInt32], ends: [UInt32], _ keep: (UInt32) -> Bool
    ) -> (kept: [UInt32], ends: [UInt32]) {
        var kept: [UInt32] = []
        kept.reserveCapacity(values.count)
        var newEnds: [UInt32] = []
        newEnds.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            for v in values[start..<Int(end)] where keep(v) { kept.append(v) }
            newEnds.append(UInt32(kept.count))
            start = Int(end)
        }
        return (kept, newEnds)
    }

    /// `values` in an array of no more capacity than it needs.
    private static func exactCopy(_ values: [UInt32]) -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            _ = buffer.initialize(from: values)
            initialized = values.count
        }
    }
}
