#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WiretraceCore

/// A source of bytes read in chunks: a file, standard input, or a decompressor around another stream.
///
/// Formats parse from a `ByteStream`, so the same parser reads a plain file, a `.gz`, or an archive entry.
public protocol ByteStream {
    /// Reads up to `maxCount` bytes; an empty result means the end of the stream.
    /// - Throws: `IngestError` when the underlying data is unreadable or corrupt.
    mutating func read(maxCount: Int) throws(IngestError) -> [UInt8]
}

/// A failure to read an input, phrased for `rejected.jsonl`.
public struct IngestError: Error, Sendable, Hashable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// Reads a file (or standard input) with POSIX calls, in chunks.
public struct FileByteStream: ByteStream {
    private let fd: Int32
    private let owned: Bool

    /// Opens `path` for reading; `-` is standard input.
    public init(path: String) throws(IngestError) {
        if path == "-" {
            fd = 0
            owned = false
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IngestError("cannot open: \(String(cString: strerror(errno)))") }
        self.fd = fd
        owned = true
    }

    public mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, maxCount) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IngestError("read failed: \(String(cString: strerror(errno)))")
            }
            buffer.removeSubrange(n...)
            return buffer
        }
    }

    /// Closes the file; reading afterwards is an error.
    public func close() {
        if owned { _ = Glibc.close(fd) }
    }
}

/// Reads a whole stream into memory, failing past `limit` bytes.
public func readAll(_ stream: inout some ByteStream, limit: Int) throws(IngestError) -> [UInt8] {
    var out: [UInt8] = []
    while true {
        let chunk = try stream.read(maxCount: 1 << 16)
        if chunk.isEmpty { return out }
        out += chunk
        if out.count > limit { throw IngestError("larger than the limit of \(limit) bytes") }
    }
}
