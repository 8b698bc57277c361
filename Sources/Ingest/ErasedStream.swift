/// A `ByteStream` wrapping any other, so nested formats can stack streams chosen at run time.
struct ErasedStream: ByteStream {
    var base: any ByteStream

    init(_ base: any ByteStream) { self.base = base }

    mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        try base.read(maxCount: maxCount)
    }
}
