import Foundation
import WiretraceCore

/// The normalize stage: turns a document's text into normalized word tokens with their offsets.
///
/// A token is a maximal run of letters, digits and combining marks. ASCII tokens are lowercased
/// byte by byte; tokens with other characters go through NFKC and Unicode case folding. Tokens
/// inside quotation marks are flagged, so verification can weigh quoted text less. Quotation
/// state resets at each blank line, so one unbalanced quote cannot mark a whole article.
public struct Normalizer: StreamingStage {
    public static let name = "normalize"
    public let configuration: NormalizeConfiguration
    /// For each byte value: the byte as an ASCII token hashes it (lowercased when case folding),
    /// or 0 when it is not an ASCII letter or digit.
    private let asciiFold: [UInt8]
    /// `isWordScalar` over the BMP, as a bit table.
    private let wordScalars = WordScalarTable()
    /// Boilerplate lines already matched (shared by the copies of this normalizer).
    private let matchedLines = MatchedLines()

    public init(configuration: NormalizeConfiguration) {
        self.configuration = configuration
        self.asciiFold = (0...255).map { (c: UInt8) in
            guard Self.isASCIIWordByte(c) else { return 0 }
            return configuration.caseFold && c &- 0x41 < 26 ? c | 0x20 : c
        }
    }

    /// Normalizes one document.
    /// - Complexity: O(n) in the length of the text.
    public func process(_ document: Document) -> NormalizedDocument {
        NormalizedDocument(document: document, tokens: tokenize(document.text))
    }

    /// Tokenizes `text`: the tokens of `withTokens(of:_:)`, copied into arrays of their own.
    /// - Complexity: O(n) in the length of `text`.
    public func tokenize(_ text: String) -> TokenizedText {
        withTokens(of: text, TokenizedText.init)
    }

    /// Tokenizes `text` into temporary storage and returns what `body` makes of the tokens,
    /// which live only during the call: the pipeline sketches and spills them at once, without
    /// arrays per document (see `TokenizedText.withTemporaryStorage`).
    /// - Complexity: O(n) in the length of `text`, plus `body`.
    public func withTokens<R>(of text: String, _ body: (TokenBuffers) -> R) -> R {
        var text = text
        return text.withUTF8 { utf8 in
            let excluded = excludedLines(utf8)
            // Room for the most tokens the text can hold (see `TokenizedText.withTemporaryStorage`).
            return TokenizedText.withTemporaryStorage(
                capacity: (utf8.count + 1) / 2,
                write: { sink in
                    asciiFold.withUnsafeBufferPointer { fold in
                        scan(utf8, fold: fold, excluded: excluded, into: &sink)
                    }
                }, read: body)
        }
    }

