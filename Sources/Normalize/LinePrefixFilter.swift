/// A sound, cheap first test for the boilerplate patterns: the line openings (first `k`
/// characters, `k` = 4, 3 or 2) the patterns can match at all.
///
/// Every line of every document is matched against the boilerplate patterns, and each regular
/// expression call converts the line to UTF-16 and sets up a matcher — most of normalization's
/// time, though almost no line is boilerplate. The patterns are whole-line and case-insensitive,
/// so a line can only match when its first `k` characters (lowercased) are a prefix of some
/// string the patterns match. This type computes that set from the patterns' syntax, and the
/// regular expression runs only on lines that pass. Two characters let through every line that
/// starts like a pattern's first word ("st" for "story", "co" for "continue"), which in prose is
/// a line or more per document; four tell "stock" from "story". Four are used unless the
/// patterns allow too many openings (a pattern such as `[a-z]+ news`), then three, then two.
///
/// Soundness: the analysis over-approximates. Zero-width assertions (`^ $ \b \B`, lookarounds) are
/// read as matching the empty string, case is folded on both sides, and a line with a non-ASCII
/// byte among its first `k` goes to the regular expression — unless the line opens with a
/// non-ASCII character that case folding leaves alone (a curly quote, a dash, most letters of
/// other scripts) and no pattern can open with a non-ASCII character (`.`, a negated class, or an
/// escape class such as `\w`, which all match some): such a character can only match a non-ASCII
/// character of the pattern, and there is none (those change under case folding, such as U+017F
/// ſ, can match ASCII letters, and always go). A pattern outside the understood syntax
/// (non-ASCII literals, back-references, `\p{…}`, `\Q…\E`, hex escapes, …) disables the filter:
/// every line is then tested, as without it.
public struct LinePrefixFilter: Sendable {
    /// First level, for every line: index `c0 << 8 | c1` is set when an opening of two or more
    /// characters starts with `c0 c1`, index `c0 << 8 | 0xFF` when `c0` alone is a match
    /// (lowercased ASCII). With `k` = 2 it is the whole test.
    private let allowed: [Bool]
    /// Second level, for lines that pass the first when `k` > 2: the `key`s of the openings of two
    /// or more characters, ascending (at most `maxLongOpenings`, so a binary search is short).
    private let longer: [UInt32]
    /// The characters of a line that are looked at.
    let k: Int
    /// Whether some pattern can open with a non-ASCII character (an opening starting with
    /// `nonASCII`); if not, a line opening with a non-ASCII character that case folding leaves
    /// alone matches no pattern.
    private let nonASCIIOpenings: Bool

    /// The opening lengths tried, longest first.
    static let lengths = [4, 3, 2]
    /// The most openings of three or four characters: above it the patterns are read with a
    /// shorter `k`. Realistic boilerplate patterns have a few dozen.
    static let maxLongOpenings = 4096
    /// A bound on the sets of openings of two characters: above all there can be (1 + 126 +
    /// 126², the empty string, one and two characters), so it only guards against mistakes.
    static let maxOpenings = 1 << 15

    /// The filter for `patterns`, or nil when a pattern is outside the understood syntax.
    public init?(patterns: [String]) {
        self.init(patterns: patterns, lengths: Self.lengths)
    }

    /// The filter for `patterns` with the first of `lengths` (longest first) whose openings stay
    /// within the bound, or nil when a pattern is outside the understood syntax or none does.
    init?(patterns: [String], lengths: [Int]) {
        guard !patterns.isEmpty else { return nil }
        for k in lengths {
            do throws(Failure) {
                self.init(openings: try Self.openings(of: patterns, k: k), k: k)
                return
            } catch .tooMany {
                continue
            } catch {
                return nil
            }
        }
        return nil
    }

    /// The filter that lets through the lines whose first `k` characters are in `openings`.
    private init(openings: Openings, k: Int) {
        var allowed = [Bool](repeating: false, count: 1 << 16)
        var longer: [UInt32] = []
        for o in openings {
            switch o.count {
            case 0: break  // the empty line: never tested (lines are trimmed and non-empty)
            case 1: allowed[Int(o[0]) << 8 | 0xFF] = true
            default:
                allowed[Int(o[0]) << 8 | Int(o[1])] = true
                if k > 2 { longer.append(Self.key(o, k: k)) }
            }
        }
        self.allowed = allowed
        self.longer = longer.sorted()
        self.k = k
        nonASCIIOpenings = openings.contains { $0.first == Self.nonASCII }
    }

    /// Stands, in sets of openings, for any non-ASCII character (no ASCII byte is 0x80).
    static let nonASCII: UInt8 = 0x80

