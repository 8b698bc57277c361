#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a `ByteStream` into lines (LF or CRLF), streaming, with each line's 1-based number.
public struct LineReader<Base: ByteStream> {
    private var base: Base
    private var buffer: [UInt8] = []
    private var offset = 0
    /// Where to resume looking for a line feed (bytes before it were already searched).
    private var searched = 0
    private var ended = false
    /// The number of the line last returned.
    public private(set) var lineNumber = 0

    /// Reads lines from `base`.
    public init(_ base: Base) {
        self.base = base
    }

    /// The next line without its terminator, or nil at the end.
    /// - Throws: `IngestError` from the underlying stream.
    public mutating func next() throws(IngestError) -> ArraySlice<UInt8>? {
        while true {
            let from = max(offset, searched)
            let found: Int? = buffer.withUnsafeBufferPointer { buf in
                guard from < buf.count, let base = buf.baseAddress else { return nil }
                guard let hit = memchr(base + from, 0x0A, buf.count - from) else { return nil }
                return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            }
            if let nl = found {
                var line = buffer[offset..<nl]
                if line.last == 0x0D { line = line.dropLast() }
                offset = nl + 1
                searched = offset
                lineNumber += 1
                return line
            }
            searched = buffer.count
            if ended {
                guard offset < buffer.count else { return nil }
                var line = buffer[offset...]
                if line.last == 0x0D { line = line.dropLast() }
                offset = buffer.count
                lineNumber += 1
                return line
            }
            if offset > 0 {
                buffer.removeSubrange(0..<offset)
                searched -= offset
                offset = 0
            }
            let chunk = try base.read(maxCount: 1 << 18)
            if chunk.isEmpty { ended = true } else { buffer += chunk }
        }
    }
}
