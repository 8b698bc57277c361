import Testing
import TestSupport
import WiretraceCore
@testable import Ingest

@Suite struct TarReaderTests {
    @Test func readsUstarGNULongNamesAndPax() {
        var tar = TarBuilder()
        let long = "deep/" + String(repeating: "n", count: 120) + ".txt"
        let pax = "pax/" + String(repeating: "p", count: 130) + ".txt"
        tar.add("short.txt", "short story")
        tar.add(long, Array("long story".utf8))
        tar.add(pax, Array("pax story".utf8), pax: true)
        tar.add("dir/", [], type: UInt8(ascii: "5"))
        let docs = ingest("t.tar", tar.archive).records
        #expect(docs.rejections.isEmpty)
        #expect(docs.documents.map(\.source) == ["t.tar!short.txt", "t.tar!\(long)", "t.tar!\(pax)"])
        #expect(docs.documents.map(\.text) == ["short story", "long story", "pax story"])
    }

    @Test func truncatedTarRejectsOnceAndKeepsEarlierEntries() {
        var tar = TarBuilder()
        tar.add("a.txt", "first story")
        tar.add("b.txt", String(repeating: "second story ", count: 200))
        let cut = Array(tar.archive.prefix(512 + 512 + 512 + 700))
        let (records, counters) = ingest("t.tar", cut)
        #expect(records.documents.map(\.text) == ["first story"])
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.source == "t.tar!b.txt")
        #expect(records.rejections.first?.reason.contains("truncated") == true)
        #expect(counters.read == 2)
    }

    @Test func truncatedHeaderIsRejectedAtTheArchive() {
        var tar = TarBuilder()
        tar.add("a.txt", "first story")
        let cut = Array(tar.bytes + tar.bytes.prefix(100))
        let (records, _) = ingest("t.tar", cut)
        #expect(records.rejections == [Rejection(source: "t.tar", reason: "tar: truncated archive (header cut short)")])
    }

    @Test func corruptHeaderChecksumIsRejected() {
        var tar = TarBuilder()
        tar.add("a.txt", "first")
        var bytes = tar.archive
        bytes[10] ^= 0x41
        let (records, _) = ingest("t.tar", bytes)
        #expect(records.rejections.first?.reason == "tar: corrupt header (checksum mismatch)")
    }

    @Test(arguments: ["/etc/passwd.txt", "../escape.txt", "a/../../b.txt", "ok/..\\..\\x.txt"])
    func unsafeEntryNamesAreRejected(name: String) {
        var tar = TarBuilder()
        tar.add(name, "evil")
        tar.add("fine.txt", "fine")
        let (records, _) = ingest("t.tar", tar.archive)
        #expect(records.rejections.count == 1)
        #expect(records.rejections.first?.source == "t.tar!\(name)")
        #expect(records.rejections.first?.reason.hasPrefix("unsafe entry name") == true)
        #expect(records.documents.map(\.text) == ["fine"])
    }

    @Test func linksAreRejectedNotFollowed() {
        var tar = TarBuilder()
        tar.add("link.txt", [], type: UInt8(ascii: "2"))
        let (records, _) = ingest("t.tar", tar.archive)
        #expect(records.rejections.first?.reason.contains("not a regular file") == true)
    }

    @Test func base256SizesParse() {
        #expect(TarReader.number([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00][...]) == 256)
        #expect(TarReader.octal(Array("0000644 \0".utf8)[...]) == 0o644)
    }
}
