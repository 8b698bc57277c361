/// An HTTP/1.x response as stored in a WARC `response` record: status, headers and decoded body.
struct HTTPResponse {
    var status: Int
    /// Header names lowercased; the last value wins.
    var headers: [String: String]
    /// The body after removing chunked transfer coding and gzip/deflate content coding.
    var body: [UInt8]

    /// Parses `bytes`; bodies inflating past `maxBytes` are an error.
    static func parse(_ bytes: [UInt8], maxBytes: Int) -> Result<HTTPResponse, IngestError> {
        var i = 0
        var lines: [ArraySlice<UInt8>] = []
        var headerEnd: Int?
        while i < bytes.count {
            guard let nl = bytes[i...].firstIndex(of: 0x0A) else { break }
            var line = bytes[i..<nl]
            if line.last == 0x0D { line = line.dropLast() }
            i = nl + 1
            if line.isEmpty {
                headerEnd = i
                break
            }
            lines.append(line)
            if lines.count > 1000 { return .failure(IngestError("HTTP: too many header lines")) }
        }
        guard let bodyStart = headerEnd, let statusLine = lines.first else {
            return .failure(IngestError("HTTP: response without a complete header"))
        }
        let parts = statusLine.split(separator: 0x20, maxSplits: 2)
        guard parts.count >= 2, parts[0].starts(with: Array("HTTP/".utf8)),
            let status = Int(String(decoding: parts[1], as: UTF8.self))
        else {
            return .failure(IngestError("HTTP: bad status line"))
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let (name, value) = headerField(line) else { continue }
            headers[name] = value
        }
        var body = Array(bytes[bodyStart...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            guard let decoded = dechunk(body) else { return .failure(IngestError("HTTP: corrupt chunked body")) }
            body = decoded
        }
        if let coding = headers["content-encoding"]?.lowercased(), coding.contains("gzip") || coding.contains("deflate")
        {
            var gz = GzipStream(MemoryByteStream(body), maxOutputBytes: maxBytes)
            do {
                body = try readAll(&gz, limit: maxBytes)
            } catch {
                return .failure(IngestError("HTTP body (\(coding)): \(error.reason)"))
            }
        }
        return .success(HTTPResponse(status: status, headers: headers, body: body))
    }

    /// A `Name: value` header line (HTTP, WARC) as its lowercased name and its value, both trimmed;
    /// nil for a line without a colon.
    static func headerField(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = String(decoding: line[..<colon], as: UTF8.self).lowercased().trimmingWhitespace()
        return (name, String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingWhitespace())
    }

    /// Removes chunked transfer coding; nil when malformed.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let nl = bytes[i...].firstIndex(of: 0x0A) else { return nil }
            var sizeText = bytes[i..<nl]
            if let semi = sizeText.firstIndex(of: UInt8(ascii: ";")) { sizeText = sizeText[..<semi] }
            let hex = String(decoding: sizeText, as: UTF8.self).trimmingWhitespace()
            guard hex.count <= 12, let size = Int(hex, radix: 16), size >= 0 else { return nil }
            i = nl + 1
            if size == 0 { return out }
            guard i + size <= bytes.count else { return nil }
            out += bytes[i..<(i + size)]
            i += size
            if i < bytes.count, bytes[i] == 0x0D { i += 1 }
            if i < bytes.count, bytes[i] == 0x0A { i += 1 }
        }
        return out
    }
}
