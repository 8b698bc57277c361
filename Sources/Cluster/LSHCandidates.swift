import WiretraceCore

/// MinHash LSH buckets in flat arrays: per band and document, the bucket it falls in (or none when
/// alone in it), and per bucket the members kept so far.
///
/// Each band is sorted by (bucket key, ordinal) once, up front; a bucket holding one document
/// makes no candidates and gets no storage. Documents then arrive in ordinal order (`arrive`) and
/// find their buckets' kept members: the first `cap`, then recent ones rotating through the second
/// half (a full bucket keeps its first members and a rotating sample of recent ones, chosen by
/// ordinal — a retransmission of a story that recurs daily still meets its recent twin).
struct LSHBuckets: Sendable {
    private let bands: Int
    /// Documents per block of `bucketOf`.
    private static let blockSize = 1024
    /// `bucketOf[band][x / blockSize][x % blockSize]`: x's bucket in that band, -1 when alone. A
    /// block is let go once its documents have arrived.
    private var bucketOf: [[[Int32]]]
    /// `kept[starts[g]..<starts[g] + filled[g]]`: bucket g's kept members; its room is
    /// `min(size, cap)`.
    private let starts: [Int32]
    private var filled: [Int32]
    private var kept: [Int32]
    private let cap: Int

    /// - Complexity: O(b · n log n) for b bands and n documents; bands run on `threads` threads.
    init(_ sketches: SketchTable, bands: Int, rows: Int, cap: Int, threads: Int) throws {
        let n = sketches.count
        var states: [Void] = Array(repeating: (), count: max(1, threads))
        // Per band: each document's bucket number within the band (-1: alone), in blocks of
        // documents, and bucket sizes.
        var perBand = try parallelMap(count: bands, states: &states) { _, band in
            var keyed = [(key: UInt64, ordinal: Int32)]()
            keyed.reserveCapacity(n)
            for d in 0..<n {
                let sig = sketches.signature(d)
                let first = sig.startIndex + band * rows
                var h = StableHash.mix64(UInt64(band) &+ 0x51_7cc1_b727_220a)
                for r in 0..<rows { h = StableHash.mix64(h ^ UInt64(sig[first + r])) }
                keyed.append((h, Int32(d)))
            }
            keyed.sort { ($0.key, $0.ordinal) < ($1.key, $1.ordinal) }
            var bucketOf = stride(from: 0, to: n, by: Self.blockSize).map {
                [Int32](repeating: -1, count: min(Self.blockSize, n - $0))
            }
            var sizes: [Int32] = []
            var i = 0
            while i < keyed.count {
                var j = i + 1
                while j < keyed.count && keyed[j].key == keyed[i].key { j += 1 }
                if j - i >= 2 {
                    for k in i..<j {
                        let x = Int(keyed[k].ordinal)
                        bucketOf[x / Self.blockSize][x % Self.blockSize] = Int32(sizes.count)
                    }
                    sizes.append(Int32(j - i))
                }
                i = j
            }
            return (bucketOf, sizes)
        }
        // Bucket numbers made global: each band's after the previous bands'.
        var starts: [Int32] = []
        var room = 0
        for band in perBand.indices {
            let first = Int32(starts.count)
            for s in perBand[band].1 {
                starts.append(Int32(room))
                room += min(Int(s), cap)
            }
            for b in perBand[band].0.indices {
                for k in perBand[band].0[b].indices where perBand[band].0[b][k] >= 0 { perBand[band].0[b][k] += first }
            }
        }
        self.bands = bands
        bucketOf = perBand.map(\.0)
        self.starts = starts
        filled = [Int32](repeating: 0, count: starts.count)
        kept = [Int32](repeating: 0, count: room)
        self.cap = cap
    }

    /// x's candidates — the kept members of its buckets, band by band — then x joins its buckets.
    /// Documents must arrive in ordinal order.
    mutating func arrive(_ x: Int, into candidates: inout [Int32]) {
        let block = x / Self.blockSize
        if block > 0 && bands > 0 && !bucketOf[0][block - 1].isEmpty {
            for band in 0..<bands { bucketOf[band][block - 1] = [] }
        }
        for band in 0..<bands {
            let g = Int(bucketOf[band][block][x % Self.blockSize])
            if g < 0 { continue }
            let s = Int(starts[g])
            let c = Int(filled[g])
            candidates += kept[s..<s + c]
            if c < cap {
                kept[s + c] = Int32(x)
                filled[g] += 1
            } else {
                let half = cap / 2
                kept[s + half + x % (cap - half)] = Int32(x)
            }
        }
    }
}
