/// Builds tar archives in memory for tests: ustar entries, GNU long names and pax paths.
public struct TarBuilder {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Adds a regular file (type `0`) or another type; names over 100 bytes get a GNU `L` record
    /// unless `pax` is set, which writes a pax `path` record instead.
    public mutating func add(_ name: String, _ data: [UInt8], type: UInt8 = UInt8(ascii: "0"), pax: Bool = false) {
        let nameBytes = Array(name.utf8)
        if nameBytes.count > 100 {
            if pax {
                var record = " path=\(name)\n"
                var length = record.utf8.count
                while String(length).utf8.count + record.utf8.count != length {
                    length = String(length).utf8.count + record.utf8.count
                }
                record = String(length) + record
                appendEntry(name: "PaxHeader", data: Array(record.utf8), type: UInt8(ascii: "x"))
            } else {
                appendEntry(name: "././@LongLink", data: nameBytes + [0], type: UInt8(ascii: "L"))
            }
        }
        appendEntry(name: String(decoding: nameBytes.prefix(100), as: UTF8.self), data: data, type: type)
    }

    /// Adds a text file.
    public mutating func add(_ name: String, _ text: String) { add(name, Array(text.utf8)) }

    /// The archive with its two closing zero blocks.
    public var archive: [UInt8] { bytes + [UInt8](repeating: 0, count: 1024) }

    private mutating func appendEntry(name: String, data: [UInt8], type: UInt8) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ s: [UInt8], at offset: Int, max: Int) {
            for (i, b) in s.prefix(max).enumerated() { header[offset + i] = b }
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let s = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - s.count)) + s).utf8) + [0]
        }
        put(Array(name.utf8), at: 0, max: 100)
        put(octal(0o644, width: 8), at: 100, max: 8)
        put(octal(0, width: 8), at: 108, max: 8)
        put(octal(0, width: 8), at: 116, max: 8)
        put(octal(data.count, width: 12), at: 124, max: 12)
        put(octal(0, width: 12), at: 136, max: 12)
        header[156] = type
        put(Array("ustar".utf8) + [0], at: 257, max: 6)
        put(Array("00".utf8), at: 263, max: 2)
        for i in 148..<156 { header[i] = 0x20 }
        let sum = header.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7) + [0x20], at: 148, max: 8)
        bytes += header
        bytes += data
        bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }
}
