import WiretraceCore

/// Reads WARC files (`.warc`, `.warc.gz` with one gzip member per record, as in CC-NEWS).
///
/// `response` records carrying HTML become documents: the HTTP body is de-chunked and decompressed
/// as needed, the article text extracted, and the record's `WARC-Target-URI` and `WARC-Date`
/// become the document's url and date. Other record types (request, metadata, warcinfo) are
/// skipped and counted. Records are named `file.warc.gz#N` (N = 1-based record number).
final class WARCSource: RecordSource {
    private var reader: BufferedReader
    private let location: EntryLocation
    private let context: IngestContext
    private let idBase: String
    private var recordNumber = 0
    private var done = false

    init(stream: any ByteStream, location: EntryLocation, context: IngestContext) {
        self.reader = BufferedReader(stream)
        self.location = location
        self.context = context
        self.idBase = location.documentID
    }

    private var recordSource: String { "\(location.display)#\(recordNumber)" }

    func next() -> SourceStep? {
        while !done {
            do {
                if let record = try nextRecord() { return .record(record) }
            } catch {
                done = true
                let place = recordSource
                return .record(
                    .rejected(Rejection(source: place, reason: error.reason + "; the rest of the file is lost")))
            }
        }
        return nil
    }

    /// The next document or rejection; nil when a record was skipped (or at the end, with `done` set).
    private func nextRecord() throws(IngestError) -> IngestRecord? {
        recordNumber += 1
        var first: [UInt8]?
        while let line = try reader.readLine(maxBytes: 1 << 16) {
            if line.isEmpty { continue }
            first = line
            break
        }
        guard let first else {
            done = true
            return nil
        }
        guard first.starts(with: Array("WARC/".utf8)) else {
            throw IngestError("WARC: expected a 'WARC/1.x' record header")
        }
        var headers: [String: String] = [:]
        var count = 0
        while true {
            guard let line = try reader.readLine(maxBytes: 1 << 16) else {
                throw IngestError("WARC: truncated record header")
            }
            if line.isEmpty { break }
            count += 1
            guard count < 1000, line.count < 1 << 16 else { throw IngestError("WARC: record header too large") }
            if let (name, value) = HTTPResponse.headerField(line[...]) { headers[name] = value }
        }
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            throw IngestError("WARC: record without a valid Content-Length")
        }
        let type = headers["warc-type"]?.lowercased() ?? ""
        let limit = min(context.configuration.maxInflatedBytes, context.configuration.maxDocumentBytes * 8 + (1 << 20))
        guard type == "response" || type == "resource" else {
            guard try reader.skip(length) == length else { throw IngestError("WARC: truncated record") }
            context.counters.warcRecordsSkipped += 1
            return nil
        }
        if length > limit {
            guard try reader.skip(length) == length else { throw IngestError("WARC: truncated record") }
            return .rejected(
                Rejection(source: recordSource, reason: "record of \(length) bytes is over the size limit (\(limit))"))
        }
        let block = try reader.read(exactly: length)
        guard block.count == length else {
            throw IngestError("WARC: truncated record (\(block.count) of \(length) bytes)")
        }
        return document(block: block, headers: headers, isHTTP: type == "response")
    }

    private func document(block: [UInt8], headers: [String: String], isHTTP: Bool) -> IngestRecord {
        let source = recordSource
        var body = block[...]
        var contentType = headers["content-type"]?.lowercased() ?? ""
        if isHTTP || contentType.contains("application/http") {
            switch HTTPResponse.parse(block, maxBytes: context.configuration.maxInflatedBytes) {
            case .failure(let error):
                return .rejected(Rejection(source: source, reason: error.reason))
            case .success(let response):
                guard (200..<300).contains(response.status) else {
                    return .rejected(Rejection(source: source, reason: "HTTP status \(response.status), not a page"))
                }
                body = response.body[...]
                contentType = response.headers["content-type"]?.lowercased() ?? ""
            }
        }
        if !contentType.isEmpty && !contentType.contains("html") && !contentType.contains("text/plain") {
            return .rejected(Rejection(source: source, reason: "not an HTML response (content-type \(contentType))"))
        }
        guard let text = context.decode(body) else {
            return .rejected(Rejection(source: source, reason: "binary data (NUL bytes), not text"))
        }
        let page = HTMLExtractor.extract(text)
        context.counters.htmlDocuments += 1
        let uri = headers["warc-target-uri"].map {
            $0.hasPrefix("<") && $0.hasSuffix(">") ? String($0.dropFirst().dropLast()) : $0
        }
        var id = headers["warc-record-id"] ?? "\(idBase)#\(recordNumber)"
        if id.hasPrefix("<") && id.hasSuffix(">") { id = String(id.dropFirst().dropLast()) }
        return context.record(
            id: id, source: source, text: page.text, title: page.title,
            date: headers["warc-date"] ?? page.date, outlet: page.outlet ?? uri.flatMap(Self.host),
            url: uri ?? page.url, textField: "article text in the HTML")
    }

    /// The host of a URL (`https://www.example.com/a` → `www.example.com`).
    static func host(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        var i = 0
        while i + 2 < bytes.count, !(bytes[i] == 0x3A && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F) { i += 1 }
        guard i + 2 < bytes.count else { return nil }
        let rest = bytes[(i + 3)...]
        let stops: Set<UInt8> = [0x2F, 0x3F, 0x23, 0x3A]
        let host = rest.prefix { !stops.contains($0) }
        return host.isEmpty ? nil : String(decoding: host, as: UTF8.self)
    }
}
