/// A sound, cheap first test for the boilerplate patterns: the two-character line openings the
/// patterns can match at all.
///
/// Every line of every document is matched against the boilerplate patterns, and each regular
/// expression call converts the line to UTF-16 and sets up a matcher — most of normalization's
/// time, though almost no line is boilerplate. The patterns are whole-line and case-insensitive,
/// so a line can only match when its first two characters (lowercased) are a prefix of some
/// string the patterns match. This type computes that set from the patterns' syntax, and the
/// regular expression runs only on lines that pass.
///
/// Soundness: the analysis over-approximates. Zero-width assertions (`^ $ \b \B`, lookarounds) are
/// read as matching the empty string, case is folded on both sides, and a line whose opening is not
/// plain ASCII always goes to the regular expression (Unicode case folding maps some non-ASCII
/// letters, such as U+017F ſ, onto ASCII ones). A pattern outside the understood syntax (non-ASCII
/// literals, back-references, `\p{…}`, `\Q…\E`, hex escapes, …) disables the filter: every line is
/// then tested, as without it.
public struct LinePrefixFilter: Sendable {
    /// Allowed openings: index `c0 << 8 | c1` for lines of two or more characters, `c0 << 8 | 0xFF`
    /// for one-character lines (lowercased ASCII).
    private let allowed: [Bool]

    /// Openings considered.
    static let k = 2
    /// A bound on the sets of openings: above all there can be (1 + 126 + 126², the empty string,
    /// one and two characters), so it only guards against mistakes.
    static let maxOpenings = 1 << 15

    /// The filter for `patterns`, or nil when a pattern is outside the understood syntax.
    public init?(patterns: [String]) {
        guard !patterns.isEmpty else { return nil }
        var openings = Set<[UInt8]>()
        for p in patterns {
            var parser = Parser(Array(p.unicodeScalars))
            guard let set = parser.parseAll() else { return nil }
            openings.formUnion(set)
            guard openings.count <= Self.maxOpenings else { return nil }
        }
        var allowed = [Bool](repeating: false, count: 1 << 16)
        for o in openings {
            switch o.count {
            case 2: allowed[Int(o[0]) << 8 | Int(o[1])] = true
            case 1: allowed[Int(o[0]) << 8 | 0xFF] = true
            default: break  // the empty line: never tested (lines are trimmed and non-empty)
            }
        }
        self.allowed = allowed
    }

