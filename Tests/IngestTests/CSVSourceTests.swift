import Testing
import WiretraceCore
@testable import Ingest

@Suite struct CSVSourceTests {
    @Test func wrongColumnCountIsRejectedWithLine() {
        let csv = "id,text\n1,first story\n2,second,extra\n3,third story\n"
        let (records, counters) = ingest("f.csv", csv)
        #expect(records.documents.map(\.id) == ["1", "3"])
        #expect(records.rejections == [Rejection(source: "f.csv:3", reason: "row has 3 fields, the header has 2")])
        #expect(counters.read == 3)
    }

    @Test func missingAndEmptyTextColumn() {
        let (noText, _) = ingest("f.csv", "id,title\n1,hello\n")
        #expect(noText.rejections.first?.reason.hasPrefix("missing text field") == true)
        let (empty, _) = ingest("f.csv", "id,text\n1,\"  \"\n")
        #expect(empty.rejections == [Rejection(source: "f.csv:2", reason: "empty text field \"text\"")])
    }

    @Test func configuredColumnNames() {
        var config = IngestConfiguration(inputs: [])
        config.fields.text = "Story Body"
        config.fields.id = "Key"
        let (records, _) = ingest("f.csv", "Key,Story Body,publisher\nk1,The story.,Wire\n", config)
        #expect(records.documents.first?.id == "k1")
        #expect(records.documents.first?.text == "The story.")
        #expect(records.documents.first?.outlet == "Wire")
    }

    @Test func headerNamesAreTrimmedAndTheFirstOfTwoEqualNamesCounts() {
        let (records, _) = ingest("f.csv", "id,text, text \nk1,first column,second column\n")
        #expect(records.documents.first?.text == "first column")
    }

    @Test func rowsWithoutIDGetFileAndLine() {
        let (records, _) = ingest("dir/f.csv", "text\none\ntwo\n")
        #expect(records.documents.map(\.id) == ["dir/f:2", "dir/f:3"])
    }

    @Test func unterminatedQuoteIsRejected() {
        let (records, _) = ingest("f.csv", "id,text\n1,ok\n2,\"never closed\n")
        #expect(records.documents.count == 1)
        #expect(records.rejections.first?.source == "f.csv:3")
    }

    @Test func windows1252FieldsAreDecodedAndCounted() {
        let bytes = Array("id,text\n1,caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        let (records, counters) = ingest("f.csv", bytes)
        #expect(records.documents.first?.text == "café au lait")
        #expect(counters.windows1252 == 1)
    }

    @Test func oversizedRowIsRejected() {
        var config = IngestConfiguration(inputs: [])
        config.maxDocumentBytes = 100
        let (records, _) = ingest("f.csv", "id,text\n1,\(String(repeating: "x", count: 200))\n2,ok\n", config)
        #expect(records.documents.map(\.id) == ["2"])
        #expect(records.rejections.first?.reason.contains("over max_document_bytes") == true)
    }
}