    /// Byte ranges of lines of the text's UTF-8 `bytes` that match a boilerplate pattern.
    ///
    /// Lines are what `String.split(separator: "\n")` gives — the text between LF bytes, except
    /// that CR LF is one `Character` and does not split — each trimmed of `.whitespaces` at both
    /// ends before matching. Found over the UTF-8 bytes rather than with `split` and Foundation's
    /// trimming, which were most of normalization's time. All patterns are tried in one call when
    /// `combinedPattern` allows it, only on lines the prefix filter lets through, and not again on
    /// a line already matched (`MatchedLines`).
    /// - Complexity: O(n) in the length of `text`, plus the regular-expression calls, at most one
    ///   per non-blank line.
    private func excludedLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard !configuration.compiledPatterns.isEmpty else { return [] }
        guard let base = bytes.baseAddress else { return [] }
        var out: [Range<Int>] = []
        let n = bytes.count
        var lineStart = 0
        var i = 0
        while i <= n {
            // A line ends at an LF that does not follow a CR, or at the end of the text; LF bytes
            // are found with `memchr`.
            if i < n {
                guard let lf = memchr(base + i, 0x0A, n - i) else {
                    i = n
                    continue
                }
                i = base.distance(to: lf.assumingMemoryBound(to: UInt8.self))
                if i > 0 && bytes[i - 1] == 0x0D {
                    i += 1
                    continue
                }
            }
            if isBoilerplate(bytes, lineStart..<i) { out.append(lineStart..<i) }
            i += 1
            lineStart = i
        }
        return out
    }

    /// Whether the line `range` of `bytes`, trimmed of `.whitespaces`, is non-empty and matches a pattern.
    private func isBoilerplate(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var lo = range.lowerBound
        var hi = range.upperBound
        // Trim scalar by scalar, as Foundation's `trimmingCharacters(in: .whitespaces)` does
        // (its ASCII members are space and tab; the set is asked only for non-ASCII scalars).
        while lo < hi {
            let b = bytes[lo]
            if b == 0x20 || b == 0x09 {
                lo += 1
            } else if b >= 0x80, case let (scalar, width) = Self.decode(bytes, lo),
                CharacterSet.whitespaces.contains(scalar)
            {
                lo += width
            } else {
                break
            }
        }
        while hi > lo {
            let b = bytes[hi - 1]
            if b == 0x20 || b == 0x09 {
                hi -= 1
                continue
            }
            guard b >= 0x80 else { break }
            var start = hi - 1
            while start > lo && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            let (scalar, width) = Self.decode(bytes, start)
            guard start + width == hi, CharacterSet.whitespaces.contains(scalar) else { break }
            hi = start
        }
        guard lo < hi else { return false }
        if let filter = configuration.prefixFilter, !filter.mayMatch(bytes, lo..<hi) { return false }
        let line = UnsafeBufferPointer(rebasing: bytes[lo..<hi])
        if matchedLines.contains(line) { return true }
        let trimmed = String(decoding: line, as: UTF8.self)
        let matches =
            configuration.combinedPattern.map { $0.matches(trimmed) }
            ?? configuration.compiledPatterns.contains(where: { $0.matches(trimmed) })
        if matches { matchedLines.insert(line) }
        return matches
    }

    private enum Quote { case none, straight, curly }

    /// `"` and LF, as bits of a byte value below 64.
    private static let quoteOrLineFeed: UInt64 = 1 << 0x22 | 1 << 0x0A
    /// Space, tab and CR, as bits of a byte value below 64.
    private static let blankSeparators: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0D

    /// Splits `bytes` into tokens, tracking quotations, and writes those outside `excluded` lines to `tokens`;
    /// `fold` is `asciiFold` (each ASCII word byte as it is hashed, 0 for every other byte).
    /// - Complexity: O(n) in the length of `bytes`.
    private func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, fold: UnsafeBufferPointer<UInt8>, excluded: [Range<Int>],
        into tokens: inout TokenizedText.Sink
    ) {
        let n = bytes.count
        var i = 0
        var scalarOffset: UInt32 = 0
        var quote = Quote.none
        var excludedLines = ExcludedLines(excluded)
        var newlinesInARow = 0
        var pending = ASCIIWords.Pending()
        defer { pending.flush(bytes, fold: fold, &tokens) }
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if Self.isASCIIWordByte(b) {
                    let start = i
                    let startScalar = scalarOffset
                    // The token's ASCII run (one byte is one scalar), found eight bytes at a time.
                    i = ASCIIWords.runEnd(bytes, from: i + 1)
                    scalarOffset += UInt32(i - start)
                    // A token that goes on with non-ASCII letters or marks takes the general
                    // path (NFKC and case folding of the whole token) in `emit`.
                    var asciiOnly = true
                    while i < n {
                        let c = bytes[i]
                        if c < 0x80 {
                            guard Self.isASCIIWordByte(c) else { break }
                            i += 1
                        } else {
                            let (scalar, width) = Self.decode(bytes, i)
                            guard wordScalars.contains(scalar) else { break }
                            asciiOnly = false
                            i += width
                        }
                        scalarOffset += 1
                    }
                    if !asciiOnly {
                        emit(
                            bytes, start..<i, startScalar, scalarOffset, quote != .none, &excludedLines,
                            &tokens)
                    } else if !excludedLines.contains(start) {
                        // Hashed later, four tokens side by side (`ASCIIWords.Pending`).
                        let slot = tokens.appendUnhashed(start: startScalar, end: scalarOffset, quoted: quote != .none)
                        pending.add(slot: slot, start: start, length: i - start, bytes, fold: fold, &tokens)
                    }
                    newlinesInARow = 0
                    continue
                }
                // A separator. Spaces, tabs and CRs change nothing; an LF counts towards a blank
                // line; a straight quote opens or closes a quotation; anything else ends a run of
                // LFs. Told apart by bit tests: as a `switch` it became a jump table, whose indirect
                // branch mispredicted on the mix of separators in running text.
                let bit = b < 0x40 ? UInt64(1) << UInt64(b) : 0
                if bit & Self.quoteOrLineFeed != 0 {
                    if b == 0x22 {
                        if configuration.unifyQuotes {
                            quote = quote == .none ? .straight : .none
                        } else {
                            quote = quote == .straight ? .none : (quote == .none ? .straight : quote)
                        }
                    } else {
                        newlinesInARow += 1
                        if newlinesInARow >= 2 { quote = .none }
                    }
                } else if bit & Self.blankSeparators == 0 {
                    newlinesInARow = 0
                }
                i += 1
                scalarOffset += 1
                continue
            }
            let (scalar, width) = Self.decode(bytes, i)
            if wordScalars.contains(scalar) {
                let start = i
                let startScalar = scalarOffset
                while i < n {
                    let (s, w) = Self.decode(bytes, i)
                    guard wordScalars.contains(s) else { break }
                    i += w
                    scalarOffset += 1
                }
                emit(bytes, start..<i, startScalar, scalarOffset, quote != .none, &excludedLines, &tokens)
                newlinesInARow = 0
                continue
            }
            switch scalar.value {
            case 0x201C, 0x201E, 0x00AB:  // “ „ «  open
                quote = configuration.unifyQuotes ? .curly : (quote == .none ? .curly : quote)
            case 0x201D, 0x00BB:  // ” » close
                if configuration.unifyQuotes || quote == .curly { quote = .none }
            case 0x2028, 0x2029:
                quote = .none
            default:
                break
            }
            newlinesInARow = 0
            i += width
            scalarOffset += 1
        }
    }

    /// Writes the token at byte `range`, scalars `start..<end`, to `tokens` (NFKC and case folding
    /// of the whole token, then hashed) unless it lies in a boilerplate line.
    private func emit(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ start: UInt32, _ end: UInt32, _ quoted: Bool,
        _ excludedLines: inout ExcludedLines, _ tokens: inout TokenizedText.Sink
    ) {
        guard !excludedLines.contains(range.lowerBound) else { return }
        let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        tokens.append(hash: StableHash.hash(normalizeToken(token)), start: start, end: end, quoted: quoted)
    }

    /// The boilerplate lines of a text (sorted, disjoint byte ranges), asked about token offsets
    /// that only grow: one comparison per token until the next line left out is reached (most
    /// texts have none).
    struct ExcludedLines {
        private let ranges: [Range<Int>]
        private var index = 0
        /// Where the next range that may hold an offset starts (`Int.max`: none left).
        private var next: Int

        init(_ ranges: [Range<Int>]) {
            self.ranges = ranges
            next = ranges.first?.lowerBound ?? .max
        }

        /// Whether byte `offset` (no smaller than any asked before) lies in a range.
        @inline(__always)
        mutating func contains(_ offset: Int) -> Bool {
            guard offset >= next else { return false }
            while index < ranges.count && ranges[index].upperBound <= offset { index += 1 }
            next = index < ranges.count ? ranges[index].lowerBound : .max
            return offset >= next
        }
    }

    /// NFKC and case folding of one token, as configured.
    public func normalizeToken(_ token: String) -> String {
        var t = token
        if configuration.unicodeNFKC { t = t.precomposedStringWithCompatibilityMapping }
        if configuration.caseFold { t = t.folding(options: [.caseInsensitive], locale: nil) }
        return t
    }

    @inline(__always)
    static func isASCIIWordByte(_ c: UInt8) -> Bool {
        (c &- 0x30 < 10) || ((c | 0x20) &- 0x61 < 26)
    }

    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIIWordByte(UInt8(s.value)) }
        let p = s.properties
        if p.isAlphabetic { return true }
        switch p.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Decodes the scalar at byte `i` of valid UTF-8.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let n = bytes.count
        if b0 < 0xE0, i + 1 < n {
            let v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0, i + 2 < n {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        if i + 3 < n {
            let v =
                (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }
}
