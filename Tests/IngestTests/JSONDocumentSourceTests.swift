import Testing
import WiretraceCore
@testable import Ingest

@Suite struct JSONDocumentSourceTests {
    @Test func arrayElementsAreDocumentsNamedByLine() {
        let text = "[\n {\"id\": \"a\", \"text\": \"x, [y] {z}\"},\n {\"id\": \"b\", \"text\": \"q\\\"r\"}\n]\n"
        let (records, _) = ingest("f.json", text)
        #expect(records.documents.map(\.id) == ["a", "b"])
        #expect(records.documents.map(\.source) == ["f.json:2", "f.json:3"])
        #expect(records.documents.map(\.text) == ["x, [y] {z}", "q\"r"])
    }

    @Test func oneObjectIsOneDocument() {
        let (records, _) = ingest("dir/one.json", "{\"text\": \"only\"}")
        #expect(records.documents.map(\.id) == ["dir/one"])
    }

    @Test func badElementIsRejectedOthersKept() {
        let text = "[{\"id\":\"a\",\"text\":\"x\"}, {\"id\": tru}, 5, {\"id\":\"c\",\"text\":\"z\"}]"
        let (records, counters) = ingest("f.json", text)
        #expect(records.documents.map(\.id) == ["a", "c"])
        #expect(records.rejections.count == 2)
        #expect(counters.read == 4)
    }

    @Test func truncatedArrayIsRejected() {
        let (records, _) = ingest("f.json", "[{\"id\":\"a\",\"text\":\"x\"}, {\"id\":\"b\",")
        #expect(records.documents.map(\.id) == ["a"])
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.reason.contains("end of file") == true)
    }

    @Test func emptyArrayAndEmptyFile() {
        #expect(ingest("f.json", "[ ]").records.isEmpty)
        #expect(ingest("f.json", "").records.rejections.map(\.reason) == ["empty JSON file"])
    }
}
