import WiretraceCore

/// Every document's verification profile cut down to what memory holds while candidates are
/// verified: its seeds and lede words as 16-bit keys (`PassageAligner.screenKey`), its token count
/// and total weight.
///
/// Verification screens a pair with these first (`Clusterer.mayAcceptByKeys`) and reads the earlier
/// document's whole profile back only when they cannot rule the pair out. Two words that differ may
/// share a key, so keys only add matches: every bound they give still bounds what the alignment can
/// find, and a pair they rule out is one the alignment would reject. About 0.3 bytes per token plus
/// 16 per document (and 8 for where it lies), made before the candidate phase and let go after it. A profile read for each
/// pair screened was an eighth of a 100k run's CPU.
struct VerificationScreens: Sendable {
    /// Per document, one record: its token count and seed count (UInt32 each), its total weight's
    /// bits (UInt64), as 16-bit words in this machine's byte order, then its seed keys, then its lede
    /// keys, sorted. One record in one place: a pair screened reads it from a random document, and
    /// each array apart was a cache miss of its own.
    private var records: [UInt16] = []
    /// Per document, where its record starts in `records`; then the end of the last.
    private var starts: [Int] = [0]

    /// 16-bit words before a record's keys.
    private static let headerWords = 8

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

    /// Lets go of the room the arrays grew into beyond what they hold (an array grows by doubling).
    mutating func trim() {
        records = Self.exact(records)
        starts = Self.exact(starts)
    }

    private static func exact<T: BitwiseCopyable>(_ array: [T]) -> [T] {
        [T](unsafeUninitializedCapacity: array.count) { out, count in
            _ = out.initialize(from: array)
            count = array.count
        }
    }

    /// What the screen needs of document `d`, lent to `body`: its token count, total weight, seed
    /// keys (in the seeds' order) and lede keys (sorted; a key per lede word, so equal keys repeat).
    func withRecord<R>(
        _ d: Int,
        _ body: (
            _ tokens: Int, _ totalWeight: Double, _ seeds: UnsafeBufferPointer<UInt16>,
            _ lede: UnsafeBufferPointer<UInt16>
        )
            throws -> R
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

    /// The keys of a lede's words (`LedeAgreement.contentWords`), sorted, each once.
    static func ledeKeys(_ words: [UInt64]) -> [UInt16] {
        var keys = words.map(PassageAligner.screenKey)
        sortKeepingEachOnce(&keys)
        return keys
    }

    /// An upper bound on `LedeAgreement.agreement` of two ledes, from one's keys (`withRecord`) and
    /// the other's (`ledeKeys`) with its word count: the words whose key the other lede has are at
    /// least the words both share, and the agreement grows with the words shared.
    /// - Complexity: O(|a| + |b|).
    static func agreementBound(_ a: UnsafeBufferPointer<UInt16>, _ b: [UInt16], wordsB: Int) -> Double {
        guard !a.isEmpty, wordsB > 0 else { return 0 }
        var shared = 0
        var j = 0
        for key in a {
            while j < b.count && b[j] < key { j += 1 }
            if j < b.count && b[j] == key { shared += 1 }
        }
        shared = min(shared, wordsB)
        return Double(shared) / Double(a.count + wordsB - shared)
    }
}
