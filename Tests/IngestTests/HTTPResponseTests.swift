import Testing
@testable import Ingest

@Suite struct HTTPResponseTests {
    @Test func parsesStatusHeadersAndBody() throws {
        let r = try HTTPResponse.parse(
            Array("HTTP/1.0 301 Moved\r\nLocation: /x\r\nContent-Type: text/html\r\n\r\nbody".utf8), maxBytes: 1 << 20
        ).get()
        #expect(r.status == 301)
        #expect(r.headers["content-type"] == "text/html")
        #expect(r.body == Array("body".utf8))
    }

    @Test func dechunks() {
        #expect(
            HTTPResponse.dechunk(Array("4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n".utf8)) == Array("Wikipedia".utf8))
        #expect(HTTPResponse.dechunk(Array("zz\r\nx".utf8)) == nil)
        #expect(HTTPResponse.dechunk(Array("10\r\nshort".utf8)) == nil)
    }

    @Test func incompleteHeaderIsAnError() {
        #expect(throws: IngestError.self) {
            try HTTPResponse.parse(Array("HTTP/1.1 200 OK\r\nX: y".utf8), maxBytes: 100).get()
        }
        #expect(throws: IngestError.self) { try HTTPResponse.parse(Array("garbage\r\n\r\n".utf8), maxBytes: 100).get() }
    }
}
