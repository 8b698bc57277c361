/// A stream over bytes already in memory (archive entries that need random access, tests, fuzzing).
public struct MemoryByteStream: ByteStream {
    private let bytes: [UInt8]
    private var offset = 0

    /// Streams `bytes` from the start.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        let end = min(bytes.count, offset + maxCount)
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
