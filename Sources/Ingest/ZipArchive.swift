/// The central directory of a zip archive, read through random access (no extraction to disk).
///
/// Supports stored and deflated entries; verifies each entry's CRC-32 and size while streaming.
/// ZIP64 archives are read; encrypted entries and methods other than stored/deflate are reported as unsupported.
struct ZipArchive {
    /// One central-directory entry.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        var isDirectory: Bool { name.hasSuffix("/") }
    }

    let input: any RandomAccessInput
    /// Entries in central-directory order.
    private(set) var entries: [Entry] = []

    /// Reads the end record and the central directory.
    /// - Throws: `IngestError` when the archive is not a zip, truncated, or corrupt.
    init(_ input: any RandomAccessInput) throws(IngestError) {
        self.input = input
        let tailSize = min(input.size, 22 + 65535)
        let tailStart = input.size - tailSize
        let tail = try input.read(at: tailStart, count: tailSize)
        guard tail.count >= 22 else { throw IngestError("zip: not a zip archive (too short)") }
        var eocd: Int?
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                eocd = i
                break
            }
            i -= 1
        }
        guard let e = eocd else {
            throw IngestError("zip: end of central directory not found (not a zip, or truncated)")
        }
        var count = Int(Self.u16(tail, e + 10))
        var cdSize = Int(Self.u32(tail, e + 12))
        var cdOffset = Int(Self.u32(tail, e + 16))
        var endOfDirectory = tailStart + e
        if count == 0xFFFF || cdSize == 0xFFFF_FFFF || cdOffset == 0xFFFF_FFFF {
            // ZIP64: the locator just before the end record points at the ZIP64 end record.
            guard e >= 20, Self.u32(tail, e - 20) == 0x0706_4B50 else {
                throw IngestError("zip: ZIP64 end record locator missing")
            }
            let recordOffset = Self.u64(tail, e - 20 + 8)
            guard recordOffset >= 0, recordOffset <= input.size - 56 else {
                throw IngestError("zip: corrupt ZIP64 end record")
            }
            let record = try input.read(at: recordOffset, count: 56)
            guard record.count == 56, Self.u32(record, 0) == 0x0606_4B50 else {
                throw IngestError("zip: corrupt ZIP64 end record")
            }
            count = Self.u64(record, 32)
            cdSize = Self.u64(record, 40)
            cdOffset = Self.u64(record, 48)
            endOfDirectory = recordOffset
        }
        guard count >= 0, cdSize >= 0, cdOffset >= 0, cdSize <= endOfDirectory, cdOffset <= endOfDirectory - cdSize
        else {
            throw IngestError("zip: corrupt central directory (out of bounds)")
        }
        let cd = try input.read(at: cdOffset, count: cdSize)
        guard cd.count == cdSize else { throw IngestError("zip: truncated central directory") }
        var p = 0
        for _ in 0..<count {
            guard p + 46 <= cd.count, Self.u32(cd, p) == 0x0201_4B50 else {
                throw IngestError("zip: corrupt central directory entry")
            }
            let nameLength = Int(Self.u16(cd, p + 28))
            let extraLength = Int(Self.u16(cd, p + 30))
            let commentLength = Int(Self.u16(cd, p + 32))
            guard p + 46 + nameLength <= cd.count else { throw IngestError("zip: corrupt central directory entry") }
            let name = String(decoding: cd[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            var entry = Entry(
                name: name, method: Self.u16(cd, p + 10), flags: Self.u16(cd, p + 8), crc: Self.u32(cd, p + 16),
                compressedSize: Int(Self.u32(cd, p + 20)), uncompressedSize: Int(Self.u32(cd, p + 24)),
                localHeaderOffset: Int(Self.u32(cd, p + 42)))
            if entry.compressedSize == 0xFFFF_FFFF || entry.uncompressedSize == 0xFFFF_FFFF
                || entry.localHeaderOffset == 0xFFFF_FFFF
            {
                let extraStart = p + 46 + nameLength
                let extra = cd[extraStart..<min(cd.count, extraStart + extraLength)]
                try Self.applyZip64Extra(Array(extra), to: &entry)
            }
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    /// Where an entry's data starts, after its local header.
    /// - Throws: `IngestError` when the local header is missing or corrupt.
    func dataOffset(of entry: Entry) throws(IngestError) -> Int {
        guard entry.localHeaderOffset >= 0, entry.localHeaderOffset <= input.size else {
            throw IngestError("zip: corrupt entry (local header out of bounds)")
        }
        let header = try input.read(at: entry.localHeaderOffset, count: 30)
        guard header.count == 30, Self.u32(header, 0) == 0x0403_4B50 else {
            throw IngestError("zip: corrupt entry (bad local header)")
        }
        let offset = entry.localHeaderOffset + 30 + Int(Self.u16(header, 26)) + Int(Self.u16(header, 28))
        guard entry.compressedSize >= 0, entry.compressedSize <= input.size - offset else {
            throw IngestError("zip: truncated entry data")
        }
        return offset
    }

    /// Replaces the 0xFFFFFFFF fields of `entry` with the 64-bit values of its ZIP64 extra field.
    static func applyZip64Extra(_ extra: [UInt8], to entry: inout Entry) throws(IngestError) {
        var i = 0
        while i + 4 <= extra.count {
            let id = u16(extra, i)
            let size = Int(u16(extra, i + 2))
            let body = i + 4
            guard body + size <= extra.count else { break }
            if id == 0x0001 {
                var q = body
                func next() throws(IngestError) -> Int {
                    guard q + 8 <= body + size else { throw IngestError("zip: corrupt ZIP64 extra field") }
                    defer { q += 8 }
                    let v = u64(extra, q)
                    guard v >= 0 else { throw IngestError("zip: corrupt ZIP64 extra field") }
                    return v
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
                return
            }
            i = body + size
        }
        throw IngestError("zip: ZIP64 sizes missing from the extra field")
    }

    /// A little-endian 64-bit field as an Int (negative when the top bit is set: treated as corrupt).
    static func u64(_ b: [UInt8], _ i: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(u32(b, i)) | UInt64(u32(b, i + 4)) << 32)
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }

    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
