import TestSupport
import Testing
import WiretraceCore

@testable import Report

@Suite("MarkdownReport")
struct MarkdownReportTests {
    @Test("names the config and version, gives the overview, escapes cells")
    func content() {
        let root = Fixtures.reportDocument(
            Fixtures.document("a|b", text: "", outlet: "paper"), ordinal: 0, cluster: 1, role: .root, agency: "AP")
        let copy = Fixtures.reportDocument(
            Fixtures.document("c", text: "", outlet: "paper"), ordinal: 1, cluster: 1, role: .copy, agency: nil)
        let cluster = ReportCluster(
            cluster: Cluster(number: 1, members: [0, 1], root: 0, rootReason: "earliest date (2019-05-31)"),
            members: [root, copy], origin: ClusterAttribution(agency: "AP", confidence: 0.9))
        var md = MarkdownReport(summary: Fixtures.summary)
        md.addOverview(ReportOverview(documents: [root, copy], clusters: [cluster]))
        md.add(cluster)
        let text = md.text
        #expect(text.contains("Wiretrace 9.9.9"))
        #expect(text.contains("conf/&lt;pipeline&gt;.json"))
        #expect(text.contains("| AP | 1 | 50% |"))
        #expect(text.contains("| paper | 2 | 1 (50%) | AP |"))
        #expect(text.contains("`a\\|b`"))
        #expect(text.contains("(why: earliest date (2019-05-31))"))
        #expect(text.contains("&lt;script&gt;told&lt;/script&gt;"))
    }

    @Test("a cluster built on the run's documents by ordinal reads as one given its members; pieces add up")
    func byOrdinalAndInPieces() {
        let docs = (0..<4).map { i in
            Fixtures.reportDocument(
                Fixtures.document("d\(i)", text: "", outlet: "o\(i % 2)"), ordinal: i, cluster: 1 + i % 2,
                role: i < 2 ? .root : .copy, agency: i == 0 ? "AP" : nil)
        }
        let origin = ClusterAttribution(agency: "AP", confidence: 0.9)
        let shapes = [
            Cluster(number: 1, members: [0, 2], root: 0, rootReason: "earliest date"),
            Cluster(number: 2, members: [1, 3], root: 3, rootReason: "longest text"),
        ]
        let given = shapes.map { c in ReportCluster(cluster: c, members: c.members.map { docs[$0] }, origin: origin) }
        let shared = shapes.map { ReportCluster(cluster: $0, documents: docs, origin: origin) }
        for (a, b) in zip(given, shared) {
            #expect(a.members.map(\.ordinal) == b.members.map(\.ordinal))
            #expect(a.memberIDs == b.memberIDs)
            #expect(a.rootID == b.rootID)
        }
        var whole = MarkdownReport(summary: Fixtures.summary)
        var pieces = MarkdownReport(summary: Fixtures.summary)
        var written = pieces.takeText()
        #expect(pieces.text.isEmpty)
        for (a, b) in zip(given, shared) {
            whole.add(a)
            pieces.add(b)
            written += pieces.takeText()
        }
        written += pieces.text
        #expect(written == whole.text)
    }
}

@Suite struct MarkdownEscapingTests {
    /// The escaping as it was written first, character by character: `inline`, then each `|` of
    /// its result escaped for a cell.
    static func reference(_ s: String, pipes: Bool) -> String {
        var r = ""
        for c in s {
            switch c {
            case "\n", "\r", "\t": r += " "
            case "`": r += "'"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            default: r.append(c)
            }
        }
        guard pipes else { return r }
        var out = ""
        for c in r { if c == "|" { out += "\\|" } else { out.append(c) } }
        return out
    }

    /// ASCII and other text, with CR LF, combining marks after the characters escaped, a prepended
    /// mark before them and joiners: the same text as the character-by-character reference.
    @Test func escapesAsTheCharacterReference() {
        let pieces = [
            "a", "Z", "|", "`", "<", ">", "\n", "\r", "\r\n", "\t", " ", "é", "\u{301}", "“", "\u{600}", "😀",
            "\u{200D}",
            "x1",
        ]
        var random = SplitMix(seed: 3)
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.below(10) { text += pieces[random.below(pieces.count)] }
            #expect(MarkdownReport.cell(text) == Self.reference(text, pipes: true), "\(text.debugDescription)")
            #expect(MarkdownReport.inline(text) == Self.reference(text, pipes: false), "\(text.debugDescription)")
        }
    }
}
