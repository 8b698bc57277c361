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
        #expect(text.contains("chosen by earliest date (2019-05-31)"))
        #expect(text.contains("&lt;script&gt;told&lt;/script&gt;"))
    }
}
