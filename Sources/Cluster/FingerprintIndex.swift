import WiretraceCore

/// A set of 32-bit fingerprints as a flat sorted array with a directory on the top bits.
///
/// Fingerprints are the top bits of well-mixed shingle hashes, so they spread evenly over the
/// directory and a lookup scans a handful of neighbours: much cheaper than a `Set`, which hashes
/// every key with SipHash, and four bytes per member instead of a hash table's slack.
struct FingerprintTable: Sendable {
    /// The members, sorted and unique.
    let keys: [UInt32]
    /// `keys[directory[b]..<directory[b + 1]]` are the members whose top `bits` bits are `b`.
    private let directory: [Int32]
    private let shift: UInt32

    /// - Parameter keys: sorted, unique.
    init(sortedKeys keys: [UInt32]) {
        self.keys = keys
        var bits: UInt32 = 0
        while bits < 20 && (1 << bits) < keys.count { bits += 1 }
        shift = 32 - bits
        var directory = [Int32](repeating: 0, count: (1 << Int(bits)) + 1)
        var k = 0
        for b in 0..<(1 << Int(bits)) {
            directory[b] = Int32(k)
            while k < keys.count && Int(UInt64(keys[k]) >> UInt64(shift)) == b { k += 1 }
        }
        directory[1 << Int(bits)] = Int32(keys.count)
        self.directory = directory
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    /// The position of `f` in `keys`, or nil.
    @inline(__always)
    func index(of f: UInt32) -> Int? {
        let b = Int(UInt64(f) >> UInt64(shift))
        return keys.withUnsafeBufferPointer { k in
            directory.withUnsafeBufferPointer { d in
                var i = Int(d[b])
                let end = Int(d[b + 1])
                while i < end {
                    if k[i] >= f { return k[i] == f ? i : nil }
                    i += 1
                }
                return nil
            }
        }
    }

    @inline(__always)
    func contains(_ f: UInt32) -> Bool { index(of: f) != nil }

    /// Starts loading the directory entry `index(of: f)` reads first (`prefetch`).
    @inline(__always)
    func prefetchDirectory(_ f: UInt32) {
        directory.withUnsafeBufferPointer { d in
            if let base = d.baseAddress { prefetch(base + Int(UInt64(f) >> UInt64(shift))) }
        }
    }

    /// Starts loading the first key `index(of: f)` compares (after its directory entry, which this
    /// reads: best once `prefetchDirectory` has brought it).
    @inline(__always)
    func prefetchKeys(_ f: UInt32) {
        keys.withUnsafeBufferPointer { k in
            directory.withUnsafeBufferPointer { d in
                guard let base = k.baseAddress, !k.isEmpty else { return }
                prefetch(base + min(Int(d[Int(UInt64(f) >> UInt64(shift))]), k.count - 1))
            }
        }
    }

    /// Reads, for each of `fs`, the directory entry and the first key that `index(of:)` reads, and
    /// returns a value made of them (to keep): loads that do not wait on each other nor on a
    /// branch, so their cache misses overlap, and the lookups that follow find them in the cache.
    /// Worth it for a batch of lookups scattered over a large table.
    @inline(__always)
    func warm(_ fs: UnsafeBufferPointer<UInt32>) -> UInt32 {
        keys.withUnsafeBufferPointer { k in
            directory.withUnsafeBufferPointer { d in
                var sum: UInt32 = 0
                for f in fs { sum &+= UInt32(bitPattern: d[Int(UInt64(f) >> UInt64(shift))]) }
                let last = k.count - 1
                guard last >= 0 else { return sum }
                for f in fs { sum &+= k[min(Int(d[Int(UInt64(f) >> UInt64(shift))]), last)] }
                return sum
            }
        }
    }
}

/// The fingerprint index: for every fingerprint held by at least two documents, its first `cap`
/// documents in ordinal order, in flat arrays.
///
/// A fingerprint held by one document makes no candidate and is never common, so it is not kept.
/// Built group by group (`forEachGroup`).
struct PostingIndex: Sendable {
    /// Fingerprints held by two documents or more.
    let table: FingerprintTable
    /// The first `cap` documents holding each fingerprint, fingerprint after fingerprint, in one
    /// array of its exact size. `ends[i]` is where fingerprint i's documents end; they start where
    /// the previous fingerprint's end (0 for the first).
    let postings: [Int32]
    private let ends: [Int32]

