import Synchronization
import WiretraceCore

/// Lines found to be boilerplate, remembered so that the regular expression runs once per
/// distinct line rather than once per occurrence.
///
/// The lines that match are few and recur document after document ("Advertisement", "Continue
/// reading", a site's share bar), and each occurrence cost a regular-expression call of a few
/// microseconds. Only matches are kept — the lines that reach the expression without matching are
/// mostly paragraphs seen once — and at most `capacity` lines of at most `maxLineBytes` bytes, so
/// memory stays bounded. A remembered line is one the expression matched, compared byte for byte,
/// so the answers are the expression's.
final class MatchedLines: Sendable {
    /// The most lines kept; later matches are not remembered.
    static let capacity = 256
    /// The longest line kept, in UTF-8 bytes; longer lines are neither looked up nor kept.
    static let maxLineBytes = 256

    /// The lines, by `hash(_:)` of their bytes (a line whose hash is taken is not kept).
    private let lines = Mutex<[UInt64: [UInt8]]>([:])

    /// Whether `line` is a remembered match.
    func contains(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.count <= Self.maxLineBytes else { return false }
        let key = Self.hash(line)
        return lines.withLock { $0[key]?.elementsEqual(line) ?? false }
    }

    /// Remembers `line`, which the expression matched, while there is room.
    func insert(_ line: UnsafeBufferPointer<UInt8>) {
        guard line.count <= Self.maxLineBytes else { return }
        let key = Self.hash(line)
        lines.withLock { lines in
            if lines.count < Self.capacity && lines[key] == nil { lines[key] = Array(line) }
        }
    }

    /// FNV-1a over the bytes, mixed.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = StableHash.fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* StableHash.fnvPrime }
        return StableHash.mix64(h)
    }
}