    /// Whether the non-empty, trimmed line `bytes[range]` (UTF-8) may match: false only when no
    /// pattern can match it.
    @inline(__always)
    public func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let c0 = bytes[range.lowerBound]
        guard c0 < 0x80 else { return true }
        let l0 = Self.lower(c0)
        if range.count == 1 { return allowed[Int(l0) << 8 | 0xFF] }
        let c1 = bytes[range.lowerBound + 1]
        guard c1 < 0x80 else { return true }
        return allowed[Int(l0) << 8 | Int(Self.lower(c1))]
    }

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }

    // MARK: - Analysis

    /// Sets of openings: strings of at most `k` lowercased ASCII bytes; a string shorter than `k`
    /// is a complete match.
    typealias Openings = Set<[UInt8]>

    /// Openings of a concatenation: each complete match of `a` continued by each opening of `b`.
    static func concat(_ a: Openings, _ b: Openings) -> Openings {
        var out = Openings()
        for u in a {
            if u.count >= k {
                out.insert(u)
                continue
            }
            for v in b { out.insert(Array((u + v).prefix(k))) }
        }
        return out
    }

    /// Openings of `r` repeated `min` to `max` (nil: unbounded) times.
    static func repeated(_ r: Openings, min: Int, max: Int?) -> Openings {
        var out: Openings = [[]]
        var i = 0
        // Mandatory copies; the set stops changing after a few, since openings are short.
        while i < min {
            let next = concat(out, r)
            if next == out { break }
            out = next
            i += 1
        }
        if i < min { return out }
        // Optional copies: each adds the openings of one more, until a copy adds nothing (then no
        // further copy can: each would only repeat what the earlier ones gave).
        var extra = 0
        var frontier = out
        while max.map({ extra < $0 - min }) ?? true {
            frontier = concat(frontier, r)
            let before = out.count
            out.formUnion(frontier)
            extra += 1
            if out.count == before || out.count > maxOpenings { break }
        }
        return out
    }

    /// Recursive descent over the pattern's scalars; every parse function returns nil to give up.
    struct Parser {
        let s: [Unicode.Scalar]
        var i = 0

        init(_ s: [Unicode.Scalar]) { self.s = s }

        mutating func parseAll() -> Openings? {
            guard let r = parseAlternation(), i == s.count else { return nil }
            return r
        }

        mutating func parseAlternation() -> Openings? {
            guard var r = parseSequence() else { return nil }
            while i < s.count && s[i] == "|" {
                i += 1
                guard let next = parseSequence() else { return nil }
                r.formUnion(next)
            }
            return r.count <= maxOpenings ? r : nil
        }

        mutating func parseSequence() -> Openings? {
            var r: Openings = [[]]
            while i < s.count && s[i] != "|" && s[i] != ")" {
                guard let atom = parseQuantified() else { return nil }
                r = concat(r, atom)
                guard r.count <= maxOpenings else { return nil }
            }
            return r
        }

        mutating func parseQuantified() -> Openings? {
            guard var r = parseAtom() else { return nil }
            while i < s.count {
                let c = s[i]
                var bounds: (Int, Int?)?
                switch c {
                case "?": bounds = (0, 1)
                case "*": bounds = (0, nil)
                case "+": bounds = (1, nil)
                case "{":
                    guard let b = parseBraces() else { return r }  // a literal "{" is an atom of its own
                    bounds = b
                default: return r
                }
                i += 1
                if let (lo, hi) = bounds { r = repeated(r, min: lo, max: hi) }
                // Lazy or possessive marks change nothing about what can match.
                if i < s.count && (s[i] == "?" || s[i] == "+") { i += 1 }
                guard r.count <= maxOpenings else { return nil }
            }
            return r
        }

        /// `{n}`, `{n,}`, `{n,m}` at `i`; leaves `i` on the closing brace. Nil when not a quantifier.
        mutating func parseBraces() -> (Int, Int?)? {
            var j = i + 1
            func number(_ j: inout Int) -> Int? {
                var v = 0
                let start = j
                while j < s.count && s[j].isASCII && ("0"..."9").contains(s[j]) {
                    v = min(v * 10 + Int(s[j].value - 0x30), 1000)
                    j += 1
                }
                return j > start ? v : nil
            }
            guard let lo = number(&j) else { return nil }
            var hi: Int? = lo
            if j < s.count && s[j] == "," {
                j += 1
                hi = number(&j)
            }
            guard j < s.count && s[j] == "}" else { return nil }
            i = j
            return (lo, hi)
        }

        mutating func parseAtom() -> Openings? {
            guard i < s.count else { return nil }
            let c = s[i]
            i += 1
            switch c {
            case "(":
                var zeroWidth = false
                if i < s.count && s[i] == "?" {
                    i += 1
                    guard i < s.count else { return nil }
                    switch s[i] {
                    case ":": i += 1
                    case "=", "!":
                        zeroWidth = true
                        i += 1
                    case "<":
                        if i + 1 < s.count && (s[i + 1] == "=" || s[i + 1] == "!") {
                            zeroWidth = true
                            i += 2
                        } else {
                            // A named group: skip the name.
                            while i < s.count && s[i] != ">" { i += 1 }
                            guard i < s.count else { return nil }
                            i += 1
                        }
                    default:
                        // Inline flags (?i) (?-i) (?x) …: a flag group without a body changes
                        // case or spacing rules; case is folded anyway, but free spacing is not
                        // understood.
                        var flags = ""
                        while i < s.count && s[i] != ")" && s[i] != ":" {
                            flags.unicodeScalars.append(s[i])
                            i += 1
                        }
                        guard i < s.count, flags.allSatisfy({ "imsw-".contains($0) }), !flags.contains("x") else {
                            return nil
                        }
                        if s[i] == ")" {
                            i += 1
                            return [[]]
                        }
                        i += 1
                    }
                }
                guard let inner = parseAlternation(), i < s.count, s[i] == ")" else { return nil }
                i += 1
                return zeroWidth ? [[]] : inner
            case "[":
                guard let set = parseClass() else { return nil }
                return Openings(set.map { [$0] })
            case ".":
                return Openings(Self.anyASCII.map { [$0] })
            case "^", "$":
                return [[]]
            case "\\":
                guard i < s.count else { return nil }
                let e = s[i]
                i += 1
                if let set = Self.escapeClass(e) { return Openings(set.map { [$0] }) }
                switch e {
                case "b", "B", "A", "z", "Z", "G": return [[]]
                default: break
                }
                guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else { return nil }
                return [[lower(UInt8(e.value))]]
            case ")", "|", "*", "+", "?":
                return nil
            default:
                guard c.isASCII else { return nil }
                return [[lower(UInt8(c.value))]]
            }
        }

        /// A bracket class at `i` (after `[`), as lowercased ASCII bytes.
        mutating func parseClass() -> Set<UInt8>? {
            var negated = false
            if i < s.count && s[i] == "^" {
                negated = true
                i += 1
            }
            var members = Set<UInt8>()
            var first = true
            while i < s.count && (s[i] != "]" || first) {
                first = false
                var c = s[i]
                i += 1
                if c == "[" { return nil }  // nested classes, POSIX classes, set operations
                if c == "\\" {
                    guard i < s.count else { return nil }
                    let e = s[i]
                    i += 1
                    if let set = Self.escapeClass(e) {
                        members.formUnion(set)
                        continue
                    }
                    guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else { return nil }
                    c = e
                }
                guard c.isASCII else { return nil }
                if i + 1 < s.count && s[i] == "-" && s[i + 1] != "]" {
                    let hiScalar = s[i + 1]
                    guard hiScalar.isASCII, hiScalar != "\\", hiScalar != "[", hiScalar.value >= c.value else {
                        return nil
                    }
                    i += 2
                    for v in c.value...hiScalar.value { members.insert(UInt8(v)) }
                } else {
                    members.insert(UInt8(c.value))
                }
            }
            guard i < s.count && s[i] == "]" else { return nil }
            i += 1
            // Case-insensitive: compared after lowering. A negated class is read as matching any
            // ASCII byte (whether the engine closes it over case before or after negating, that
            // covers it; non-ASCII openings always go to the regular expression anyway).
            return negated ? Set(Self.anyASCII) : Set(members.map(lower))
        }

        /// Every ASCII byte `.` matches, lowercased (not the line breaks).
        static let anyASCII: [UInt8] = (0..<128).map(UInt8.init).filter { $0 != 0x0A && $0 != 0x0D }.map(lower)

        /// The ASCII members, lowercased, of `\d \D \s \S \w \W \h \H`; nil for other escapes.
        static func escapeClass(_ e: Unicode.Scalar) -> Set<UInt8>? {
            let all = Set((0..<128).map(UInt8.init))
            let digits = Set((0x30...0x39).map(UInt8.init))
            let spaces: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
            let horizontal: Set<UInt8> = [0x20, 0x09]
            let word = digits.union((0x41...0x5A).map(UInt8.init)).union((0x61...0x7A).map(UInt8.init)).union([0x5F])
            let set: Set<UInt8>
            switch e {
            case "d": set = digits
            case "D": set = all.subtracting(digits)
            case "s": set = spaces
            case "S": set = all.subtracting(spaces)
            case "h": set = horizontal
            case "H": set = all.subtracting(horizontal)
            case "w": set = word
            case "W": set = all.subtracting(word)
            default: return nil
            }
            return Set(set.map(lower))
        }
    }
}
