import Testing
@testable import Ingest

@Suite struct PrefixedStreamTests {
    @Test func sniffedBytesAreReplayed() throws {
        let bytes = Array((0..<20_000).map { UInt8($0 % 200 + 1) })
        var (head, stream) = try PrefixedStream.sniffing(MemoryByteStream(bytes), count: 100)
        #expect(head == Array(bytes.prefix(100)))
        #expect(try readAll(&stream, limit: 1 << 20) == bytes)
    }
}
