import WiretraceCore

/// Finds aligned places where two texts state different facts: templated stories.
///
/// Recurring wire stories — a central bank's daily operations, Treasury balances, bill auctions,
/// monthly statistics, earnings tables, market closes — share almost all their words with the
/// previous day's (month's) story and differ only in the figures and dates. A copy or rewrite keeps
/// its story's figures; an update or a correction changes one or two. So the places where two texts
/// differ next to their shared passages are aligned word by word and compared by their *facts*
/// (numbers, small numbers as words, month and weekday names): a slot where each side states a fact the other lacks, and
/// both sides are mostly facts, is a *number conflict* — the same template filled with other facts.
/// A reworded slot that keeps its figures, a slot only one side fills, or other words with figures
/// in them (another sentence) is no conflict.
public enum NumberConflicts {
    /// The result of comparing the places around and between the shared runs.
    public struct Count: Sendable, Hashable {
        /// Slots holding facts on both sides.
        public var slots = 0
        /// Slots where each side states a fact the other lacks, but for those that may be each
        /// page's own timestamp (see `count`).
        public var conflicts = 0
    }

    /// Month and weekday names (normalized), facts a template fills like figures. "May" and
    /// abbreviations that are also common words ("mar", "sat", "sun", "wed") are left out.
    static let dateWords: Set<UInt64> = Set(
        [
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        ].map { StableHash.hash($0) })

    /// Small numbers as words, by the hash of their digits: "two billion" and "1.5 billion" state
    /// other figures, while a rewrite writing "2" for "two" keeps its figure. Two to ten only: "one"
    /// is mostly no figure ("one of the"), and larger numbers are written in digits by wire style.
    static let numberWords: [UInt64: UInt64] = Dictionary(
        uniqueKeysWithValues: ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
            .enumerated().map { (StableHash.hash($1), StableHash.hash(String($0 + 2))) })

    /// The value a fact token states: a number word's digits, else the token itself.
    @inline(__always)
    static func factValue(_ hash: UInt64) -> UInt64 { numberWords[hash] ?? hash }

