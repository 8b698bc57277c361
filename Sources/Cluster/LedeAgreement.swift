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
    /// The function words' hashes in an open-addressing table of 512 slots (0: empty), addressed
    /// by a hash's top bits: the lede of every document is filtered at spill time, and a `Set`
    /// hashed each token again with SipHash.
    private let stopTable: [UInt64]

    /// English function words, which say nothing about the news peg.
    public static let stopWords = """
        the a an and or but nor of to in on at for with by from as into onto over under about after before since until \
        during between against through upon than then that this these those there here which who whom whose what when \
        where why how while is are was were be been being has have had having do does did will would shall should can \
        could may might must it its he she they them their his her him we our us you your i me my not no yes also more \
        most some any all other such only own same so too very just said says say told according new one two
        """

    public init(ledeWords: Int) {
        self.ledeWords = ledeWords
        var table = [UInt64](repeating: 0, count: 512)
        for word in Self.stopWords.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let h = StableHash.hash(String(word))
            var k = Self.slot(h)
            while table[k] != 0 && table[k] != h { k = (k + 1) & 511 }
            table[k] = h
        }
        stopTable = table
    }

    /// A hash's first slot in `stopTable`.
    @inline(__always)
    private static func slot(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h &* 0x2545_f491_4f6c_dd1d) &>> 55) }

    /// Whether a token hash is a function word's.
    @inline(__always)
    private func isStopWord(_ h: UInt64, _ table: UnsafeBufferPointer<UInt64>) -> Bool {
        var k = Self.slot(h)
        while table[k] != 0 {
            if table[k] == h { return true }
            k = (k + 1) & 511
        }
        return false
    }

    /// The content words of a lede: normalized token hashes, at least three characters long, not
    /// function words — sorted, each once (cheaper to build and to compare than a Set: verification
    /// compares ledes for thousands of pairs).
    /// - Complexity: O(m log m) for m = min(n, ledeWords).
    public func contentWords(_ t: TokenizedText) -> [UInt64] {
        t.hashes.withUnsafeBufferPointer { hashes in
            t.starts.withUnsafeBufferPointer { starts in
                t.ends.withUnsafeBufferPointer { contentWords(hashes: hashes, starts: starts, ends: $0) }
            }
        }
    }

    /// `contentWords(_:)` of the tokens with these hashes and places.
    public func contentWords(
        hashes: UnsafeBufferPointer<UInt64>, starts: UnsafeBufferPointer<UInt32>, ends: UnsafeBufferPointer<UInt32>
    ) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(min(hashes.count, ledeWords))
        stopTable.withUnsafeBufferPointer { table in
            for k in 0..<min(hashes.count, ledeWords) where ends[k] - starts[k] >= 3 && !isStopWord(hashes[k], table) {
                out.append(hashes[k])
            }
        }
        sortKeepingEachOnce(&out)
        return out
    }

    /// The Jaccard similarity of two ledes' `contentWords` (sorted, each once), in 0...1 (0 when
    /// either is empty).
    /// - Complexity: O(|x| + |y|).
    public func agreement(_ x: [UInt64], _ y: [UInt64]) -> Double {
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var shared = 0
        x.withUnsafeBufferPointer { a in
            y.withUnsafeBufferPointer { b in
                // Without branches on the values: which list steps follows no pattern a branch
                // predictor learns, and most candidate pairs are decided here.
                var i = 0
                var j = 0
                while i < a.count && j < b.count {
                    let u = a[i]
                    let v = b[j]
                    shared &+= u == v ? 1 : 0
                    i &+= u <= v ? 1 : 0
                    j &+= u >= v ? 1 : 0
                }
            }
        }
        return Double(shared) / Double(x.count + y.count - shared)
    }
}

/// Sorts `values` and keeps each value once.
/// - Complexity: O(n log n).
func sortKeepingEachOnce<T: Comparable>(_ values: inout [T]) {
    values.sort()
    var kept = 0
    for k in values.indices where k == 0 || values[k] != values[kept - 1] {
        values[kept] = values[k]
        kept += 1
    }
    values.removeLast(values.count - kept)
}
