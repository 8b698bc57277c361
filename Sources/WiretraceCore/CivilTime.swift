/// Calendar arithmetic on the ISO 8601 dates the pipeline carries (`YYYY-MM-DD` or
/// `YYYY-MM-DDTHH:MM:SSZ`, as ingest normalizes them): days and seconds since 1970-01-01 UTC.
public enum CivilTime {
    /// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's algorithm.
    public static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Seconds since 1970-01-01 UTC of a normalized date (`YYYY-MM-DD` is midnight), or nil for any
    /// other text (a date ingest could not read is kept as it was given).
    /// - Complexity: O(1): only the first 20 bytes are read.
    public static func epochSeconds(_ iso: String) -> Int? {
        var utf8 = iso.utf8.makeIterator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        while bytes.count < 21, let b = utf8.next() { bytes.append(b) }
        guard bytes.count == 10 || bytes.count == 20 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for k in from..<from + count {
                guard bytes[k] >= 0x30, bytes[k] <= 0x39 else { return nil }
                n = n * 10 + Int(bytes[k] - 0x30)
            }
            return n
        }
        guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let y = number(0, 4),
            let m = number(5, 2), let d = number(8, 2), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        var seconds = daysFromCivil(y, m, d) * 86400
        if bytes.count == 20 {
            guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
                bytes[19] == UInt8(ascii: "Z"), let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
                h <= 23, mi <= 59, s <= 60
            else { return nil }
            seconds += h * 3600 + mi * 60 + s
        }
        return seconds
    }
}
