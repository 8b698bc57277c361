import Testing
import WiretraceCore

@testable import Attribute

@Suite("AttributeConfiguration")
struct AttributeConfigurationTests {
    static func configuration(_ json: String) throws -> AttributeConfiguration {
        try AttributeConfiguration(from: ConfigReader(try JSONParser.parse(Array(json.utf8)), path: "stages[4]"))
    }

    @Test("extend adds agencies and overrides one by name")
    func extend() throws {
        let c = try Self.configuration(
            #"""
            {"agency_table": "extend", "agencies": [{"name": "Wire One", "aliases": ["Wire One"]}, {"name": "AP", "aliases": ["AP"]}]}
            """#)
        #expect(c.table.agencies.contains { $0.name == "Wire One" })
        #expect(c.table.agencies.first { $0.name == "AP" }?.aliases == ["AP"])
        #expect(c.table.agencies.count > 20)
    }

    @Test("replace keeps only the given agencies")
    func replace() throws {
        let c = try Self.configuration(
            #"{"agency_table": "replace", "agencies": [{"name": "Wire One", "aliases": ["Wire One"]}]}"#)
        #expect(c.table.agencies.map(\.name) == ["Wire One"])
        let e = EvidenceExtractor(table: c.table).extract("PARIS (Wire One) - Text. Officials told Reuters.")
        #expect(e.map(\.agency) == ["Wire One"])
    }

    @Test("weights and the minimum score are read")
    func weights() throws {
        let c = try Self.configuration(#"{"evidence_weights": {"quote_source": 0.2}, "min_score": 0.3}"#)
        #expect(c.weights[.quoteSource] == 0.2)
        let out = Attributor(configuration: c).process(
            Attributor.Input(members: [
                (ordinal: 0, id: "a", evidence: [Evidence(agency: "Reuters", kind: .quoteSource, text: "told Reuters")])
            ]))
        #expect(out.members[0].agency == nil)
    }
}
