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
        /// Regular expressions for the agency's contributor lines (matched per line).
        public var contributorPatterns: [String]

        public init(name: String, aliases: [String], contributorPatterns: [String] = []) {
            self.name = name
            self.aliases = aliases.sorted { $0.count > $1.count }
            self.contributorPatterns = contributorPatterns
        }
    }

    public var agencies: [Agency]

    public init(agencies: [Agency]) { self.agencies = agencies }

    /// The table shipped with Wiretrace.
    public static func builtIn() throws(WiretraceError) -> AgencyTable {
        guard let url = Bundle.module.url(forResource: "agencies", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { throw WiretraceError(.internalFailure, "the built-in agency table is missing") }
        let value: JSONValue
        do { value = try JSONParser.parse(Array(data)) } catch {
            throw WiretraceError(.internalFailure, "the built-in agency table is not valid JSON", cause: error.description)
        }
        let reader = try ConfigReader(value, path: "agencies.json")
        let list = try reader.array("agencies") ?? []
        try reader.finish()
        return AgencyTable(agencies: try list.enumerated().map { (i, v) throws(WiretraceError) in try parse(v, path: "agencies.json.agencies[\(i)]") })
    }

    /// Reads one agency entry `{name, aliases, contributor_patterns}`.
    public static func parse(_ value: JSONValue, path: String) throws(WiretraceError) -> Agency {
        let r = try ConfigReader(value, path: path)
        let name = try r.string("name", default: "")
        guard !name.isEmpty else { throw WiretraceError(.config, "expected a non-empty agency name", location: r.keyPath("name")) }
        let aliases = try r.strings("aliases", default: [name])
        let patterns = try r.strings("contributor_patterns", default: [])
        for (i, p) in patterns.enumerated() where (try? NSRegularExpression(pattern: p)) == nil {
            throw WiretraceError(.config, "not a valid regular expression", location: "\(r.keyPath("contributor_patterns"))[\(i)]")
        }
        try r.finish()
        return Agency(name: name, aliases: aliases, contributorPatterns: patterns)
    }
}
