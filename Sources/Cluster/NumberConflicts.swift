import WiretraceCore

/// Finds aligned places where two texts state different facts: templated stories.
///
/// Recurring wire stories — a central bank's daily operations, Treasury balances, bill auctions,
/// monthly statistics, earnings tables, market closes — share almost all their words with the
/// previous day's (month's) story and differ only in the figures and dates. A copy or rewrite keeps
/// its story's figures; an update or a correction changes one or two. So where two shared passages
/// follow each other in both texts and the gaps between them are the same slot — both short — the
/// slot is compared by its *facts* (numbers, month and weekday names): when each gap states a fact
/// the other gap lacks, the slot is a *number conflict*, the same template filled with other facts.
/// A reworded gap that keeps its figures, or a gap that only one side fills, is no conflict.
public enum NumberConflicts {
    /// The result of comparing the gaps between consecutive shared runs.
    public struct Count: Sendable, Hashable {
        /// Gaps of at most `maxGap` tokens on both sides between two consecutive shared runs.
        public var slots = 0
        /// Slots where each side's gap states a fact the other's lacks.
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

    /// Which of `tokens` are facts: numbers (every character a decimal digit, read from the original
    /// `text`; "4.5" is two tokens) and month or weekday names. A word with a digit in it ("W2", an
    /// OCR slip like "sa1d") is no fact.
    /// - Complexity: O(|text| + |tokens|).
    public static func factMask(_ text: String, _ tokens: TokenizedText) -> [Bool] {
        let scalars = Array(text.unicodeScalars)
        var mask = [Bool](repeating: false, count: tokens.count)
        for k in 0..<tokens.count {
            if dateWords.contains(tokens.hashes[k]) {
                mask[k] = true
                continue
            }
            let start = Int(tokens.starts[k])
            let end = min(Int(tokens.ends[k]), scalars.count)
            guard start < end else { continue }
            mask[k] = scalars[start..<end].allSatisfy(isDigit)
        }
        return mask
    }

    /// Whether a scalar is a decimal digit (ASCII first: the common case, and fast).
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x30 && s.value <= 0x39 }
        return s.properties.numericType == .decimal
    }

    /// Counts number conflicts between consecutive runs of an alignment.
    ///
    /// Each pair of gaps between two runs that follow each other in both texts, both gaps at most
    /// `maxGap` tokens, is aligned word by word (longest common subsequence): the words both gaps
    /// keep split them into *slots*, the stretches in between, and a slot where each side states a
    /// fact the other side's stretch lacks is a conflict. A template fills the same slots with other
    /// figures ("rose 2.95 billion stg in February from 2.70" / "slipped to 2.66 billion stg in
    /// January from 2.78"); a rewrite keeps its figures, so they align and leave no slot.
    /// - Parameters:
    ///   - runs: Shared runs as token ranges in A and B, in B's order (as `PassageAligner` gives them).
    ///   - factsA: Per token of `a`, whether it is a fact (`factMask`); the same for `factsB`.
    ///   - maxGap: The longest gap, in tokens on either side, that is compared.
    /// - Complexity: O(r + Σ gA·gB) for r runs and gaps of gA, gB ≤ `maxGap` tokens.
    public static func count(
        _ runs: [(a: Range<Int>, b: Range<Int>)], _ a: TokenizedText, factsA: [Bool], _ b: TokenizedText,
        factsB: [Bool], maxGap: Int
    ) -> Count {
        var result = Count()
        guard runs.count > 1 else { return result }
        var table: [UInt16] = []
        for r in 1..<runs.count {
            let previous = runs[r - 1]
            let current = runs[r]
            // Only runs that follow each other in both texts, with a short gap on both sides.
            guard current.a.lowerBound > previous.a.upperBound, current.b.lowerBound > previous.b.upperBound,
                current.a.lowerBound - previous.a.upperBound <= maxGap,
                current.b.lowerBound - previous.b.upperBound <= maxGap
            else { continue }
            let gapA = previous.a.upperBound..<current.a.lowerBound
            let gapB = previous.b.upperBound..<current.b.lowerBound
            guard gapA.contains(where: { factsA[$0] }), gapB.contains(where: { factsB[$0] }) else { continue }
            let (slots, conflicts) = slotConflicts(a, gapA, factsA, b, gapB, factsB, &table)
            result.slots += slots
            result.conflicts += conflicts
        }
        return result
    }

    /// Aligns two gaps word by word and compares the facts of the slots between the words they keep.
    /// - Returns: Slots holding facts on both sides, and those where each side has a fact the other lacks.
    static func slotConflicts(
        _ a: TokenizedText, _ gapA: Range<Int>, _ factsA: [Bool], _ b: TokenizedText, _ gapB: Range<Int>,
        _ factsB: [Bool], _ table: inout [UInt16]
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
                    a.hashes[gapA.lowerBound + i] == b.hashes[gapB.lowerBound + j]
                    ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var slots = 0
        var conflicts = 0
        var i = 0
        var j = 0
        var slotA = 0
        var slotB = 0
        func closeSlot(_ endA: Int, _ endB: Int) {
            let ra = (gapA.lowerBound + slotA)..<(gapA.lowerBound + endA)
            let rb = (gapB.lowerBound + slotB)..<(gapB.lowerBound + endB)
            let fa = ra.filter { factsA[$0] }.map { a.hashes[$0] }
            let fb = rb.filter { factsB[$0] }.map { b.hashes[$0] }
            guard !fa.isEmpty, !fb.isEmpty else { return }
            slots += 1
            if fa.contains(where: { !fb.contains($0) }) && fb.contains(where: { !fa.contains($0) }) { conflicts += 1 }
        }
        while i < n && j < m {
            if a.hashes[gapA.lowerBound + i] == b.hashes[gapB.lowerBound + j] {
                closeSlot(i, j)
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
        closeSlot(n, m)
        return (slots, conflicts)
    }
}
