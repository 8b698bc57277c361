import Testing
@testable import Ingest

@Suite struct MemoryByteStreamTests {
    @Test func readsInChunksThenEnds() throws {
        var s = MemoryByteStream([1, 2, 3, 4, 5])
        #expect(try s.read(maxCount: 2) == [1, 2])
        #expect(try s.read(maxCount: 10) == [3, 4, 5])
        #expect(try s.read(maxCount: 10) == [])
    }
}
