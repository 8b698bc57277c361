import WiretraceCore

/// Settings of the attribute stage: the agency table and how much each kind of evidence weighs.
public struct AttributeConfiguration: Sendable {
    public var table: AgencyTable
    /// Weight of one piece of evidence of each kind (the strongest per kind and agency counts).
    public var weights: [EvidenceKind: Double] = [
        .dateline: 1.0, .byline: 0.9, .copyright: 0.9, .credit: 0.8, .contributor: 0.6,
        .quoteSource: 0.35, .inputsFromAgencies: 0.1, .publisher: 0.8, .cluster: 0.5,
    ]
    /// A document or cluster needs at least this score for an agency to be named.
    public var minScore = 0.3

    public init(table: AgencyTable) { self.table = table }

    /// Reads the stage's keys from `pipeline.json`.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        var table = try AgencyTable.builtIn()
        let mode = try reader.string("agency_table", default: "extend", allowed: ["extend", "replace"])
        if let extra = try reader.array("agencies") {
            let parsed = try extra.enumerated().map { (i, v) throws(WiretraceError) in
                try AgencyTable.parse(v, path: "\(reader.keyPath("agencies"))[\(i)]")
            }
            if mode == "replace" {
                table.agencies = parsed
            } else {
                for a in parsed {
                    if let i = table.agencies.firstIndex(where: { $0.name == a.name }) {
                        table.agencies[i] = a
                    } else {
                        table.agencies.append(a)
                    }
                }
            }
        }
        self.table = table
        if let w = try reader.object("evidence_weights") {
            for kind in EvidenceKind.allCases {
                weights[kind] = try w.double(kind.rawValue, in: 0...1, default: weights[kind] ?? 0)
            }
            try w.finish()
        }
        minScore = try reader.double("min_score", in: 0...10, default: minScore)
    }
}
