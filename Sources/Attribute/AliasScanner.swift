import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Finds where aliases are written in UTF-8 text, byte by byte: the places the alias patterns can
/// match, found without the regular-expression engine.
///
/// The aliases are grouped by their two opening bytes (`openingGroup`, a table of 65536 group
/// numbers): most places are rejected on the table alone, and the rest are compared with the few
/// aliases that open there.
struct AliasScanner: Sendable {
    /// The aliases as UTF-8 bytes in groups by opening; group 0 is empty.
    private let groups: [[[UInt8]]]
    /// For the two bytes `b0 << 8 | b1`, the group of the aliases that open with them (a one-byte
    /// alias: with `b0` and any byte), 0 for none.
    private let openingGroup: [UInt16]

    /// A scanner for `aliases` (UTF-8 bytes); empty ones are never found.
    init(aliases: [[UInt8]]) {
        var groups: [[[UInt8]]] = [[]]
        var openingGroup = [UInt16](repeating: 0, count: 1 << 16)
        for a in aliases where !a.isEmpty {
            let openings = a.count == 1 ? (0..<256).map { Int(a[0]) << 8 | $0 } : [Int(a[0]) << 8 | Int(a[1])]
            for o in openings {
                if openingGroup[o] == 0 {
                    groups.append([])
                    openingGroup[o] = UInt16(groups.count - 1)
                }
                groups[Int(openingGroup[o])].append(a)
            }
        }
        self.groups = groups
        self.openingGroup = openingGroup
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
        openingGroup.withUnsafeBufferPointer { openings in
            var i = range.lowerBound
            scan: while i < range.upperBound {
                let group = Int(openings[Int(base[i]) << 8 | Int(i + 1 < n ? base[i + 1] : 0)])
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
