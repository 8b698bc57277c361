import Testing
import TestSupport
import WiretraceCore
@testable import Ingest

@Suite struct ZipArchiveTests {
    @Test func readsStoredAndDeflatedEntries() {
        var zip = ZipBuilder()
        zip.add("a.txt", Array("stored story".utf8), method: 0)
        zip.add("b.txt", Array(String(repeating: "deflated story ", count: 100).utf8))
        let (records, counters) = ingest("z.zip", zip.archive)
        #expect(records.rejections.isEmpty)
        #expect(records.documents.count == 2)
        #expect(counters.archiveEntries == 2)
    }

    @Test func readsZip64Archives() {
        var zip = ZipBuilder(zip64: true)
        zip.add("a.txt", "first zip64 story")
        zip.add("b.txt", Array("second zip64 story".utf8), method: 0)
        let (records, _) = ingest("z.zip", zip.archive)
        #expect(records.rejections.isEmpty, "\(records.rejections)")
        #expect(records.documents.map(\.text) == ["first zip64 story", "second zip64 story"])
    }

    @Test func corruptEntryIsRejectedAndOthersAreRead() {
        var zip = ZipBuilder()
        zip.add("good1.txt", "first")
        zip.add("bad.txt", Array("second story".utf8), corruptCRC: true)
        zip.add("good2.txt", "third")
        let (records, counters) = ingest("z.zip", zip.archive)
        #expect(records.documents.map(\.text) == ["first", "third"])
        #expect(records.rejections == [Rejection(source: "z.zip!bad.txt", reason: "zip: corrupt entry (CRC mismatch)")])
        #expect(counters.read == 3)
    }

    @Test func damagedDeflateDataIsRejected() {
        var zip = ZipBuilder()
        let data = Array((0..<2000).map { "word\($0) " }.joined().utf8)
        zip.add("bad.txt", data)
        var bytes = zip.archive
        for i in 40..<60 { bytes[i] ^= 0x5A }
        let (records, _) = ingest("z.zip", bytes)
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.source == "z.zip!bad.txt")
        #expect(records.rejections.first?.reason.hasPrefix("zip: corrupt entry") == true)
    }

    @Test func truncatedZipIsRejected() {
        var zip = ZipBuilder()
        zip.add("a.txt", "story")
        let bytes = zip.archive
        let (records, _) = ingest("z.zip", Array(bytes.prefix(bytes.count - 30)))
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.source == "z.zip")
    }

    @Test func unsafeNamesAreRejected() {
        var zip = ZipBuilder()
        zip.add("../../etc/cron.d/x.txt", "evil")
        zip.add("/abs.txt", "evil")
        let (records, _) = ingest("z.zip", zip.archive)
        #expect(
            records.rejections.map(\.reason) == [
                "unsafe entry name: contains '..'", "unsafe entry name: absolute path",
            ])
    }

    @Test func zipBombIsStopped() {
        var zip = ZipBuilder()
        zip.add("bomb.txt", [UInt8](repeating: 0x41, count: 8 << 20))
        var config = IngestConfiguration(inputs: [])
        config.maxCompressionRatio = 50
        let (records, _) = ingest("z.zip", zip.archive, config)
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.reason.contains("decompression bomb") == true)
    }

    @Test func zipOnDiskIsReadWithRandomAccess() {
        let dir = ScratchDirectory()
        defer { dir.remove() }
        var zip = ZipBuilder()
        zip.add("x.txt", "on disk")
        dir.write("z.zip", zip.archive)
        let (records, _) = ingest(paths: [dir.path])
        #expect(records.documents.map(\.id) == ["z/x"])
        #expect(records.documents.first?.source == dir.path + "/z.zip!x.txt")
    }
}
