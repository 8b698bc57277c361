import WiretraceCore

/// The provenance report a researcher opens in a browser: `report.html`, self-contained (inline
/// CSS, no script, no network).
///
/// `report.html` holds the overview (documents, clusters, share of wire copy by agency and by
/// outlet, the largest clusters), an index of the clusters shown, the first `clustersPerPage` of
/// them and the documents that stand alone (the first `maxSingletons`). Further clusters go to
/// `report-2.html`, `report-3.html`, … with the same number per page. At most `maxClusters`
/// clusters are shown, the largest, so neither a file nor the report grows without bound with the
/// size of the run; every cluster is in `clusters.jsonl` and `report.md`. Each cluster lists its members
/// (outlet, date, role, similarity, agency, evidence) and shows each member side by side with the
/// root, shared passages highlighted and evidence spans marked.
///
/// Every string taken from the input is HTML-escaped (`HTML.escape`); urls become links only for
/// http(s) (`HTML.link`).
public struct HTMLReport: Sendable {
    /// Clusters shown in full per page.
    public var clustersPerPage: Int
    /// Side-by-side views per cluster; further members are listed in the table only.
    public var maxComparisons: Int
    /// Documents alone listed on the first page; the rest are in documents.jsonl.
    public var maxSingletons: Int
    /// Clusters shown in full at most, the largest first; the rest are in the JSON outputs.
    public var maxClusters: Int
    /// How texts are cut and marked.
    public var markup: TextMarkup
    private let summary: RunSummary

    /// Creates a report for the run described by `summary`.
    /// - Parameters:
    ///   - summary: names the config and version; gives the counts.
    ///   - configuration: page sizes.
    public init(summary: RunSummary, configuration: ReportConfiguration = ReportConfiguration()) {
        self.summary = summary
        clustersPerPage = max(1, configuration.htmlClustersPerPage)
        maxComparisons = max(1, configuration.htmlMaxComparisons)
        maxSingletons = 2000
        maxClusters = max(1, configuration.htmlMaxClusters)
        markup = TextMarkup(maxScalars: configuration.htmlMaxTextCharacters)
    }

    /// The file name of page `page` (0-based): `report.html`, `report-2.html`, ….
    public static func pageName(_ page: Int) -> String {
        page == 0 ? "report.html" : "report-\(page + 1).html"
    }

    /// Which clusters get a full section, and on which page: the `maxClusters` largest (most
    /// members, then output order), kept in output order and cut into pages of `clustersPerPage`.
    /// Smaller clusters beyond the cap are in `clusters.jsonl` and `report.md`.
    public struct Layout: Sendable, Hashable {
        /// Per page, the indices (into the clusters in output order) of the clusters it shows.
        public var pages: [[Int]]
        /// Clusters with no section in the HTML report.
        public var omitted: Int
        /// The page of each shown cluster, by cluster number.
        public var pageOfNumber: [Int: Int]
    }

    /// Lays out `clusters` (in output order) over the pages.
    /// - Complexity: O(c log c) for c clusters.
    public func layout(_ clusters: [ReportCluster]) -> Layout {
        var shown = Array(clusters.indices)
        if shown.count > maxClusters {
            shown.sort { (clusters[$0].cluster.members.count, -$0) > (clusters[$1].cluster.members.count, -$1) }
            shown.removeSubrange(maxClusters...)
            shown.sort()
        }
        var pages: [[Int]] = []
        var pageOfNumber: [Int: Int] = [:]
        for (k, i) in shown.enumerated() {
            if k % clustersPerPage == 0 { pages.append([]) }
            pages[pages.count - 1].append(i)
            pageOfNumber[clusters[i].cluster.number] = pages.count - 1
        }
        if pages.isEmpty { pages = [[]] }
        return Layout(pages: pages, omitted: clusters.count - shown.count, pageOfNumber: pageOfNumber)
    }

