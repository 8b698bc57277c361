import CZlib

/// One zip entry's uncompressed bytes, streamed: raw inflate (or stored), with CRC-32, size and bomb checks.
struct ZipEntryStream: ByteStream {
    private let input: any RandomAccessInput
    private let entry: ZipArchive.Entry
    private var offset: Int
    private var compressedLeft: Int
    private let inflater: ZInflater?
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var crc: UInt32 = 0
    private var produced = 0
    private var finished = false
    private let maxOutputBytes: Int
    private let maxRatio: Int

    /// - Throws: `IngestError` for unsupported methods, encryption, or a corrupt local header.
    init(archive: ZipArchive, entry: ZipArchive.Entry, maxOutputBytes: Int, maxRatio: Int) throws(IngestError) {
        if entry.flags & 1 != 0 { throw IngestError("zip: encrypted entry, not supported") }
        guard entry.method == 0 || entry.method == 8 else {
            throw IngestError("zip: compression method \(entry.method) not supported (only stored and deflate)")
        }
        self.input = archive.input
        self.entry = entry
        self.offset = try archive.dataOffset(of: entry)
        self.compressedLeft = entry.compressedSize
        self.inflater = entry.method == 8 ? ZInflater(windowBits: -15) : nil
        self.maxOutputBytes = maxOutputBytes
        self.maxRatio = maxRatio
        if entry.uncompressedSize > maxOutputBytes {
            throw IngestError(
                "zip: entry declares \(entry.uncompressedSize) bytes, over max_inflated_bytes (decompression bomb?)")
        }
    }

    private mutating func fail(_ reason: String) -> IngestError {
        finished = true
        return IngestError(reason)
    }

    private mutating func finish() throws(IngestError) {
        finished = true
        guard produced == entry.uncompressedSize else {
            throw IngestError("zip: corrupt entry (size \(produced), expected \(entry.uncompressedSize))")
        }
        guard crc == entry.crc else { throw IngestError("zip: corrupt entry (CRC mismatch)") }
    }

    mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        if finished { return [] }
        var out: [UInt8]
        if let inflater {
            guard inflater.isReady else { throw fail("zip: cannot initialize zlib") }
            out = [UInt8](repeating: 0, count: max(maxCount, 1))
            var made = 0
            while made == 0 {
                if pendingOffset == pending.count {
                    if compressedLeft == 0 { throw fail("zip: corrupt entry (deflate data cut short)") }
                    pending = try input.read(at: offset, count: min(compressedLeft, 1 << 16))
                    if pending.isEmpty { throw fail("zip: truncated entry data") }
                    pendingOffset = 0
                    offset += pending.count
                    compressedLeft -= pending.count
                }
                let start = pendingOffset
                let (used, produced, status) = pending.withUnsafeBufferPointer { inBuf in
                    out.withUnsafeMutableBufferPointer { outBuf in
                        inflater.inflate(input: UnsafeBufferPointer(rebasing: inBuf[start...]), output: outBuf)
                    }
                }
                pendingOffset += used
                made = produced
                if status == Z_STREAM_END {
                    out.removeSubrange(made...)
                    try account(out)
                    try finish()
                    return out
                }
                if status != Z_OK && status != Z_BUF_ERROR {
                    throw fail("zip: corrupt entry (\(inflater.message ?? "inflate error \(status)"))")
                }
                if status == Z_BUF_ERROR && used == 0 && produced == 0 && pendingOffset < pending.count {
                    throw fail("zip: corrupt entry (no progress)")
                }
            }
            out.removeSubrange(made...)
        } else {
            if compressedLeft == 0 {
                try finish()
                return []
            }
            out = try input.read(at: offset, count: min(compressedLeft, maxCount))
            if out.isEmpty { throw fail("zip: truncated entry data") }
            offset += out.count
            compressedLeft -= out.count
        }
        try account(out)
        return out
    }

    private mutating func account(_ chunk: [UInt8]) throws(IngestError) {
        crc = chunk.withUnsafeBufferPointer { CRC32.update(crc, $0) }
        produced += chunk.count
        if produced > maxOutputBytes || produced > entry.uncompressedSize {
            throw fail("zip: entry inflates past its declared or allowed size (decompression bomb?)")
        }
        if produced > 1 << 20 && produced / max(entry.compressedSize, 1) > maxRatio {
            throw fail("zip: compression ratio exceeds \(maxRatio):1 (decompression bomb?)")
        }
    }
}
