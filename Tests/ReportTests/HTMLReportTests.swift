import Foundation
import Testing
import WiretraceCore

@testable import Report

@Suite("HTMLReport")
struct HTMLReportTests {
    /// Three clusters of two plus one hostile singleton.
    static func run(perPage: Int, maxClusters: Int = 1000) throws -> (dir: String, names: [String]) {
        let dir = try Fixtures.temporaryDirectory()
        var texts: [Int: String] = [:]
        var clusters: [ReportCluster] = []
        var all: [ReportDocument] = []
        for c in 0..<3 {
            let r = 2 * c
            let m = 2 * c + 1
            let extra = c == 2 ? [7] : []
            texts[r] = Fixtures.hostile.text
            texts[m] = "Copy: " + Fixtures.hostile.text
            var root = Fixtures.hostile
            root.id += "\(r)"
            let rd = Fixtures.reportDocument(root, ordinal: r, cluster: c + 1, role: .root, agency: "Reuters")
            let md = Fixtures.reportDocument(
                Fixtures.document("m\(m)", text: "", outlet: "<i>o</i>", url: "https://e.example/?a=<b>"), ordinal: m,
                cluster: c + 1, role: .copy, agency: nil)
            let cluster = Cluster(
                number: c + 1, members: [r, m] + extra, root: r, rootReason: "earliest date (<2019>)")
            clusters.append(
                ReportCluster(
                    cluster: cluster, members: [rd, md], origin: ClusterAttribution(agency: "Reuters", confidence: 0.5))
            )
            all += [rd, md]
        }
        let single = Fixtures.reportDocument(Fixtures.hostile, ordinal: 6, cluster: 4, role: .unique, agency: nil)
        all.append(single)
        var configuration = ReportConfiguration()
        configuration.htmlClustersPerPage = perPage
        configuration.htmlMaxClusters = maxClusters
        let report = HTMLReport(summary: Fixtures.summary, configuration: configuration)
        let pair = { (member: Int) -> VerifiedPair? in
            VerifiedPair(
                a: member - 1, b: member, similarity: 0.9, containment: 0.9,
                passages: [
                    SharedPassage(aStart: 0, aEnd: 20, bStart: 6, bEnd: 26, tokenCount: 4, quoted: false)
                ])
        }
        let names = try report.write(
            to: dir, overview: ReportOverview(documents: all, clusters: clusters), clusters: clusters,
            singletons: [single],
            text: { (o: Int) throws(WiretraceError) -> String in texts[o] ?? "" }, pairToRoot: pair)
        return (dir, names)
    }

    @Test("article text, ids, outlets, titles, dates, evidence and urls are escaped: markup shows as text")
    func escaping() throws {
        let (dir, names) = try Self.run(perPage: 100)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(names == ["report.html"])
        let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<i>"))
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;</mark>"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("&lt;script&gt;told&lt;/script&gt;"))
        #expect(html.contains("<span class=\"url\">javascript:alert(5)</span>"))
        #expect(html.contains("<a href=\"https://e.example/?a=<b>") == false)
        #expect(html.contains("conf/&lt;pipeline&gt;.json"))
        #expect(html.contains("Wiretrace 9.9.9"))
        #expect(html.contains("earliest date (&lt;2019&gt;)"))
        #expect(!html.contains("http-equiv=\"refresh\""))
    }

    @Test("the report is self-contained: no script, no external resources")
    func selfContained() throws {
        let (dir, _) = try Self.run(perPage: 100)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(!html.contains("<link"))
        #expect(!html.contains(" src=\""))
        #expect(!html.contains("@import"))
        #expect(html.contains("<style>"))
        #expect(html.contains("<mark class=\"sh\""))
        #expect(html.contains("class=\"sh ev\"") || html.contains("class=\"ev\""))
    }

    @Test("clusters beyond the first page go to extra pages linked from the index")
    func paging() throws {
        let (dir, names) = try Self.run(perPage: 1)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(names == ["report.html", "report-2.html", "report-3.html"])
        let first = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(first.contains("href=\"report-3.html#c3\""))
        #expect(first.contains("id=\"c1\""))
        #expect(!first.contains("id=\"c2\""))
        let third = try String(contentsOfFile: dir + "/report-3.html", encoding: .utf8)
        #expect(third.contains("id=\"c3\""))
        #expect(!third.contains("id=\"overview\""))
    }

    @Test("past html_max_clusters only the largest clusters are shown, and the index says how many are not")
    func capped() throws {
        let (dir, names) = try Self.run(perPage: 1, maxClusters: 2)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(names == ["report.html", "report-2.html"])
        let first = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        // Cluster 3 has three members, clusters 1 and 2 two: 3 and then 1 (output order) are shown.
        #expect(first.contains("Cluster index (2 largest of 3)"))
        #expect(first.contains("1 smaller clusters are not shown here"))
        #expect(first.contains("id=\"c1\""))
        #expect(first.contains("href=\"report-2.html#c3\""))
        #expect(!first.contains("#c2\""))
        let second = try String(contentsOfFile: dir + "/report-2.html", encoding: .utf8)
        #expect(second.contains("id=\"c3\""))
        #expect(second.contains("Clusters 2–2 of 2 shown"))
    }
}
