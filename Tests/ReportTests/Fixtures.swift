import Foundation
import WiretraceCore

@testable import Report

/// Small report inputs built in code.
enum Fixtures {
    /// A document whose every field tries to inject markup.
    static let hostile = Document(
        id: "<b>id</b>\"'", source: "x.jsonl",
        text: "<script>alert(1)</script> Hello <img src=x onerror=alert(2)> & \"quotes\" told Reuters.",
        title: "<img src=x onerror=alert(3)>Title", date: "2024-01-01<script>", outlet: "\"><script>alert(4)</script>",
        url: "javascript:alert(5)")

    static func document(_ id: String, text: String, outlet: String? = nil, url: String? = nil) -> Document {
        Document(id: id, source: id + ".txt", text: text, outlet: outlet, url: url)
    }

    /// A report document with one piece of evidence whose text is markup.
    static func reportDocument(_ d: Document, ordinal: Int, cluster: Int, role: DocumentRole, agency: String?)
        -> ReportDocument
    {
        let evidence =
            agency.map { [Evidence(agency: $0, kind: .quoteSource, text: "<script>told</script>", start: 0, end: 8)] }
            ?? []
        return ReportDocument(
            ordinal: ordinal, document: d, cluster: cluster, role: role,
            similarity: role == .root || role == .unique ? nil : 0.5,
            attribution: DocumentAttribution(agency: agency, confidence: agency == nil ? 0 : 0.35, evidence: evidence))
    }

    static var summary: RunSummary {
        var s = RunSummary()
        s.version = "9.9.9"
        s.configPath = "conf/<pipeline>.json"
        s.read = 3
        s.accepted = 3
        return s
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "wiretrace-report-tests-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
