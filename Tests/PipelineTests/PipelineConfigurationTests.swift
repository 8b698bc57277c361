import Foundation
import Pipeline
import Testing
import TestSupport
import WiretraceCore

@Suite struct PipelineConfigurationTests {
    /// The shipped pipeline.json, as a mutable JSON tree.
    func shipped() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.root + "/pipeline.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    func parse(_ object: [String: Any]) throws(WiretraceError) -> PipelineConfiguration {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return try PipelineConfiguration.parse(Array(data), path: "test.json")
    }

    func stages(_ o: [String: Any]) -> [[String: Any]] { o["stages"] as? [[String: Any]] ?? [] }

    @Test func theShippedConfigIsValid() throws {
        let c = try PipelineConfiguration.load(path: Repository.root + "/pipeline.json")
        #expect(c.ingest.inputs == ["samples"])
        #expect(c.sketch.permutations == 128)
        #expect(c.attribute != nil)
    }

    /// Each case edits the shipped config and expects an error at a key path.
    static let badEdits: [(String, String, String)] = [
        ("permutations", "stages[2].permutations", "expected an integer in 16...1024"),
        ("shingle_size", "stages[2].shingle_size", "expected an integer in 1...16"),
        ("unknown", "stages[3].lsh.thresold", "unknown key"),
        ("threshold", "stages[3].lsh.threshold", "expected a number in"),
        ("regex", "stages[1].boilerplate_patterns[0]", "not a valid regular expression"),
        ("format", "stages[5].formats[0]", "expected one of"),
        ("stage", "stages[0].stage", "expected one of"),
        ("threads", "threads", "expected an integer in 0...256"),
        ("topunknown", "stagez", "unknown key"),
    ]

    @Test(arguments: badEdits)
    func rejectsBadValuesNamingTheKeyPath(_ edit: String, _ path: String, _ message: String) throws {
        var o = try shipped()
        var s = stages(o)
        switch edit {
        case "permutations": s[2]["permutations"] = "x"
        case "shingle_size": s[2]["shingle_size"] = 0
        case "unknown": s[3]["lsh"] = ["thresold": 0.5]
        case "threshold": s[3]["lsh"] = ["threshold": 1.5]
        case "regex": s[1]["boilerplate_patterns"] = ["(unclosed"]
        case "format": s[5]["formats"] = ["pdf"]
        case "stage": s[0]["stage"] = "ingestion"
        case "threads": o["threads"] = -1
        default: o["stagez"] = []
        }
        o["stages"] = s
        do {
            _ = try parse(o)
            Issue.record("expected a config error for \(edit)")
        } catch {
            #expect(error.code == .config)
            #expect(error.location == path, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func refusesAnOrderThatCannotWork() throws {
        var o = try shipped()
        var s = stages(o)
        s.swapAt(2, 3)  // cluster before sketch
        o["stages"] = s
        do {
            _ = try parse(o)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("cannot run after"))
        }
        var o2 = try shipped()
        o2["stages"] = stages(o2).filter { ($0["stage"] as? String) != "sketch" }
        do {
            _ = try parse(o2)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("missing stage \"sketch\""))
        }
        var o3 = try shipped()
        o3["stages"] = stages(o3) + [stages(o3)[1]]
        #expect(throws: WiretraceError.self) { try parse(o3) }
    }

    @Test func attributeIsOptional() throws {
        var o = try shipped()
        o["stages"] = stages(o).filter { ($0["stage"] as? String) != "attribute" }
        #expect(try parse(o).attribute == nil)
    }
}
