import Testing
import TestSupport
import WiretraceCore
@testable import Ingest

@Suite struct IngestorTests {
    @Test func samplesKeepTheirIDs() throws {
        let (records, counters) = ingest(paths: ["samples"])
        let ids = records.documents.map(\.id)
        #expect(ids.first == "000_18ad23f33704a538")
        #expect(ids == ids.sorted())
        #expect(records.rejections.isEmpty)
        #expect(counters.read == records.count)
        #expect(counters.accepted == records.count)
    }

    @Test func walksRecursivelyInByteOrderAndMixesFormats() {
        let dir = ScratchDirectory()
        defer { dir.remove() }
        dir.write("b/z.txt", "z story")
        dir.write("b/a.txt", "a story")
        dir.write("B.txt", "capital story")
        dir.write("a.jsonl", "{\"id\":\"j1\",\"text\":\"json story\"}\n")
        dir.write("c/d/e.html", "<p>html story</p>")
        dir.write(".hidden.txt", "skipped")
        dir.write("x.csv", "id,text\nc1,csv story\n")
        let (records, counters) = ingest(paths: [dir.path])
        #expect(records.documents.map(\.id) == ["B", "j1", "b/a", "b/z", "c/d/e", "c1"])
        #expect(counters.files == 6)
    }

    @Test func duplicateIDsAreRejectedNamingTheKeptOne() {
        let dir = ScratchDirectory()
        defer { dir.remove() }
        dir.write("a.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n")
        let (records, _) = ingest(paths: [dir.path])
        #expect(
            records.rejections == [
                Rejection(
                    source: dir.path + "/a.jsonl:2",
                    reason: "duplicate id \"x\" (kept the one from \(dir.path)/a.jsonl:1)")
            ])
    }

    @Test func duplicateCheckCanBeTurnedOff() {
        let dir = ScratchDirectory()
        defer { dir.remove() }
        dir.write("a.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n")
        let (records, _) = ingest(paths: [dir.path]) { $0.rejectDuplicateIDs = false }
        #expect(records.documents.count == 2)
    }

    @Test func binaryAndUnsupportedFilesAreRejected() {
        let dir = ScratchDirectory()
        defer { dir.remove() }
        dir.write("bin.txt", [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2])
        dir.write("data.jsonl", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0x0A, 0x7B, 0x7D])
        dir.write("image.png", [0x89, 0x50, 0x4E, 0x47])
        dir.write("ok.txt", "fine")
        let (records, counters) = ingest(paths: [dir.path])
        #expect(
            records.rejections.map(\.reason) == [
                "binary file (NUL bytes), not text", "binary file (NUL bytes), not text",
                "unsupported file type (.png)",
            ])
        #expect(records.rejections.map(\.source) == ["bin.txt", "data.jsonl", "image.png"].map { dir.path + "/" + $0 })
        #expect(counters.read == 4)
        #expect(counters.rejected == 3)
    }

    @Test func missingInputIsRejected() {
        let (records, _) = ingest(paths: ["/nonexistent/wiretrace"])
        #expect(records.rejections.first?.source == "/nonexistent/wiretrace")
        #expect(records.rejections.first?.reason.hasPrefix("cannot read") == true)
    }

    @Test func textOverSizeLimitIsRejected() {
        let dir = ScratchDirectory()
        defer { dir.remove() }
        dir.write("big.txt", String(repeating: "x", count: 200))
        let (records, _) = ingest(paths: [dir.path]) { $0.maxDocumentBytes = 100 }
        #expect(records.rejections.first?.reason == "file is over max_document_bytes (100)")
    }

    @Test func everyUnitIsAccountedFor() {
        // A mix of good and bad inputs: read == accepted + rejected == records yielded.
        var tar = TarBuilder()
        tar.add("good.txt", "good")
        tar.add("../bad.txt", "bad")
        tar.add("rows.csv", "id,text\n1,a\n2\n")
        tar.add("lines.jsonl", "{\"text\":\"x\"}\nnot json\n")
        let (records, counters) = ingest("mix.tar", tar.archive)
        #expect(counters.read == records.count)
        #expect(counters.accepted == 3)
        #expect(counters.rejected == 3)
    }

    @Test func relativeIDs() {
        #expect(Ingestor.Iterator.relativeID(path: "samples/000_a.txt", root: "samples") == "000_a")
        #expect(Ingestor.Iterator.relativeID(path: "samples/x/y.jsonl.gz", root: "samples/") == "x/y")
        #expect(Ingestor.Iterator.relativeID(path: "/data/one.txt", root: "/data/one.txt") == "one")
    }
}
