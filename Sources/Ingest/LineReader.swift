/// Splits a `ByteStream` into lines (LF or CRLF), streaming, with each line's 1-based number.
public struct LineReader<Base: ByteStream> {
    private var base: Base
    private var buffer: [UInt8] = []
    private var offset = 0
    private var ended = false
    /// The number of the line last returned.
    public private(set) var lineNumber = 0
    private let maxLineBytes: Int

    public init(_ base: Base, maxLineBytes: Int = 1 << 30) {
        self.base = base
        self.maxLineBytes = maxLineBytes
    }

    /// The next line without its terminator, or nil at the end.
    /// - Throws: `IngestError` from the underlying stream.
    public mutating func next() throws(IngestError) -> ArraySlice<UInt8>? {
        while true {
            if let nl = buffer[offset...].firstIndex(of: 0x0A) {
                var line = buffer[offset..<nl]
                if line.last == 0x0D { line = line.dropLast() }
                offset = nl + 1
                lineNumber += 1
                return line
            }
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
                offset = 0
            }
            let chunk = try base.read(maxCount: 1 << 18)
            if chunk.isEmpty { ended = true } else { buffer += chunk }
        }
    }
}
