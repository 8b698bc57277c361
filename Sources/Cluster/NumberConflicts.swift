import WiretraceCore

/// Finds aligned places where two texts state different numbers: templated stories.
///
/// Recurring wire stories — a central bank's daily operations, Treasury balances, bond offerings,
/// earnings tables, market closes — share almost all their words with the previous day's story
/// and differ only in the figures. A copy or rewrite keeps its story's figures. So when two
/// shared passages follow each other in both texts and the short gaps between them both hold
/// numbers that differ, the pair is a *number conflict*: the same template filled with other facts.
public enum NumberConflicts {
    /// The result of comparing the gaps between consecutive shared runs.
    public struct Count: Sendable, Hashable {
        /// Gaps of at most `maxGap` tokens on both sides between two consecutive shared runs.
        public var slots = 0
        /// Slots whose gaps both hold a number and differ.
        public var conflicts = 0
    }

    /// Which tokens of `tokens` contain a decimal digit, read from the original `text`.
    /// - Complexity: O(|text| + |tokens|).
    public static func digitMask(_ text: String, _ tokens: TokenizedText) -> [Bool] {
        let scalars = Array(text.unicodeScalars)
        var mask = [Bool](repeating: false, count: tokens.count)
        for k in 0..<tokens.count {
            let start = Int(tokens.starts[k])
            let end = min(Int(tokens.ends[k]), scalars.count)
            guard start < end else { continue }
            for p in start..<end where isDigit(scalars[p]) {
                mask[k] = true
                break
            }
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
    /// - Parameters:
    ///   - runs: Shared runs as token ranges in A and B, in B's order (as `PassageAligner` gives them).
    ///   - maxGap: The longest gap, in tokens on either side, that still counts as one slot.
    /// - Complexity: O(r + g) for r runs and g gap tokens.
    public static func count(
        _ runs: [(a: Range<Int>, b: Range<Int>)], _ a: TokenizedText, digitsA: [Bool], _ b: TokenizedText,
        digitsB: [Bool], maxGap: Int = 4
    ) -> Count {
        var result = Count()
        guard runs.count > 1 else { return result }
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
            result.slots += 1
            guard gapA.contains(where: { digitsA[$0] }), gapB.contains(where: { digitsB[$0] }) else { continue }
            if !a.hashes[gapA].elementsEqual(b.hashes[gapB]) { result.conflicts += 1 }
        }
        return result
    }
}
