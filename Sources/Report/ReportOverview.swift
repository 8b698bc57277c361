import WiretraceCore
/// The figures both human-readable reports open with: documents, clusters, the share of wire copy
/// by agency and by outlet, and the largest clusters.
public struct ReportOverview: Sendable {
    /// Documents attributed to one agency.
    public struct AgencyShare: Sendable, Hashable {
        public var agency: String
        public var documents: Int
    }

    /// One outlet's documents and how many of them are wire copy.
    public struct OutletShare: Sendable, Hashable {
        public var outlet: String
        public var documents: Int
        /// Documents with an agency.
        public var wire: Int
        /// The agency most of its wire copy comes from (ties: alphabetical).
        public var topAgency: String?
    }

    /// One cluster in the list of the largest.
    public struct ClusterEntry: Sendable, Hashable {
        public var number: Int
        public var size: Int
        public var rootID: String
        public var origin: String?
    }

    public var documents: Int
    /// Documents with an agency (their own or inherited from their cluster).
    public var wireDocuments: Int
    /// Clusters of two or more documents, and the documents in them.
    public var clusters: Int
    public var documentsInClusters: Int
    /// Agencies by documents, most first.
    public var agencies: [AgencyShare]
    /// Outlets by documents, most first, at most `outletLimit`; documents without an outlet are not listed.
    public var outlets: [OutletShare]
    /// Outlets in all, before the limit.
    public var outletCount: Int
    /// The largest clusters, at most `largestLimit`, largest first.
    public var largest: [ClusterEntry]

    /// Computes the overview.
    /// - Parameters:
    ///   - documents: every accepted document.
    ///   - clusters: the clusters of two or more documents.
    ///   - outletLimit: how many outlets to list.
    ///   - largestLimit: how many of the largest clusters to list.
    /// - Complexity: O(n log n) for n documents.
    public init(documents: [ReportDocument], clusters: [ReportCluster], outletLimit: Int = 30, largestLimit: Int = 10) {
        self.documents = documents.count
        var byAgency: [String: Int] = [:]
        var byOutlet: [String: (documents: Int, wire: Int, agencies: [String: Int])] = [:]
        var wire = 0
        for d in documents {
            if let a = d.attribution.agency {
                wire += 1
                byAgency[a, default: 0] += 1
            }
            guard let o = d.document.outlet, !o.isEmpty else { continue }
            var entry = byOutlet[o] ?? (0, 0, [:])
            entry.documents += 1
            if let a = d.attribution.agency {
                entry.wire += 1
                entry.agencies[a, default: 0] += 1
            }
            byOutlet[o] = entry
        }
        wireDocuments = wire
        agencies = byAgency.map { AgencyShare(agency: $0.key, documents: $0.value) }
            .sorted { ($1.documents, $0.agency) < ($0.documents, $1.agency) }
        outletCount = byOutlet.count
        outlets = byOutlet.map { o, e in
            let top = e.agencies.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first?.key
            return OutletShare(outlet: o, documents: e.documents, wire: e.wire, topAgency: top)
        }
        .sorted { ($1.documents, $1.wire, $0.outlet) < ($0.documents, $0.wire, $1.outlet) }
        .prefix(outletLimit).map { $0 }
        self.clusters = clusters.count
        documentsInClusters = clusters.reduce(0) { $0 + $1.cluster.members.count }
        largest = clusters.map {
            ClusterEntry(
                number: $0.cluster.number, size: $0.cluster.members.count, rootID: $0.rootID, origin: $0.origin.agency)
        }
        .sorted { ($1.size, $0.number) < ($0.size, $1.number) }
        .prefix(largestLimit).map { $0 }
    }

    /// `part` of `whole` as a percentage with one decimal, `0.0` for an empty whole.
    public static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0.0" : formatDecimal(100 * Double(part) / Double(whole), digits: 1)
    }
}
