import Foundation
import WiretraceCore

/// Finds the spans of an article's text that credit a news agency, by kind.
///
/// Photo credits (`AP Photo/…`, `Reuters/Name`) are not evidence of where the text came from and
/// are skipped. Offsets are Unicode scalar offsets into the text.
public struct EvidenceExtractor: @unchecked Sendable {
    private let table: AgencyTable
    private let aliasToAgency: [String: String]
    private let patterns: [(EvidenceKind, NSRegularExpression)]
    private let contributor: [(String, NSRegularExpression)]
    private let inputsFromAgencies: NSRegularExpression

    public init(table: AgencyTable) {
        self.table = table
        var map: [String: String] = [:]
        var aliases: [String] = []
        for a in table.agencies {
            for alias in a.aliases {
                let key = Self.canonicalAlias(alias)
                if map[key] == nil { map[key] = a.name }
                aliases.append(NSRegularExpression.escapedPattern(for: key))
            }
        }
        aliasToAgency = map
        aliases.sort { $0.count > $1.count }
        // An alias, not followed by a photo-credit marker.
        let alias = "(?:[Tt]he\\s+)?(" + aliases.joined(separator: "|") + ")(?![\\w-])(?!\\s*(?:Photo|photo|PHOTO|Images|/))"
        func re(_ p: String, _ options: NSRegularExpression.Options = [.anchorsMatchLines]) -> NSRegularExpression {
            // The patterns are fixed and escaped above; a failure here is a programming error.
            guard let r = try? NSRegularExpression(pattern: p, options: options) else { preconditionFailure("bad pattern \(p)") }
            return r
        }
        patterns = [
            (.dateline, re("^[ \\t]*[A-Z][A-Za-z .,'’-]{1,60}?\\(\(alias)\\)\\s*[-—–]")),
            (.byline, re("^[ \\t]*[Bb][Yy]\\s+(?:[^\\n]{0,60}?[\\s,])?\(alias)[ \\t]*(?:[Ww]riter|[Ss]taff)?[ \\t]*$")),
            (.copyright, re("(?:[Cc]opyright|COPYRIGHT|©|\\([Cc]\\))\\s*(?:\\d{4}\\s*)?\(alias)[^\\n]{0,80}")),
            (.credit, re("(?:[Aa]ccording to|[Rr]eported by|[Aa] report by|[Rr]eports? from|[Rr]eporting by|[Ss]ource:)\\s+(?:(?:a|the)\\s+)?(?:report\\s+(?:by|from|in)\\s+)?(?:the\\s+)?(?:news\\s+agency\\s+|wire\\s+service\\s+)?\(alias)")),
            (.quoteSource, re("\\b(?:told|speaking to|spoke to|said to|in an interview with|interviewed by)\\s+\(alias)")),
        ]
        contributor = table.agencies.flatMap { a in a.contributorPatterns.map { (a.name, re($0)) } }
        inputsFromAgencies = re("\\(?\\b(?:[Ww]ith|WITH)\\s+(?:inputs?|INPUTS?)\\s+(?:from|FROM)\\s+(?:news\\s+)?(?:agencies|AGENCIES|wires)\\b\\)?")
    }

    static func canonicalAlias(_ alias: String) -> String {
        alias.hasPrefix("The ") ? String(alias.dropFirst(4)) : alias
    }

    /// All evidence in `text`, in text order.
    /// - Complexity: O(n · p) for text length n and p patterns.
    public func extract(_ text: String) -> [Evidence] {
        let ns = text as NSString
        let full = NSRange(location: 0, length: ns.length)
        var found: [(NSRange, Evidence)] = []
        for (kind, regex) in patterns {
            for m in regex.matches(in: text, range: full) {
                let aliasRange = m.range(at: 1)
                guard aliasRange.location != NSNotFound else { continue }
                let agency = aliasToAgency[ns.substring(with: aliasRange)]
                found.append((m.range, Evidence(agency: agency, kind: kind, text: ns.substring(with: m.range))))
            }
        }
        for (agency, regex) in contributor {
            for m in regex.matches(in: text, range: full) {
                found.append((m.range, Evidence(agency: agency, kind: .contributor, text: ns.substring(with: m.range).trimmingCharacters(in: .whitespaces))))
            }
        }
        for m in inputsFromAgencies.matches(in: text, range: full) {
            found.append((m.range, Evidence(agency: nil, kind: .inputsFromAgencies, text: ns.substring(with: m.range))))
        }
        found.sort { ($0.0.location, $0.1.kind.rawValue) < ($1.0.location, $1.1.kind.rawValue) }
        return found.map { range, evidence in
            var e = evidence
            if let r = Range(range, in: text) {
                e.start = text.unicodeScalars.distance(from: text.startIndex, to: r.lowerBound)
                e.end = e.start.map { $0 + text[r].unicodeScalars.count }
            }
            return e
        }
    }
}