    /// - Complexity: see `forEachGroup`.
    init(_ sketches: SketchTable, cap: Int, threads: Int = 1) throws {
        var keys: [UInt32] = []
        var ends: [Int32] = []
        // One array per pass of the construction, each of its exact size, joined at the end: no
        // array of all postings growing by doubling.
        var parts: [[Int32]] = []
        var ordinals: [Int32] = []
        var base = 0
        try Self.forEachGroup(
            sketches, minDocuments: 2, threads: threads,
            passEnded: {
                parts.append(exactCopy(ordinals))
                base += ordinals.count
                ordinals = []
            }
        ) { f, group in
            keys.append(f)
            for e in group.prefix(cap) { ordinals.append(Int32(truncatingIfNeeded: e)) }
            precondition(base + ordinals.count <= Int(Int32.max), "too many postings")
            ends.append(Int32(base + ordinals.count))
        }
        table = FingerprintTable(sortedKeys: exactCopy(keys))
        self.ends = exactCopy(ends)
        // Each part let go as it is copied: the joined array's pages are touched as it fills, so
        // the postings are not held twice.
        postings = [Int32](unsafeUninitializedCapacity: base) { buffer, initialized in
            var at = 0
            for p in parts.indices {
                let part = parts[p]
                parts[p] = []
                _ = UnsafeMutableBufferPointer(rebasing: buffer[at..<at + part.count]).initialize(from: part)
                at += part.count
            }
            initialized = at
        }
    }

