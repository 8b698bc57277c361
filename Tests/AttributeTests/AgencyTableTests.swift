import Testing
import WiretraceCore

@testable import Attribute

@Suite("AgencyTable")
struct AgencyTableTests {
    static let required = [
        "AP", "Reuters", "AFP", "Bloomberg", "dpa", "Xinhua", "ANI", "PTI", "IANS", "UNI", "EFE", "ANSA", "Kyodo",
        "Yonhap",
        "Anadolu", "TASS", "RIA Novosti", "UPI", "PA Media", "Canadian Press", "AAP", "ANP", "Belga", "CNN",
    ]

    @Test("the built-in table covers the agencies of the issue")
    func builtIn() throws {
        let table = try AgencyTable.builtIn()
        let names = Set(table.agencies.map(\.name))
        for n in Self.required { #expect(names.contains(n), "\(n)") }
        let dpa = try #require(table.agencies.first { $0.name == "dpa" })
        #expect(dpa.aliases.contains("Deutsche Presse-Agentur"))
        let anadolu = try #require(table.agencies.first { $0.name == "Anadolu" })
        #expect(anadolu.ambiguousAliases == ["AA"])
        #expect(!anadolu.aliases.contains("AA"))
    }

    @Test("aliases are sorted longest first")
    func sorted() {
        let a = AgencyTable.Agency(name: "X", aliases: ["X", "Xeno News"])
        #expect(a.aliases == ["Xeno News", "X"])
    }

    @Test(
        "bad entries are config errors with the key path",
        arguments: [
            #"{"aliases": ["X"]}"#,
            #"{"name": "X", "contributor_patterns": ["("]}"#,
            #"{"name": "X", "aliases": ["X"], "extra": 1}"#,
            #"{"name": "X", "ambiguous_aliases": ["A"]}"#,
            #"{"name": "X Wire", "aliases": ["X Wire", "The "]}"#,
            #"{"name": "X Wire", "ambiguous_aliases": ["The X"]}"#,
            #"{"name": "X", "domains": ["https://x.com"]}"#,
            #"{"name": "X", "domains": ["x com"]}"#,
        ])
    func badEntry(_ json: String) throws {
        let value = try JSONParser.parse(Array(json.utf8))
        let error = #expect(throws: WiretraceError.self) { try AgencyTable.parse(value, path: "agencies[0]") }
        #expect(error?.location?.hasPrefix("agencies[0]") == true)
    }

    @Test("an alias is checked as it is matched, less a leading \"The \"; the key path names it")
    func aliasOfAnArticleAlone() throws {
        let value = try JSONParser.parse(Array(#"{"name": "X Wire", "aliases": ["X Wire", "The "]}"#.utf8))
        let error = #expect(throws: WiretraceError.self) { try AgencyTable.parse(value, path: "agencies[2]") }
        #expect(error?.location == "agencies[2].aliases[1]")
        let fine = try JSONParser.parse(Array(#"{"name": "X Wire", "aliases": ["The X Wire", "XW"]}"#.utf8))
        #expect(try AgencyTable.parse(fine, path: "agencies[0]").aliases == ["The X Wire", "XW"])
    }
}
