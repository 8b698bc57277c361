import WiretraceCore

/// Settings of the cluster stage: candidates → verification → clusters.
public struct ClusterConfiguration: Sendable, Hashable {
    // Candidates from MinHash LSH.
    /// The Jaccard similarity LSH aims at; bands × rows are derived from it (unless given).
    public var lshThreshold = 0.5
    /// Weights of false positives and false negatives when deriving bands × rows.
    public var lshFalsePositiveWeight = 0.5
    public var lshFalseNegativeWeight = 0.5
    /// Explicit bands and rows (both or neither); `nil` derives them from the threshold.
    public var lshBands: Int?
    public var lshRows: Int?
    /// At most this many documents are kept per LSH bucket and fingerprint posting list; later ones
    /// still find the kept ones, which keeps a story copied thousands of times linear. A full LSH
    /// bucket keeps its first half and rotates recent documents through the second half.
    public var bucketCap = 64

    // Candidates from shared fingerprints (winnowed shingles).
    /// Pairs sharing at least this many (non-common) fingerprints are candidates.
    public var minSharedFingerprints = 2
    /// At most this many fingerprint candidates per document are verified, most-shared first.
    public var maxCandidatesPerDocument = 24
    /// A fingerprint is common text (boilerplate, a stock quote) when it appears in at least this many
    /// mutually dissimilar documents — different stories, copies of one story counting once.
    public var commonMinDocuments = 5
    /// Documents at least this similar (estimated Jaccard of their signatures) count as one story
    /// when deciding whether a fingerprint is common.
    public var commonMaxSimilarity = 0.3
    /// How many of a fingerprint's documents (its first postings) are examined for that decision.
    public var commonSampleDocuments = 24

    // Verification.
    /// Shared passages shorter than this many words are ignored.
    public var minPassageWords = 8
    /// Weight of quoted words in shared passages (1 = as narrative text).
    public var quoteWeight = 0.25
    /// A pair is the same story when it shares at least this many weighted words...
    public var minSharedWords = 20.0
    /// ...and at least this weighted share of the smaller document.
    public var minContainment = 0.3
    /// A short text (a stub, an earnings table) is the same story when at least this share of its words,
    /// common text included, lies in shared passages.
    public var shortTextContainment = 0.9
    /// A pair whose shared passages are separated by this many differing numbers (the same
    /// template filled with other figures: daily market reports, bond offerings) is two stories.
    public var maxNumberConflicts = 2
    /// The longest gap, in words on either side, between two shared passages that still counts as one
    /// slot of a template whose facts (figures, dates) the two texts must agree on.
    public var numberSlotWords = 64
    /// Two texts published at least this many days apart (both dates known) are two stories at one
    /// number conflict: a copy or rewrite appears within days and keeps its source's figures, while a
    /// later text with other figures is the next edition of a recurring report or a follow-up.
    /// 0 turns this off.
    public var editionGapDays = 3.0
    /// A heavy rewrite that shares too little text for `min_containment` is still the same story when
    /// the two ledes (first `lede_words` words) agree on at least `lede_min_agreement` of their content
    /// words and the texts share at least `lede_min_passages` separate passages (and
    /// `min_shared_words`): the same news peg, retold. See `LedeAgreement`.
    public var ledeWords = 60
    public var ledeMinAgreement = 0.45
    public var ledeMinPassages = 3
    /// Besides each document's best pair (the one finding the largest share of it), pairs sharing at
    /// least this share of both texts join their documents.
    public var mutualShare = 0.5
    /// A document's best pair joins it only if it finds at least this share of it (the pair itself
    /// passed `minContainment` on the smaller text): a rewrite keeps at least a fifth of its source.
    public var bestMinShare = 0.2
    /// ...or at least this many weighted words: a long page that reproduces a story's passages.
    public var bestMinWords = 60.0
    /// A member whose similarity to the root is at least this is a `copy`, else a `rewrite`; a verified
    /// pair this similar is a near-verbatim copy, and candidates already joined to it that way are not
    /// verified again.
    public var copySimilarity = 0.8
    /// A document already in a cluster joins a second one through a different part of its text only
    /// if that part is at least this share of it (or of the other): multi-story pages join one story.
    public var majorityShare = 0.5
    /// A pair finding less than this share of the longer text (a digest or roundup holding the other
    /// as one of its items) joins the two only if a shared passage lies in the longer text's lede (its
    /// first `lede_words` words): a copy with added reporting keeps the story at its top, a digest holds
    /// story 3 of 5 in its middle. 0 turns the check off.
    public var digestShare = 0.2