    /// Writes `report.html` and its extra pages into `directory`, one page at a time.
    /// - Parameters:
    ///   - directory: the output folder.
    ///   - overview: the overview figures.
    ///   - clusters: the clusters of two or more documents, in output order.
    ///   - singletons: the documents alone.
    ///   - text: the original text of a document ordinal.
    ///   - pairToRoot: the verified pair linking a member ordinal to its root, if compared directly.
    /// - Returns: the file names written, first page first.
    /// - Throws: `WiretraceError` when a file cannot be written or a text cannot be read.
    @discardableResult
    public func write(
        to directory: String, overview: ReportOverview, clusters: [ReportCluster],
        singletons: [ReportDocument],
        text: (Int) throws(WiretraceError) -> String, pairToRoot: (Int) -> VerifiedPair?
    ) throws(WiretraceError) -> [String] {
        let layout = layout(clusters)
        var names: [String] = []
        for p in layout.pages.indices {
            let name = Self.pageName(p)
            names.append(name)
            let page = try page(
                p, layout: layout, overview: overview, clusters: clusters, singletons: singletons, text: text,
                pairToRoot: pairToRoot)
            try AtomicFile.write(page, to: directory + "/" + name)
        }
        return names
    }

    /// Page `p` of `layout` (its file name is `pageName(p)`): pages are independent of each other,
    /// so they can be rendered in any order or at once.
    /// - Complexity: O(total length of the texts shown on the page), plus O(c) on the first page.
    public func page(
        _ p: Int, layout: Layout, overview: ReportOverview, clusters: [ReportCluster],
        singletons: [ReportDocument],
        text: (Int) throws(WiretraceError) -> String, pairToRoot: (Int) -> VerifiedPair?
    ) throws(WiretraceError) -> String {
        let pages = layout.pages.count
        var out = head(page: p, pages: pages)
        if p == 0 {
            out += overviewSection(overview, pageOfCluster: { layout.pageOfNumber[$0] })
            out += indexSection(layout, clusters)
        }
        let shown = layout.pages[p]
        if !shown.isEmpty {
            let before = layout.pages[..<p].reduce(0) { $0 + $1.count }
            let total = clusters.count - layout.omitted
            out +=
                "<h2 id=\"clusters\">Clusters \(before + 1)–\(before + shown.count) of \(total)\(layout.omitted > 0 ? " shown" : "")</h2>\n"
                + Self.legend
        }
        for i in shown {
            let c = clusters[i]
            var texts: [Int: String] = [:]
            let compared = comparedMembers(c)
            for m in c.members where m.ordinal == c.cluster.root || compared.contains(m.ordinal) {
                texts[m.ordinal] = try text(m.ordinal)
            }
            out += clusterSection(c, texts: texts, pairToRoot: pairToRoot)
        }
        if p == 0 { out += singletonSection(singletons) }
        out += foot(page: p, pages: pages)
        return out
    }

    /// The members shown side by side with the root: the first `maxComparisons` non-root members.
    func comparedMembers(_ c: ReportCluster) -> Set<Int> {
        Set(c.members.filter { $0.ordinal != c.cluster.root }.prefix(maxComparisons).map(\.ordinal))
    }

