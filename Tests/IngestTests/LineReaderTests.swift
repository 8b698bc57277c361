import Testing
@testable import Ingest

@Suite struct LineReaderTests {
    @Test(arguments: [1, 5, 1 << 16])
    func splitsLFAndCRLFAcrossChunks(chunk: Int) throws {
        var reader = LineReader(ChunkedStream(Array("one\r\ntwo\n\nthree".utf8), chunk: chunk))
        var lines: [String] = []
        while let l = try reader.next() { lines.append(String(decoding: l, as: UTF8.self)) }
        #expect(lines == ["one", "two", "", "three"])
        #expect(reader.lineNumber == 4)
    }
}