    /// `dateWords` and `numberWords` as a bit per value of a hash's top 10 bits: most tokens are found to be no date
    /// word without a set lookup.
    static let wordFactBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 16)
        for h in dateWords.union(numberWords.keys) { bits[Int(h >> 60)] |= 1 << ((h >> 54) & 63) }
        return bits
    }()

    /// Which of `tokens` are facts: numbers (every character a decimal digit, read from the original
    /// `text`; "4.5" is two tokens), small numbers as words (`numberWords`) and month or weekday
    /// names. A word with a digit in it ("W2", an OCR slip like "sa1d") is no fact.
    /// - Returns: A flag per token.
    /// - Complexity: O(|text| + |tokens|).
    public static func factMask(_ text: String, _ tokens: TokenizedText) -> [Bool] {
        let bits = tokens.withBuffers { factBits(text, $0) }
        return bits.withUnsafeBufferPointer { FlagBits.unpack($0, count: tokens.count) }
    }

    /// `factMask(_:_:)` as `FlagBits` words: what the spill store keeps per document, computed once
    /// when the document is written (verification compares the facts of hundreds of thousands of
    /// pairs, and reading each text back to find them again was a sixteenth of a run's time).
    /// - Returns: `FlagBits.wordCount(tokens.count)` words.
    /// - Complexity: O(|text| + |tokens|).
    public static func factBits(_ text: String, _ tokens: TokenBuffers) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: FlagBits.wordCount(tokens.count))
        var text = text
        text.withUTF8 { utf8 in
            bits.withUnsafeMutableBufferPointer { bits in
                // ASCII text, most text: a token's scalar offsets are its byte offsets.
                var any: UInt8 = 0
                for byte in utf8 { any |= byte }
                if any < 0x80 { return factBits(tokens, scalars: utf8.count, bits) { utf8[$0] &- 0x30 < 10 } }
                // Other text: which scalars are digits, a bit each by scalar offset, in one pass over
                // the bytes (no array of all the scalars).
                let words = FlagBits.wordCount(utf8.count)
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { digits in
                    digits.initialize(repeating: 0)
                    let scalars = markDigits(utf8, digits)
                    let digitBits = UnsafeBufferPointer(digits)
                    factBits(tokens, scalars: scalars, bits) { FlagBits.isSet(digitBits, $0) }
                }
            }
        }
        return bits
    }

    /// Sets bit k of `digits` (zeroed, a bit per byte at least) for each scalar k of the UTF-8 text
    /// `utf8` that is a decimal digit (`isDigit`).
    /// - Returns: The number of scalars.
    /// - Complexity: O(|utf8|).
    static func markDigits(_ utf8: UnsafeBufferPointer<UInt8>, _ digits: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var k = 0  // the scalar at byte i
        var i = 0
        let n = utf8.count
        while i < n {
            let lead = utf8[i]
            var digit = false
            if lead < 0x80 {
                digit = lead &- 0x30 < 10
                i += 1
            } else {
                // A String's bytes are valid UTF-8: the lead byte gives the length.
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                guard i + length <= n else { break }
                var value = UInt32(lead) & (0x7F >> UInt32(length))
                for j in 1..<length { value = value << 6 | UInt32(utf8[i + j] & 0x3F) }
                digit = Unicode.Scalar(value).map(isDigit) ?? false
                i += length
            }
            if digit { digits[k >> 6] |= 1 << UInt64(k & 63) }
            k += 1
        }
        return k
    }

    /// `factBits` of a text of `scalars` scalars into `bits` (zeroed, a bit per token), `digit(k)`
    /// telling whether scalar k is a decimal digit.
    private static func factBits(
        _ tokens: TokenBuffers, scalars: Int, _ bits: UnsafeMutableBufferPointer<UInt64>, _ digit: (Int) -> Bool
    ) {
        let wordBits = wordFactBits
        for k in 0..<tokens.count {
            let h = tokens.hashes[k]
            let fact: Bool
            if wordBits[Int(h >> 60)] & (1 << ((h >> 54) & 63)) != 0
                && (dateWords.contains(h) || numberWords[h] != nil)
            {
                fact = true
            } else {
                let start = Int(tokens.starts[k])
                let end = min(Int(tokens.ends[k]), scalars)
                fact = start < end && (start..<end).allSatisfy(digit)
            }
            if fact { bits[k >> 6] |= 1 << UInt64(k & 63) }
        }
    }

    /// Whether a scalar is a decimal digit (ASCII first: the common case, and fast).
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.numericType == .decimal
    }

    /// Counts number conflicts around and between the runs of an alignment.
    ///
    /// Compared are the gaps between two runs that follow each other in both texts, and the texts
    /// before the first run and after the last, each pair only when both sides are at most `maxGap`
    /// tokens (a longer gap is an inserted paragraph, not a slot). A pair is aligned word by word
    /// (longest common subsequence); the words both keep split it into *slots*, the stretches in
    /// between, and a slot bounded by kept words or runs on both ends is compared. A template fills
    /// the same slots with other figures ("rose to 2.95 billion stg in February from 2.70" /
    /// "slipped to 2.66 billion stg in January from 2.78"); a rewrite keeps its figures, so they
    /// align and leave no slot. A slot within `stampWords` tokens of both texts' starts or of both
    /// ends may hold each page's own timestamp (a dateline, a "published" line: a date and a time):
    /// it is no conflict. Elsewhere, before the first run and after the last too, it is.
    /// - Parameters:
    ///   - runs: Shared runs as token ranges in A and B, in B's order (as `PassageAligner` gives them).
    ///   - a: The token hashes of text A (`TokenizedText.hashes`).
    ///   - factsA: Which tokens of `a` are facts (`factBits`: `FlagBits` words).
    ///   - b: The token hashes of text B.
    ///   - factsB: Which tokens of `b` are facts.
    ///   - maxGap: The longest gap, in tokens on either side, that is compared.
    /// - Returns: The slots holding facts on both sides, and the conflicts among them.
    /// - Complexity: O(r + Σ gA·gB) for r runs and compared gaps of gA, gB ≤ `maxGap` tokens.
    public static func count(
        _ runs: [(a: Range<Int>, b: Range<Int>)], _ a: [UInt64], factsA: [UInt64], _ b: [UInt64],
        factsB: [UInt64], maxGap: Int
    ) -> Count {
        precondition(
            factsA.count == FlagBits.wordCount(a.count) && factsB.count == FlagBits.wordCount(b.count),
            "a fact flag per token")
        return factsA.withUnsafeBufferPointer { fa in
            factsB.withUnsafeBufferPointer { fb in count(runs, a, fa, b, fb, maxGap: maxGap) }
        }
    }

    /// `count(_:_:factsA:_:factsB:maxGap:)` with the fact flags lent.
    private static func count(
        _ runs: [(a: Range<Int>, b: Range<Int>)], _ a: [UInt64], _ factsA: UnsafeBufferPointer<UInt64>,
        _ b: [UInt64], _ factsB: UnsafeBufferPointer<UInt64>, maxGap: Int
    ) -> Count {
        var result = Count()
        guard let first = runs.first, let last = runs.last else { return result }
        var table: [UInt16] = []
        func compare(_ gapA: Range<Int>, _ gapB: Range<Int>, _ side: Side) -> Int {
            guard !gapA.isEmpty, !gapB.isEmpty, gapA.count <= maxGap, gapB.count <= maxGap,
                FlagBits.count(factsA, gapA) > 0, FlagBits.count(factsB, gapB) > 0
            else { return 0 }
            let (slots, conflicts) = slotConflicts(a, gapA, factsA, b, gapB, factsB, side, &table)
            result.slots += slots
            return conflicts
        }
        // Before the first run and after the last: in A, outside every run.
        let startA = runs.lazy.map(\.a.lowerBound).min() ?? 0
        let endA = runs.lazy.map(\.a.upperBound).max() ?? 0
        result.conflicts += compare(0..<startA, 0..<first.b.lowerBound, .before)
        result.conflicts += compare(endA..<a.count, last.b.upperBound..<b.count, .after)
        for r in runs.indices.dropFirst() {
            let previous = runs[r - 1]
            let current = runs[r]
            // Only runs that follow each other in both texts.
            guard current.a.lowerBound > previous.a.upperBound, current.b.lowerBound > previous.b.upperBound else {
                continue
            }
            result.conflicts += compare(
                previous.a.upperBound..<current.a.lowerBound, previous.b.upperBound..<current.b.lowerBound, .between)
        }
        return result
    }

    /// A slot starting within this many tokens of both texts' starts, or ending within this many of
    /// both ends, may be each page's own timestamp (a dateline, an "Updated 10:12 GMT March 4" line),
    /// not the story's figures: it is no conflict.
    static let stampWords = 8

    /// Where a compared pair of gaps lies: its slots must be bounded on both ends, and the text's
    /// start (end) bounds nothing.
    enum Side { case before, between, after }

    /// Aligns two gaps word by word and compares the facts of the slots between the words they keep.
    /// - Returns: Slots holding facts on both sides, and those where each side has a fact the other
    ///   lacks and both sides are at least half facts.
    static func slotConflicts(
        _ a: [UInt64], _ gapA: Range<Int>, _ factsA: UnsafeBufferPointer<UInt64>, _ b: [UInt64], _ gapB: Range<Int>,
        _ factsB: UnsafeBufferPointer<UInt64>, _ side: Side, _ table: inout [UInt16]
    ) -> (Int, Int) {
        let n = gapA.count
        let m = gapB.count
        let width = m + 1
        // table[i * width + j]: the longest common subsequence of gapA's tokens from i and gapB's from j.
        table.removeAll(keepingCapacity: true)
        table.append(contentsOf: repeatElement(0, count: (n + 1) * width))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * width + j] =
                    a[gapA.lowerBound + i] == b[gapB.lowerBound + j]
                    ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var slots = 0
        var conflicts = 0
        func compareSlot(_ ra: Range<Int>, _ rb: Range<Int>) {
            var fa: [UInt64] = []
            var fb: [UInt64] = []
            for k in ra where FlagBits.isSet(factsA, k) { fa.append(factValue(a[k])) }
            for k in rb where FlagBits.isSet(factsB, k) { fb.append(factValue(b[k])) }
            guard !fa.isEmpty, !fb.isEmpty else { return }
            slots += 1
            let z = stampWords
            if (ra.lowerBound < z && rb.lowerBound < z) || (ra.upperBound > a.count - z && rb.upperBound > b.count - z)
            {
                return
            }
            if 2 * fa.count >= ra.count, 2 * fb.count >= rb.count, fa.contains(where: { !fb.contains($0) }),
                fb.contains(where: { !fa.contains($0) })
            {
                conflicts += 1
            }
        }
        var i = 0
        var j = 0
        var slotA = 0
        var slotB = 0
        var bounded = side != .before
        while i < n && j < m {
            if a[gapA.lowerBound + i] == b[gapB.lowerBound + j] {
                if bounded {
                    compareSlot(
                        (gapA.lowerBound + slotA)..<(gapA.lowerBound + i),
                        (gapB.lowerBound + slotB)..<(gapB.lowerBound + j))
                }
                bounded = true
                i += 1
                j += 1
                slotA = i
                slotB = j
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        if bounded && side != .after {
            compareSlot((gapA.lowerBound + slotA)..<gapA.upperBound, (gapB.lowerBound + slotB)..<gapB.upperBound)
        }
        return (slots, conflicts)
    }
}