    /// The document head, style and page navigation.
    public func head(page: Int, pages: Int) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        s +=
            "<title>Wiretrace provenance report\(page > 0 ? " – page \(page + 1)" : "")</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n"
        s += "<header><h1>Wiretrace provenance report</h1>\n"
        s +=
            "<p class=\"meta\">Produced by Wiretrace \(HTML.escape(summary.version)) with config <code>\(HTML.escape(summary.configPath))</code>.</p>\n"
        s += navigation(page: page, pages: pages) + "</header>\n<main>\n"
        return s
    }

    /// Links to every page, the current one marked.
    func navigation(page: Int, pages: Int) -> String {
        guard pages > 1 else { return "" }
        var s = "<nav>Pages: "
        for p in 0..<pages {
            s += p == page ? "<strong>\(p + 1)</strong> " : "<a href=\"\(Self.pageName(p))\">\(p + 1)</a> "
        }
        return s + "</nav>\n"
    }

    /// The end of a page.
    public func foot(page: Int, pages: Int) -> String {
        "</main>\n<footer>\(navigation(page: page, pages: pages))<p class=\"meta\">Wiretrace \(HTML.escape(summary.version)) · config "
            + "<code>\(HTML.escape(summary.configPath))</code> · machine-readable outputs: documents.jsonl, clusters.jsonl, "
            + "summary.json, rejected.jsonl (fields in docs/outputs.md)</p></footer>\n</body>\n</html>\n"
    }

    /// Documents, clusters, shares of wire copy and the largest clusters.
    /// - Parameters:
    ///   - o: the figures.
    ///   - pageOfCluster: the page (0-based) that shows a cluster number; nil when none shows it.
    public func overviewSection(_ o: ReportOverview, pageOfCluster: (Int) -> Int? = { _ in 0 }) -> String {
        var s = "<section id=\"overview\"><h2>Overview</h2>\n<table class=\"figures\">\n"
        s += "<tr><th>Documents read</th><td>\(summary.read)</td></tr>\n"
        s += "<tr><th>Accepted / rejected</th><td>\(summary.accepted) / \(summary.rejected)</td></tr>\n"
        s +=
            "<tr><th>Clusters of two or more</th><td>\(o.clusters), holding \(o.documentsInClusters) documents</td></tr>\n"
        s +=
            "<tr><th>Wire copy</th><td>\(o.wireDocuments) of \(o.documents) documents (\(ReportOverview.percent(o.wireDocuments, of: o.documents))%)</td></tr>\n"
        s += "</table>\n<div class=\"cols\">\n<div><h3>Wire copy by agency</h3>\n"
        if o.agencies.isEmpty {
            s += "<p>No document credits an agency.</p>\n"
        } else {
            s += "<table><tr><th>agency</th><th>documents</th><th>share of all</th><th></th></tr>\n"
            for a in o.agencies {
                let pct = ReportOverview.percent(a.documents, of: o.documents)
                s +=
                    "<tr><td>\(HTML.escape(a.agency))</td><td class=\"n\">\(a.documents)</td><td class=\"n\">\(pct)%</td>"
                s +=
                    "<td><span class=\"bar\" style=\"width:\(Self.barWidth(a.documents, o.documents))px\"></span></td></tr>\n"
            }
            s += "</table>\n"
        }
        s += "</div>\n<div><h3>Wire copy by outlet</h3>\n"
        if o.outlets.isEmpty {
            s += "<p>The documents name no outlet.</p>\n"
        } else {
            s += "<table><tr><th>outlet</th><th>documents</th><th>wire copy</th><th>mostly from</th></tr>\n"
            for x in o.outlets {
                s += "<tr><td>\(HTML.escape(x.outlet))</td><td class=\"n\">\(x.documents)</td>"
                s +=
                    "<td class=\"n\">\(x.wire) (\(ReportOverview.percent(x.wire, of: x.documents))%)</td><td>\(HTML.escape(x.topAgency ?? "–"))</td></tr>\n"
            }
            s += "</table>\n"
            if o.outletCount > o.outlets.count {
                s += "<p class=\"meta\">\(o.outletCount - o.outlets.count) more outlets not listed.</p>\n"
            }
        }
        s += "</div>\n</div>\n<h3>Largest clusters</h3>\n"
        if o.largest.isEmpty {
            s += "<p>No clusters of two or more documents.</p>\n"
        } else {
            s += "<ol class=\"largest\">\n"
            for c in o.largest {
                let name = pageOfCluster(c.number).map {
                    "<a href=\"\(clusterHref(c.number, page: $0))\">Cluster \(c.number)</a>"
                }
                s += "<li>\(name ?? "Cluster \(c.number)"): \(c.size) documents, origin "
                s += "\(HTML.escape(c.origin ?? "none found")), root <code>\(HTML.escape(c.rootID))</code></li>\n"
            }
            s += "</ol>\n"
        }
        return s + "</section>\n"
    }

    /// The index of the clusters shown, linking to the page that shows each.
    public func indexSection(_ layout: Layout, _ clusters: [ReportCluster]) -> String {
        guard !clusters.isEmpty else { return "" }
        let shown = clusters.count - layout.omitted
        var s =
            "<section id=\"index\"><h2>Cluster index (\(shown)\(layout.omitted > 0 ? " largest of \(clusters.count)" : ""))</h2>\n"
        if layout.omitted > 0 {
            s +=
                "<p class=\"meta\">\(layout.omitted) smaller clusters are not shown here (<code>html_max_clusters</code> is \(maxClusters)): every cluster is in <code>clusters.jsonl</code> and <code>report.md</code>.</p>\n"
        }
        s += "<details\(shown <= 50 ? " open" : "")><summary>All clusters shown</summary>\n"
        s += "<table><tr><th>cluster</th><th>documents</th><th>origin</th><th>root</th></tr>\n"
        for (p, indices) in layout.pages.enumerated() {
            for i in indices {
                let c = clusters[i]
                let href = clusterHref(c.cluster.number, page: p)
                s +=
                    "<tr><td><a href=\"\(href)\">\(c.cluster.number)</a></td><td class=\"n\">\(c.cluster.members.count)</td>"
                s +=
                    "<td>\(HTML.escape(c.origin.agency ?? "–"))</td><td><code>\(HTML.escape(c.rootID))</code></td></tr>\n"
            }
        }
        return s + "</table>\n</details>\n</section>\n"
    }

    /// The link to a cluster's section on page `page` (0-based), as seen from the first page.
    func clusterHref(_ number: Int, page: Int) -> String {
        (page == 0 ? "" : Self.pageName(page)) + "#c\(number)"
    }

    /// What the highlights mean.
    static let legend =
        "<p class=\"legend meta\">In the side-by-side views: <mark class=\"sh\">shared with the root</mark> "
        + "<mark class=\"ev\">agency evidence</mark> <mark class=\"sh ev\">both</mark>. Hover a highlight for details.</p>\n"

    /// One cluster: origin, root and why, members with their evidence, and side-by-side views.
    /// - Parameters:
    ///   - c: the cluster and its members.
    ///   - texts: original texts of the root and the compared members, by ordinal.
    ///   - pairToRoot: the verified pair of a member with the root.
    public func clusterSection(
        _ c: ReportCluster, texts: [Int: String], pairToRoot: (Int) -> VerifiedPair?
    ) -> String {
        let members = c.members
        var s =
            "<section class=\"cluster\" id=\"c\(c.cluster.number)\">\n<h3>Cluster \(c.cluster.number): \(members.count) documents, origin \(HTML.escape(c.originText))</h3>\n"
        s += "<p>Root <code>\(HTML.escape(c.rootID))</code> (why: \(HTML.escape(c.cluster.rootReason))).</p>\n"
        s +=
            "<table class=\"members\"><tr><th>id</th><th>outlet</th><th>date</th><th>role</th><th>similarity</th><th>agency</th><th>evidence</th></tr>\n"
        for m in members { s += memberRow(m) }
        s += "</table>\n"
        let compared = comparedMembers(c)
        let root = members.first { $0.ordinal == c.cluster.root }
        var shown = 0
        for m in members where compared.contains(m.ordinal) {
            guard let root, let rootText = texts[root.ordinal], let memberText = texts[m.ordinal] else { continue }
            s += comparison(
                root: root, rootText: rootText, member: m, memberText: memberText, pair: pairToRoot(m.ordinal),
                open: shown == 0)
            shown += 1
        }
        let rest = members.count - 1 - compared.count
        if rest > 0 { s += "<p class=\"meta\">\(rest) more members are not shown side by side.</p>\n" }
        return s + "</section>\n"
    }

    /// One document's row in a cluster table, or with `inCluster` false in the table of documents
    /// alone (no role and similarity columns).
    func memberRow(_ m: ReportDocument, inCluster: Bool = true) -> String {
        var s = "<tr><td><code>\(HTML.escape(m.document.id))</code>"
        if let t = m.document.title, !t.isEmpty { s += "<br><span class=\"title\">\(HTML.escape(t))</span>" }
        if let u = m.document.url, !u.isEmpty { s += "<br>" + HTML.link(u) }
        s += "</td><td>\(HTML.escape(m.document.outlet ?? ""))</td><td>\(HTML.escape(m.document.date ?? ""))</td>"
        if inCluster {
            s +=
                "<td class=\"role \(m.role.rawValue)\">\(m.role.rawValue)</td><td class=\"n\">\(m.similarity.map { formatDecimal($0, digits: 3) } ?? "")</td>"
        }
        let agency =
            m.attribution.agency.map {
                "\(HTML.escape($0)) <span class=\"meta\">(\(formatDecimal(m.attribution.confidence, digits: 2)))</span>"
            } ?? "–"
        s += "<td>\(agency)</td><td>\(evidenceList(m.attribution.evidence))</td></tr>\n"
        return s
    }

    /// Evidence as a list: kind, agency, the quoted span.
    func evidenceList(_ evidence: [Evidence]) -> String {
        guard !evidence.isEmpty else { return "<span class=\"meta\">none</span>" }
        var s = "<ul class=\"evidence\">"
        for e in evidence {
            s +=
                "<li><span class=\"kind\">\(HTML.escape(e.kind.rawValue))</span>\(e.agency.map { " → " + HTML.escape($0) } ?? ""): "
            s +=
                "“\(HTML.escape(e.text))”\(e.kind == .cluster ? " <span class=\"meta\">(from another member)</span>" : "")</li>"
        }
        return s + "</ul>"
    }

    /// A member beside the root, shared passages highlighted and evidence marked in both.
    func comparison(
        root: ReportDocument, rootText: String, member: ReportDocument, memberText: String, pair: VerifiedPair?,
        open: Bool
    ) -> String {
        var rootMarks = Self.evidenceMarks(root.attribution.evidence)
        var memberMarks = Self.evidenceMarks(member.attribution.evidence)
        var words = 0
        if let pair {
            let rootIsA = pair.a == root.ordinal || pair.b != root.ordinal
            for p in pair.passages {
                let (rs, re, ms, me) =
                    rootIsA ? (p.aStart, p.aEnd, p.bStart, p.bEnd) : (p.bStart, p.bEnd, p.aStart, p.aEnd)
                let note = "shared passage, \(p.tokenCount) words\(p.quoted ? ", quoted" : "")"
                rootMarks.append(TextMarkup.Mark(start: rs, end: re, kind: .shared, note: note))
                memberMarks.append(TextMarkup.Mark(start: ms, end: me, kind: .shared, note: note))
                words += p.tokenCount
            }
        }
        var s =
            "<details class=\"pair\"\(open ? " open" : "")><summary><code>\(HTML.escape(member.document.id))</code> (\(member.role.rawValue)"
        s += member.similarity.map { ", similarity \(formatDecimal($0, digits: 3))" } ?? ""
        s +=
            pair.map { ", \($0.passages.count) shared passages, \(words) words" }
            ?? ", not compared directly with the root"
        s += ") beside root <code>\(HTML.escape(root.document.id))</code></summary>\n<div class=\"sbs\">\n"
        s +=
            "<div><h4>Root <code>\(HTML.escape(root.document.id))</code> \(HTML.escape(root.document.outlet ?? ""))</h4>\n"
        s += "<div class=\"text\">\(markup.render(rootText, marks: rootMarks))</div></div>\n"
        s +=
            "<div><h4>Member <code>\(HTML.escape(member.document.id))</code> \(HTML.escape(member.document.outlet ?? ""))</h4>\n"
        s += "<div class=\"text\">\(markup.render(memberText, marks: memberMarks))</div></div>\n</div>\n</details>\n"
        return s
    }

    /// Marks for the evidence spans that have offsets (inherited evidence has none).
    static func evidenceMarks(_ evidence: [Evidence]) -> [TextMarkup.Mark] {
        evidence.compactMap { e in
            guard let s = e.start, let t = e.end else { return nil }
            return TextMarkup.Mark(
                start: s, end: t, kind: .evidence, note: "\(e.kind.rawValue)\(e.agency.map { " → \($0)" } ?? "")")
        }
    }

    /// The documents alone, with their agency and evidence.
    public func singletonSection(_ docs: [ReportDocument]) -> String {
        guard !docs.isEmpty else { return "" }
        var s = "<section id=\"alone\"><h2>Documents alone (\(docs.count))</h2>\n"
        s +=
            "<table class=\"members\"><tr><th>id</th><th>outlet</th><th>date</th><th>agency</th><th>evidence</th></tr>\n"
        for d in docs.prefix(maxSingletons) { s += memberRow(d, inCluster: false) }
        s += "</table>\n"
        if docs.count > maxSingletons {
            s += "<p class=\"meta\">\(docs.count - maxSingletons) more: see documents.jsonl.</p>\n"
        }
        return s + "</section>\n"
    }

    /// Width in pixels of a share bar, at most 200.
    static func barWidth(_ part: Int, _ whole: Int) -> Int {
        whole == 0 ? 0 : max(1, 200 * part / whole)
    }

    /// The inline style sheet.
    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2327;background:#fafafa}
        header,main,footer{max-width:1400px;margin:0 auto;padding:0 1.2rem}
        header{border-bottom:3px solid #2c5e8a;margin-bottom:1rem}
        h1{font-size:1.6rem;margin:.8rem 0 .2rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
        h3{margin:1.2rem 0 .4rem}h4{margin:.2rem 0 .4rem;font-size:.95rem}
        .meta{color:#5a6570;font-size:.9em}code{font:13px ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
        table{border-collapse:collapse;margin:.4rem 0;background:#fff}th,td{border:1px solid #d5d9dd;padding:.25rem .5rem;vertical-align:top;text-align:left}
        th{background:#eef2f5}td.n{text-align:right}.figures th{width:16rem}
        .cols{display:flex;flex-wrap:wrap;gap:2rem}.bar{display:inline-block;height:.8rem;background:#2c5e8a}
        section.cluster{background:#fff;border:1px solid #d5d9dd;border-radius:6px;padding:.2rem 1rem .8rem;margin:1rem 0}
        .role.root{font-weight:bold;color:#2c5e8a}.title{font-size:.9em}.url{color:#5a6570}
        ul.evidence{margin:0;padding-left:1rem}.kind{font-family:ui-monospace,Menlo,monospace;font-size:.85em;background:#eef2f5;padding:0 .2rem}
        details.pair{margin:.5rem 0;border-top:1px dashed #ccc;padding-top:.3rem}summary{cursor:pointer}
        .sbs{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
        .text{font:13px/1.5 Georgia,serif;background:#fdfdfb;border:1px solid #e2e2e2;padding:.5rem;max-height:36rem;overflow:auto;overflow-wrap:anywhere}
        mark.sh{background:#fff0a0}mark.ev{background:#ffd0d0;outline:2px solid #c0392b}mark.sh.ev{background:#ffc080}
        .cut{color:#999}nav{margin:.4rem 0}footer{margin-top:2rem;border-top:1px solid #ccc}
        .legend mark{padding:0 .3rem}

        """
}