    /// Calls `body(f, group)` for each fingerprint f held by `minDocuments` documents or more (at
    /// least two), in ascending order, with the documents holding it: `fingerprint << 32 | ordinal`,
    /// ordinals ascending. The fingerprints are walked in eight passes, `passEnded` called after each;
    /// the documents are counted and each pass's pairs placed and sorted on `threads` threads (the
    /// documents split into a part per thread), and `body` is called on this one.
    ///
    /// Each pass buckets (fingerprint, ordinal) pairs by the fingerprint's top 16 bits and sorts
    /// each (small) bucket — no dictionary of small arrays, whose per-entry overhead dominated the
    /// memory of large runs.
    /// - Complexity: O(F log(F / 65536)) for F fingerprints in all; F bytes of scratch (each pass
    ///   buckets about an eighth of the fingerprints, 8 bytes each: the passes split them by count,
    ///   not by value, for winnowing keeps the smaller hashes and fingerprints crowd at the low end).
    static func forEachGroup(
        _ sketches: SketchTable, minDocuments: Int, threads: Int = 1, passEnded: () -> Void,
        _ body: (UInt32, UnsafeBufferPointer<UInt64>) throws -> Void
    ) throws {
        var sorters: [Void] = Array(repeating: (), count: max(1, threads))
        let minDocuments = max(2, minDocuments)
        // The blocks of documents split into one contiguous part per thread, each counted and
        // scattered by its thread into places of its own.
        let blockCount = sketches.fingerprintBlockCount
        let parts = max(1, min(sorters.count, blockCount))
        let partBlocks = (0..<parts).map { q in blockCount * q / parts..<blockCount * (q + 1) / parts }
        // partCounts[q][b]: part q's fingerprints in bucket b (the top 16 bits).
        let partCounts = try parallelMap(count: parts, states: &sorters) { _, q in
            var counts = [Int](repeating: 0, count: 1 << 16)
            try sketches.forEachFingerprints(inBlocks: partBlocks[q]) { _, fingerprints in
                for f in fingerprints { counts[Int(f >> 16)] += 1 }
            }
            return counts
        }
        // counts[b]: where bucket b starts among all the fingerprints.
        var counts = [Int](repeating: 0, count: (1 << 16) + 1)
        for b in 0..<(1 << 16) { counts[b + 1] = counts[b] + partCounts.reduce(0) { $0 + $1[b] } }
        let passes = 8
        // Pass p takes the buckets bounds[p]..<bounds[p + 1], about an eighth of the fingerprints.
        var bounds = [0]
        for p in 1..<passes {
            var b = bounds[p - 1]
            while b < 1 << 16 && counts[b] < counts[1 << 16] * p / passes { b += 1 }
            bounds.append(b)
        }
        bounds.append(1 << 16)
        for pass in 0..<passes {
            let first = bounds[pass]
            let last = bounds[pass + 1]
            let base = counts[first]
            var pairs = [UInt64](repeating: 0, count: counts[last] - base)
            // Part q fills bucket b from fills[q][b - first] on (in `pairs`), after the parts before it.
            var fills: [[Int]] = []
            var fill = Array(counts[first..<last]).map { $0 - base }
            for q in 0..<parts {
                fills.append(fill)
                for b in first..<last { fill[b - first] += partCounts[q][b] }
            }
            try pairs.withUnsafeMutableBufferPointer { p in
                nonisolated(unsafe) let filling = p
                _ = try parallelMap(count: parts, states: &sorters) { [fills] _, q in
                    var fill = fills[q]
                    try sketches.forEachFingerprints(inBlocks: partBlocks[q]) { d, fingerprints in
                        for f in fingerprints where (first..<last).contains(Int(f >> 16)) {
                            let b = Int(f >> 16) - first
                            filling[fill[b]] = UInt64(f) << 32 | UInt64(UInt32(d))
                            fill[b] += 1
                        }
                    }
                }
            }
            try pairs.withUnsafeMutableBufferPointer { p in
                // The buckets sorted, most of a pass's work, in pieces of about equal numbers of
                // pairs, on the threads.
                let pieces = sorters.count > 1 ? 4 * sorters.count : 1
                var cuts = [first]
                for q in 1..<pieces {
                    var b = cuts[q - 1]
                    while b < last && counts[b] - base < (counts[last] - base) * q / pieces { b += 1 }
                    cuts.append(b)
                }
                cuts.append(last)
                nonisolated(unsafe) let sorting = p
                _ = try parallelMap(count: pieces, states: &sorters) { [cuts, counts] _, q in
                    for b in cuts[q]..<cuts[q + 1] {
                        var bucket = UnsafeMutableBufferPointer(
                            rebasing: sorting[counts[b] - base..<counts[b + 1] - base])
                        bucket.sort()
                    }
                }
                for b in first..<last {
                    let bucket = UnsafeMutableBufferPointer(rebasing: p[counts[b] - base..<counts[b + 1] - base])
                    var i = 0
                    while i < bucket.count {
                        let f = UInt32(truncatingIfNeeded: bucket[i] >> 32)
                        var j = i + 1
                        while j < bucket.count && UInt32(truncatingIfNeeded: bucket[j] >> 32) == f { j += 1 }
                        if j - i >= minDocuments { try body(f, UnsafeBufferPointer(rebasing: bucket[i..<j])) }
                        i = j
                    }
                }
            }
            passEnded()
        }
    }

    /// Where the kept documents of fingerprint number `i` lie in `postings`, ascending.
    @inline(__always)
    func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i]) }
}

/// `values` in an array of no more capacity than it needs (one that grew by appending has up to
/// twice as much).
func exactCopy<T>(_ values: [T]) -> [T] {
    [T](unsafeUninitializedCapacity: values.count) { buffer, initialized in
        _ = buffer.initialize(from: values)
        initialized = values.count
    }
}
