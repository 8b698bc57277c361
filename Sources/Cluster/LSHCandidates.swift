import WiretraceCore

/// Every document's MinHash LSH candidates — the earlier documents in its buckets, band by band —
/// as flat arrays (CSR), computed up front instead of through a dictionary of buckets.
///
/// A bucket's content when a document arrives depends only on the bucket's earlier members, so
/// each band is sorted by (bucket key, ordinal) and every bucket replayed on its own: it keeps its
/// first `cap` members and then rotates later ones through its second half (see
/// `withAppendIfBelow`), exactly as documents arriving in ordinal order would find it.
struct LSHCandidates: Sendable {
    /// `earlier[offsets[x]..<offsets[x + 1]]`: x's candidates in the order the buckets gave them
    /// (band order, then bucket order), repeats included.
    private let offsets: [Int32]
    private let earlier: [Int32]

    /// - Complexity: O(b · n log n) for b bands, plus the candidates; bands run on `threads` threads.
    init(_ inputs: [SketchedDocument], bands: Int, rows: Int, cap: Int, threads: Int) throws {
        let n = inputs.count
        var states = [Void](repeating: (), count: max(1, threads))
        // Per band, (x, y) pairs: y is in x's bucket when x arrives.
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
            var xs: [Int32] = []
            var ys: [Int32] = []
            var bucket: [Int32] = []
            var i = 0
            while i < keyed.count {
                var j = i + 1
                while j < keyed.count && keyed[j].key == keyed[i].key { j += 1 }
                if j - i >= 2 {
                    bucket.removeAll(keepingCapacity: true)
                    for k in i..<j {
                        let x = keyed[k].ordinal
                        bucket.withAppendIfBelow(cap: cap, x) { members in
                            for y in members {
                                xs.append(x)
                                ys.append(y)
                            }
                        }
                    }
                }
                i = j
            }
            return (xs, ys)
        }
        // Stable counting sort by x: band order, then bucket order, within each document.
        var offsets = [Int32](repeating: 0, count: n + 1)
        for (xs, _) in perBand { for x in xs { offsets[Int(x) + 1] += 1 } }
        for x in 0..<n { offsets[x + 1] += offsets[x] }
        var fill = offsets
        var earlier = [Int32](repeating: 0, count: Int(offsets[n]))
        for (xs, ys) in perBand {
            for k in xs.indices {
                let x = Int(xs[k])
                earlier[Int(fill[x])] = ys[k]
                fill[x] += 1
            }
        }
        self.offsets = offsets
        self.earlier = earlier
    }

    /// x's candidates.
    func candidates(of x: Int) -> ArraySlice<Int32> { earlier[Int(offsets[x])..<Int(offsets[x + 1])] }
}
