import WiretraceCore

/// Remembers which document ids were seen, and where, in about 24 bytes per document.
///
/// Ids are kept as 64-bit stable hashes (a false duplicate needs a hash collision: about
/// n²/2⁶⁵, under 10⁻⁵ for ten million documents). Sources are kept as an index into a table
/// of distinct source prefixes (`file.jsonl`, `a.warc.gz`) plus the line or record number, so
/// a duplicate can still name the kept document's source.
struct DuplicateIndex {
    private var seen: [UInt64: UInt64] = [:]
    private var prefixes: [String] = []
    private var prefixIndex: [String: UInt32] = [:]

    /// Records `id` from `source`; returns the source of the earlier document when `id` was seen.
    /// - Complexity: O(length of id and source), amortized.
    mutating func insert(id: String, source: String) -> String? {
        let key = StableHash.hash(id)
        if let packed = seen[key] { return unpack(packed) }
        seen[key] = pack(source)
        return nil
    }

    private mutating func pack(_ source: String) -> UInt64 {
        var prefix = source
        var number: UInt64 = 0
        // `file:123` or `file#123`: keep the number apart so every line shares one prefix entry.
        let utf8 = Array(source.utf8)
        var i = utf8.count
        while i > 0, utf8[i - 1] >= 0x30, utf8[i - 1] <= 0x39 { i -= 1 }
        if i > 0, i < utf8.count, utf8.count - i <= 9, utf8[i - 1] == 0x3A || utf8[i - 1] == 0x23 {
            prefix = String(decoding: utf8[..<i], as: UTF8.self)
            number = UInt64(String(decoding: utf8[i...], as: UTF8.self)) ?? 0
            number += 1
        }
        let index: UInt32
        if let known = prefixIndex[prefix] {
            index = known
        } else {
            index = UInt32(truncatingIfNeeded: prefixes.count)
            prefixes.append(prefix)
            prefixIndex[prefix] = index
        }
        return UInt64(index) << 32 | number
    }

    private func unpack(_ packed: UInt64) -> String {
        let index = Int(packed >> 32)
        let number = packed & 0xFFFF_FFFF
        let prefix = index < prefixes.count ? prefixes[index] : "?"
        return number == 0 ? prefix : prefix + String(number - 1)
    }
}
