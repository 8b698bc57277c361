/// The kind of text that supports an agency attribution.
public enum EvidenceKind: String, Sendable, Hashable, CaseIterable {
    /// `KABUL, Afghanistan (AP) —`
    case dateline
    /// `By Reuters`, `By Jane Doe, Associated Press`
    case byline
    /// An attribution in the text: `According to a report by the news agency Associated Press`.
    case credit
    /// `X in Istanbul contributed.`, `Reporting by …; Editing by …`
    case contributor
    /// `Copyright 2023 The Associated Press. All rights reserved.`
    case copyright
    /// `(With inputs from agencies)`: generic, names no agency.
    case inputsFromAgencies = "inputs_from_agencies"
    /// `told Reuters`: weak, the agency may only have been interviewed.
    case quoteSource = "quote_source"
    /// The document's outlet is the agency itself: outlet `Reuters`, `https://apnews.com/…`.
    case publisher
    /// Inherited from the cluster's other members.
    case cluster
}

/// One piece of text that points to an agency.
public struct Evidence: Sendable, Hashable {
    /// Canonical agency name (`AP`, `Reuters`, ...), or nil for generic evidence.
    public var agency: String?
    public var kind: EvidenceKind
    /// The exact span of the document's text that supports the attribution.
    public var text: String
    /// Unicode scalar offsets of `text` in the document (nil for inherited evidence).
    public var start: Int?
    public var end: Int?

    public init(agency: String?, kind: EvidenceKind, text: String, start: Int? = nil, end: Int? = nil) {
        self.agency = agency
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
    }
}

/// The agency a document's text derives from, with the evidence.
public struct DocumentAttribution: Sendable, Hashable {
    /// Canonical agency name, or nil for an outlet's own story or no proof.
    public var agency: String?
    /// Confidence in 0...1; 0 when `agency` is nil.
    public var confidence: Double
    public var evidence: [Evidence]

    public init(agency: String?, confidence: Double, evidence: [Evidence]) {
        self.agency = agency
        self.confidence = confidence
        self.evidence = evidence
    }
}

/// The origin agency of a whole cluster, fused from its members' evidence.
public struct ClusterAttribution: Sendable, Hashable {
    public var agency: String?
    public var confidence: Double

    public init(agency: String?, confidence: Double) {
        self.agency = agency
        self.confidence = confidence
    }
}
