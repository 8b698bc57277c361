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
        // One hash lookup for the common case, a new id; a duplicate puts the earlier entry back.
        guard let earlier = seen.updateValue(pack(source), forKey: key) else { return nil }
        seen[key] = earlier
        return unpack(earlier)
    }

    /// The `prefixes` entry found last: records come file after file, so it is almost always
    /// the next one's too, and is checked before hashing the prefix.
    private var lastPrefix: (bytes: [UInt8], index: UInt32)?

    private mutating func pack(_ source: String) -> UInt64 {
        var source = source
        return source.withUTF8 { utf8 in
            // `file:123` or `file#123`: keep the number apart so every line shares one prefix entry.
            var i = utf8.count
            while i > 0, utf8[i - 1] >= 0x30, utf8[i - 1] <= 0x39 { i -= 1 }
            var prefixEnd = utf8.count
            var number: UInt64 = 0
            if i > 0, i < utf8.count, utf8.count - i <= 9, utf8[i - 1] == 0x3A || utf8[i - 1] == 0x23 {
                prefixEnd = i
                for d in utf8[i...] { number = number * 10 + UInt64(d - 0x30) }
                number += 1
            }
            let prefix = UnsafeBufferPointer(rebasing: utf8[..<prefixEnd])
            return UInt64(index(ofPrefix: prefix)) << 32 | number
        }
    }

    /// The `prefixes` index of the source prefix `bytes` (UTF-8), added when new.
    private mutating func index(ofPrefix bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        if let last = lastPrefix, last.bytes.elementsEqual(bytes) { return last.index }
        let prefix = String(decoding: bytes, as: UTF8.self)
        let index: UInt32
        if let known = prefixIndex[prefix] {
            index = known
        } else {
            index = UInt32(truncatingIfNeeded: prefixes.count)
            prefixes.append(prefix)
            prefixIndex[prefix] = index
        }
        lastPrefix = (Array(bytes), index)
        return index
    }

    private func unpack(_ packed: UInt64) -> String {
        let index = Int(packed >> 32)
        let number = packed & 0xFFFF_FFFF
        let prefix = index < prefixes.count ? prefixes[index] : "?"
        return number == 0 ? prefix : prefix + String(number - 1)
    }
}
