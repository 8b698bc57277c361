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

    /// A lone surrogate becomes U+FFFD; a high one takes the escape after it along (`\ud83d\u0041`).
    @Test func escapesAndSurrogatePairsAreDecoded() {
        let text =
            #"{"id": "e", "text": "q \"x\" \/ \\ \b\f\n\r\t \u00e9 \ud83d\ude00 lone \ud83d x \ude00 \ud83d\u0041"}"#
        let (records, _) = ingest("f.jsonl", text + "\n")
        #expect(
            records.documents.map(\.text) == ["q \"x\" / \\ \u{8}\u{C}\n\r\t é 😀 lone \u{FFFD} x \u{FFFD} \u{FFFD}"])
    }

    @Test func escapedKeysAndCRLFLines() {
        let text =
            "{\"id\": \"a\", \"te\\u0078t\": \"one\", \"outl\\u0065t\": \"O\"}\r\n{\"id\": \"b\", \"text\": \"two\"}\r\n"
        let (records, _) = ingest("f.jsonl", text)
        #expect(records.documents.map(\.text) == ["one", "two"])
        #expect(records.documents.map(\.outlet) == ["O", nil])
    }

    @Test func nestedPathsAndAliases() {
        var config = IngestConfiguration(inputs: [])
        config.fields.text = "content.body"
        config.fields.id = "meta.id"
        config.fields.outlet = "src.name"
        let text = [
            #"{"meta": {"id": "m1"}, "content": {"body": "Nested.", "x": [1, {"y": 2}]}, "src": {"name": "N"}}"#,
            #"{"meta": {"id": "m2"}, "content": "Flat alias.", "src": {"name": ["no"]}, "outlet": "ignored"}"#,
            #"{"meta": {"id": "m3"}, "content.body": "Dotted key.", "content": {"body": "nested"}}"#,
            #"{"meta": {"id": "m4"}, "content": {"body": null}, "body": "Alias body."}"#,
            #"{"meta": [1], "content": {"body": 5}}"#,
        ].joined(separator: "\n")
        let (records, _) = ingest("f.jsonl", text, config)
        #expect(records.documents.map(\.id) == ["m1", "m2", "m3", "m4"])
        #expect(records.documents.map(\.text) == ["Nested.", "Flat alias.", "Dotted key.", "Alias body."])
        #expect(records.documents.map(\.outlet) == ["N", nil, nil, nil])
        #expect(records.rejections.map(\.reason) == [#"text field "content.body" is a number, not a string"#])
    }

    @Test func skippedValuesOfEveryTypeAndDuplicateKeys() {
        let text = [
            #"{"n": -0.5e-3, "b": true, "f": false, "z": null, "s": "\" \u0041", "a": [1, [{"x": "y"}], {}],"#
                + #" "o": {"text": "inner"}, "id": "a", "text": "Kept.", "text": "second", "id": "b"}"#,
            #"{"text": null, "text": "Second is read? No: the first non-null name is."}"#,
        ].joined(separator: "\n")
        let (records, _) = ingest("f.jsonl", text)
        #expect(records.documents.map(\.id) == ["a"])
        #expect(records.documents.map(\.text) == ["Kept."])
        #expect(
            records.rejections.map(\.reason) == [
                "missing text field (tried \"text\", \"body\", \"content\", \"article\")"
            ])
    }

    /// Errors inside members the mapping does not read are reported as for any other member.
    @Test func errorsInSkippedValuesAreReported() {
        let lines: [[UInt8]] = [
            Array(#"{"x": [1 2], "text": "t"}"#.utf8), Array(#"{"x": "\q", "text": "t"}"#.utf8),
            Array(#"{"x": 01, "text": "t"}"#.utf8), Array(#"{"x": "a"#.utf8) + [0xFF] + Array(#"", "text": "t"}"#.utf8),
            Array(#"{"x": {"a": nul}, "text": "t"}"#.utf8), Array(#"{"text": "t", "x": "\ud83d\uZZ"}"#.utf8),
        ]
        let (records, _) = ingest("f.jsonl", Array(lines.joined(separator: [0x0A])))
        #expect(
            records.rejections.map(\.reason) == [
                "invalid JSON at byte 10: expected ',' or ']'", "invalid JSON at byte 9: invalid escape '\\q'",
                "invalid JSON at byte 8: expected ',' or '}'",
                "invalid JSON at byte 8: string is not valid UTF-8", "invalid JSON at byte 13: invalid literal",
                "invalid JSON at byte 29: invalid \\u escape",
            ])
        #expect(records.documents.isEmpty)
    }
}
