import Testing
import WiretraceCore
@testable import Ingest

@Suite struct JSONLSourceTests {
    @Test func invalidLineIsRejectedAndReadingGoesOn() {
        let text = "{\"id\":\"a\",\"text\":\"one\"}\n{\"id\": \"b\", text}\n\n{\"id\":\"c\",\"text\":\"three\"}\n"
        let (records, counters) = ingest("f.jsonl", text)
        #expect(records.documents.map(\.id) == ["a", "c"])
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.source == "f.jsonl:2")
        #expect(records.rejections.first?.reason.hasPrefix("invalid JSON") == true)
        #expect(counters.read == 3)
    }

    @Test func missingEmptyAndNonStringText() {
        let text = "{\"id\":\"a\"}\n{\"id\":\"b\",\"text\":\"\"}\n{\"id\":\"c\",\"text\":5}\n[1]\n"
        let reasons = ingest("f.jsonl", text).records.rejections.map(\.reason)
        #expect(
            reasons == [
                "missing text field (tried \"text\", \"body\", \"content\", \"article\")",
                "empty text field \"text\"",
                "text field \"text\" is a number, not a string",
                "expected a JSON object, got an array",
            ])
    }

    @Test func documentOverSizeLimitIsRejected() {
        var config = IngestConfiguration(inputs: [])
        config.maxDocumentBytes = 50
        let text =
            "{\"id\":\"a\",\"text\":\"\(String(repeating: "w ", count: 40))\"}\n{\"id\":\"b\",\"text\":\"short\"}\n"
        let (records, _) = ingest("f.jsonl", text, config)
        #expect(records.documents.map(\.id) == ["b"])
        #expect(records.rejections.first?.reason == "document of 80 bytes is over max_document_bytes (50)")
    }

    @Test func unparseableDateIsKeptAndCounted() {
        let (records, counters) = ingest(
            "f.jsonl",
            "{\"text\":\"x\",\"date\":\"sometime soon\"}\n{\"text\":\"y\",\"date\":\"26-FEB-1987 15:01:01.79\"}\n")
        #expect(records.documents.map(\.date) == ["sometime soon", "1987-02-26T15:01:01Z"])
        #expect(counters.unparseableDates == 1)
    }

    @Test func bomOnFirstLineIsIgnored() {
        let (records, _) = ingest("f.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"text\":\"x\"}\n".utf8))
        #expect(records.documents.count == 1)
    }
}
