import WiretraceCore

/// The fingerprints of common text (`Clusterer.commonFingerprints`), each with a small summary of
/// the stories holding it, to tell where a document's common text passes from one recurring
/// passage to another that recurs apart from it: a *seam*.
///
/// A story made only of sentences that recur in other stories (a roundup, a digest, an agency
/// brief assembled from stock paragraphs) weighs nothing when shared, sentence by sentence. Its
/// seams, where two such sentences meet, are its own: two texts sharing a passage across a seam
/// share the arrangement, not only the sentences. A quotation or a boilerplate block that recurs
/// whole has no seam inside, however many sentences long: its fingerprints recur in the same
/// stories.
///
/// A story is known by a *story key*, its documents' first MinHash value: copies of a story
/// mostly share it, and unrelated documents almost never do.
struct CommonFingerprints: Sendable {
    /// The fingerprints.
    let table: FingerprintTable
    /// Per fingerprint (in `table.keys`' order), a bottom-k sketch of the stories holding it: the
    /// `sketchSize` smallest of their mixed story keys (`mixed`), distinct and increasing, padded
    /// with `UInt32.max` when fewer stories hold it.
    private let sketches: [UInt32]

    /// Values kept per fingerprint.
    static let sketchSize = 16

    /// Two fingerprints recur apart when less than this share of the stories of the rarer one is
    /// estimated to hold the other: in a passage that recurs whole, most do…
    static let togetherShare = 0.5

    /// …or when fewer stories than this are estimated to hold both.
    static let togetherStories = 3.0

    /// Stories of each sketch compared, at least, for two fingerprints to be found recurring
    /// apart: below the smaller of the two sketches' largest values. With none (one fingerprint
    /// far more frequent than the other), the sketches cannot tell, and the two are taken to recur
    /// together: no seam is drawn.
    static let minEvidence = 1

    /// A bit per value of a fingerprint's top `32 - filterShift` bits: whether a common fingerprint
    /// has them (`mayHold`). Rules most other fingerprints out from an array of at most 512 KB,
    /// before `lookUp` prefetches and reads the table's directory and keys for them.
    private let filter: [UInt64]
    private let filterShift: UInt32

    /// - Parameters:
    ///   - keys: The fingerprints, sorted and unique.
    ///   - sketches: Per fingerprint, `sketch(_:into:)` of the stories holding it, flat.
    init(sortedKeys keys: [UInt32], sketches: [UInt32]) {
        precondition(keys.count * Self.sketchSize == sketches.count, "a sketch per key")
        table = FingerprintTable(sortedKeys: keys)
        self.sketches = sketches
        // About 8 bits per fingerprint (so that about one in eight others passes), within 2^10…2^22.
        var bits: UInt32 = 10
        while bits < 22 && (1 << bits) < 8 * keys.count { bits += 1 }
        filterShift = 32 - bits
        var filter = [UInt64](repeating: 0, count: 1 << (Int(bits) - 6))
        for f in keys {
            let b = Int(f >> filterShift)
            filter[b >> 6] |= 1 << UInt64(b & 63)
        }
        self.filter = filter
    }

    /// Appends to `out` the bottom-k sketch of the stories with these keys (each story as often as
    /// it holds the fingerprint): their `sketchSize` smallest mixed keys, distinct and increasing,
    /// padded with `UInt32.max`.
    static func sketch(_ storyKeys: some Sequence<UInt32>, into out: inout [UInt32]) {
        let k = sketchSize
        let start = out.count
        out += repeatElement(.max, count: k)
        out.withUnsafeMutableBufferPointer { o in
            let s = UnsafeMutableBufferPointer(rebasing: o[start..<start + k])
            for key in storyKeys {
                let v = mixed(key)
                guard v < s[k - 1] else { continue }
                var i = k - 1  // v's place: after every smaller value
                while i > 0 && s[i - 1] > v { i -= 1 }
                guard i == 0 || s[i - 1] != v else { continue }
                // Insert v there; the largest falls off.
                var j = k - 1
                while j > i {
                    s[j] = s[j - 1]
                    j -= 1
                }
                s[i] = v
            }
        }
    }

