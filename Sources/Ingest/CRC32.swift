import CZlib

/// CRC-32 as in gzip and zip, through zlib.
enum CRC32 {
    /// Continues `crc` over `bytes`.
    static func update(_ crc: UInt32, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(crc32(uLong(crc), base, uInt(bytes.count)))
    }
}
