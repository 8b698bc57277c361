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
        spellings(pattern, minimumLength: minimumLength, maxSpellings: 1)?.first
    }

    /// The longest run of at least `minimumLength` bytes that every match of `pattern` contains,
    /// as `of` reads it, except that a class of one ASCII letter in both cases (`[Bb]`) is read
    /// as that letter: the run's spellings, one per choice of case, at most `maxSpellings` (a
    /// run that would have more ends there). Every match contains one of them. Nil when none.
    public static func spellings(_ pattern: String, minimumLength: Int, maxSpellings: Int) -> [[UInt8]]? {
        let s = Array(pattern.unicodeScalars)
        guard understood(pattern) else { return nil }
        var best: [[UInt8]] = [[]]
        var run: [[UInt8]] = [[]]
        func endRun() {
            if run[0].count > best[0].count { best = run }
            run = [[]]
        }
        var i = 0
        var depth = 0
        while i < s.count {
            let c = s[i]
            // The atom at i: a literal scalar (nil: not a literal), and where it ends.
            var literal: Unicode.Scalar?
            /// A letter's capital and small forms, from a class `[Bb]`.
            var choice: (UInt8, UInt8)?
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
                guard let end = classEnd(s, i) else { return nil }
                next = end
                // `[Bb]`: either case of one letter.
                if end == i + 4, s[i + 1].isASCII, s[i + 1].properties.isUppercase,
                    s[i + 2] == Unicode.Scalar(UInt8(s[i + 1].value) | 0x20)
                {
                    choice = (UInt8(s[i + 1].value), UInt8(s[i + 2].value))
                }
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
                let bytes = Array(String(literal).utf8)
                for k in run.indices { run[k] += bytes }
                if repeated { endRun() }
            } else if depth == 0, let (capital, small) = choice, !optional {
                if run.count * 2 > maxSpellings { endRun() }
                if run.count * 2 <= maxSpellings {
                    run = run.map { $0 + [capital] } + run.map { $0 + [small] }
                }
                if repeated { endRun() }
            } else {
                endRun()
            }
            i = next
        }
        endRun()
        return best[0].count >= minimumLength ? best : nil
    }

    /// Sets of literals (UTF-8), each with a member in every match of `pattern` (compiled without
    /// the case-insensitive option): the pattern's own required run (`spellings`), then, for each
    /// top-level group every match passes through, one literal per alternative
    /// (`\b(?:told|said to|spoke to)\s+…` gives `told`, `said to`, `spoke to`), for groups of at
    /// most `maxAlternatives` literals — a text is searched for each member, so a group of a
    /// hundred names is no cheap test. Empty when nothing is known.
    ///
    /// A text lacking every member of some set cannot match: each set alone is a test, and together
    /// they reject more (`\b(?:with|WITH)\s+(?:inputs?|INPUTS?)\s+(?:from|FROM)\s+(?:agencies|wires)`
    /// needs `input` or `INPUT`, and also `agencies` or `wires`). For the patterns that run over the
    /// lines around each alias, and over whole texts.
    public static func allOf(_ pattern: String, maxAlternatives: Int = 8) -> [[[UInt8]]] {
        guard understood(pattern) else { return [] }
        let own = spellings(pattern, minimumLength: 1, maxSpellings: maxAlternatives).map { [$0] } ?? []
        return own + groupLiterals(pattern, maxSpellings: maxAlternatives).filter { $0.count <= maxAlternatives }
    }

    /// Whether `text` holds a member of every set of `sets` (see `allOf`).
    /// - Complexity: O(n · m) for text length n and m literals in all; in practice about one pass
    ///   of `memchr` over the text per literal (see `occurs`).
    public static func occursAll(_ sets: [[[UInt8]]], in text: String) -> Bool {
        guard !sets.isEmpty else { return true }
        var text = text
        return text.withUTF8 { occursAll(sets, in: $0) }
    }

    /// Whether the UTF-8 text `bytes` holds a member of every set of `sets` (see `allOf`).
    static func occursAll(_ sets: [[[UInt8]]], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        sets.allSatisfy { set in
            set.contains { literal in literal.withUnsafeBufferPointer { occurs($0, in: bytes) } }
        }
    }

    /// For each top-level group every match of `pattern` passes through whose alternatives all have
    /// a required literal: those literals, one per alternative — or each alternative's spellings
    /// (`spellings`), when they come to at most `maxSpellings` in all.
    private static func groupLiterals(_ pattern: String, maxSpellings: Int) -> [[[UInt8]]] {
        requiredGroups(Array(pattern.unicodeScalars)).compactMap { alternatives in
            func literals(_ most: Int) -> [[UInt8]]? {
                let each = alternatives.compactMap { spellings($0, minimumLength: 1, maxSpellings: most) }
                return !each.isEmpty && each.count == alternatives.count ? each.flatMap { $0 } : nil
            }
            // Both cases of a letter where the group stays within `maxSpellings` literals, else one spelling each.
            if maxSpellings > 1, let both = literals(maxSpellings), both.count <= maxSpellings { return both }
            return literals(1)
        }
    }

    /// Whether the pattern is free of what the analysis cannot read: quoting, and inline flags that
    /// change case or spacing rules.
    static func understood(_ pattern: String) -> Bool {
        !pattern.contains("\\Q") && pattern.range(of: #"\(\?[a-zA-Z-]*[ix]"#, options: .regularExpression) == nil
    }

    /// Where the character class opening at `s[i]` (`[`) ends (the index after its `]`), or nil for
    /// a class holding another (ICU set operations such as `[[a-z]--[aeiou]]`), which is not read.
    static func classEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var j = i + 1
        if j < s.count && s[j] == "^" { j += 1 }
        if j < s.count && s[j] == "]" { j += 1 }
        while j < s.count && s[j] != "]" {
            if s[j] == "[" { return nil }
            j += s[j] == "\\" ? 2 : 1
        }
        return j + 1
    }

    /// The alternatives, as pattern text, of each top-level group every match passes through: a
    /// capturing, `(?:…)` or `(?>…)` group whose quantifier (if any) does not allow zero
    /// repetitions. Lookarounds, named groups and flag groups are passed over; a pattern that
    /// alternates at the top has none.
    static func requiredGroups(_ s: [Unicode.Scalar]) -> [[String]] {
        var groups: [[String]] = []
        var i = 0
        while i < s.count {
            switch s[i] {
            case "\\":
                i += 2
            case "[":
                guard let end = classEnd(s, i) else { return [] }
                i = end
            case "|":
                return []
            case "(":
                // The matching `)`, and the group's alternatives split at its own `|`.
                var depth = 0
                var j = i
                var cuts: [Int] = []
                while j < s.count {
                    switch s[j] {
                    case "\\": j += 1
                    case "[":
                        guard let end = classEnd(s, j) else { return [] }
                        j = end - 1
                    case "(": depth += 1
                    case ")": depth -= 1
                    case "|" where depth == 1: cuts.append(j)
                    default: break
                    }
                    if depth == 0 { break }
                    j += 1
                }
                guard j < s.count else { return [] }
                let kind = i + 2 < s.count && s[i + 1] == "?" ? s[i + 2] : nil
                let bodyStart = kind == nil ? i + 1 : i + 3
                var optional = false
                if j + 1 < s.count {
                    switch s[j + 1] {
                    case "?", "*": optional = true
                    case "{": optional = j + 2 < s.count && (s[j + 2] == "0" || s[j + 2] == ",")
                    default: break
                    }
                }
                if (kind == nil || kind == ":" || kind == ">") && !optional {
                    let bounds = [bodyStart] + cuts.map { $0 + 1 }
                    let ends = cuts + [j]
                    groups.append(
                        zip(bounds, ends).map { a, b in
                            var text = ""
                            text.unicodeScalars.append(contentsOf: s[a..<b])
                            return text
                        })
                }
                i = j + 1
            default:
                i += 1
            }
        }
        return groups
    }

    /// Whether `text` contains `literal` (UTF-8 bytes).
    /// - Complexity: O(n · m) for text length n and literal length m; in practice one pass of
    ///   `memchr` over the text (see `occurs(_:in:)` on buffers).
    public static func occurs(_ literal: [UInt8], in text: String) -> Bool {
        var text = text
        return text.withUTF8 { t in literal.withUnsafeBufferPointer { occurs($0, in: t) } }
    }

    /// Whether `text` contains `literal` (see `firstOccurrence`).
    static func occurs(_ literal: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOccurrence(literal, in: text, from: 0) != nil
    }

    /// Where `literal` first occurs in `text` at or after `from`, or nil. The search looks for the
    /// literal's rarest byte in news text (`rarity`): with `memchr` when that byte is rare (a capital,
    /// a digit, punctuation), and with the second rarest too, sixteen places at a time, when it is a
    /// common one (a small letter, a space), where `memchr` would stop every few bytes (at every `p`
    /// for `input`); `memcmp` compares the whole literal at each place found. An empty literal is at
    /// `from`.
    /// - Complexity: O(n · m) for text length n and literal length m; in practice one pass with few
    ///   stops.
    static func firstOccurrence(
        _ literal: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard !literal.isEmpty else { return start <= text.count ? start : nil }
        guard let tb = text.baseAddress, let lb = literal.baseAddress, start + literal.count <= text.count else {
            return nil
        }
        // The anchors: the literal's bytes least often seen, the first of equals.
        var k = 0
        for i in 1..<literal.count where rarity[Int(literal[i])] > rarity[Int(literal[k])] { k = i }
        // A match starts at `start` to `last`.
        let last = text.count - literal.count
        if rarity[Int(literal[k])] < commonBytes && literal.count > 1 {
            var k2 = k == 0 ? 1 : 0
            for i in 0..<literal.count where i != k && rarity[Int(literal[i])] > rarity[Int(literal[k2])] { k2 = i }
            return pairSearch(literal, tb, start, last, k, k2)
        }
        var from = start + k
        while from <= last + k, let hit = memchr(tb + from, Int32(literal[k]), last + k - from + 1) {
            let anchor = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - tb
            if memcmp(tb + anchor - k, lb, literal.count) == 0 { return anchor - k }
            from = anchor + 1
        }
        return nil
    }

    /// The first place from `start` to `last` in `text` where `literal` is, looking sixteen places at
    /// a time for its bytes `k` and `k2` (vector compares), then comparing the whole literal.
    private static func pairSearch(
        _ literal: UnsafeBufferPointer<UInt8>, _ text: UnsafePointer<UInt8>, _ start: Int, _ last: Int, _ k: Int,
        _ k2: Int
    ) -> Int? {
        guard let lb = literal.baseAddress else { return nil }
        let raw = UnsafeRawPointer(text)
        let first = SIMD16<UInt8>(repeating: literal[k])
        let second = SIMD16<UInt8>(repeating: literal[k2])
        var at = start
        while at + 15 <= last {
            let a = raw.loadUnaligned(fromByteOffset: at + k, as: SIMD16<UInt8>.self)
            let b = raw.loadUnaligned(fromByteOffset: at + k2, as: SIMD16<UInt8>.self)
            let both = (a .== first) .& (b .== second)
            if any(both) {
                for j in 0..<16 where both[j] && memcmp(text + at + j, lb, literal.count) == 0 { return at + j }
            }
            at += 16
        }
        while at <= last {
            if text[at + k] == literal[k] && text[at + k2] == literal[k2] && memcmp(text + at, lb, literal.count) == 0 {
                return at
            }
            at += 1
        }
        return nil
    }

    /// The bytes of `rarity` below this are common enough (small letters, space) that `memchr`
    /// would stop too often on them.
    static let commonBytes: UInt8 = 21

    /// How rare each byte is in English news text, from 0 for the most common (space) up to 255
    /// for a byte not among the common ones; measured on news articles. Only the order matters:
    /// it picks the byte `occurs` looks for.
    static let rarity: [UInt8] = {
        let common = Array(" etaionrsldhcumpfgybw.\n,vk10TSCxA\"8-9IB'25M3P67EFU4DqHRGJWLNO".utf8)
        var rarity = [UInt8](repeating: 255, count: 256)
        for (i, b) in common.enumerated() { rarity[Int(b)] = UInt8(i) }
        return rarity
    }()
}
