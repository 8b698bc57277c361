import Testing
import TestSupport
import WiretraceCore
@testable import Ingest

@Suite struct GzipStreamTests {
    let payload = Array((0..<50_000).map { "line \($0)\n" }.joined().utf8)

    func inflate(_ bytes: [UInt8], maxOutput: Int = 1 << 30, ratio: Int = 1000) throws(IngestError) -> [UInt8] {
        var stream = GzipStream(MemoryByteStream(bytes), maxOutputBytes: maxOutput, maxRatio: ratio)
        return try readAll(&stream, limit: 1 << 30)
    }

    @Test func roundTrips() throws {
        #expect(try inflate(Deflate.gzip(payload)) == payload)
    }

    @Test func readsConcatenatedMembers() throws {
        let a = Array("first\n".utf8)
        let b = Array("second\n".utf8)
        #expect(try inflate(Deflate.gzip(a) + Deflate.gzip(b)) == a + b)
    }

    @Test func truncatedStreamIsAnError() {
        let gz = Deflate.gzip(payload)
        #expect(throws: IngestError("gzip: unexpected end of data (truncated)")) {
            try inflate(Array(gz.prefix(gz.count / 2)))
        }
    }

    @Test func badCRCIsAnError() {
        var gz = Deflate.gzip(payload)
        gz[gz.count - 6] ^= 0xFF  // inside the CRC-32 trailer
        #expect(throws: IngestError.self) { try inflate(gz) }
        do {
            _ = try inflate(gz)
        } catch {
            #expect(error.reason.contains("incorrect data check"))
        }
    }

    @Test func notGzipIsAnError() {
        #expect(throws: IngestError.self) { try inflate(Array("plain text, not gzip".utf8)) }
    }

    @Test func bombBySizeIsStopped() {
        let zeros = [UInt8](repeating: 0, count: 4 << 20)
        #expect(throws: IngestError.self) { try inflate(Deflate.gzip(zeros), maxOutput: 1 << 20, ratio: 1_000_000) }
    }

    @Test func bombByRatioIsStopped() {
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        do {
            _ = try inflate(Deflate.gzip(zeros), ratio: 100)
            Issue.record("expected a ratio error")
        } catch {
            #expect(error.reason.contains("compression ratio exceeds 100:1"))
        }
    }

    @Test func droppingAStreamEarlyFreesZlib() throws {
        // Many half-read streams: with the zlib state owned by a class this does not leak.
        let gz = Deflate.gzip(payload)
        for _ in 0..<200 {
            var stream = GzipStream(MemoryByteStream(gz))
            _ = try stream.read(maxCount: 16)
        }
    }

    @Test func bombInAFileIsRejectedWithConfiguredLimit() {
        var config = IngestConfiguration(inputs: [])
        config.maxInflatedBytes = 1 << 20
        let (records, _) = ingest("bomb.jsonl.gz", Deflate.gzip([UInt8](repeating: 0x20, count: 4 << 20)), config)
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.reason.contains("decompression bomb") == true)
        #expect(records.rejections.first?.source.hasPrefix("bomb.jsonl.gz:") == true)
    }

    @Test func corruptGzipFileIsOneRejectionAndKeepsEarlierLines() {
        let gz = Deflate.gzip(Array(CorpusFixtures.jsonl.utf8))
        let (records, counters) = ingest("cut.jsonl.gz", Array(gz.prefix(gz.count - 10)))
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.reason.contains("truncated") == true)
        #expect(counters.read == records.count)
    }
}
