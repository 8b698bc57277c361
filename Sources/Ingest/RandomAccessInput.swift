/// Bytes readable at any offset: a zip file on disk, or a nested zip held in memory.
protocol RandomAccessInput {
    /// The total size in bytes.
    var size: Int { get }
    /// Up to `count` bytes at `offset` (fewer only past the end).
    /// - Throws: `IngestError` when the read fails.
    func read(at offset: Int, count: Int) throws(IngestError) -> [UInt8]
}