    public init() {}

    /// Reads the stage's keys from `pipeline.json`.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        if let lsh = try reader.object("lsh") {
            lshThreshold = try lsh.double("threshold", in: 0.01...0.99, default: lshThreshold)
            lshFalsePositiveWeight = try lsh.double("false_positive_weight", in: 0...1, default: lshFalsePositiveWeight)
            lshFalseNegativeWeight = try lsh.double("false_negative_weight", in: 0...1, default: lshFalseNegativeWeight)
            if lsh.has("bands") || lsh.has("rows") {
                lshBands = try lsh.int("bands", in: 1...1024, default: 0)
                lshRows = try lsh.int("rows", in: 1...1024, default: 0)
                guard lsh.has("bands"), lsh.has("rows") else {
                    throw WiretraceError(.config, "give both bands and rows, or neither", location: lsh.path)
                }
            }
            bucketCap = try lsh.int("bucket_cap", in: 2...100_000, default: bucketCap)
            try lsh.finish()
        }
        if let fp = try reader.object("fingerprints") {
            minSharedFingerprints = try fp.int("min_shared", in: 1...1000, default: minSharedFingerprints)
            maxCandidatesPerDocument = try fp.int(
                "max_candidates_per_document", in: 1...10_000, default: maxCandidatesPerDocument)
            commonMinDocuments = try fp.int("common_min_documents", in: 2...1_000_000, default: commonMinDocuments)
            commonMaxSimilarity = try fp.double("common_max_similarity", in: 0...1, default: commonMaxSimilarity)
            commonSampleDocuments = try fp.int(
                "common_sample_documents", in: 2...100_000, default: commonSampleDocuments)
            try fp.finish()
        }
        if let v = try reader.object("verification") {
            _ = try v.string("method", default: "aligned_passages", allowed: ["aligned_passages"])
            minPassageWords = try v.int("min_passage_words", in: 3...100, default: minPassageWords)
            quoteWeight = try v.double("quote_weight", in: 0...1, default: quoteWeight)
            minSharedWords = try v.double("min_shared_words", in: 1...10_000, default: minSharedWords)
            minContainment = try v.double("min_containment", in: 0...1, default: minContainment)
            shortTextContainment = try v.double("short_text_containment", in: 0...1, default: shortTextContainment)
            maxNumberConflicts = try v.int("max_number_conflicts", in: 1...1_000_000, default: maxNumberConflicts)
            numberSlotWords = try v.int("number_slot_words", in: 1...10_000, default: numberSlotWords)
            editionGapDays = try v.double("edition_gap_days", in: 0...36_500, default: editionGapDays)
            ledeWords = try v.int("lede_words", in: 10...1000, default: ledeWords)
            ledeMinAgreement = try v.double("lede_min_agreement", in: 0...1, default: ledeMinAgreement)
            ledeMinPassages = try v.int("lede_min_passages", in: 1...1000, default: ledeMinPassages)
            mutualShare = try v.double("mutual_share", in: 0...1, default: mutualShare)
            bestMinShare = try v.double("best_min_share", in: 0...1, default: bestMinShare)
            bestMinWords = try v.double("best_min_words", in: 0...100_000, default: bestMinWords)
            copySimilarity = try v.double("copy_similarity", in: 0...1, default: copySimilarity)
            majorityShare = try v.double("majority_share", in: 0...1, default: majorityShare)
            digestShare = try v.double("digest_share", in: 0...1, default: digestShare)
            try v.finish()
        }
    }
}
