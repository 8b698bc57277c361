import Testing
import TestSupport
import WiretraceCore
@testable import Ingest

@Suite struct WARCSourceTests {
    @Test func nonHTMLAndErrorResponsesAreRejectedOtherRecordsSkipped() {
        var w = WARCBuilder()
        w.add(type: "warcinfo", headers: [], block: Array("x".utf8))
        w.response(
            uri: "https://a.test/img.png", date: "2023-03-25T00:00:00Z", html: "PNG", id: "1", contentType: "image/png")
        w.response(
            uri: "https://a.test/missing", date: "2023-03-25T00:00:00Z", html: "<p>nope</p>", id: "2",
            status: "404 Not Found")
        w.response(uri: "https://a.test/ok", date: "2023-03-25T10:00:00Z", html: "<p>Story text.</p>", id: "3")
        let (records, counters) = ingest("c.warc.gz", w.warcGz)
        #expect(records.documents.map(\.text) == ["Story text."])
        #expect(records.documents.first?.outlet == "a.test")
        #expect(records.rejections.map(\.source) == ["c.warc.gz#2", "c.warc.gz#3"])
        #expect(counters.warcRecordsSkipped == 1)
        #expect(counters.read == 3)
    }

    @Test func chunkedAndGzipEncodedBodies() {
        let html = Array("<p>Encoded story.</p>".utf8)
        let gz = Deflate.gzip(html)
        let hex = String(gz.count, radix: 16)
        let http =
            Array(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n\(hex)\r\n"
                    .utf8)
            + gz + Array("\r\n0\r\n\r\n".utf8)
        var w = WARCBuilder()
        w.add(
            type: "response", headers: ["WARC-Target-URI: https://b.test/x", "WARC-Date: 2023-01-02T03:04:05Z"],
            block: http)
        let docs = ingest("c.warc", w.warc).records.documents
        #expect(docs.map(\.text) == ["Encoded story."])
        #expect(docs.first?.date == "2023-01-02T03:04:05Z")
        #expect(docs.first?.url == "https://b.test/x")
    }

    @Test func truncatedRecordIsRejected() {
        var w = WARCBuilder()
        w.response(uri: "https://a.test/1", date: "2023-03-25", html: "<p>First.</p>", id: "1")
        w.response(uri: "https://a.test/2", date: "2023-03-25", html: "<p>Second story here.</p>", id: "2")
        let bytes = w.warc
        let (records, _) = ingest("c.warc", Array(bytes.prefix(bytes.count - 20)))
        #expect(records.documents.map(\.text) == ["First."])
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.source == "c.warc#2")
        #expect(records.rejections.first?.reason.contains("truncated") == true)
    }

    @Test func garbageIsNotAWARC() {
        let (records, _) = ingest("c.warc", "hello\nworld\n")
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.reason.contains("WARC/1.x") == true)
    }

    @Test func corruptGzipMemberEndsTheFile() {
        var w = WARCBuilder()
        w.response(uri: "https://a.test/1", date: "2023-03-25", html: "<p>First.</p>", id: "1")
        w.response(uri: "https://a.test/2", date: "2023-03-25", html: "<p>Second.</p>", id: "2")
        var bytes = w.warcGz
        bytes[bytes.count - 5] ^= 0xFF  // size trailer of the last member
        let (records, counters) = ingest("c.warc.gz", bytes)
        #expect(records.documents.map(\.text) == ["First."])
        #expect(records.rejections.count == 1)
        #expect(counters.read == 2)
    }
}
