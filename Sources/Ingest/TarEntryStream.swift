/// The current tar entry's bytes as a stream.
struct TarEntryStream: ByteStream {
    let tar: TarReader

    mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        try tar.readEntry(maxCount: maxCount)
    }
}
