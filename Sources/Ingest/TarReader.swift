/// Reads a tar archive (ustar, GNU long names, pax `path`/`size`) from a stream, entry by entry.
///
/// Nothing is written to disk: each entry is a bounded stream over the archive's bytes. Entry names
/// that are absolute or contain `..` are reported as unsafe, never used as paths.
final class TarReader {
    /// One member header.
    struct Entry {
        var name: String
        var size: Int
        /// `0`/NUL regular file, `5` directory, `1`/`2` links, others special.
        var type: UInt8
        var isRegularFile: Bool { type == 0x30 || type == 0 || type == 0x37 }
    }

    private var reader: BufferedReader
    /// Bytes of the current entry not yet read.
    private(set) var remaining = 0
    private var padding = 0
    /// Set once the archive stream failed; the reader yields nothing more.
    private(set) var failure: IngestError?
    /// Whether the failure happened while an entry's reader was reading (that reader reported it).
    private(set) var failedInEntry = false
    private var globalPath: String?

    init(_ stream: any ByteStream) {
        self.reader = BufferedReader(stream, chunkSize: 1 << 16)
    }

    private func fail(_ error: IngestError) -> IngestError {
        if failure == nil { failure = error }
        return error
    }

    /// Reads up to `maxCount` bytes of the current entry.
    /// - Throws: `IngestError` when the archive is cut short or its stream fails.
    func readEntry(maxCount: Int) throws(IngestError) -> [UInt8] {
        if let failure { throw failure }
        guard remaining > 0 else { return [] }
        let chunk: ArraySlice<UInt8>
        do {
            chunk = try reader.read(upTo: min(maxCount, remaining))
        } catch {
            failedInEntry = failure == nil
            throw fail(error)
        }
        if chunk.isEmpty {
            failedInEntry = failure == nil
            throw fail(IngestError("tar: truncated archive (entry cut short)"))
        }
        remaining -= chunk.count
        return Array(chunk)
    }

    /// The next entry's header, after skipping what is left of the current one; nil at the end.
    /// - Throws: `IngestError` for a corrupt header or a truncated archive.
    func nextEntry() throws(IngestError) -> Entry? {
        if let failure { throw failure }
        do {
            return try readHeader()
        } catch {
            throw fail(error)
        }
    }

    private func readHeader() throws(IngestError) -> Entry? {
        let toSkip = remaining + padding
        if toSkip > 0 {
            guard try reader.skip(toSkip) == toSkip else {
                throw IngestError("tar: truncated archive (entry cut short)")
            }
            remaining = 0
            padding = 0
        }
        var longName: String?
        var paxPath: String?
        var paxSize: Int?
        while true {
            let block = try reader.read(exactly: 512)
            if block.isEmpty { return nil }  // end without the two zero blocks: tolerated
            guard block.count == 512 else { throw IngestError("tar: truncated archive (header cut short)") }
            if block.allSatisfy({ $0 == 0 }) { return nil }
            guard let stored = Self.octal(block[148..<156]) else {
                throw IngestError("tar: corrupt header (bad checksum field)")
            }
            var sum = 0
            for (i, b) in block.enumerated() { sum += (148..<156).contains(i) ? 0x20 : Int(b) }
            guard sum == stored else { throw IngestError("tar: corrupt header (checksum mismatch)") }
            guard var size = Self.number(block[124..<136]), size >= 0 else {
                throw IngestError("tar: corrupt header (bad size)")
            }
            if let paxSize { size = paxSize }
            let type = block[156]
            let pad = (512 - size % 512) % 512
            switch type {
            case UInt8(ascii: "L"), UInt8(ascii: "x"), UInt8(ascii: "g"):
                guard size <= 1 << 20 else { throw IngestError("tar: extended header too large") }
                let data = try reader.read(exactly: size)
                guard data.count == size, try reader.skip(pad) == pad else {
                    throw IngestError("tar: truncated archive (extended header cut short)")
                }
                if type == UInt8(ascii: "L") {
                    longName = String(decoding: data.prefix { $0 != 0 }, as: UTF8.self)
                } else {
                    let records = Self.pax(data)
                    if type == UInt8(ascii: "x") {
                        paxPath = records["path"] ?? paxPath
                        if let s = records["size"], let n = Int(s), n >= 0 { paxSize = n }
                    } else if let p = records["path"] {
                        globalPath = p
                    }
                }
                continue
            default:
                break
            }
            var name = Self.string(block[0..<100])
            if block[257..<262].elementsEqual(Array("ustar".utf8)) {
                let prefix = Self.string(block[345..<500])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            if let longName { name = longName }
            if let paxPath { name = paxPath }
            remaining = size
            padding = pad
            return Entry(name: name, size: size, type: type)
        }
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal field (NUL or space terminated), or nil.
    static func octal(_ bytes: ArraySlice<UInt8>) -> Int? {
        var n = 0
        var digits = 0
        for b in bytes {
            if b == 0 || b == 0x20 {
                if digits > 0 { break } else { continue }
            }
            guard b >= 0x30 && b <= 0x37, digits < 20 else { return nil }
            n = n * 8 + Int(b - 0x30)
            digits += 1
        }
        return n
    }

    /// A numeric field: octal, or GNU base-256 when the high bit of the first byte is set.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        if first & 0x80 != 0 {
            var n = Int(first & 0x7F)
            for b in bytes.dropFirst() {
                guard n < (1 << 48) else { return nil }
                n = n << 8 | Int(b)
            }
            return n
        }
        return octal(bytes)
    }

    /// Pax extended header records: `"<len> key=value\n"`.
    static func pax(_ data: [UInt8]) -> [String: String] {
        var out: [String: String] = [:]
        var i = 0
        while i < data.count {
            var j = i
            var len = 0
            while j < data.count, data[j] >= 0x30, data[j] <= 0x39, len < 1 << 20 {
                len = len * 10 + Int(data[j] - 0x30)
                j += 1
            }
            guard len > 0, j < data.count, data[j] == 0x20, i + len <= data.count, i + len > j + 1 else { break }
            let record = data[(j + 1)..<(i + len)]
            if let eq = record.firstIndex(of: 0x3D) {
                let key = String(decoding: record[record.startIndex..<eq], as: UTF8.self)
                var value = record[(eq + 1)...]
                if value.last == 0x0A { value = value.dropLast() }
                out[key] = String(decoding: value, as: UTF8.self)
            }
            i += len
        }
        return out
    }
}
