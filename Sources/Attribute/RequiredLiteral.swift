import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A piece of plain text that every match of a regular expression contains, found from the
/// pattern's syntax: a cheap test that lets a whole-text pattern be skipped on texts without it.
///
/// Contributor patterns (`… contributed to this report.`, `Reporting by …`) run over every
/// document's full text, and each call converts the text to UTF-16 for the regular-expression
/// engine; almost no text contains the literal they all need. Only the top level of the pattern is
/// read: a run of literal characters none of which is optional. Anything not understood — a
/// top-level alternation, inline flags such as `(?i)` (case-insensitive matching would make the
/// bytes test unsound), escapes other than punctuation — ends the run or gives no literal at all,
/// so the test never skips a text the pattern could match.
public enum RequiredLiteral {
    /// The longest run of at least `minimumLength` bytes (UTF-8) that every match of `pattern`
    /// (compiled without the case-insensitive option) contains, or nil.
    public static func of(_ pattern: String, minimumLength: Int = 3) -> [UInt8]? {
        let s = Array(pattern.unicodeScalars)
        // Inline flags that change case or spacing rules, and quoting, are not understood.
        if pattern.contains("\\Q") || pattern.range(of: #"\(\?[a-zA-Z-]*[ix]"#, options: .regularExpression) != nil {
            return nil
        }
        var best: [UInt8] = []
        var run: [UInt8] = []
        func endRun() {
            if run.count > best.count { best = run }
            run = []
        }
        var i = 0
        var depth = 0
        while i < s.count {
            let c = s[i]
            // The atom at i: a literal scalar (nil: not a literal), and where it ends.
            var literal: Unicode.Scalar?
            var next = i + 1
            switch c {
            case "\\":
                guard i + 1 < s.count else { return nil }
                let e = s[i + 1]
                next = i + 2
                if e.isASCII && !e.properties.isAlphabetic && !("0"..."9").contains(e) {
                    literal = e
                } else if !"dDsSwWbBhHntrfvea".unicodeScalars.contains(e) {
                    return nil  // escapes with arguments (\x41, \u…, \p{…}, \N{…}, back-references)
                }
            case "(":
                depth += 1
            case ")":
                depth -= 1
            case "[":
                var j = i + 1
                if j < s.count && s[j] == "^" { j += 1 }
                if j < s.count && s[j] == "]" { j += 1 }
                while j < s.count && s[j] != "]" { j += s[j] == "\\" ? 2 : 1 }
                next = j + 1
            case "|":
                if depth == 0 { return nil }
            case ".", "^", "$", "*", "+", "?", "{", "}":
                break
            default:
                literal = c
            }
            // The quantifier after the atom, skipped whole: an optional atom is not required, a
            // repeated one ends the run.
            var optional = false
            var repeated = false
            if next < s.count {
                switch s[next] {
                case "?", "*":
                    optional = true
                    next += 1
                case "+":
                    repeated = true
                    next += 1
                case "{":
                    var j = next + 1
                    var digits = ""
                    while j < s.count && (("0"..."9").contains(s[j]) || s[j] == ",") {
                        digits.unicodeScalars.append(s[j])
                        j += 1
                    }
                    if j < s.count && s[j] == "}" && !digits.isEmpty && digits.first != "," {
                        optional = digits.hasPrefix("0") && (digits.count == 1 || digits.dropFirst().first == ",")
                        repeated = true
                        next = j + 1
                    }
                default: break
                }
                if (optional || repeated) && next < s.count && (s[next] == "?" || s[next] == "+") { next += 1 }
            }
            if depth == 0, let literal, !optional {
                run += Array(String(literal).utf8)
                if repeated { endRun() }
            } else {
                endRun()
            }
            i = next
        }
        endRun()
        return best.count >= minimumLength ? best : nil
    }

    /// Whether `text` contains `literal` (UTF-8 bytes).
    public static func occurs(_ literal: [UInt8], in text: String) -> Bool {
        var text = text
        return text.withUTF8 { t in
            literal.withUnsafeBufferPointer { l in
                guard let tb = t.baseAddress, let lb = l.baseAddress, l.count <= t.count else { return l.isEmpty }
                // First byte with memchr, then the rest with memcmp.
                var from = 0
                let last = t.count - l.count
                while from <= last, let hit = memchr(tb + from, Int32(l[0]), last - from + 1) {
                    let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - tb
                    if memcmp(tb + at, lb, l.count) == 0 { return true }
                    from = at + 1
                }
                return false
            }
        }
    }
}
