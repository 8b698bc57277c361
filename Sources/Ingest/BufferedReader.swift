/// Buffered reading over a `ByteStream`: exact-length reads, skips and lines, for the record formats.
///
/// Tar, WARC, CSV and JSON read through it; it keeps at most one chunk plus the bytes asked for.
struct BufferedReader {
    private var base: any ByteStream
    private(set) var buffer: [UInt8] = []
    private(set) var offset = 0
    private(set) var ended = false
    /// Bytes consumed from the start of the stream.
    private(set) var position = 0
    private let chunkSize: Int

    init(_ base: any ByteStream, chunkSize: Int = 1 << 16) {
        self.base = base
        self.chunkSize = chunkSize
    }

    /// Bytes available in the buffer without reading.
    var available: Int { buffer.count - offset }

    /// Reads another chunk into the buffer; false at the end of the stream.
    /// - Throws: `IngestError` from the stream.
    @discardableResult
    mutating func fill() throws(IngestError) -> Bool {
        if ended { return false }
        let chunk = try base.read(maxCount: chunkSize)
        if chunk.isEmpty {
            ended = true
            return false
        }
        if offset == buffer.count {
            buffer = chunk
        } else {
            if offset > 0 {
                buffer.removeSubrange(0..<offset)
            }
            buffer += chunk
        }
        offset = 0
        return true
    }

    /// The next byte without consuming it, or nil at the end.
    mutating func peek() throws(IngestError) -> UInt8? {
        while offset == buffer.count {
            if !(try fill()) { return nil }
        }
        return buffer[offset]
    }

    /// Consumes `count` bytes already in the buffer.
    mutating func consume(_ count: Int) {
        precondition(count <= available)
        offset += count
        position += count
    }

    /// Up to `count` bytes: fewer only at the end of the stream.
    mutating func read(exactly count: Int) throws(IngestError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(min(count, 1 << 20))
        while out.count < count {
            if offset == buffer.count, !(try fill()) { break }
            let n = min(count - out.count, buffer.count - offset)
            out += buffer[offset..<(offset + n)]
            consume(n)
        }
        return out
    }

    /// Up to `maxCount` bytes (at least one unless the stream ended).
    mutating func read(upTo maxCount: Int) throws(IngestError) -> ArraySlice<UInt8> {
        if offset == buffer.count, !(try fill()) { return [] }
        let n = min(maxCount, buffer.count - offset)
        let slice = buffer[offset..<(offset + n)]
        consume(n)
        return slice
    }

    /// Skips `count` bytes; returns how many were skipped (fewer only at the end).
    mutating func skip(_ count: Int) throws(IngestError) -> Int {
        var left = count
        while left > 0 {
            if offset == buffer.count, !(try fill()) { break }
            let n = min(left, buffer.count - offset)
            consume(n)
            left -= n
        }
        return count - left
    }

    /// The next line without its LF or CRLF, or nil at the end; lines over `maxBytes` are cut there.
    mutating func readLine(maxBytes: Int = 1 << 20) throws(IngestError) -> [UInt8]? {
        var out: [UInt8] = []
        while true {
            if offset == buffer.count, !(try fill()) {
                return out.isEmpty ? nil : out
            }
            let window = buffer[offset...]
            if let nl = window.firstIndex(of: 0x0A) {
                out += buffer[offset..<nl]
                consume(nl + 1 - offset)
                if out.last == 0x0D { out.removeLast() }
                return out
            }
            out += window
            consume(window.count)
            if out.count > maxBytes { return out }
        }
    }
}
