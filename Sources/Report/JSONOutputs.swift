import WiretraceCore

/// Builds the lines and files of the JSON output contract.
///
/// Keys are written in a fixed order and numbers with fixed precision, so outputs are byte-identical
/// for the same input and config.
public enum JSONOutputs {
    /// One line of `documents.jsonl`.
    public static func documentLine(_ d: ReportDocument) -> String {
        var o = JSONObjectWriter()
        o.string("id", d.document.id)
        o.string("source", d.document.source)
        o.int("cluster", d.cluster)
        o.string("role", d.role.rawValue)
        o.double("similarity", d.similarity)
        o.string("agency", d.attribution.agency)
        o.double("agency_confidence", d.attribution.confidence, digits: 3)
        o.value("evidence", .array(d.attribution.evidence.map(evidence)))
        o.string("title", d.document.title)
        o.string("date", d.document.date)
        o.string("outlet", d.document.outlet)
        o.string("url", d.document.url)
        return o.finish() + "\n"
    }

    static func evidence(_ e: Evidence) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("agency", .optional(e.agency)), ("kind", .string(e.kind.rawValue)), ("text", .string(e.text)),
        ]
        if let s = e.start, let t = e.end {
            members.append(("start", .int(s)))
            members.append(("end", .int(t)))
        }
        return .object(members)
    }

    /// One line of `clusters.jsonl`.
    public static func clusterLine(_ c: ReportCluster) -> String {
        var o = JSONObjectWriter()
        o.int("cluster", c.cluster.number)
        o.value("members", .array(c.memberIDs.map(JSONValue.string)))
        o.string("root", c.rootID)
        o.string("root_reason", c.cluster.rootReason)
        o.string("origin_agency", c.origin.agency)
        o.double("origin_confidence", c.origin.confidence, digits: 3)
        return o.finish() + "\n"
    }

    /// One line of `rejected.jsonl`.
    public static func rejectedLine(_ r: Rejection) -> String {
        JSONWriter.string(.object([("source", .string(r.source)), ("reason", .string(r.reason))])) + "\n"
    }

    /// The whole of `summary.json`.
    public static func summary(_ s: RunSummary) -> String {
        JSONWriter.pretty(
            .object([
                ("wiretrace_version", .string(s.version)),
                ("config", .string(s.configPath)),
                ("documents_read", .int(s.read)),
                ("documents_accepted", .int(s.accepted)),
                ("documents_rejected", .int(s.rejected)),
                ("clusters", .int(s.clusters)),
                ("documents_in_clusters", .int(s.documentsInClusters)),
                ("threads", .int(s.threads)),
                ("stage_seconds", .object(s.stageSeconds.map { ($0.0, .double($0.1, digits: 3)) })),
                ("counters", .object(s.counters.map { ($0.0, .int($0.1)) })),
            ]))
    }
}
