import Foundation
import WiretraceCore

/// The news agencies Wiretrace knows: canonical names, aliases and house-style patterns.
///
/// Shipped as data (`Resources/agencies.json`); `pipeline.json` may add agencies or replace the table.
public struct AgencyTable: Sendable {
    /// One agency.
    public struct Agency: Sendable, Hashable {
        /// Canonical name used in outputs (`AP`, `Reuters`, ...).
        public var name: String
        /// Names the agency appears under in text, longest first.
        public var aliases: [String]
        /// Short names that also mean other things (`AA`, `PA`, `CP`): they count only where an agency
        /// signs its copy (dateline, byline line, copyright line), never in running text.
        public var ambiguousAliases: [String]
        /// Regular expressions for the agency's contributor lines (matched per line).
        public var contributorPatterns: [String]
        /// Web domains of the agency's own sites (`apnews.com`): an outlet there is the agency itself.
        public var domains: [String]
        /// Whether `told X` counts as (weak) evidence for this agency. False for outlets whose
        /// interviews the wires themselves cite (`in an interview with CNN`).
        public var quoteSourceEvidence: Bool

        /// Creates an agency entry.
        /// - Parameters:
        ///   - name: the canonical name written to the outputs.
        ///   - aliases: names the agency appears under anywhere in text.
        ///   - ambiguousAliases: names trusted only in signature positions.
        ///   - contributorPatterns: regular expressions for contributor lines.
        ///   - domains: web domains of the agency's own sites.
        ///   - quoteSourceEvidence: whether a quote source naming the agency is evidence.
        public init(
            name: String, aliases: [String], ambiguousAliases: [String] = [], contributorPatterns: [String] = [],
            domains: [String] = [], quoteSourceEvidence: Bool = true
        ) {
            self.name = name
            self.aliases = aliases.sorted { $0.count > $1.count }
            self.ambiguousAliases = ambiguousAliases.sorted { $0.count > $1.count }
            self.contributorPatterns = contributorPatterns
            self.domains = domains
            self.quoteSourceEvidence = quoteSourceEvidence
        }
    }

    /// The agencies, in priority order (earlier wins ties).
    public var agencies: [Agency]

    /// Creates a table from a list of agencies.
    public init(agencies: [Agency]) { self.agencies = agencies }

    /// The table shipped with Wiretrace.
    public static func builtIn() throws(WiretraceError) -> AgencyTable {
        guard let url = Bundle.module.url(forResource: "agencies", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { throw WiretraceError(.internalFailure, "the built-in agency table is missing") }
        let value: JSONValue
        do { value = try JSONParser.parse(Array(data)) } catch {
            throw WiretraceError(
                .internalFailure, "the built-in agency table is not valid JSON", cause: error.description)
        }
        let reader = try ConfigReader(value, path: "agencies.json")
        _ = try reader.optionalString("description")
        let list = try reader.array("agencies") ?? []
        try reader.finish()
        return AgencyTable(
            agencies: try list.enumerated().map { (i, v) throws(WiretraceError) in
                try parse(v, path: "agencies.json.agencies[\(i)]")
            })
    }

    /// Reads one agency entry `{name, aliases, ambiguous_aliases, contributor_patterns, domains,
    /// quote_source_evidence}`.
    /// - Throws: `WiretraceError` (`.config`) naming the key path of a bad entry.
    public static func parse(_ value: JSONValue, path: String) throws(WiretraceError) -> Agency {
        let r = try ConfigReader(value, path: path)
        let name = try r.string("name", default: "")
        guard !name.isEmpty else {
            throw WiretraceError(.config, "expected a non-empty agency name", location: r.keyPath("name"))
        }
        let aliases = try r.strings("aliases", default: [name])
        let ambiguous = try r.strings("ambiguous_aliases", default: [])
        // Matched as written less a leading "The " (`EvidenceExtractor.canonicalAlias`): "The " alone
        // would match everywhere.
        for (key, list) in [("aliases", aliases), ("ambiguous_aliases", ambiguous)] {
            for (i, a) in list.enumerated()
            where EvidenceExtractor.canonicalAlias(a).trimmingCharacters(in: .whitespaces).count < 2 {
                throw WiretraceError(
                    .config, "an alias needs at least two characters besides a leading \"The \", got \"\(a)\"",
                    location: "\(r.keyPath(key))[\(i)]")
            }
        }
        let patterns = try r.strings("contributor_patterns", default: [])
        let domains = try r.strings("domains", default: [])
        for (i, d) in domains.enumerated()
        where d.isEmpty || d.contains(where: { $0.isWhitespace || $0 == "/" || $0 == ":" }) || !d.contains(".") {
            throw WiretraceError(
                .config, "expected a domain such as \"apnews.com\", got \"\(d)\"",
                location: "\(r.keyPath("domains"))[\(i)]")
        }
        let quoteSourceEvidence = try r.bool("quote_source_evidence", default: true)
        for (i, p) in patterns.enumerated() where (try? NSRegularExpression(pattern: p)) == nil {
            throw WiretraceError(
                .config, "not a valid regular expression", location: "\(r.keyPath("contributor_patterns"))[\(i)]")
        }
        try r.finish()
        return Agency(
            name: name, aliases: aliases, ambiguousAliases: ambiguous, contributorPatterns: patterns,
            domains: domains, quoteSourceEvidence: quoteSourceEvidence)
    }
}
