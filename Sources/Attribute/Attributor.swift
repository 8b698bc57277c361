import WiretraceCore

/// The attribute stage: for one cluster, decides each member's agency and the cluster's origin.
///
/// Each member's evidence gives each agency a score: every kind that names the agency counts once,
/// with the kind's weight. The cluster's origin is the weighted vote of all members (the sum of
/// their scores); a member with no credit of its own inherits the origin with `kind: cluster`. An
/// outlet's own story, with no evidence, gets no agency rather than a guess.
///
/// Why a lone quote source (`told Reuters`) names the agency but is never passed on: in wire copy
/// the agency quotes its own interviews, so `told Reuters` with nothing else is Reuters' text (the
/// samples); in an outlet's own story the outlet signs with its own byline (`By Jane Doe`), which
/// makes the extractor drop the quote source, or cites the agency's journalists by name
/// (`told Bloomberg's …`), which is no quote source at all. Broadcasters whose interviews the wires
/// cite (CNN, Bloomberg) never count as quote sources.
public struct Attributor: StreamingStage {
    /// The stage's name in `pipeline.json`.
    public static let name = "attribute"
    /// Weights, minimum score and the agency table.
    public let configuration: AttributeConfiguration
    /// Finds the evidence in one text.
    public let extractor: EvidenceExtractor
    /// Each agency's place in the table (the first entry of a repeated name), for breaking ties.
    private let priority: [String: Int]

    /// Creates the stage.
    /// - Parameter configuration: the attribute stage's settings.
    public init(configuration: AttributeConfiguration) {
        self.configuration = configuration
        self.extractor = EvidenceExtractor(table: configuration.table)
        var priority: [String: Int] = [:]
        for (i, a) in configuration.table.agencies.enumerated() where priority[a.name] == nil { priority[a.name] = i }
        self.priority = priority
    }

    /// One cluster's members: ordinal, id and extracted evidence.
    public struct Input: Sendable {
        /// Members in cluster order.
        public var members: [(ordinal: Int, id: String, evidence: [Evidence])]
        public init(members: [(ordinal: Int, id: String, evidence: [Evidence])]) { self.members = members }
    }

    /// The cluster's origin and each member's attribution, in member order.
    public struct Output: Sendable {
        /// The cluster's origin.
        public var cluster: ClusterAttribution
        /// Each member's attribution, in the order of `Input.members`.
        public var members: [DocumentAttribution]
    }

    /// Attributes one cluster.
    ///
    /// A member inherits the cluster's origin (evidence kind `cluster`, confidence the origin's times
    /// the `cluster` weight) when it has no agency of its own, or only quote sources for that same
    /// agency. It inherits only if some other member credits the origin with more than a quote
    /// source: a quote source is a hint about one text, not a credit to pass on.
    /// - Parameter input: the cluster's members and their evidence.
    /// - Returns: the origin and each member's attribution, in member order.
    /// - Complexity: O(e) for e pieces of evidence in the cluster.
    public func process(_ input: Input) -> Output {
        var memberScores: [[String: Double]] = []
        var total: [String: Double] = [:]
        for m in input.members {
            let s = scores(m.evidence)
            memberScores.append(s)
            for (k, v) in s { total[k, default: 0] += v }
        }
        let origin = decide(total)
        let inheritWeight = configuration.weights[.cluster] ?? 0
        var attributions: [DocumentAttribution] = []
        let donors = origin.agency.map { strongestTwo(for: $0, in: input.members) }
        for (i, m) in input.members.enumerated() {
            var evidence = m.evidence
            var own = decide(memberScores[i])
            if let agency = origin.agency, input.members.count > 1,
                own.agency == nil || (own.agency == agency && Self.onlyWeak(m.evidence, for: agency)),
                let span = donors.flatMap({ $0.first?.member == i ? $0.second : $0.first })?.evidence
            {
                evidence.append(Evidence(agency: agency, kind: .cluster, text: span.text))
                let inherited = (origin.confidence * inheritWeight * 1000).rounded() / 1000
                own = ClusterAttribution(agency: agency, confidence: max(own.confidence, inherited))
            }
            attributions.append(DocumentAttribution(agency: own.agency, confidence: own.confidence, evidence: evidence))
        }
        return Output(cluster: origin, members: attributions)
    }

    /// Whether all of the evidence for `agency` is quote sources.
    static func onlyWeak(_ evidence: [Evidence], for agency: String) -> Bool {
        evidence.allSatisfy { $0.agency != agency || $0.kind == .quoteSource }
    }

    /// Per agency: the sum over evidence kinds of the kind's weight (each kind counted once).
    func scores(_ evidence: [Evidence]) -> [String: Double] {
        var kinds: [String: Set<EvidenceKind>] = [:]
        for e in evidence {
            guard let a = e.agency else { continue }
            kinds[a, default: []].insert(e.kind)
        }
        // Summed in the kinds' declared order, not the set's: a set's order changes from one process
        // to the next (hashing is seeded per process), and with it the sum's last bit and the winner
        // of a tie between agencies.
        return kinds.mapValues { present in
            EvidenceKind.allCases.reduce(0) { present.contains($1) ? $0 + (configuration.weights[$1] ?? 0) : $0 }
        }
    }

    /// The best-scoring agency if it reaches the minimum; confidence falls with competing agencies.
    func decide(_ scores: [String: Double]) -> ClusterAttribution {
        let ranked = scores.sorted { a, b in
            a.value != b.value
                ? a.value > b.value
                : (priority[a.key] ?? .max, a.key) < (priority[b.key] ?? .max, b.key)
        }
        guard let best = ranked.first, best.value >= configuration.minScore else {
            return ClusterAttribution(agency: nil, confidence: 0)
        }
        let sum = ranked.reduce(0) { $0 + $1.value }
        let confidence = min(1, best.value) * best.value / sum
        return ClusterAttribution(agency: best.key, confidence: (confidence * 1000).rounded() / 1000)
    }

    /// A member's strongest credit for an agency.
    typealias Donor = (member: Int, weight: Double, evidence: Evidence)

    /// The strongest credit for `agency` (quote sources and inherited evidence excluded), and the
    /// strongest from any other member: what a member inherits is the first unless it is its own.
    /// Ties go to the earlier member. Computed once per cluster, so inheritance stays linear.
    /// - Complexity: O(e) for e pieces of evidence in the cluster.
    func strongestTwo(for agency: String, in members: [(ordinal: Int, id: String, evidence: [Evidence])]) -> (
        first: Donor?, second: Donor?
    ) {
        var perMember: [Donor] = []
        for (i, m) in members.enumerated() {
            var best: Donor?
            for e in m.evidence where e.agency == agency && e.kind != .quoteSource && e.kind != .cluster {
                let w = configuration.weights[e.kind] ?? 0
                if w > (best?.weight ?? -1) { best = (i, w, e) }
            }
            if let best { perMember.append(best) }
        }
        var first: Donor?
        for d in perMember where d.weight > (first?.weight ?? -1) { first = d }
        var second: Donor?
        for d in perMember where d.member != first?.member && d.weight > (second?.weight ?? -1) { second = d }
        return (first, second)
    }
}
