import Testing
import TestSupport
import WiretraceCore
@testable import Ingest

/// The same small corpus in every format gives the same documents.
@Suite struct FormatRouterTests {
    /// Each format's bytes, the input name, and whether it carries metadata (title/date/outlet/url).
    /// Built once for every test of the suite.
    static let fixtures: [(name: String, bytes: [UInt8], metadata: Bool)] = {
        let jsonl = Array(CorpusFixtures.jsonl.utf8)
        var plainTar = TarBuilder()
        var htmlTar = TarBuilder()
        var zip = ZipBuilder()
        var innerZip = ZipBuilder()
        for s in corpus {
            plainTar.add("stories/\(s.id).txt", CorpusFixtures.text(s))
            htmlTar.add("pages/\(s.id).html", CorpusFixtures.html(s))
            zip.add("\(s.id).htm", CorpusFixtures.html(s))
            innerZip.add("deep/\(s.id).txt", CorpusFixtures.text(s))
        }
        var nested = TarBuilder()
        nested.add("inner.zip", innerZip.archive)
        var tarOfJSONL = TarBuilder()
        tarOfJSONL.add("dump/articles.jsonl.gz", Deflate.gzip(jsonl))
        var zipOfTar = ZipBuilder()
        zipOfTar.add("inner.tar", htmlTar.archive, method: 0)
        return [
            ("a.jsonl", jsonl, true),
            ("a.ndjson", jsonl, true),
            ("a.jsonl.gz", Deflate.gzip(jsonl), true),
            ("aliases.jsonl", Array(CorpusFixtures.jsonlAliases.utf8), true),
            ("a.json", Array(CorpusFixtures.jsonArray.utf8), true),
            ("nested.json", Array(CorpusFixtures.jsonNested.utf8), true),
            ("a.csv", Array(CorpusFixtures.csv().utf8), true),
            ("a.tsv", Array(CorpusFixtures.csv(delimiter: "\t").utf8), true),
            ("a.csv.gz", Deflate.gzip(Array(CorpusFixtures.csv().utf8)), true),
            ("a.tar", plainTar.archive, false),
            ("a.tar.gz", Deflate.gzip(plainTar.archive), false),
            ("a.tgz", Deflate.gzip(htmlTar.archive), true),
            ("a.zip", zip.archive, true),
            ("nested.tar", nested.archive, false),
            ("zipoftar.zip", zipOfTar.archive, true),
            ("jsonl-in-tar.tar", tarOfJSONL.archive, true),
            ("a.warc", CorpusFixtures.warc.warc, true),
            ("a.warc.gz", CorpusFixtures.warc.warcGz, true),
        ]
    }()

    @Test(arguments: fixtures.map(\.name))
    func sameDocumentsFromEveryFormat(name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.name == name })
        var config = IngestConfiguration(inputs: [])
        if name == "nested.json" { config.fields.text = "content.body" }
        let (records, counters) = ingest(name, fixture.bytes, config)
        #expect(records.rejections.isEmpty, "\(records.rejections)")
        let docs = records.documents
        #expect(docs.map(\.text) == corpus.map(\.text))
        #expect(counters.read == corpus.count)
        #expect(counters.unparseableDates == 0)
        if fixture.metadata {
            #expect(docs.map(\.title) == corpus.map(\.title))
            #expect(docs.map(\.date) == corpus.map(\.date))
            #expect(docs.map(\.url) == corpus.map(\.url))
        }
        if fixture.metadata && !name.contains("warc") {
            #expect(docs.map(\.outlet) == corpus.map(\.outlet))
        }
    }

    @Test func structuredFormatsKeepFieldIDs() {
        for name in ["a.jsonl", "a.csv", "a.json", "aliases.jsonl"] {
            let fixture = Self.fixtures.first { $0.name == name }
            let docs = ingest(name, fixture?.bytes ?? []).records.documents
            #expect(docs.map(\.id) == corpus.map(\.id), "\(name)")
        }
    }

    @Test func archiveEntriesAreNamedAndGetPathIDs() {
        let fixture = Self.fixtures.first { $0.name == "nested.tar" }
        let docs = ingest("nested.tar", fixture?.bytes ?? []).records.documents
        #expect(docs.map(\.source) == corpus.map { "nested.tar!inner.zip!deep/\($0.id).txt" })
        #expect(docs.map(\.id) == corpus.map { "nested/inner/deep/\($0.id)" })
        let gz = Self.fixtures.first { $0.name == "jsonl-in-tar.tar" }
        let lines = ingest("jsonl-in-tar.tar", gz?.bytes ?? []).records.documents
        #expect(lines.first?.source == "jsonl-in-tar.tar!dump/articles.jsonl.gz:1")
    }

    @Test func warcRecordsAreNamedByNumber() {
        let docs = ingest("a.warc.gz", CorpusFixtures.warc.warcGz).records.documents
        // Record 1 is warcinfo, then request/response pairs.
        #expect(docs.map(\.source) == ["a.warc.gz#3", "a.warc.gz#5", "a.warc.gz#7"])
        #expect(docs.map(\.id) == corpus.map { "urn:uuid:\($0.id)" })
    }

    @Test func unsupportedFileTypeIsRejected() {
        let (records, _) = ingest("notes.docx", [1, 2, 3])
        #expect(records.rejections == [Rejection(source: "notes.docx", reason: "unsupported file type (.docx)")])
    }

    @Test func tooDeeplyNestedArchivesAreRejected() {
        var bytes = ZipBuilder()
        bytes.add("x.txt", "hello")
        var archive = bytes.archive
        for _ in 0..<10 {
            var outer = ZipBuilder()
            outer.add("n.zip", archive, method: 0)
            archive = outer.archive
        }
        let (records, _) = ingest("deep.zip", archive)
        #expect(records.count == 1)
        #expect(records.rejections.first?.reason.contains("nested deeper") == true)
    }
}
