/// Builds WARC files in memory for tests: `response` records with HTTP/HTML payloads, and others.
public struct WARCBuilder {
    public private(set) var records: [[UInt8]] = []

    public init() {}

    /// Adds a `response` record for `uri` with an HTTP 200 HTML body.
    public mutating func response(
        uri: String, date: String, html: String, id: String, status: String = "200 OK",
        contentType: String = "text/html; charset=utf-8"
    ) {
        let http = Array("HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\n\r\n".utf8) + Array(html.utf8)
        add(
            type: "response",
            headers: [
                "WARC-Target-URI: \(uri)", "WARC-Date: \(date)", "WARC-Record-ID: <urn:uuid:\(id)>",
                "Content-Type: application/http; msgtype=response",
            ], block: http)
    }

    /// Adds a record of any type with `headers` (besides `WARC-Type` and `Content-Length`).
    public mutating func add(type: String, headers: [String], block: [UInt8]) {
        var head = "WARC/1.0\r\nWARC-Type: \(type)\r\n"
        for h in headers { head += h + "\r\n" }
        head += "Content-Length: \(block.count)\r\n\r\n"
        records.append(Array(head.utf8) + block + Array("\r\n\r\n".utf8))
    }

    /// The uncompressed WARC.
    public var warc: [UInt8] { records.flatMap { $0 } }

    /// The WARC with each record in its own gzip member, as in CC-NEWS.
    public var warcGz: [UInt8] { records.flatMap { Deflate.gzip($0) } }
}
