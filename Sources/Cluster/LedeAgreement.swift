import WiretraceCore

/// How much two articles' ledes agree: the Jaccard similarity of the content words among their
/// first words.
///
/// News is written as an inverted pyramid: a rewrite of a wire story keeps its news peg (who, what,
/// how many) in the lede even when every sentence is paraphrased, while another story on the same
/// topic leads with different news and shares, at most, background further down. Verification
/// uses this, together with several separate shared passages, to recognise heavy rewrites that
/// share too little text for containment alone.
public struct LedeAgreement: Sendable {
    /// How many leading words make the lede.
    public var ledeWords: Int
    private let stopHashes: Set<UInt64>

    /// English function words, which say nothing about the news peg.
    static let stopWords = """
        the a an and or but nor of to in on at for with by from as into onto over under about after before since until \
        during between against through upon than then that this these those there here which who whom whose what when \
        where why how while is are was were be been being has have had having do does did will would shall should can \
        could may might must it its he she they them their his her him we our us you your i me my not no yes also more \
        most some any all other such only own same so too very just said says say told according new one two
        """

    public init(ledeWords: Int) {
        self.ledeWords = ledeWords
        stopHashes = Set(
            Self.stopWords.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { StableHash.hash(String($0)) })
    }

    /// The content words of a lede: normalized token hashes, at least three characters long, not function words.
    /// - Complexity: O(min(n, ledeWords)).
    public func contentWords(_ t: TokenizedText) -> Set<UInt64> {
        var out = Set<UInt64>()
        for k in 0..<min(t.count, ledeWords) where t.ends[k] - t.starts[k] >= 3 && !stopHashes.contains(t.hashes[k]) {
            out.insert(t.hashes[k])
        }
        return out
    }

    /// The Jaccard similarity of two ledes' `contentWords`, in 0...1 (0 when either is empty).
    public func agreement(_ x: Set<UInt64>, _ y: Set<UInt64>) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        return Double(x.intersection(y).count) / Double(x.union(y).count)
    }
}
