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
    private let count: Int
    /// `bucketOf[band * count + x]`: x's bucket in that band, -1 when alone.
    private let bucketOf: [Int32]
    /// `kept[starts[g]..<starts[g] + filled[g]]`: bucket g's kept members; its room is
    /// `min(size, cap)`.
    private let starts: [Int32]
    private var filled: [Int32]
    private var kept: [Int32]
    private let cap: Int

    /// - Complexity: O(b · n log n) for b bands and n documents; bands run on `threads` threads.
    init(_ inputs: [SketchedDocument], bands: Int, rows: Int, cap: Int, threads: Int) throws {
        let n = inputs.count
        var states: [Void] = Array(repeating: (), count: max(1, threads))
        // Per band: each document's bucket number within the band (-1: alone), and bucket sizes.
        let perBand = try parallelMap(count: bands, states: &states) { _, band in
            var keyed = [(key: UInt64, ordinal: Int32)]()
            keyed.reserveCapacity(n)
            for d in inputs {
                let sig = d.sketch.signature
                var h = StableHash.mix64(UInt64(band) &+ 0x51_7cc1_b727_220a)
                for r in 0..<rows { h = StableHash.mix64(h ^ UInt64(sig[band * rows + r])) }
                keyed.append((h, Int32(d.ordinal)))
            }
            keyed.sort { ($0.key, $0.ordinal) < ($1.key, $1.ordinal) }
            var bucketOf = [Int32](repeating: -1, count: n)
            var sizes: [Int32] = []
            var i = 0
            while i < keyed.count {
                var j = i + 1
                while j < keyed.count && keyed[j].key == keyed[i].key { j += 1 }
                if j - i >= 2 {
                    for k in i..<j { bucketOf[Int(keyed[k].ordinal)] = Int32(sizes.count) }
                    sizes.append(Int32(j - i))
                }
                i = j
            }
            return (bucketOf, sizes)
        }
        var bucketOf: [Int32] = []
        bucketOf.reserveCapacity(bands * n)
        var starts: [Int32] = []
        var room = 0
        for (of, sizes) in perBand {
            let first = Int32(starts.count)
            bucketOf += of.lazy.map { $0 < 0 ? -1 : $0 + first }
            for s in sizes {
                starts.append(Int32(room))
                room += min(Int(s), cap)
            }
        }
        self.bands = bands
        count = n
        self.bucketOf = bucketOf
        self.starts = starts
        filled = [Int32](repeating: 0, count: starts.count)
        kept = [Int32](repeating: 0, count: room)
        self.cap = cap
    }

    /// x's candidates — the kept members of its buckets, band by band — then x joins its buckets.
    /// Documents must arrive in ordinal order.
    mutating func arrive(_ x: Int, into candidates: inout [Int32]) {
        for band in 0..<bands {
            let g = Int(bucketOf[band * count + x])
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
