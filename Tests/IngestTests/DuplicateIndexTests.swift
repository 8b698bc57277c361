import Testing
@testable import Ingest

@Suite struct DuplicateIndexTests {
    @Test func namesTheKeptSource() {
        var index = DuplicateIndex()
        #expect(index.insert(id: "a", source: "dump.jsonl:1") == nil)
        #expect(index.insert(id: "b", source: "dump.jsonl:2") == nil)
        #expect(index.insert(id: "c", source: "x.tar!dir/c.txt") == nil)
        #expect(index.insert(id: "d", source: "c.warc.gz#12") == nil)
        #expect(index.insert(id: "e", source: "weird:") == nil)
        #expect(index.insert(id: "b", source: "other.jsonl:9") == "dump.jsonl:2")
        #expect(index.insert(id: "c", source: "y") == "x.tar!dir/c.txt")
        #expect(index.insert(id: "d", source: "y") == "c.warc.gz#12")
        #expect(index.insert(id: "e", source: "y") == "weird:")
        #expect(index.insert(id: "a", source: "y") == "dump.jsonl:1")
    }

    /// A duplicate leaves the kept document's entry as it was, however often the id comes back.
    @Test func repeatedDuplicatesNameTheFirstSource() {
        var index = DuplicateIndex()
        #expect(index.insert(id: "a", source: "one.jsonl:3") == nil)
        for n in 1...3 { #expect(index.insert(id: "a", source: "two.jsonl:\(n)") == "one.jsonl:3") }
        #expect(index.insert(id: "b", source: "two.jsonl:4") == nil)
    }

    @Test func manyIDs() {
        var index = DuplicateIndex()
        for i in 0..<10_000 { #expect(index.insert(id: "id\(i)", source: "f.jsonl:\(i + 1)") == nil) }
        #expect(index.insert(id: "id1234", source: "g") == "f.jsonl:1235")
    }

    /// Sources alternating between files (the remembered last prefix changes every time), with
    /// numbers of up to nine digits split off and longer ones kept in the prefix.
    @Test func alternatingFilesAndLongNumbers() {
        var index = DuplicateIndex()
        #expect(index.insert(id: "a", source: "one.jsonl:1") == nil)
        #expect(index.insert(id: "b", source: "two.jsonl:1") == nil)
        #expect(index.insert(id: "c", source: "one.jsonl:2") == nil)
        #expect(index.insert(id: "d", source: "two.jsonl:123456789") == nil)
        #expect(index.insert(id: "e", source: "two.jsonl:1234567890") == nil)
        #expect(index.insert(id: "f", source: "one.jsonl:007") == nil)
        #expect(index.insert(id: "g", source: "één.jsonl:5") == nil)
        #expect(index.insert(id: "a", source: "y") == "one.jsonl:1")
        #expect(index.insert(id: "b", source: "y") == "two.jsonl:1")
        #expect(index.insert(id: "c", source: "y") == "one.jsonl:2")
        #expect(index.insert(id: "d", source: "y") == "two.jsonl:123456789")
        #expect(index.insert(id: "e", source: "y") == "two.jsonl:1234567890")
        #expect(index.insert(id: "f", source: "y") == "one.jsonl:7")
        #expect(index.insert(id: "g", source: "y") == "één.jsonl:5")
    }
}