    /// A story key, mixed: its order among others in a sketch is random. Never `UInt32.max`, the
    /// padding.
    @inline(__always)
    static func mixed(_ key: UInt32) -> UInt32 {
        min(UInt32(truncatingIfNeeded: StableHash.mix64(UInt64(key) | 1 << 40) >> 32), .max - 1)
    }

    var count: Int { table.count }
    var isEmpty: Bool { table.isEmpty }

    /// The position of `f` among the fingerprints, or nil.
    @inline(__always)
    func index(of f: UInt32) -> Int? { mayHold(f) ? table.index(of: f) : nil }

    /// Whether `f` may be common: false for most others (`filter`).
    @inline(__always)
    private func mayHold(_ f: UInt32) -> Bool {
        let b = Int(f >> filterShift)
        return filter.withUnsafeBufferPointer { $0[b >> 6] & (1 << UInt64(b & 63)) != 0 }
    }

    @inline(__always)
    func contains(_ f: UInt32) -> Bool { index(of: f) != nil }

    /// The position of each shingle's fingerprint (its top 32 bits) among the common ones, or -1,
    /// into `found`; with each common one's sketch on its way into the cache.
    ///
    /// A document's shingles, looked up one after the other, each waited on memory: at 1M
    /// documents most shingles are common, and the directory, keys and sketches (tens of MB) are
    /// not in cache. Looked up in passes — directory entries, keys, lookups, sketches — the loads
    /// of a pass do not wait on each other, and their misses overlap.
    func lookUp(_ shingles: [UInt64], into found: inout [Int32]) {
        @inline(__always) func fingerprint(_ s: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: s >> 32) }
        // 0 for a fingerprint that may be common (its directory entry on its way), -1 for the others.
        found.removeAll(keepingCapacity: true)
        for s in shingles {
            let f = fingerprint(s)
            let may = mayHold(f)
            if may { table.prefetchDirectory(f) }
            found.append(may ? 0 : -1)
        }
        for (i, s) in shingles.enumerated() where found[i] == 0 { table.prefetchKeys(fingerprint(s)) }
        for (i, s) in shingles.enumerated() where found[i] == 0 {
            found[i] = Int32(truncatingIfNeeded: table.index(of: fingerprint(s)) ?? -1)
        }
        sketches.withUnsafeBufferPointer { k in
            guard let base = k.baseAddress else { return }
            // A sketch's first and last values: its 64 bytes may straddle two cache lines.
            for i in found where i >= 0 {
                prefetch(base + Int(i) * Self.sketchSize)
                prefetch(base + Int(i) * Self.sketchSize + Self.sketchSize - 1)
            }
        }
    }

    /// Whether the fingerprints at positions `i` and `j` recur together: unless the sketches show,
    /// on at least `minEvidence` stories of each, that few stories hold both (fewer than
    /// `togetherStories`, or than `togetherShare` of the rarer one's).
    ///
    /// Below the smaller of the two sketches' largest values (when full), each sketch holds every
    /// story of its set, a random part of them: the stories holding both there, scaled by the
    /// part's size (the k-minimum-values estimate of a full sketch's count, k − 1 over its largest
    /// value as a fraction of the range), estimate the stories holding both in all.
    func recurTogether(_ i: Int, _ j: Int) -> Bool {
        if i == j { return true }
        let k = Self.sketchSize
        return sketches.withUnsafeBufferPointer { s in
            let x = i * k
            let y = j * k
            let limit = min(s[x + k - 1], s[y + k - 1])  // .max when either is not full
            var (a, b, both) = (0, 0, 0)
            var (p, q) = (x, y)
            while p < x + k && s[p] <= limit && s[p] != .max {
                a += 1
                p += 1
            }
            while q < y + k && s[q] <= limit && s[q] != .max {
                b += 1
                q += 1
            }
            guard min(a, b) >= Self.minEvidence else { return true }
            (p, q) = (x, y)
            while p < x + a && q < y + b {
                if s[p] == s[q] {
                    both += 1
                    p += 1
                    q += 1
                } else if s[p] < s[q] {
                    p += 1
                } else {
                    q += 1
                }
            }
            // The stories of X in all, over those below the limit.
            let scale = limit == .max ? 1 : Double(k - 1) / (Double(limit) + 1) * 0x1p32 / Double(k)
            let stories = Double(both) * scale
            return stories >= Self.togetherStories && Double(both) >= Self.togetherShare * Double(min(a, b))
        }
    }
}