    /// Whether the non-empty, trimmed line `bytes[range]` (UTF-8) may match: false only when no
    /// pattern can match it.
    @inline(__always)
    public func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let start = range.lowerBound
        let n = min(range.count, k)
        // A non-ASCII byte among the first `k`: may match (see the soundness notes).
        var high: UInt8 = 0
        for j in 0..<n { high |= bytes[start + j] }
        guard high < 0x80 else {
            guard !nonASCIIOpenings, bytes[start] >= 0x80 else { return true }
            return Normalizer.decode(UnsafeBufferPointer(rebasing: bytes[range]), 0).0.properties
                .changesWhenCaseFolded
        }
        // The first level turns away almost every line with one table load.
        let l0 = Int(Self.lower(bytes[start]))
        if n == 1 { return allowed[l0 << 8 | 0xFF] }
        guard allowed[l0 << 8 | Int(Self.lower(bytes[start + 1]))] else { return false }
        guard k > 2 else { return true }
        // The line's opening as `key(_:k:)` packs it, searched for in `longer`.
        var key: UInt32 = 0
        for j in 0..<k { key = key << 8 | UInt32(j < n ? Self.lower(bytes[start + j]) : 0xFF) }
        var lo = 0
        var hi = longer.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if longer[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < longer.count && longer[lo] == key
    }

    @inline(__always)
    static func lower(_ c: UInt8) -> UInt8 { c &- 0x41 < 26 ? c | 0x20 : c }

    /// An opening of at most `k` (≤ 4) characters as one number: its bytes, first in the high
    /// byte, padded with 0xFF (no ASCII byte) so that openings of different lengths differ.
    static func key(_ opening: [UInt8], k: Int) -> UInt32 {
        var key: UInt32 = 0
        for j in 0..<k { key = key << 8 | UInt32(j < opening.count ? opening[j] : 0xFF) }
        return key
    }

    // MARK: - Analysis

    /// Sets of openings: strings of at most a limit of lowercased ASCII bytes; a string shorter
    /// than the limit is a complete match.
    typealias Openings = Set<[UInt8]>

    /// Why the analysis stops.
    enum Failure: Error {
        /// A pattern is outside the understood syntax: no filter.
        case unsupported
        /// More openings than the bound: try a shorter `k`.
        case tooMany
    }

    /// The bound on the sets of openings when a line's first `k` characters are looked at.
    static func bound(k: Int) -> Int { k > 2 ? maxLongOpenings : maxOpenings }

    /// The openings of length `k` of all `patterns`.
    static func openings(of patterns: [String], k: Int) throws(Failure) -> Openings {
        var openings = Openings()
        for p in patterns {
            var parser = Parser(Array(p.unicodeScalars), bound: bound(k: k))
            openings.formUnion(try parser.parseAll(limit: k))
            guard openings.count <= bound(k: k) else { throw .tooMany }
        }
        return openings
    }

    /// Openings of a concatenation, of at most `limit` bytes: each complete match of `a`
    /// continued by each opening of `b`. Throws when there are more than `bound`.
    static func concat(_ a: Openings, _ b: Openings, limit: Int, bound: Int) throws(Failure) -> Openings {
        var out = Openings()
        // `b` cut to the room each `u` leaves: for one `u`, different cuts give different results,
        // so the work is bounded by the result's size (times the few lengths), not |a|·|b|.
        var cuts: [Int: Openings] = [:]
        for u in a {
            if u.count >= limit {
                out.insert(u)
                continue
            }
            let room = limit - u.count
            let cut: Openings
            if let c = cuts[room] {
                cut = c
            } else {
                cut = Openings(b.map { Array($0.prefix(room)) })
                cuts[room] = cut
            }
            for v in cut { out.insert(u + v) }
            guard out.count <= bound else { throw .tooMany }
        }
        return out
    }

    /// Openings, of at most `limit` bytes, of `r` repeated `min` to `max` (nil: unbounded) times.
    static func repeated(_ r: Openings, min: Int, max: Int?, limit: Int, bound: Int) throws(Failure) -> Openings {
        var out: Openings = [[]]
        var i = 0
        // Mandatory copies; the set stops changing after a few, since openings are short.
        while i < min {
            let next = try concat(out, r, limit: limit, bound: bound)
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
            frontier = try concat(frontier, r, limit: limit, bound: bound)
            let before = out.count
            out.formUnion(frontier)
            extra += 1
            guard out.count <= bound else { throw .tooMany }
            if out.count == before { break }
        }
        return out
    }

    /// Recursive descent over the pattern's scalars. Each parse function takes the length its
    /// openings are needed to (`limit`), throws `Failure.unsupported` to give up and
    /// `Failure.tooMany` when a set of openings outgrows `bound`.
    struct Parser {
        let s: [Unicode.Scalar]
        /// The most openings a set may hold (see `LinePrefixFilter.bound(k:)`).
        let bound: Int
        var i = 0

        init(_ s: [Unicode.Scalar], bound: Int) {
            self.s = s
            self.bound = bound
        }

        mutating func parseAll(limit: Int) throws(Failure) -> Openings {
            let r = try parseAlternation(limit: limit)
            guard i == s.count else { throw .unsupported }
            return r
        }

        mutating func parseAlternation(limit: Int) throws(Failure) -> Openings {
            var r = try parseSequence(limit: limit)
            while i < s.count && s[i] == "|" {
                i += 1
                r.formUnion(try parseSequence(limit: limit))
                guard r.count <= bound else { throw .tooMany }
            }
            return r
        }

