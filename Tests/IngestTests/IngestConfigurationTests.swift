import Testing
import WiretraceCore
@testable import Ingest

@Suite struct IngestConfigurationTests {
    @Test func readsAllKeys() throws {
        let json = """
            {"inputs": ["a", "b"], "max_document_bytes": 1000, "max_inflated_bytes": 5000000, "max_compression_ratio": 50, "reject_duplicate_ids": false,
             "fields": {"text": "content.body", "id": "uuid"}}
            """
        let reader = try ConfigReader(try JSONParser.parse(json), path: "stages[0]")
        let config = try IngestConfiguration(from: reader)
        try reader.finish()
        #expect(config.inputs == ["a", "b"])
        #expect(config.maxDocumentBytes == 1000)
        #expect(config.maxInflatedBytes == 5_000_000)
        #expect(config.maxCompressionRatio == 50)
        #expect(!config.rejectDuplicateIDs)
        #expect(config.fields.text == "content.body")
        #expect(config.fields.id == "uuid")
    }

    @Test func rejectsBadValuesWithKeyPath() throws {
        let reader = try ConfigReader(try JSONParser.parse("{\"max_compression_ratio\": 1}"), path: "ingest")
        #expect(throws: WiretraceError.self) { try IngestConfiguration(from: reader) }
        let fields = try ConfigReader(try JSONParser.parse("{\"fields\": {\"body\": \"x\"}}"), path: "ingest")
        do {
            _ = try IngestConfiguration(from: fields)
            Issue.record("expected an error")
        } catch {
            #expect(error.location == "ingest.fields.body")
        }
    }
}
