/// Whether a regular expression's matches stay on one line: no part of it, lookarounds included,
/// can match a line feed. Such a pattern, searched from the start of a line (after a line feed,
/// before the end of the text), finds the matches a search of the whole text finds from there on:
/// none of them crosses the line feed, a lookbehind cannot reach over it in either search, and `^`
/// and `\b` see a line feed before the start of the line as they see the start of the text, no
/// word character. (At the end of the text, after a line feed, the engine's `^` does not match in
/// the whole text but does at the start of a search.)
///
/// Read from the pattern's syntax, by a list of what is known not to match a line feed; anything
/// else gives false, so the answer is never wrongly true:
/// - literal characters other than a line feed, `.` (without the `s` flag, which is refused like
///   every inline flag), the escapes `\w \d \S \h \t`, escaped ASCII punctuation, and the
///   zero-width `^ $ \b \B \A \z \Z \G`;
/// - a class `[…]` of such characters, escapes, and ranges that leave out U+000A; a negated class
///   `[^…]` only when it holds `\n`; no class inside a class, no `&&` or `--`, no `]` first;
/// - groups (capturing, `(?:`, `(?>`, lookarounds, named), alternation and quantifiers.
/// For the contributor patterns of the agency table, run over whole texts.
enum SingleLinePattern {
    /// Whether no match of `pattern` (compiled without `dotMatchesLineSeparators`) holds a line
    /// feed, by the rules above.
    /// - Complexity: O(pattern length).
    static func holds(_ pattern: String) -> Bool {
        let s = Array(pattern.unicodeScalars)
        var i = 0
        while i < s.count {
            switch s[i] {
            case "\n":
                return false
            case "\\":
                guard i + 1 < s.count, escapeStaysOnLine(s[i + 1], inClass: false) else { return false }
                i += 2
            case "[":
                guard let end = classStaysOnLine(s, i) else { return false }
                i = end
            case "(":
                // Groups other than (?: (?= (?! (?<= (?<! (?> (?<name>: inline flags, comments.
                if i + 1 < s.count && s[i + 1] == "?" {
                    guard i + 2 < s.count else { return false }
                    switch s[i + 2] {
                    case ":", "=", "!", ">": break
                    case "<":
                        guard i + 3 < s.count else { return false }
                        if s[i + 3] != "=" && s[i + 3] != "!" && !s[i + 3].properties.isAlphabetic { return false }
                    default: return false
                    }
                }
                i += 1
            default:
                i += 1
            }
        }
        return true
    }

    /// Whether the escape `\c` matches no line feed (outside a class: zero-width ones too).
    static func escapeStaysOnLine(_ c: Unicode.Scalar, inClass: Bool) -> Bool {
        if "wdSht".unicodeScalars.contains(c) { return true }
        if !inClass && "bBAzZG".unicodeScalars.contains(c) { return true }
        // Escaped ASCII punctuation is itself.
        return (0x21..<0x7F).contains(c.value) && !c.properties.isAlphabetic && !("0"..."9").contains(c)
    }

    /// Where the class opening at `s[i]` ends (the index after its `]`) when it matches no line
    /// feed, or nil.
    static func classStaysOnLine(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var j = i + 1
        let negated = j < s.count && s[j] == "^"
        if negated { j += 1 }
        var holdsLineFeed = false
        // A `]` first is not read (the engine's sets may take it for an empty set), nor are set
        // operations.
        guard j < s.count, s[j] != "]" else { return nil }
        var k = j
        while k + 1 < s.count && s[k] != "]" {
            if (s[k] == "-" || s[k] == "&") && s[k + 1] == s[k] { return nil }
            k += s[k] == "\\" ? 2 : 1
        }
        while j < s.count && s[j] != "]" {
            switch s[j] {
            case "[", "\n":
                return nil
            case "\\":
                guard j + 1 < s.count else { return nil }
                if s[j + 1] == "n" && negated {
                    holdsLineFeed = true
                } else if !escapeStaysOnLine(s[j + 1], inClass: true) {
                    return nil
                }
                j += 2
            default:
                // A range c1-c2 of literal characters must leave out U+000A.
                if j + 2 < s.count && s[j + 1] == "-" && s[j + 2] != "]" {
                    let low = s[j]
                    let high = s[j + 2]
                    guard high != "\\", high != "[", !(low.value <= 0x0A && 0x0A <= high.value) else { return nil }
                    j += 3
                } else {
                    j += 1
                }
            }
        }
        guard j < s.count else { return nil }
        return negated && !holdsLineFeed ? nil : j + 1
    }
}
