import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds where aliases are written in UTF-8 text, byte by byte: the places the alias patterns can
/// match, found without the regular-expression engine.
///
/// The aliases are grouped by their two opening bytes. A bit table of the two-byte openings
/// (`pairs`, 8 KB) rejects eight places at a time, without a branch per place: few places open an
/// alias. At the others, `row` (by the first byte) and `openingGroup` (by the second) give the
/// group of aliases that open there, and the rest of those few aliases is compared. The tables
/// stay in the processor's first-level cache (one table of 65536 groups by two bytes did not: its
/// lookups were most of the scan's time).
struct AliasScanner: Sendable {
    /// The aliases as UTF-8 bytes in groups by opening; group 0 is empty.
    private let groups: [[[UInt8]]]
    /// For each byte, its row of `openingGroup` (times 256), or -1 when no alias opens with it.
    private let row: [Int32]
    /// For the row of byte `b0` and the byte `b1`, the group of the aliases that open with `b0 b1`
    /// (a one-byte alias: with `b0` and any byte), 0 for none.
    private let openingGroup: [UInt16]
    /// Bit `b0 << 8 | b1` (of 65536) set when an alias opens with the bytes `b0 b1` (a one-byte
    /// alias: with `b0` and any byte).
    private let pairs: [UInt64]

    /// A scanner for `aliases` (UTF-8 bytes); empty ones are never found.
    init(aliases: [[UInt8]]) {
        var groups: [[[UInt8]]] = [[]]
        var row = [Int32](repeating: -1, count: 256)
        var openingGroup: [UInt16] = []
        for a in aliases where !a.isEmpty {
            if row[Int(a[0])] < 0 {
                row[Int(a[0])] = Int32(openingGroup.count)
                openingGroup += [UInt16](repeating: 0, count: 256)
            }
            let first = Int(row[Int(a[0])])
            for second in a.count == 1 ? Array(0..<256) : [Int(a[1])] {
                if openingGroup[first + second] == 0 {
                    groups.append([])
                    openingGroup[first + second] = UInt16(groups.count - 1)
                }
                groups[Int(openingGroup[first + second])].append(a)
            }
        }
        var pairs = [UInt64](repeating: 0, count: 1 << 10)
        for b0 in 0..<256 where row[b0] >= 0 {
            for b1 in 0..<256 where openingGroup[Int(row[b0]) + b1] != 0 {
                let w = b0 << 8 | b1
                pairs[w >> 6] |= 1 << UInt64(w & 63)
            }
        }
        self.groups = groups
        self.row = row
        self.openingGroup = openingGroup
        self.pairs = pairs
    }

    /// Calls `body` with the start and end of each alias written in `bytes[range]` (an alias may
    /// run past the range's end, not past the buffer's), in order of start, every alias at a place
    /// (`AP` and `APA` both); `body` returns the offset to go on from (its argument's start + 1
    /// to see every place), or nil to stop.
    /// - Complexity: O(n · a) byte comparisons in the worst case for n bytes and a aliases; in
    ///   practice O(n) table lookups.
    func forEach(
        in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (_ start: Int, _ end: Int) -> Int?
    ) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        row.withUnsafeBufferPointer { rows in
            openingGroup.withUnsafeBufferPointer { openings in
                var i = range.lowerBound
                scan: while i < range.upperBound {
                    // Eight places at a time, while none opens an alias (the eighth's second byte
                    // is in the buffer).
                    while i + 8 < n && i + 8 <= range.upperBound && !mayOpen(base + i) { i += 8 }
                    guard i < range.upperBound else { break }
                    let first = Int(rows[Int(base[i])])
                    guard first >= 0 else {
                        i += 1
                        continue
                    }
                    let group = Int(openings[first + Int(i + 1 < n ? base[i + 1] : 0)])
                    if group != 0 {
                        // The opening bytes are the alias's own: the rest are compared.
                        for a in groups[group] where i + a.count <= n && Self.tailMatches(a, at: base + i) {
                            guard let next = body(i, i + a.count) else { return }
                            if next != i + 1 {
                                i = next
                                continue scan
                            }
                        }
                    }
                    i += 1
                }
            }
        }
    }

    /// Whether an alias may open at one of the eight places from `place` (its nine bytes are in
    /// the buffer): the bits of their two-byte openings, ORed, without a branch per place.
    @inline(__always)
    private func mayOpen(_ place: UnsafePointer<UInt8>) -> Bool {
        pairs.withUnsafeBufferPointer { bits in
            var any: UInt64 = 0
            for k in 0..<8 {
                let w = Int(place[k]) << 8 | Int(place[k + 1])
                any |= bits[w >> 6] >> UInt64(w & 63)
            }
            return any & 1 != 0
        }
    }

    /// Whether `alias`, whose first two bytes (one, for a one-byte alias) are known to be at `place`,
    /// is there: its other bytes are compared.
    @inline(__always)
    private static func tailMatches(_ alias: [UInt8], at place: UnsafePointer<UInt8>) -> Bool {
        alias.count <= 2
            || alias.withUnsafeBufferPointer { a in
                guard let bytes = a.baseAddress else { return false }
                return memcmp(place + 2, bytes + 2, a.count - 2) == 0
            }
    }
}
