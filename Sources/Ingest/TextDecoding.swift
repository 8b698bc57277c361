/// Decodes input bytes to text: UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252.
public enum TextDecoding {
    /// How the bytes were decoded, for the summary's counters.
    public enum Encoding: String, Sendable { case utf8, utf16, windows1252 }

    /// Decodes `bytes`, or returns nil for binary data (NUL bytes in 8-bit text).
    public static func decode(_ bytes: some Collection<UInt8>) -> (String, Encoding)? {
        var b = Array(bytes)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }
        if b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0xFE, 0xFF]) {
            let little = b[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(b.count / 2)
            var i = 2
            while i + 1 < b.count {
                units.append(little ? UInt16(b[i]) | UInt16(b[i + 1]) << 8 : UInt16(b[i]) << 8 | UInt16(b[i + 1]))
                i += 2
            }
            return (String(decoding: units, as: UTF16.self), .utf16)
        }
        if b.contains(0) { return nil }
        if let s = String(validating: b, as: UTF8.self) { return (s, .utf8) }
        return (String(b.map { Character(windows1252Scalar($0)) }), .windows1252)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte < 0xA0 { return Unicode.Scalar(cp1252High[Int(byte - 0x80)]) ?? "\u{FFFD}" }
        return Unicode.Scalar(byte)
    }
}
