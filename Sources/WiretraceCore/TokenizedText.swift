/// A document's word tokens after normalization, each with its place in the original text.
///
/// Produced by the normalize stage; shingled by sketch; aligned by cluster verification; used
/// by the reports to highlight passages. Offsets count Unicode scalars of the original text,
/// so they index the text the same way Python's `str` does.
public struct TokenizedText: Sendable, Hashable {
    /// A stable 64-bit hash of each normalized token.
    public var hashes: [UInt64]
    /// Where each token starts in the original text (Unicode scalar offset).
    public var starts: [UInt32]
    /// Where each token ends (exclusive) in the original text.
    public var ends: [UInt32]
    /// Whether each token stands inside quotation marks.
    public var quoted: [Bool]

    public init(hashes: [UInt64] = [], starts: [UInt32] = [], ends: [UInt32] = [], quoted: [Bool] = []) {
        precondition(hashes.count == starts.count && starts.count == ends.count && ends.count == quoted.count)
        self.hashes = hashes
        self.starts = starts
        self.ends = ends
        self.quoted = quoted
    }

    /// The number of tokens.
    public var count: Int { hashes.count }

    /// Reserves room for `n` tokens.
    public mutating func reserve(_ n: Int) {
        hashes.reserveCapacity(n)
        starts.reserveCapacity(n)
        ends.reserveCapacity(n)
        quoted.reserveCapacity(n)
    }

    /// Appends one token.
    @inlinable
    public mutating func append(hash: UInt64, start: UInt32, end: UInt32, quoted isQuoted: Bool) {
        hashes.append(hash)
        starts.append(start)
        ends.append(end)
        quoted.append(isQuoted)
    }
}

/// A document together with its normalized tokens: what flows from normalize to sketch.
public struct NormalizedDocument: Sendable {
    public var document: Document
    public var tokens: TokenizedText

    public init(document: Document, tokens: TokenizedText) {
        self.document = document
        self.tokens = tokens
    }
}
