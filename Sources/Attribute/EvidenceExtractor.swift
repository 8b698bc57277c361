import Foundation
import WiretraceCore

/// Finds the spans of an article's text that credit a news agency, by kind.
///
/// Two families of patterns:
/// - **signatures**, where an agency signs its copy: the dateline credit (`ANKARA (Reuters) -`),
///   the byline (`By Jane Doe, Associated Press`, a line `Lucas Shaw, Bloomberg`, a line that is only
///   the agency's name), the copyright line. Every alias counts here, the ambiguous short ones too.
/// - **running text**: an attribution (`According to a report by the news agency Associated Press`)
///   and the weak quote source (`told Reuters`). Only unambiguous aliases count, never followed by a
///   possessive (`told Bloomberg's Jane Doe` cites another outlet's journalists).
///
/// Rules that keep an outlet's own story from being credited to an agency it merely cites:
/// - photo credits are never evidence: an alias after or before a slash (`AP Photo/…`,
///   `Dado Ruvic / Reuters`), before `Photo`, `Images`, `, File` or `— Getty Images`, or a
///   parenthesized name alone on its line (`(Reuters)` under an image);
/// - an attribution in text counts when it names the agency as an agency (`the news agency AP`), is a
///   `Source:` line, or stands in the lede (the first ``ledeLength`` characters) and does not point
///   to a single earlier piece (`according to a Bloomberg News article last week`);
/// - quote sources naming an agency whose interviews the wires themselves cite (CNN, Bloomberg:
///   `quote_source_evidence: false` in the table) are not evidence;
/// - quote sources are dropped when the document has a personal byline naming no agency
///   (`By Jane Doe`): the outlet wrote the story and only cites an interview the agency did.
///
/// Offsets are Unicode scalar offsets into the text.
public struct EvidenceExtractor: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe; hence @unchecked.
    private let aliasToAgency: [String: String]
    /// Agencies whose quote sources are not evidence.
    private let noQuoteSource: Set<String>
    /// The patterns run on the lines around each alias, each with sets of literals every match
    /// holds a member of (`RequiredLiteral.allOf`) and the shape its alias has (`AliasLayout`): a
    /// window lacking a set or the shape is not searched.
    let signatures: [(EvidenceKind, NSRegularExpression, [[[UInt8]]], AliasLayout)]
    let credit: (NSRegularExpression, [[[UInt8]]])
    private let quoteSource: (NSRegularExpression, [[[UInt8]]])
    /// Contributor patterns by agency, with the literals every match holds (see `RequiredLiteral`)
    /// and whether their matches stay on one line (see `SingleLinePattern`).
    let contributor: [(String, NSRegularExpression, [[[UInt8]]], Bool)]
    private let inputsFromAgencies: (NSRegularExpression, [[[UInt8]]])
    private let personalByline: NSRegularExpression
    private let anyAlias: NSRegularExpression
    /// Finds the aliases, for the pre-scan that finds where the alias patterns can match.
    let scanner: AliasScanner
    /// Whether an alias is empty once its `The ` is dropped (a config cannot say so, see
    /// `AgencyTable.parse`; a table built in code can): the patterns then match without an alias
    /// written, and every window is taken to have every shape.
    private let hasEmptyAlias: Bool

    /// Finds `publisher` evidence: an outlet that is an agency itself.
    public let publisher: PublisherMatcher

    /// How far into the text (UTF-16 units) an attribution counts as the lede.
    public static let ledeLength = 1500

    /// Builds the patterns for the agencies of `table`.
    /// - Parameter table: the agency table; later entries never shadow an alias of an earlier one.
    public init(table: AgencyTable) {
        publisher = PublisherMatcher(table: table)
        var map: [String: String] = [:]
        var plain: [String] = []
        var all: [String] = []
        for a in table.agencies {
            for (alias, ambiguous) in a.aliases.map({ ($0, false) }) + a.ambiguousAliases.map({ ($0, true) }) {
                let key = Self.canonicalAlias(alias)
                if map[key] == nil { map[key] = a.name }
                let escaped = NSRegularExpression.escapedPattern(for: key)
                all.append(escaped)
                if !ambiguous { plain.append(escaped) }
            }
        }
        aliasToAgency = map
        scanner = AliasScanner(aliases: map.keys.sorted().map { Array($0.utf8) })
        hasEmptyAlias = map.keys.contains("")
        noQuoteSource = Set(table.agencies.filter { !$0.quoteSourceEvidence }.map(\.name))
        func group(_ list: [String]) -> String {
            let sorted = list.sorted { $0.count > $1.count }
            return sorted.isEmpty ? "(?!)" : sorted.joined(separator: "|")
        }
        // Not a photo credit: no slash around, no Photo/Images/File/Getty after.
        let notPhoto = "(?![\\w-])(?![ \\t]*(?:Photo|photo|PHOTO|Images|/|,[ \\t]*File|[ \\t]*[-—–][ \\t]*Getty))"
        let signed = "(?<![\\w/-])(?:[Tt]he\\s+)?((?>" + group(all) + "))" + notPhoto
        let running = "(?<![\\w/-])(?:[Tt]he\\s+)?((?>" + group(plain) + "))" + notPhoto + "(?!['’]s?[ \\t]+[A-Z])"
        func re(_ p: String) -> NSRegularExpression {
            // The patterns are fixed and their aliases escaped; a failure here is a programming error.
            guard let r = try? NSRegularExpression(pattern: p, options: [.anchorsMatchLines]) else {
                preconditionFailure("bad pattern \(p)")
            }
            return r
        }
        /// A pattern with the literals its matches hold.
        func filtered(_ p: String) -> (NSRegularExpression, [[[UInt8]]]) { (re(p), RequiredLiteral.allOf(p)) }
        let name = "[A-Z][\\w.'’-]*(?:[ \\t]+(?:[A-Z][\\w.'’-]*|de|van|von|da|del|la|le|bin|al-\\w+)){0,4}"
        let names = "\(name)(?:[ \\t]*(?:,|and|&|, and)[ \\t]*\(name))*"
        let title =
            "(?:[ \\t]+[A-Za-z ]{0,40}?(?:[Rr]eporter|[Cc]orrespondent|[Ww]riter|[Ee]ditor|[Ss]taff|[Cc]ontributor)s?)?"
        let month = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?"
        // Each pattern with the shape of its alias (`AliasLayout`: none for any).
        let signing: [(EvidenceKind, (NSRegularExpression, [[[UInt8]]]), AliasLayout)] = [
            (
                .dateline,
                filtered(
                    "^[ \\t]*(?:[A-Z][A-Za-z0-9 .,'’-]{1,60}?[ \\t]*)?\\(\(signed)\\)[ \\t]*(?:[-—–]+|(?=[A-Z“\"]))"),
                .parenthesized
            ),
            (
                .byline,
                filtered(
                    "(?:^|(?<=[\\s—–-]))(?<![Pp]hoto )[Bb][Yy][ \\t]+(?:[^\\n]{0,80}?[ \\t,;–—-])?\(signed)\(title)[ \\t]*$"
                ),
                .endsLine
            ),
            (.byline, filtered("^[ \\t]*\(names)[ \\t]*[,–—-][ \\t]*\(signed)\(title)[ \\t]*$"), .endsLine),
            (
                .byline,
                filtered("^[ \\t]*(?:[/|][ \\t]*)?\(signed)(?:[ \\t]+\(month)[ \\t]+\\d[^\\n]{0,40})?[ \\t]*$"),
                .opensLine
            ),
            (
                .copyright,
                filtered(
                    "(?:[Cc]opyright|COPYRIGHT|©|\\([Cc]\\))[ \\t]*(?:\\d{4}[ \\t]*)?(?:[Bb]y[ \\t]+)?\(signed)[^\\n]{0,80}"
                ),
                []
            ),
        ]
        signatures = signing.map { ($0.0, $0.1.0, $0.1.1, $0.2) }
        credit = filtered(
            "(?:[Aa]ccording to|[Rr]eported by|[Aa] report by|[Rr]eports? from|^[ \\t/]*[Ss]ource:)\\s+(?:(?:a|an|the)\\s+)?"
                + "(?:report\\s+(?:by|from|in)\\s+)?(?:the\\s+)?(news\\s+agency\\s+|wire\\s+service\\s+)?\(running)"
                + "(?!\\s+(?:article|story|piece|interview|column|analysis|report(?:ed|ing)?|poll|survey)\\b)")
        quoteSource = filtered(
            "\\b(?:told|[Ss]peaking to|spoke to|said to|in an interview with|interviewed by)\\s+\(running)")
        contributor = table.agencies.flatMap { a in
            a.contributorPatterns.map { (a.name, re($0), RequiredLiteral.allOf($0), SingleLinePattern.holds($0)) }
        }
        inputsFromAgencies = filtered(InputsFromAgencies.pattern)
        personalByline = re("^[ \\t]*[Bb][Yy][ \\t]+\(names)[ \\t]*$")
        anyAlias = re(signed)
    }

    /// An alias as it is looked up: without a leading `The `.
    static func canonicalAlias(_ alias: String) -> String {
        alias.hasPrefix("The ") ? String(alias.dropFirst(4)) : alias
    }

    /// All evidence in `text`, in text order.
    /// - Parameter text: the document's original text.
    /// - Returns: the evidence, each with its span's Unicode scalar offsets.
    /// - Complexity: O(n · p) for text length n and p patterns.
    public func extract(_ text: String) -> [Evidence] { extract(text, byShape: true) }

    /// `extract(_:)`, with the windows whose aliases lack a pattern's shape (`AliasLayout`) left
    /// out of its search and contributor patterns that stay on a line (`SingleLinePattern`)
    /// searched from the first line that may hold a match when `byShape`; or every window and
    /// whole texts searched (to test that skipping changes nothing).
    func extract(_ text: String, byShape: Bool) -> [Evidence] {
        let spans = MatchText(text)
        // The text's length in UTF-16 units is a pass over a text that is not ASCII: counted only for
        // a whole-text search.
        var fullRange: NSRange?
        var full: NSRange {
            get {
                if let fullRange { return fullRange }
                let r = NSRange(location: 0, length: spans.utf16Count)
                fullRange = r
                return r
            }
        }
        // The alias patterns match only where an alias is written (they are case-sensitive literals),
        // so they run on the few lines around each alias instead of the whole text.
        let windows = aliasWindows(text)
        func aliasMatches(
            _ regex: NSRegularExpression, _ literals: [[[UInt8]]], _ shape: AliasLayout = []
        ) -> [NSTextCheckingResult] {
            windows.flatMap { w in
                // Skipped, without a UTF-16 pass, when the window lacks the shape of the alias in a
                // match or the literals a match holds.
                guard !byShape || w.layout.isSuperset(of: shape), RequiredLiteral.occursAll(literals, in: w.text) else {
                    return [NSTextCheckingResult]()
                }
                return regex.matches(in: w.text, range: NSRange(location: 0, length: w.utf16Count)).map {
                    $0.adjustingRanges(offset: w.utf16Offset)
                }
            }
        }
        var found: [(NSRange, Evidence)] = []
        func add(_ kind: EvidenceKind, _ m: NSTextCheckingResult, aliasGroup: Int = 1) {
            let aliasRange = m.range(at: aliasGroup)
            guard aliasRange.location != NSNotFound else { return }
            let agency = aliasToAgency[spans.substring(aliasRange)]
            let span = spans.span(m.range)
            found.append((span.range, Evidence(agency: agency, kind: kind, text: span.text)))
        }
        for (kind, regex, literals, shape) in signatures {
            for m in aliasMatches(regex, literals, shape) { add(kind, m) }
        }
        for m in aliasMatches(credit.0, credit.1, .cited) {
            let named = m.range(at: 1).location != NSNotFound
            if named || m.range.location < Self.ledeLength || Self.isSourceLine(spans.substring(m.range)) {
                add(.credit, m, aliasGroup: 2)
            }
        }
        let quoteSources = aliasMatches(quoteSource.0, quoteSource.1)
        if !quoteSources.isEmpty && !hasPersonalByline(text, full: full) {
            for m in quoteSources {
                let r = m.range(at: 1)
                guard r.location != NSNotFound, let agency = aliasToAgency[spans.substring(r)],
                    !noQuoteSource.contains(agency)
                else { continue }
                add(.quoteSource, m)
            }
        }
        var bytes = text
        for (agency, regex, literal, singleLine) in contributor {
            // Skipped, without a UTF-16 pass over the text, when the text lacks the literal every
            // match holds. A pattern whose matches stay on a line is searched from the latest line
            // that holds the first place of a member of one of its literal sets: every match's
            // line holds a member of each (and a contributor line closes an article).
            guard RequiredLiteral.occursAll(literal, in: text) else { continue }
            let from =
                singleLine && byShape
                ? bytes.withUTF8 { b in literal.map { Self.lineStart(ofFirst: $0, in: b) }.max() ?? 0 } : 0
            let location = spans.utf16Offset(ofByte: from)
            for m in regex.matches(in: text, range: NSRange(location: location, length: full.length - location)) {
                found.append(
                    (
                        m.range,
                        Evidence(
                            agency: agency, kind: .contributor,
                            text: MatchText.trimmed(spans.substring(m.range)))
                    ))
            }
        }
        // The generic credit closes a text: searched from the line where a match can first start, if
        // any can (`InputsFromAgencies`) and the text holds the pattern's other literals.
        if let start = bytes.withUTF8({ InputsFromAgencies.searchStart($0) }),
            RequiredLiteral.occursAll(inputsFromAgencies.1, in: text)
        {
            let from = spans.utf16Offset(ofByte: start)
            for m in inputsFromAgencies.0.matches(in: text, range: NSRange(location: from, length: full.length - from))
            {
                found.append(
                    (m.range, Evidence(agency: nil, kind: .inputsFromAgencies, text: spans.substring(m.range))))
            }
        }
        found.sort { ($0.0.location, $0.1.kind.rawValue) < ($1.0.location, $1.1.kind.rawValue) }
        var seen = Set<SpanKey>()
        var result: [Evidence] = []
        // Scalar offsets counted forward from the previous span's start (the spans are sorted by
        // location), not from the start of the text for every span.
        let scalars = text.unicodeScalars
        var counted = scalars.startIndex
        var countedOffset = 0
        for (range, evidence) in found
        where seen.insert(SpanKey(location: range.location, length: range.length, kind: evidence.kind)).inserted {
            var e = evidence
            if spans.isBMP {
                // Every scalar is one UTF-16 unit.
                e.start = range.location
                e.end = range.location + range.length
            } else if let r = Range(range, in: text) {
                let step = scalars.distance(from: counted, to: r.lowerBound)
                counted = scalars.index(counted, offsetBy: step)
                countedOffset += step
                e.start = countedOffset
                e.end = countedOffset + text[r].unicodeScalars.count
            }
            result.append(e)
        }
        return result
    }

    /// The start of the line (after a line feed, or 0) of the first place in `bytes` of one of
    /// `literals`, 0 when none is there.
    static func lineStart(ofFirst literals: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let places = literals.compactMap { l in
            l.withUnsafeBufferPointer { RequiredLiteral.firstOccurrence($0, in: bytes, from: 0) }
        }
        guard var start = places.min() else { return 0 }
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// A span and its kind: the same evidence found twice counts once.
    struct SpanKey: Hashable {
        var location: Int
        var length: Int
        var kind: EvidenceKind
    }

    /// Whether an attribution match is a `Source:` line.
    static func isSourceLine(_ matched: String) -> Bool {
        matched.contains("Source:") || matched.contains("source:")
    }

    /// Whether some line is a byline of people only (`By Jane Doe and John Roe`), naming no agency.
    func hasPersonalByline(_ text: String, full: @autoclosure () -> NSRange) -> Bool {
        guard Self.hasLineOpeningWithBy(text) else { return false }
        for m in personalByline.matches(in: text, range: full())
        where anyAlias.firstMatch(in: text, range: m.range) == nil {
            return true
        }
        return false
    }

    /// Whether some line of `text` opens, after spaces and tabs, with `by` in any case and a space
    /// or tab, as every match of `personalByline` does: most texts have no such line, and the
    /// pattern need not run over them. Each `b` and `B` (found with `memchr`) followed by `y` or `Y`
    /// and a space or tab is looked at: it opens a line when spaces and tabs back to a line start
    /// (`AliasLayout.isLineStart`) are all that come before it. Lines begin at the text's start and
    /// after each line terminator the regular-expression engine knows (LF, VT, FF, CR, NEL, LS, PS),
    /// so no line it sees is passed over.
    /// - Complexity: O(n) in the length of `text`.
    static func hasLineOpeningWithBy(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            guard let base = b.baseAddress else { return false }
            for letter: Int32 in [0x62, 0x42] {  // b, B
                var from = 0
                while from + 2 < b.count, let hit = memchr(base + from, letter, b.count - 2 - from) {
                    let j = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
                    from = j + 1
                    // Y or y (no other byte ORed with 0x20 gives 0x79), a space or tab.
                    guard b[j + 1] | 0x20 == 0x79 && (b[j + 2] == 0x20 || b[j + 2] == 0x09) else { continue }
                    var i = j
                    while i > 0 && (b[i - 1] == 0x20 || b[i - 1] == 0x09) { i -= 1 }
                    if AliasLayout.isLineStart(b, i) { return true }
                }
            }
            return false
        }
    }

    /// A run of whole lines of the text, with where it starts in UTF-16 units and the shapes of
    /// the aliases written in it.
    struct Window {
        var text: String
        var utf16Offset: Int
        var utf16Count: Int
        var layout: AliasLayout
    }

    /// The lines that hold an alias, each with two lines before and one after (a credit may break
    /// across a line), merged where they touch.
    /// - Complexity: O(n · a) byte comparisons in the worst case for a aliases; in practice O(n).
    func aliasWindows(_ text: String) -> [Window] {
        var text = text
        return text.withUTF8 { aliasWindows($0) }
    }

    /// `aliasWindows(_:)` over the text's UTF-8 bytes, read in place.
    private func aliasWindows(_ bytes: UnsafeBufferPointer<UInt8>) -> [Window] {
        guard let base = bytes.baseAddress else { return [] }
        let n = bytes.count
        var lineStarts = [0]
        var from = 0
        while from < n, let lf = memchr(base + from, 0x0A, n - from) {
            from = UnsafeRawPointer(lf).assumingMemoryBound(to: UInt8.self) - base + 1
            lineStarts.append(from)
        }
        func line(of offset: Int) -> Int {
            var lo = 0
            var hi = lineStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        var hit = [Bool](repeating: false, count: lineStarts.count)
        scanner.forEach(in: bytes, 0..<n) { start, _ in
            let l = line(of: start)
            hit[l] = true
            // The rest of the line adds nothing: go on at the next line.
            return l + 1 < lineStarts.count ? lineStarts[l + 1] : n
        }
        // A line is included when it holds an alias, is one of the two lines before one, or the line after.
        var include = [Bool](repeating: false, count: hit.count)
        for h in 0..<hit.count where hit[h] {
            for k in max(0, h - 2)...min(hit.count - 1, h + 1) { include[k] = true }
        }
        var windows: [Window] = []
        // UTF-16 offset of each window start, counted forward once over the bytes: one unit per
        // scalar, two for scalars outside the BMP (4-byte UTF-8 sequences).
        var countedBytes = 0
        var countedUTF16 = 0
        var l = 0
        while l < include.count {
            guard include[l] else {
                l += 1
                continue
            }
            var last = l
            while last + 1 < include.count && include[last + 1] { last += 1 }
            let start = lineStarts[l]
            let end = last + 1 < lineStarts.count ? lineStarts[last + 1] : n
            let window = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let piece = String(decoding: window, as: UTF8.self)
            countedUTF16 += MatchText.utf16Length(UnsafeBufferPointer(rebasing: bytes[countedBytes..<start]))
            countedBytes = start
            let offset = countedUTF16
            // The shapes, from the aliases on the window's lines that hold one.
            var layout: AliasLayout = hasEmptyAlias ? .all : []
            for h in l...last where hit[h] && layout != .all {
                let lineEnd = h + 1 < lineStarts.count ? lineStarts[h + 1] : n
                layout.formUnion(
                    AliasLayout(
                        of: window, lineStarts[h] - start..<lineEnd - start, scanner: scanner, citations: credit.1))
            }
            windows.append(
                Window(text: piece, utf16Offset: offset, utf16Count: MatchText.utf16Length(window), layout: layout))
            l = last + 1
        }
        return windows
    }

}
