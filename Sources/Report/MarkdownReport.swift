import WiretraceCore

/// The provenance report a person reads, in Markdown: the overview, then per cluster its members,
/// the root and why, the origin agency and its evidence. The same content as `report.html`, without
/// texts and side-by-side views.
public struct MarkdownReport {
    private var out = ""

    /// Starts the report with its header and overview.
    public init(summary: RunSummary) {
        out += "# Wiretrace provenance report\n\n"
        out += "Produced by Wiretrace \(summary.version) with config `\(Self.inline(summary.configPath))`.\n\n"
        out += "- Documents read: \(summary.read) (accepted \(summary.accepted), rejected \(summary.rejected))\n"
        out +=
            "- Clusters of two or more documents: \(summary.clusters), holding \(summary.documentsInClusters) documents\n\n"
    }

    /// Adds the overview: share of wire copy by agency and by outlet, and the largest clusters.
    /// - Parameter o: the figures, as in the HTML report.
    public mutating func addOverview(_ o: ReportOverview) {
        out += "## Overview\n\n"
        out +=
            "- Wire copy: \(o.wireDocuments) of \(o.documents) documents (\(ReportOverview.percent(o.wireDocuments, of: o.documents))%)\n\n"
        if !o.agencies.isEmpty {
            out += "| agency | documents | share |\n|---|---:|---:|\n"
            for a in o.agencies {
                out +=
                    "| \(Self.cell(a.agency)) | \(a.documents) | \(ReportOverview.percent(a.documents, of: o.documents))% |\n"
            }
            out += "\n"
        }
        if !o.outlets.isEmpty {
            out += "| outlet | documents | wire copy | mostly from |\n|---|---:|---:|---|\n"
            for x in o.outlets {
                out +=
                    "| \(Self.cell(x.outlet)) | \(x.documents) | \(x.wire) (\(ReportOverview.percent(x.wire, of: x.documents))%) | \(Self.cell(x.topAgency ?? "–")) |\n"
            }
            if o.outletCount > o.outlets.count {
                out += "\n\(o.outletCount - o.outlets.count) more outlets not listed.\n"
            }
            out += "\n"
        }
        if !o.largest.isEmpty {
            out += "Largest clusters:\n\n"
            for c in o.largest {
                out +=
                    "1. Cluster \(c.number): \(c.size) documents, origin \(Self.inline(c.origin ?? "none found")), root `\(Self.inline(c.rootID))`\n"
            }
            out += "\n"
        }
    }

    /// Adds one cluster's section.
    public mutating func add(_ cluster: ReportCluster) { out += Self.section(cluster) }

    /// One cluster's section, as `add(_:)` adds it: a pure function of the cluster, so that the
    /// sections of a large run can be made on several threads and written in order.
    public static func section(_ cluster: ReportCluster) -> String {
        var out = ""
        let members = cluster.members
        out += "## Cluster \(cluster.cluster.number): \(members.count) documents, origin \(cluster.originText)\n\n"
        out += "Root: `\(Self.inline(cluster.rootID))` (why: \(cluster.cluster.rootReason)).\n\n"
        out += "| id | outlet | date | role | similarity | agency |\n|---|---|---|---|---|---|\n"
        for m in members {
            out +=
                "| `\(Self.cell(m.document.id))` | \(Self.cell(m.document.outlet ?? "")) | \(Self.cell(m.document.date ?? "")) | \(m.role.rawValue) | "
            out += (m.similarity.map { formatDecimal($0, digits: 3) } ?? "") + " | \(m.attribution.agency ?? "") |\n"
        }
        out += "\nEvidence:\n\n"
        var any = false
        for m in members {
            for e in m.attribution.evidence {
                any = true
                out +=
                    "- `\(Self.inline(m.document.id))` \(e.kind.rawValue)\(e.agency.map { " → \($0)" } ?? ""): “\(Self.inline(e.text))”\n"
            }
        }
        if !any { out += "- none: no member credits an agency.\n" }
        out += "\n"
        return out
    }

    /// Adds the list of documents that are alone, with their agency.
    public mutating func addSingletons(_ docs: [ReportDocument]) {
        guard !docs.isEmpty else { return }
        out += Self.singletonsHeader(count: docs.count)
        for d in docs { out += Self.singletonRow(d) }
        out += Self.singletonsEnd
    }

    /// What ends the list of documents alone.
    public static let singletonsEnd = "\n"

    /// The heading and table head of the list of documents alone (`addSingletons`), followed by
    /// a `singletonRow` per document and `singletonsEnd`.
    public static func singletonsHeader(count: Int) -> String {
        "## Documents alone (\(count))\n\n| id | agency | evidence |\n|---|---|---|\n"
    }

    /// One document's row in the list of documents alone.
    public static func singletonRow(_ d: ReportDocument) -> String {
        let ev = d.attribution.evidence.filter { $0.agency == d.attribution.agency && d.attribution.agency != nil }
        return "| `\(Self.cell(d.document.id))` | \(d.attribution.agency ?? "") | "
            + ev.map { "\($0.kind.rawValue): “\(Self.cell($0.text))”" }.joined(separator: "; ") + " |\n"
    }

    /// The Markdown text (since the last `takeText()`, if any).
    public var text: String { out }

    /// Hands over the text built so far and starts afresh, so that a long report can be written
    /// in pieces rather than held whole: `text` then holds only what is added afterwards.
    public mutating func takeText() -> String {
        defer { out = "" }
        return out
    }

    /// Text safe inside a table cell: one line, pipes and backticks escaped.
    static func cell(_ s: String) -> String { escaped(s, pipes: true) }

    /// Text safe inline: newlines folded, backticks and angle brackets neutralized.
    static func inline(_ s: String) -> String { escaped(s, pipes: false) }

    /// `inline`'s text, and with `pipes` each `|` escaped, character by character.
    ///
    /// ASCII text — most ids, outlets and dates, written once per member of every cluster — is
    /// read byte by byte: there a character is one byte, except CR LF, one character that is
    /// neither CR nor LF and is kept as it is. Other text goes by characters, where a mark
    /// combining with `<` makes a character that is not `<`.
    /// - Complexity: O(n) in the length of `s`.
    static func escaped(_ s: String, pipes: Bool) -> String {
        var s = s
        let ascii = s.withUTF8 { b -> String? in
            var high: UInt8 = 0
            for c in b { high |= c }
            guard high < 0x80 else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(b.count + 8)
            var i = 0
            while i < b.count {
                let c = b[i]
                switch c {
                case 0x0D where i + 1 < b.count && b[i + 1] == 0x0A:
                    out += [0x0D, 0x0A]
                    i += 1
                case 0x0A, 0x0D, 0x09: out.append(0x20)
                case UInt8(ascii: "`"): out.append(UInt8(ascii: "'"))
                case UInt8(ascii: "<"): out += "&lt;".utf8
                case UInt8(ascii: ">"): out += "&gt;".utf8
                case UInt8(ascii: "|") where pipes: out += "\\|".utf8
                default: out.append(c)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let ascii { return ascii }
        var r = ""
        for c in s {
            switch c {
            case "\n", "\r", "\t": r += " "
            case "`": r += "'"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "|" where pipes: r += "\\|"
            default: r.append(c)
            }
        }
        return r
    }
}
