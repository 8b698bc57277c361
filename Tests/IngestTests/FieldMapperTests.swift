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

    /// Records mapped from the members `keyFilter` keeps map as the whole records do.
    @Test(arguments: [
        #"{"id": "a", "text": "T.", "title": [1], "headline": "H", "outlet": {"n": 1}, "site": "S", "url": null}"#,
        #"{"text": null, "body": "B.", "date": 1700000000, "link": true, "uuid": 7, "_id": "x"}"#,
        #"{"text": "first", "text": "second", "id": null, "id": "i"}"#,
        #"{"content": {"body": "Nested.", "x": [1]}, "meta": {"id": 7, "id": 8}, "content.body": 5}"#,
        #"{"content": "flat", "meta": [1], "article": "A."}"#, #"{"text": "escaped key", "other": {"text": 1}}"#,
        #"{"text": 5}"#, #"{"text": {"a": 1}}"#, #"{}"#, #"[1]"#, #""s""#,
    ])
    func keyFilterKeepsWhatTheMappingReads(_ json: String) throws {
        for nested in [false, true] {
            var config = IngestConfiguration(inputs: [])
            if nested {
                config.fields.text = "content.body"
                config.fields.id = "meta.id"
                config.fields.outlet = "a..b"
            }
            let context = IngestContext(configuration: config, counters: IngestCounters())
            let whole = try JSONParser.parse(json)
            var scratch: [UInt8] = []
            let kept = try Array(json.utf8).withUnsafeBufferPointer { bytes throws(JSONParser.SyntaxError) in
                try JSONParser.parse(bytes, keeping: context.jsonFields, scratch: &scratch)
            }
            #expect(
                FieldMapper.document(from: kept, context: context, source: "s", fallbackID: "fb")
                    == FieldMapper.document(from: whole, context: context, source: "s", fallbackID: "fb"))
        }
    }

    @Test func keyFilterListsEveryNameAndPath() {
        var fields = IngestConfiguration.FieldMapping()
        fields.text = "content.body"
        let filter = FieldMapper.keyFilter(for: fields)
        let keys = filter.members.map(\.key)
        #expect(keys.first == "content.body")
        for name in FieldMapper.textAliases + FieldMapper.idAliases + FieldMapper.titleAliases + FieldMapper.dateAliases
            + FieldMapper.outletAliases + FieldMapper.urlAliases
        {
            #expect(keys.contains(name))
        }
        // "content" is an alias wanted whole, and the prefix of the configured path.
        #expect(filter.members.first { $0.key == "content" }?.whole == true)
        #expect(filter.members.first { $0.key == "content" }?.nested.members.map(\.key) == ["body"])
    }
}
