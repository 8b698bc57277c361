import Testing
import WiretraceCore

@testable import Report

@Suite("ReportOverview")
struct ReportOverviewTests {
    @Test("shares by agency and outlet, largest clusters first")
    func figures() {
        let docs = [
            Fixtures.reportDocument(
                Fixtures.document("1", text: "", outlet: "a"), ordinal: 0, cluster: 1, role: .root, agency: "AP"),
            Fixtures.reportDocument(
                Fixtures.document("2", text: "", outlet: "a"), ordinal: 1, cluster: 1, role: .copy, agency: "AP"),
            Fixtures.reportDocument(
                Fixtures.document("3", text: "", outlet: "b"), ordinal: 2, cluster: 2, role: .unique, agency: "Reuters"),
            Fixtures.reportDocument(
                Fixtures.document("4", text: ""), ordinal: 3, cluster: 3, role: .unique, agency: nil),
        ]
        let cluster = ReportCluster(
            cluster: Cluster(number: 1, members: [0, 1], root: 0, rootReason: "r"), members: [docs[0], docs[1]],
            origin: ClusterAttribution(agency: "AP", confidence: 1))
        let o = ReportOverview(documents: docs, clusters: [cluster])
        #expect(o.documents == 4)
        #expect(o.wireDocuments == 3)
        #expect(o.agencies.map(\.agency) == ["AP", "Reuters"])
        #expect(o.outlets.map(\.outlet) == ["a", "b"])
        #expect(o.outlets[0].wire == 2 && o.outlets[0].topAgency == "AP")
        #expect(o.largest.map(\.number) == [1])
        #expect(ReportOverview.percent(1, of: 3) == "33.3")
        #expect(ReportOverview.percent(1, of: 0) == "0.0")
    }
}
