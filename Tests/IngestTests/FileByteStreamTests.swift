import Testing
import TestSupport
@testable import Ingest

@Suite struct FileByteStreamTests {
    @Test func fileStreamReadsInChunks() throws {
        let dir = ScratchDirectory()
        defer { dir.remove() }
        let bytes = (0..<100_000).map { UInt8($0 % 251) }
        let path = dir.write("f.bin", bytes)
        var stream = try FileByteStream(path: path)
        #expect(try readAll(&stream, limit: 1 << 20) == bytes)
        var again = try FileByteStream(path: path)
        #expect(throws: IngestError.self) { try readAll(&again, limit: 1000) }
    }

    @Test func missingFileIsAnError() {
        #expect(throws: IngestError.self) { try FileByteStream(path: "/nonexistent/x") }
    }
}
