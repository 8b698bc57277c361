import Testing
import WiretraceCore
@testable import Ingest

@Suite struct FieldMapperTests {
    func map(_ json: String, _ configure: (inout IngestConfiguration.FieldMapping) -> Void = { _ in }) -> IngestRecord?
    {
        var config = IngestConfiguration(inputs: [])
        configure(&config.fields)
        let context = IngestContext(configuration: config, counters: IngestCounters())
        guard let value = try? JSONParser.parse(json) else { return nil }
        return FieldMapper.document(from: value, context: context, source: "s", fallbackID: "fb")
    }

    @Test func dottedPathsReachNestedFields() {
        let r = map("{\"content\": {\"body\": \"Nested.\"}, \"meta\": {\"id\": 7}}") {
            $0.text = "content.body"
            $0.id = "meta.id"
        }
        #expect(r == .document(Document(id: "7", source: "s", text: "Nested.")))
    }

    @Test func keysWithDotsAreFoundAsWritten() {
        let r = map("{\"a.b\": \"Flat.\"}") { $0.text = "a.b" }
        #expect(r == .document(Document(id: "fb", source: "s", text: "Flat.")))
    }

    @Test(arguments: ["text", "body", "content", "article"])
    func textAliases(name: String) {
        #expect(map("{\"\(name)\": \"T.\"}") == .document(Document(id: "fb", source: "s", text: "T.")))
    }

    @Test func metadataAliases() {
        let r = map(
            "{\"uuid\": \"u1\", \"article\": \"T.\", \"headline\": \"H\", \"publish_date\": \"2023-03-25\", \"site\": \"S\", \"link\": \"L\"}"
        )
        #expect(
            r
                == .document(
                    Document(id: "u1", source: "s", text: "T.", title: "H", date: "2023-03-25", outlet: "S", url: "L")))
    }

    @Test func configuredNameWinsOverAliases() {
        let r = map("{\"text\": \"alias\", \"story\": \"configured\"}") { $0.text = "story" }
        #expect(r == .document(Document(id: "fb", source: "s", text: "configured")))
    }
}
