/// Builds zip archives in memory for tests: stored or deflated entries, optionally with a wrong CRC.
public struct ZipBuilder {
    private var body: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

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
        central += le32(crc) + le32(UInt32(compressed.count)) + le32(UInt32(data.count))
        central += le16(UInt16(nameBytes.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0)
        central += le32(UInt32(offset)) + nameBytes
        count += 1
    }

    /// Adds a text entry.
    public mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The archive bytes, with the central directory and end record.
    public var archive: [UInt8] {
        var out = body + central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
        out += le32(UInt32(central.count)) + le32(UInt32(body.count)) + le16(0)
        return out
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)] }
}
