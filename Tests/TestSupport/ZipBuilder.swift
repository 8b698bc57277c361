/// Builds zip archives in memory for tests: stored or deflated entries, optionally with a wrong CRC,
/// optionally in ZIP64 form (64-bit sizes in extra fields and a ZIP64 end record).
public struct ZipBuilder {
    private var body: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    private let zip64: Bool

    public init(zip64: Bool = false) { self.zip64 = zip64 }

    /// Adds an entry; `corruptCRC` stores a wrong checksum, `method` 0 stores, 8 deflates.
    public mutating func add(_ name: String, _ data: [UInt8], method: UInt16 = 8, corruptCRC: Bool = false) {
        let compressed = method == 8 ? Deflate.raw(data) : data
        var crc = Deflate.crc32(data)
        if corruptCRC { crc ^= 0xDEAD_BEEF }
        let nameBytes = Array(name.utf8)
        let offset = body.count
        var local: [UInt8] = []
        local += le32(0x0403_4B50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0)
        local += le32(crc) + le32(UInt32(compressed.count)) + le32(UInt32(data.count))
        local += le16(UInt16(nameBytes.count)) + le16(0) + nameBytes
        body += local + compressed
        central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0)
        if zip64 {
            let extra =
                le16(1) + le16(24) + le64(UInt64(data.count)) + le64(UInt64(compressed.count)) + le64(UInt64(offset))
            central += le32(crc) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF)
            central += le16(UInt16(nameBytes.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0)
            central += le32(0xFFFF_FFFF) + nameBytes + extra
        } else {
            central += le32(crc) + le32(UInt32(compressed.count)) + le32(UInt32(data.count))
            central += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
            central += le32(UInt32(offset)) + nameBytes
        }
        count += 1
    }

    /// Adds a text entry.
    public mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The archive bytes, with the central directory and end record.
    public var archive: [UInt8] {
        var out = body + central
        if zip64 {
            let recordOffset = UInt64(out.count)
            out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
            out += le64(UInt64(count)) + le64(UInt64(count)) + le64(UInt64(central.count)) + le64(UInt64(body.count))
            out += le32(0x0706_4B50) + le32(0) + le64(recordOffset) + le32(1)
            out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF)
            out += le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
            return out
        }
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
        out += le32(UInt32(central.count)) + le32(UInt32(body.count)) + le16(0)
        return out
    }

    private func le64(_ v: UInt64) -> [UInt8] { le32(UInt32(v & 0xFFFF_FFFF)) + le32(UInt32(v >> 32)) }
    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] {
        [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
    }
}
