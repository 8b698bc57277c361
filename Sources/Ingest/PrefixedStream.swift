/// A stream that first replays bytes already read (a sniffed prefix), then continues with its base.
struct PrefixedStream: ByteStream {
    private var prefix: [UInt8]
    private var base: any ByteStream

    init(prefix: [UInt8], base: any ByteStream) {
        self.prefix = prefix
        self.base = base
    }

    /// Reads the first chunk of `base` so the caller can look at it; the stream still yields every byte.
    /// - Throws: `IngestError` from the base stream.
    static func sniffing(_ base: any ByteStream, count: Int = 8192) throws(IngestError) -> (
        head: [UInt8], stream: PrefixedStream
    ) {
        var base = base
        let head = try base.read(maxCount: count)
        return (head, PrefixedStream(prefix: head, base: base))
    }

    mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        if !prefix.isEmpty {
            let out = prefix
            prefix = []
            return out
        }
        return try base.read(maxCount: maxCount)
    }
}