        mutating func parseSequence(limit: Int) throws(Failure) -> Openings {
            var r: Openings = [[]]
            while i < s.count && s[i] != "|" && s[i] != ")" {
                // An atom's openings matter only as far as the shortest unfinished opening so far
                // leaves room: "sign up for [^.]{0,80}…" has the openings of "sign" alone, though
                // `[^.]{0,80}` alone has too many. With no room left, the rest is still parsed:
                // its syntax must be understood.
                let room = limit - (r.lazy.map(\.count).filter { $0 < limit }.min() ?? limit)
                let atom = try parseQuantified(limit: room)
                r = try concat(r, atom, limit: limit, bound: bound)
            }
            return r
        }

        mutating func parseQuantified(limit: Int) throws(Failure) -> Openings {
            var r = try parseAtom(limit: limit)
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
                if let (lo, hi) = bounds { r = try repeated(r, min: lo, max: hi, limit: limit, bound: bound) }
                // Lazy or possessive marks change nothing about what can match.
                if i < s.count && (s[i] == "?" || s[i] == "+") { i += 1 }
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

        /// The openings of one atom: a character, class, group or assertion.
        mutating func parseAtom(limit: Int) throws(Failure) -> Openings {
            guard i < s.count else { throw .unsupported }
            let c = s[i]
            i += 1
            switch c {
            case "(":
                var zeroWidth = false
                if i < s.count && s[i] == "?" {
                    i += 1
                    guard i < s.count else { throw .unsupported }
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
                            guard i < s.count else { throw .unsupported }
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
                            throw .unsupported
                        }
                        if s[i] == ")" {
                            i += 1
                            return [[]]
                        }
                        i += 1
                    }
                }
                let inner = try parseAlternation(limit: limit)
                guard i < s.count, s[i] == ")" else { throw .unsupported }
                i += 1
                return zeroWidth ? [[]] : inner
            case "[":
                return Self.characters(try parseClass(), limit: limit)
            case ".":
                return Self.characters(Self.anyASCII + [LinePrefixFilter.nonASCII], limit: limit)
            case "^", "$":
                return [[]]
            case "\\":
                guard i < s.count else { throw .unsupported }
                let e = s[i]
                i += 1
                if let set = Self.escapeClass(e) { return Self.characters(set, limit: limit) }
                switch e {
                case "b", "B", "A", "z", "Z", "G": return [[]]
                default: break
                }
                guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else { throw .unsupported }
                return Self.characters([lower(UInt8(e.value))], limit: limit)
            case ")", "|", "*", "+", "?":
                throw .unsupported
            default:
                guard c.isASCII else { throw .unsupported }
                return Self.characters([lower(UInt8(c.value))], limit: limit)
            }
        }

        /// A bracket class at `i` (after `[`), as lowercased ASCII bytes.
        mutating func parseClass() throws(Failure) -> Set<UInt8> {
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
                if c == "[" { throw .unsupported }  // nested classes, POSIX classes, set operations
                if c == "\\" {
                    guard i < s.count else { throw .unsupported }
                    let e = s[i]
                    i += 1
                    if let set = Self.escapeClass(e) {
                        members.formUnion(set)
                        continue
                    }
                    guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else {
                        throw .unsupported
                    }
                    c = e
                }
                guard c.isASCII else { throw .unsupported }
                if i + 1 < s.count && s[i] == "-" && s[i + 1] != "]" {
                    let hiScalar = s[i + 1]
                    guard hiScalar.isASCII, hiScalar != "\\", hiScalar != "[", hiScalar.value >= c.value else {
                        throw .unsupported
                    }
                    i += 2
                    for v in c.value...hiScalar.value { members.insert(UInt8(v)) }
                } else {
                    members.insert(UInt8(c.value))
                }
            }
            guard i < s.count && s[i] == "]" else { throw .unsupported }
            i += 1
            // Case-insensitive: compared after lowering. A negated class is read as matching any
            // character (whether the engine closes it over case before or after negating, that
            // covers it). A class of ASCII members matches no non-ASCII character that case
            // folding leaves alone (the others always go to the regular expression).
            return negated ? Set(Self.anyASCII + [LinePrefixFilter.nonASCII]) : Set(members.map(lower))
        }

        /// The openings of an atom matching one of `characters`: nothing is needed of it at `limit` 0.
        static func characters(_ characters: some Sequence<UInt8>, limit: Int) -> Openings {
            limit > 0 ? Openings(characters.map { [$0] }) : [[]]
        }

        /// Every ASCII byte `.` matches, lowercased (not the line breaks).
        static let anyASCII: [UInt8] = (0..<128).map(UInt8.init).filter { $0 != 0x0A && $0 != 0x0D }.map(lower)

        /// The ASCII members, lowercased, of `\d \D \s \S \w \W \h \H`, and `nonASCII`: each matches
        /// some non-ASCII characters too (Unicode digits, spaces, letters); nil for other escapes.
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
            return Set(set.map(lower)).union([LinePrefixFilter.nonASCII])
        }
    }
}
