import Testing
import WiretraceCore
@testable import Ingest

@Suite struct CSVParserTests {
    func rows(_ text: String, delimiter: UInt8 = 0x2C, chunk: Int = 3) throws -> [CSVParser.Row] {
        var parser = CSVParser(ChunkedStream(Array(text.utf8), chunk: chunk), delimiter: delimiter, maxRowBytes: 1000)
        var out: [CSVParser.Row] = []
        while let r = try parser.next() { out.append(r) }
        return out
    }

    func fields(_ rows: [CSVParser.Row]) -> [[String]] {
        rows.map {
            if case .fields(_, let f) = $0 { f.map { String(decoding: $0, as: UTF8.self) } } else { ["<malformed>"] }
        }
    }

    func lines(_ rows: [CSVParser.Row]) -> [Int] {
        rows.map {
            switch $0 {
            case .fields(let line, _), .malformed(let line, _): line
            }
        }
    }

    @Test(arguments: [1, 2, 3, 7, 4096])
    func quotedFieldsNewlinesAndDoubledQuotes(chunk: Int) throws {
        let text = "a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n\"\",,\"end\"\n"
        let r = try rows(text, chunk: chunk)
        #expect(fields(r) == [["a", "b", "c"], ["1", "x, \"y\"\nz", "3"], ["", "", "end"]])
        #expect(lines(r) == [1, 2, 4])
    }

    @Test func tabDelimited() throws {
        #expect(fields(try rows("a\tb\n1\t\"2\t3\"\n", delimiter: 0x09)) == [["a", "b"], ["1", "2\t3"]])
    }

    @Test func lastLineWithoutNewline() throws {
        #expect(fields(try rows("a,b\n1,2")) == [["a", "b"], ["1", "2"]])
    }

    @Test func unterminatedQuoteIsMalformed() throws {
        let r = try rows("a,b\n1,\"open\n2,3\n")
        guard case .malformed(let line, let reason) = r.last else {
            Issue.record("expected malformed")
            return
        }
        #expect(line == 2)
        #expect(reason.contains("unterminated quoted field"))
    }

    @Test func oversizedRowIsFlaggedAndParsingStaysInStep() throws {
        var parser = CSVParser(
            MemoryByteStream(Array("a,b\n1,\(String(repeating: "x", count: 50))\n2,3\n".utf8)), delimiter: 0x2C,
            maxRowBytes: 20)
        _ = try parser.next()
        guard case .malformed = try parser.next() else {
            Issue.record("expected oversized row")
            return
        }
        guard case .fields(let line, let f) = try parser.next() else {
            Issue.record("expected a row")
            return
        }
        #expect(line == 3)
        #expect(f.count == 2)
    }
}

/// Hands out bytes in fixed small chunks, to exercise buffer boundaries.
struct ChunkedStream: ByteStream {
    let bytes: [UInt8]
    let chunk: Int
    var offset = 0

    init(_ bytes: [UInt8], chunk: Int) {
        self.bytes = bytes
        self.chunk = chunk
    }

    mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        let end = min(bytes.count, offset + min(chunk, maxCount))
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
