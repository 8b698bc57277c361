/// What a document is within its cluster.
public enum DocumentRole: String, Sendable, Hashable, CaseIterable {
    /// Alone: no other document derives from the same source text.
    case unique
    /// The member closest to the original of its cluster.
    case root
    /// A (near-)verbatim copy of the root: most of it is shared with the root.
    case copy
    /// A rewrite, excerpt or trimmed version: related to the root through shared passages.
    case rewrite
}

/// A run of text shared by two documents, as offsets into both original texts.
public struct SharedPassage: Sendable, Hashable {
    /// Unicode scalar offsets `[start, end)` in the first document of the pair.
    public var aStart: Int
    public var aEnd: Int
    /// Unicode scalar offsets `[start, end)` in the second document of the pair.
    public var bStart: Int
    public var bEnd: Int
    /// The number of shared word tokens.
    public var tokenCount: Int
    /// Whether most of the passage stands inside quotation marks in both texts.
    public var quoted: Bool

    public init(aStart: Int, aEnd: Int, bStart: Int, bEnd: Int, tokenCount: Int, quoted: Bool) {
        self.aStart = aStart
        self.aEnd = aEnd
        self.bStart = bStart
        self.bEnd = bEnd
        self.tokenCount = tokenCount
        self.quoted = quoted
    }
}

/// A candidate pair that verification examined, with its measures and shared passages.
public struct VerifiedPair: Sendable, Hashable {
    /// Ordinals of the two documents; `a < b` unless stated otherwise.
    public var a: Int
    public var b: Int
    /// Symmetric similarity in 0...1 (weighted shared tokens over the union of tokens).
    public var similarity: Double
    /// Weighted share of the smaller document's tokens found in the other, in 0...1.
    public var containment: Double
    /// The aligned shared passages, in the order they appear in `a`.
    public var passages: [SharedPassage]

    public init(a: Int, b: Int, similarity: Double, containment: Double, passages: [SharedPassage]) {
        self.a = a
        self.b = b
        self.similarity = similarity
        self.containment = containment
        self.passages = passages
    }
}

/// One group of documents derived from the same source text.
public struct Cluster: Sendable, Hashable {
    /// 1-based cluster number, in order of each cluster's first member in the input.
    public var number: Int
    /// Member ordinals in input order.
    public var members: [Int]
    /// The ordinal of the root member.
    public var root: Int
    /// Why the root was chosen, in words.
    public var rootReason: String

    public init(number: Int, members: [Int], root: Int, rootReason: String) {
        self.number = number
        self.members = members
        self.root = root
        self.rootReason = rootReason
    }
}

/// The result of the clustering barrier: every document's cluster, role and similarity.
public struct Clustering: Sendable {
    /// All clusters, singletons included, in order of their first member.
    public var clusters: [Cluster]
    /// Index into `clusters` for each document ordinal.
    public var clusterIndex: [Int]
    /// Role of each document ordinal.
    public var roles: [DocumentRole]
    /// Similarity of each document to its cluster's root; nil for roots and singletons.
    public var similarityToRoot: [Double?]
    /// For each non-root member: the verified pair linking it to its root (a = root, b = member), when
    /// the two were compared directly.
    public var pairToRoot: [Int: VerifiedPair]
    /// Counters for the summary (candidates, verified, accepted, ...).
    public var counters: [(String, Int)]

    public init(
        clusters: [Cluster], clusterIndex: [Int], roles: [DocumentRole], similarityToRoot: [Double?],
        pairToRoot: [Int: VerifiedPair], counters: [(String, Int)]
    ) {
        self.clusters = clusters
        self.clusterIndex = clusterIndex
        self.roles = roles
        self.similarityToRoot = similarityToRoot
        self.pairToRoot = pairToRoot
        self.counters = counters
    }
}
