/// The generic credit `(With inputs from agencies)`: its pattern, and where in a text the search
/// for it has to start.
///
/// The credit closes an article, so most of a text lies before any match. Every match holds
/// `with` (`With`, `WITH`), white space and `input` (`INPUT`); it starts at that `with` or at a `(`
/// right before it. A search over the text from the start of the line of the first such `with`
/// finds what a search over the whole text finds: no match starts earlier, and the pattern looks
/// at nothing before its start but the character before it, for `\b` — a line feed, or nothing,
/// both not word characters (the engine's `\b` skips combining marks back to the line feed).
enum InputsFromAgencies {
    /// The pattern, compiled with `anchorsMatchLines`.
    static let pattern =
        "\\(?\\b(?:[Ww]ith|WITH)\\s+(?:inputs?|INPUTS?)\\s+(?:from|FROM)\\s+(?:news\\s+)?(?:agencies|AGENCIES|wires)\\b\\)?"

    /// The spellings of `input` in the pattern.
    static let inputs = ["input", "INPUT"].map { Array($0.utf8) }

    /// The UTF-8 offset of the start of the line (after a line feed, or 0) that holds the first
    /// `with`, `With` or `WITH` followed by white space and `input` or `INPUT`, or nil when there
    /// is none and the pattern cannot match. White space is any of ASCII 09–0D and space and any
    /// non-ASCII byte (`AliasLayout.isSpace`), more than the engine's `\s`.
    /// - Complexity: O(n) for the n bytes of the text: one search for each spelling of `input`,
    ///   and the lengths of the white space before each place found.
    static func searchStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // The next place of each spelling, from `from`.
        var next = inputs.map { spelling in
            spelling.withUnsafeBufferPointer { RequiredLiteral.firstOccurrence($0, in: bytes, from: 0) }
        }
        while let place = next.compactMap({ $0 }).min() {
            if let with = with(before: place, in: bytes) {
                var start = with
                while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
                return start
            }
            for (s, spelling) in inputs.enumerated() where next[s] == place {
                next[s] = spelling.withUnsafeBufferPointer {
                    RequiredLiteral.firstOccurrence($0, in: bytes, from: place + 1)
                }
            }
        }
        return nil
    }

    /// Where `with`, `With` or `WITH` starts before the white space (one byte at least) that ends
    /// at `place`, or nil.
    static func with(before place: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = place
        while i > 0 && AliasLayout.isSpace(bytes[i - 1]) { i -= 1 }
        guard i < place, i >= 4 else { return nil }
        let w = Array(bytes[(i - 4)..<i])
        return w == Array("with".utf8) || w == Array("With".utf8) || w == Array("WITH".utf8) ? i - 4 : nil
    }
}
