import Foundation
import WiretraceCore

/// Tells when a document's outlet is a news agency itself: the agency's own copy (a Reuters dump,
/// an AP feed, a story scraped from `apnews.com`), whose text often carries no credit at all.
///
/// The outlet matches an agency when it is one of the agency's names (its canonical name or a plain
/// alias, compared without case: `Reuters`, `The Associated Press`) or a web address on one of its
/// domains (`https://www.reuters.com/world/…`, `uk.reuters.com`). Ambiguous short names (`PA`,
/// `CP`) never match: an outlet field is free text.
public struct PublisherMatcher: Sendable {
    /// Lowercased names and aliases → canonical agency name (the first agency of the table wins).
    private let names: [String: String]
    /// Lowercased domains → canonical agency name.
    private let domains: [String: String]

    /// - Parameter table: the agency table whose names and domains are matched.
    public init(table: AgencyTable) {
        var names: [String: String] = [:]
        var domains: [String: String] = [:]
        for a in table.agencies {
            for n in [a.name] + a.aliases where names[n.lowercased()] == nil { names[n.lowercased()] = a.name }
            for d in a.domains where domains[d.lowercased()] == nil { domains[d.lowercased()] = a.name }
        }
        self.names = names
        self.domains = domains
    }

    /// The `publisher` evidence for a document published by `outlet`, or nil when the outlet is no
    /// agency. The evidence's text is the outlet as given; it has no offsets (it is not in the text).
    public func evidence(outlet: String?) -> Evidence? {
        guard let outlet else { return nil }
        let value = outlet.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !value.isEmpty else { return nil }
        if let agency = names[value] ?? agency(host: Self.host(value)) {
            return Evidence(agency: agency, kind: .publisher, text: outlet)
        }
        return nil
    }

    /// The agency whose domain `host` is or lies under (`uk.reuters.com` → `reuters.com`).
    private func agency(host: Substring) -> String? {
        var rest = host
        while !rest.isEmpty {
            if let agency = domains[String(rest)] { return agency }
            guard let dot = rest.firstIndex(of: ".") else { return nil }
            rest = rest[rest.index(after: dot)...]
        }
        return nil
    }

    /// The host of an address or bare domain: no scheme, no `www.`, nothing from the first `/`, `?`
    /// or `:` on (`https://www.apnews.com/article/x` → `apnews.com`).
    static func host(_ value: String) -> Substring {
        var s = Substring(value)
        if let scheme = s.range(of: "://") { s = s[scheme.upperBound...] }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        if let end = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == ":" }) { s = s[..<end] }
        return s
    }
}
