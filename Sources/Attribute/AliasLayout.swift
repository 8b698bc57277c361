/// How the aliases written in a run of text stand on their lines: which of the byline, dateline
/// and credit patterns can match there. A pattern whose shape no alias has is not searched for.
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
/// - ``parenthesized``: the dateline `^[ \t]*(?:[A-Z][A-Za-z0-9 .,'’-]{1,60}?[ \t]*)?\((?:[Tt]he\s+)?
///   (alias)\)[ \t]*(?:[-—–]+|(?=[A-Z“"]))` has `(` or `(The` and white space before the alias, `)`
///   right after it, then spaces and tabs and a dash, a capital or a quotation mark; between the
///   line's start and the `(` only letters, digits, spaces, tabs and `.,'’-`.
/// - ``cited``: the credit `(?:[Aa]ccording to|…|^[ \t/]*[Ss]ource:)\s+(?:(?:a|an|the)\s+)?
///   (?:report\s+(?:by|from|in)\s+)?(?:the\s+)?(news\s+agency\s+|wire\s+service\s+)?
///   (?:[Tt]he\s+)?(alias)` has before the alias white space and at most ten words of ASCII
///   letters and colons, the first of them holding one of its phrase's literals (`RequiredLiteral.allOf`
///   of the pattern: `ccording to`, `eported by`, ` report by`, `eport`, `ource:`). Walking back
///   from the alias over white space and such words, twelve words at most, passes over them.
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
    /// Some alias is in parentheses that may follow a dateline's place.
    static let parenthesized = AliasLayout(rawValue: 1 << 2)
    /// Some alias follows a credit's phrase (`according to`), over a few words.
    static let cited = AliasLayout(rawValue: 1 << 3)
    /// Every shape: what a text is taken to have when its shapes are not read.
    static let all: AliasLayout = [.endsLine, .opensLine, .parenthesized, .cited]

    /// The shapes of the aliases that `scanner` finds starting in `text[range]`, where `text` is
    /// the whole text a pattern is searched in.
    /// - Parameters:
    ///   - text: the text, UTF-8.
    ///   - range: where aliases start.
    ///   - scanner: finds the aliases.
    ///   - citations: the literal sets of the credit pattern (see ``cited``).
    /// - Complexity: O(n) table lookups for the n bytes of the range (see `AliasScanner`), and
    ///   O(line length) for each alias found.
    init(
        of text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scanner: AliasScanner, citations: [[[UInt8]]]
    ) {
        var layout: AliasLayout = []
        scanner.forEach(in: text, range) { start, end in
            if !layout.contains(.endsLine) && Self.endsLine(text, after: end) { layout.insert(.endsLine) }
            if !layout.contains(.opensLine) && Self.opensLine(text, before: start) { layout.insert(.opensLine) }
            if !layout.contains(.parenthesized) && Self.parenthesized(text, start, end) {
                layout.insert(.parenthesized)
            }
            if !layout.contains(.cited) && Self.cited(text, before: start, citations: citations) {
                layout.insert(.cited)
            }
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

    /// Whether the alias at `start..<end` stands as in a dateline: `(` or `(The` and white space
    /// before it, on a line that opens with letters, digits, spaces, tabs, `.,'-` or non-ASCII;
    /// `)` after it, then spaces and tabs and `-`, a capital, `"` or non-ASCII.
    /// - Complexity: O(distance to the line's start).
    static func parenthesized(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end < bytes.count, bytes[end] == 0x29 else { return false }
        var next = end + 1
        while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
        guard next < bytes.count else { return false }
        switch bytes[next] {
        case 0x2D, 0x41...0x5A, 0x22, 0x80...: break
        default: return false
        }
        // The `(`: right before the alias, or before `The` and white space.
        if start >= 1 && bytes[start - 1] == 0x28 && opensDateline(bytes, before: start - 1) { return true }
        var i = start
        while i > 0 && isSpace(bytes[i - 1]) { i -= 1 }
        guard i < start, i >= 4, bytes[i - 4] == 0x28, bytes[i - 3] | 0x20 == 0x74, bytes[i - 2] == 0x68,
            bytes[i - 1] == 0x65
        else { return false }
        return opensDateline(bytes, before: i - 4)
    }

    /// Whether `bytes[..<start]` ends with a line's start and then only ASCII letters, digits,
    /// spaces, tabs, `.,'-` and non-ASCII bytes (`’`): a dateline's place.
    private static func opensDateline(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var i = start
        while !isLineStart(bytes, i) {
            switch bytes[i - 1] {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x20, 0x09, 0x2E, 0x2C, 0x27, 0x2D, 0x80...: i -= 1
            default: return false
            }
        }
        return true
    }

    /// Whether, walking back from `start` over white space and words of ASCII letters and colons
    /// (twelve words at most), the bytes passed over hold a member of every set of `citations`.
    /// - Complexity: O(length of the words passed over).
    static func cited(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int, citations: [[[UInt8]]]) -> Bool {
        var i = start
        for _ in 0..<12 {
            let spaceEnd = i
            while i > 0 && isSpace(bytes[i - 1]) { i -= 1 }
            let wordEnd = i
            while i > 0 && ((0x41...0x5A).contains(bytes[i - 1] & 0xDF) || bytes[i - 1] == 0x3A) { i -= 1 }
            if i == spaceEnd || i == wordEnd { break }
        }
        return RequiredLiteral.occursAll(citations, in: UnsafeBufferPointer(rebasing: bytes[i..<start]))
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
