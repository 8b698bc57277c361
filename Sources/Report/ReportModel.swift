import WiretraceCore

/// Everything the reports say about one accepted document.
public struct ReportDocument: Sendable {
    public var ordinal: Int
    public var document: Document
    /// The cluster's number.
    public var cluster: Int
    public var role: DocumentRole
    /// Similarity to the cluster's root; nil for roots and singletons.
    public var similarity: Double?
    public var attribution: DocumentAttribution

    public init(
        ordinal: Int, document: Document, cluster: Int, role: DocumentRole, similarity: Double?,
        attribution: DocumentAttribution
    ) {
        self.ordinal = ordinal
        self.document = document
        self.cluster = cluster
        self.role = role
        self.similarity = similarity
        self.attribution = attribution
    }
}

/// Everything the reports say about one cluster of two or more documents.
public struct ReportCluster: Sendable {
    public var cluster: Cluster
    public var origin: ClusterAttribution
    /// The members themselves, or (`byOrdinal`) every document of the run by ordinal, one array
    /// shared by all clusters: a run's clusters then hold no copy of their members.
    private let documents: [ReportDocument]
    private let byOrdinal: Bool

    public init(cluster: Cluster, members: [ReportDocument], origin: ClusterAttribution) {
        self.cluster = cluster
        self.origin = origin
        documents = members
        byOrdinal = false
    }

    /// A cluster whose members are `documents[m]` for m in `cluster.members`.
    /// - Parameter documents: every document of the run, indexed by ordinal (not copied).
    public init(cluster: Cluster, documents: [ReportDocument], origin: ClusterAttribution) {
        self.cluster = cluster
        self.origin = origin
        self.documents = documents
        byOrdinal = true
    }

    /// The members, in input order.
    public var members: [ReportDocument] { byOrdinal ? cluster.members.map { documents[$0] } : documents }

    /// Member ids, in input order.
    public var memberIDs: [String] {
        byOrdinal ? cluster.members.map { documents[$0].document.id } : documents.map(\.document.id)
    }

    /// The root's id.
    public var rootID: String {
        if byOrdinal { return cluster.members.contains(cluster.root) ? documents[cluster.root].document.id : "" }
        return documents.first { $0.ordinal == cluster.root }?.document.id ?? ""
    }

    /// The origin as both reports name it: `AP (confidence 0.90)`, or `none found`.
    public var originText: String {
        origin.agency.map { "\($0) (confidence \(formatDecimal(origin.confidence, digits: 2)))" } ?? "none found"
    }
}

/// The run's accounting and timings, written to `summary.json`.
public struct RunSummary: Sendable {
    /// Inputs read: accepted documents plus rejected inputs.
    public var read = 0
    public var accepted = 0
    public var rejected = 0
    /// Clusters of two or more documents, and the documents in them.
    public var clusters = 0
    public var documentsInClusters = 0
    /// Wall seconds per stage, in pipeline order.
    public var stageSeconds: [(String, Double)] = []
    /// Stage counters (`stage.name`), in first-use order.
    public var counters: [(String, Int)] = []
    /// The config file and Wiretrace version that produced the outputs.
    public var configPath = ""
    public var version = ""
    public var threads = 1

    public init() {}
}
