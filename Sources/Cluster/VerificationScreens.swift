import WiretraceCore

/// Every document's verification profile cut down to what memory holds while candidates are
/// verified: its seeds and lede words as 16-bit keys (`PassageAligner.screenKey`), its token count
/// and total weight.
///
/// Verification screens a pair with these first (`Clusterer.mayAcceptByKeys`) and reads the earlier
/// document's whole profile back only when they cannot rule the pair out. Two words that differ may
/// share a key, so keys only add matches: every bound they give still bounds what the alignment can
/// find, and a pair they rule out is one the alignment would reject. About 0.4 bytes per token (a
/// seed every 5 tokens at `min_passage_words` 8), 2 per lede content word and 24 per document,
/// made before the candidate phase and let go after it. A profile read for each pair screened was
/// an eighth of a 100k run's CPU.
struct VerificationScreens: Sendable {
    /// The documents in parts of `partSize`, each made on a thread and kept apart: joining them
    /// would hold all twice.
    private let parts: [Part]

    /// Documents per part.
    static let partSize = 1024

    /// Screens made of `parts`, each of `partSize` documents but the last; none when empty.
    init(parts: [Part] = []) { self.parts = parts }

    /// Whether there are no screens (verification without profiles).
    var isEmpty: Bool { parts.isEmpty }

    /// What the screen needs of document `d` (see `Part.withRecord`), lent to `body`.
    @inline(__always)
    func withRecord<R>(
        _ d: Int,
        _ body: (
            _ tokens: Int, _ totalWeight: Double, _ seeds: UnsafeBufferPointer<UInt16>,
            _ lede: UnsafeBufferPointer<UInt16>
        ) throws -> R
    ) rethrows -> R {
        try parts[d / Self.partSize].withRecord(d % Self.partSize, body)
    }

    /// The screens of consecutive documents.
    struct Part: Sendable {
        /// Per document, one record: its token count and seed count (UInt32 each), its total
        /// weight's bits (UInt64), as 16-bit words in this machine's byte order, then its seed keys,
        /// then its lede keys, sorted. One record in one place: a pair screened reads it from a
        /// random document, and each array apart was a cache miss of its own.
        private var records: [UInt16] = []
        /// Per document, where its record starts in `records`; then the end of the last.
        private var starts: [Int] = [0]

        /// 16-bit words before a record's keys.
        private static let headerWords = 8

        init() {}

        /// The documents held.
        var count: Int { starts.count - 1 }

        /// Adds the next document's profile.
        mutating func append(_ profile: VerificationProfile) {
            func put<T: FixedWidthInteger>(_ v: T) {
                withUnsafeBytes(of: v) { records.append(contentsOf: $0.bindMemory(to: UInt16.self)) }
            }
            put(UInt32(profile.tokenCount))
            put(UInt32(profile.seeds.count))
            put(profile.totalWeight.bitPattern)
            records.append(contentsOf: profile.seeds.lazy.map(PassageAligner.screenKey))
            let lede = records.count
            records.append(contentsOf: profile.lede.lazy.map(PassageAligner.screenKey))
            records[lede...].sort()
            starts.append(records.count)
        }

        /// Lets go of the room the arrays grew into beyond what they hold.
        mutating func trim() {
            records = exactCopy(records)
            starts = exactCopy(starts)
        }

        /// What the screen needs of the part's document `d`, lent to `body`: its token count, total
        /// weight, seed keys (in the seeds' order) and lede keys (sorted; a key per lede word, so
        /// equal keys repeat).
        func withRecord<R>(
            _ d: Int,
            _ body: (
                _ tokens: Int, _ totalWeight: Double, _ seeds: UnsafeBufferPointer<UInt16>,
                _ lede: UnsafeBufferPointer<UInt16>
            ) throws -> R
        ) rethrows -> R {
            let (start, end) = (starts[d], starts[d + 1])
            return try records.withUnsafeBufferPointer { all in
                let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[start..<start + Self.headerWords]))
                let tokens = Int(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
                let seedCount = Int(raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
                let weight = Double(bitPattern: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                let seeds = start + Self.headerWords
                return try body(
                    tokens, weight, UnsafeBufferPointer(rebasing: all[seeds..<seeds + seedCount]),
                    UnsafeBufferPointer(rebasing: all[seeds + seedCount..<end]))
            }
        }
    }

    /// An upper bound on `LedeAgreement.agreement` of two ledes, from their keys (as `withRecord`
    /// lends them: sorted, a key per word): the words of `a` whose key `b` has are at least the
    /// words both share, and the agreement grows with the words shared.
    /// - Complexity: O(|a| + |b|).
    static func agreementBound(_ a: UnsafeBufferPointer<UInt16>, _ b: UnsafeBufferPointer<UInt16>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var shared = 0
        var j = 0
        for key in a {
            while j < b.count && b[j] < key { j += 1 }
            if j < b.count && b[j] == key { shared += 1 }
        }
        shared = min(shared, b.count)
        return Double(shared) / Double(a.count + b.count - shared)
    }
}
