/// How the aliases written in a run of text stand on their lines: which of the byline patterns
/// can match there. A pattern whose shape no alias has is not searched for.
///
/// Each shape is what every match of a pattern has around its alias (group 1), read from the
/// pattern, and tested on the UTF-8 bytes around every alias written in the text (`AliasScanner`,
/// every alias at every place). The tests let through more than the patterns match — never less:
/// - ``endsLine``: the byline patterns `…By Jane Doe, AP` and `^Jane Doe, AP` end with the alias,
///   an optional title (`[ \t]+[A-Za-z ]{0,40}?Writer`), `[ \t]*` and `$`. So after the alias
///   come only ASCII letters, spaces and tabs, up to a line terminator or the end of the text.
/// - ``opensLine``: the byline pattern `^[ \t]*(?:[/|][ \t]*)?(?:[Tt]he\s+)?(alias)…` has the
///   alias at a line's start, after spaces and tabs, an optional slash or bar with spaces and tabs,
///   and an optional `The` or `the` with white space (which may hold line terminators).
///
/// Line terminators and line starts are the regular-expression engine's (`$` and `^` with
/// `anchorsMatchLines`): LF, VT, FF, CR, NEL, LS, PS; `\s` is any of ASCII 09–0D and space, and —
/// more than the engine's white space — any non-ASCII byte.
struct AliasLayout: OptionSet, Sendable {
    let rawValue: UInt8

    /// Some alias is followed on its line by ASCII letters, spaces and tabs only.
    static let endsLine = AliasLayout(rawValue: 1 << 0)
    /// Some alias opens its line, after spaces, tabs, a slash or bar and `The`.
    static let opensLine = AliasLayout(rawValue: 1 << 1)
    /// Every shape: what a text is taken to have when its shapes are not read.
    static let all: AliasLayout = [.endsLine, .opensLine]

    /// The shapes of the aliases that `scanner` finds starting in `text[range]`, where `text` is
    /// the whole text a pattern is searched in.
    /// - Complexity: O(n) table lookups for the n bytes of the range (see `AliasScanner`), and
    ///   O(line length) for each alias found.
    init(of text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scanner: AliasScanner) {
        var layout: AliasLayout = []
        scanner.forEach(in: text, range) { start, end in
            if !layout.contains(.endsLine) && Self.endsLine(text, after: end) { layout.insert(.endsLine) }
            if !layout.contains(.opensLine) && Self.opensLine(text, before: start) { layout.insert(.opensLine) }
            return layout == .all ? nil : start + 1
        }
        self = layout
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Whether the bytes from `end` up to the next line terminator, or the end of `bytes`, are
    /// ASCII letters, spaces and tabs.
    /// - Complexity: O(line length).
    static func endsLine(_ bytes: UnsafeBufferPointer<UInt8>, after end: Int) -> Bool {
        var i = end
        while i < bytes.count {
            switch bytes[i] {
            case 0x41...0x5A, 0x61...0x7A, 0x20, 0x09: i += 1
            default: return terminatorLength(bytes, at: i) > 0
            }
        }
        return true
    }

    /// Whether `bytes[..<start]` ends with a line's opening `[ \t]*(?:[/|][ \t]*)?`, then an
    /// optional `The` or `the` and white space: the line starts at 0 or after a line terminator.
    /// - Complexity: O(distance to the line's start).
    static func opensLine(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        if opening(bytes, before: start) { return true }
        // `The` and white space, which may run over lines.
        var i = start
        while i > 0 && isSpace(bytes[i - 1]) { i -= 1 }
        guard i < start, i >= 3, bytes[i - 3] | 0x20 == 0x74, bytes[i - 2] == 0x68, bytes[i - 1] == 0x65 else {
            return false
        }
        return opening(bytes, before: i - 3)
    }

    /// Whether `bytes[..<start]` ends with `[ \t]*(?:[/|][ \t]*)?` at a line's start.
    private static func opening(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var i = start
        while i > 0 && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09) { i -= 1 }
        if isLineStart(bytes, i) { return true }
        guard bytes[i - 1] == 0x2F || bytes[i - 1] == 0x7C else { return false }
        i -= 1
        while i > 0 && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09) { i -= 1 }
        return isLineStart(bytes, i)
    }

    /// Whether a line starts at `i`: `i` is 0 or follows a line terminator.
    static func isLineStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i > 0 else { return true }
        switch bytes[i - 1] {
        case 0x0A, 0x0B, 0x0C, 0x0D: return true
        case 0x85: return i >= 2 && bytes[i - 2] == 0xC2  // NEL
        case 0xA8, 0xA9: return i >= 3 && bytes[i - 3] == 0xE2 && bytes[i - 2] == 0x80  // LS, PS
        default: return false
        }
    }

    /// The length in bytes of the line terminator at `i`, 0 for none: LF, VT, FF, CR, NEL, LS, PS.
    static func terminatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch bytes[i] {
        case 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0x85: return 2
        case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
            return 3
        default: return 0
        }
    }

    /// Whether `byte` may belong to white space as the engine's `\s` reads it: ASCII 09–0D and
    /// space, and any non-ASCII byte.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte >= 0x80
    }
}
