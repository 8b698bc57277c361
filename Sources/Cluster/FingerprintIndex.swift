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
}

/// The fingerprint index: for every fingerprint held by at least two documents, its document
/// frequency and its first `cap` documents in ordinal order, in flat arrays (CSR).
///
/// A fingerprint held by one document makes no candidate and is never common, so it is not kept.
/// Built by a radix pass on the fingerprints' top 16 bits and a sort of each (small) bucket —
/// no dictionary of small arrays, whose per-entry overhead dominated the memory of large runs.
struct PostingIndex: Sendable {
    /// Fingerprints held by two documents or more.
    let table: FingerprintTable
    /// Documents holding `table.keys[i]`, all of them, not only the kept ones.
    let documentFrequency: [Int32]
    /// `ordinals[starts[i]..<starts[i + 1]]`: the first `cap` documents holding `table.keys[i]`.
    let starts: [Int32]
    let ordinals: [Int32]

    /// - Complexity: O(F log(F / 65536)) for F fingerprints in all; F bytes of scratch (eight
    ///   passes over the sketches, each bucketing an eighth of the fingerprints, 8 bytes each).
    init(_ inputs: [SketchedDocument], cap: Int) {
        // Bucket (fingerprint, ordinal) pairs by the fingerprint's top 16 bits, ordinals ascending.
        var counts = [Int](repeating: 0, count: (1 << 16) + 1)
        for d in inputs { for f in d.sketch.fingerprints { counts[Int(f >> 16) + 1] += 1 } }
        for b in 0..<(1 << 16) { counts[b + 1] += counts[b] }
        var keys: [UInt32] = []
        var df: [Int32] = []
        var starts: [Int32] = [0]
        var ordinals: [Int32] = []
        let passes = 8
        let span = (1 << 16) / passes
        for pass in 0..<passes {
            let first = pass * span
            let base = counts[first]
            var pairs = [UInt64](repeating: 0, count: counts[first + span] - base)
            var fill = Array(counts[first..<first + span])
            for d in inputs {
                for f in d.sketch.fingerprints where Int(f >> 16) / span == pass {
                    let b = Int(f >> 16) - first
                    pairs[fill[b] - base] = UInt64(f) << 32 | UInt64(UInt32(d.ordinal))
                    fill[b] += 1
                }
            }
            pairs.withUnsafeMutableBufferPointer { p in
                for b in first..<first + span {
                    var bucket = UnsafeMutableBufferPointer(rebasing: p[counts[b] - base..<counts[b + 1] - base])
                    bucket.sort()
                    var i = 0
                    while i < bucket.count {
                        let f = UInt32(truncatingIfNeeded: bucket[i] >> 32)
                        var j = i + 1
                        while j < bucket.count && UInt32(truncatingIfNeeded: bucket[j] >> 32) == f { j += 1 }
                        if j - i >= 2 {
                            keys.append(f)
                            df.append(Int32(j - i))
                            for k in i..<min(j, i + cap) { ordinals.append(Int32(truncatingIfNeeded: bucket[k])) }
                            starts.append(Int32(ordinals.count))
                        }
                        i = j
                    }
                }
            }
        }
        table = FingerprintTable(sortedKeys: keys)
        documentFrequency = df
        self.starts = starts
        self.ordinals = ordinals
    }

    /// The kept documents of fingerprint number `i`.
    @inline(__always)
    func postings(_ i: Int) -> Range<Int> { Int(starts[i])..<Int(starts[i + 1]) }
}
