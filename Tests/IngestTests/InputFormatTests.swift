import Testing
@testable import Ingest

@Suite struct InputFormatTests {
    @Test(arguments: [
        ("a.TXT", InputFormat.text), ("a.htm", .html), ("a.html", .html), ("a.json", .json), ("a.jsonl", .jsonl),
        ("a.ndjson", .jsonl), ("a.csv", .csv), ("a.tsv", .tsv), ("a.tar", .tar), ("a.zip", .zip), ("a.warc", .warc),
        ("a.tar.gz", .gzip(inner: "a.tar")), ("a.tgz", .gzip(inner: "a.tar")), ("a.warc.gz", .gzip(inner: "a.warc")),
        ("README", .unsupported), ("a.pdf", .unsupported), (".gz", .gzip(inner: "")),
    ])
    func detects(name: String, format: InputFormat) {
        #expect(InputFormat.detect(name) == format)
    }

    @Test func idPaths() {
        #expect(InputFormat.strippingDocumentExtension("d/a.jsonl.gz") == "d/a")
        #expect(InputFormat.strippingDocumentExtension("d.x/a") == "d.x/a")
        #expect(InputFormat.strippingArchiveExtension("dump.tar.gz") == "dump")
    }
}
