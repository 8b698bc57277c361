import WiretraceCore

/// A source of bytes read in chunks: a file, standard input, or a decompressor around another stream.
///
/// Formats parse from a `ByteStream`, so the same parser reads a plain file, a `.gz`, or an archive entry.
public protocol ByteStream {
    /// Reads up to `maxCount` bytes; an empty result means the end of the stream.
    /// - Throws: `IngestError` when the underlying data is unreadable or corrupt.
    mutating func read(maxCount: Int) throws(IngestError) -> [UInt8]
}

/// Reads a whole stream into memory, failing past `limit` bytes with `overLimit` as the reason
/// (by default "larger than the limit of `limit` bytes").
/// - Throws: `IngestError` from the stream, or when it holds more than `limit` bytes.
public func readAll(
    _ stream: inout some ByteStream, limit: Int, overLimit: @autoclosure () -> String? = nil
) throws(IngestError) -> [UInt8] {
    var out: [UInt8] = []
    while true {
        let chunk = try stream.read(maxCount: 1 << 16)
        if chunk.isEmpty { return out }
        out += chunk
        if out.count > limit { throw IngestError(overLimit() ?? "larger than the limit of \(limit) bytes") }
    }
}
