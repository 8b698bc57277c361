import Testing
@testable import Ingest

@Suite struct BufferedReaderTests {
    @Test func exactReadsSkipsAndLines() throws {
        var r = BufferedReader(ChunkedStream(Array("header\r\nbody-bytes\nrest".utf8), chunk: 3), chunkSize: 3)
        #expect(try r.readLine() == Array("header".utf8))
        #expect(try r.read(exactly: 4) == Array("body".utf8))
        #expect(try r.skip(7) == 7)
        #expect(try r.read(exactly: 100) == Array("rest".utf8))
        #expect(try r.readLine() == nil)
        #expect(r.position == 23)
    }
}
