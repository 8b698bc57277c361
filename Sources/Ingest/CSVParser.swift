/// A streaming RFC 4180 parser: quoted fields with embedded delimiters, newlines and doubled quotes.
///
/// It reads one row at a time and reports the line each row starts on. Rows larger than
/// `maxRowBytes` are still read to their end (so parsing stays in step) but flagged, not kept.
struct CSVParser {
    /// One parsed row, or why it could not be parsed.
    enum Row {
        case fields(line: Int, [[UInt8]])
        case malformed(line: Int, String)
    }

    private var reader: BufferedReader
    private let delimiter: UInt8
    private let maxRowBytes: Int
    /// The line the next row starts on.
    private(set) var line = 1

    init(_ stream: any ByteStream, delimiter: UInt8, maxRowBytes: Int) {
        self.reader = BufferedReader(stream)
        self.delimiter = delimiter
        self.maxRowBytes = maxRowBytes
    }

    /// Drops a UTF-8 byte-order mark at the start.
    mutating func skipBOM() throws(IngestError) {
        guard reader.position == 0 else { return }
        while reader.available < 3, try reader.fill() {}
        if reader.available >= 3, reader.buffer[reader.offset..<(reader.offset + 3)].elementsEqual([0xEF, 0xBB, 0xBF]) {
            reader.consume(3)
        }
    }

    /// The next row, or nil at the end of the input.
    /// - Throws: `IngestError` from the underlying stream.
    mutating func next() throws(IngestError) -> Row? {
        guard try reader.peek() != nil else { return nil }
        let startLine = line
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var rowBytes = 0
        var oversized = false

        func keep(_ run: ArraySlice<UInt8>) {
            rowBytes += run.count
            if rowBytes > maxRowBytes { oversized = true }
            if !oversized { field += run }
        }

        while true {
            // One field.
            if try reader.peek() == 0x22 {
                reader.consume(1)
                quoted: while true {
                    guard try reader.peek() != nil else {
                        return .malformed(line: startLine, "unterminated quoted field (opened on line \(startLine))")
                    }
                    let buffer = reader.buffer
                    let start = reader.offset
                    let quote = buffer[start...].firstIndex(of: 0x22)
                    let end = quote ?? buffer.count
                    let run = buffer[start..<end]
                    line += run.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                    keep(run)
                    reader.consume(end - start)
                    guard quote != nil else { continue quoted }
                    reader.consume(1)
                    if try reader.peek() == 0x22 {
                        reader.consume(1)
                        keep([0x22])
                        continue quoted
                    }
                    break quoted
                }
            }
            // Unquoted (or the rest after a closing quote, kept as written).
            var terminator: UInt8?
            while true {
                guard try reader.peek() != nil else { break }
                let buffer = reader.buffer
                let start = reader.offset
                let delimiter = self.delimiter
                let stop = buffer[start...].firstIndex { $0 == delimiter || $0 == 0x0A || $0 == 0x0D }
                let end = stop ?? buffer.count
                keep(buffer[start..<end])
                reader.consume(end - start)
                if let stop {
                    terminator = buffer[stop]
                    break
                }
            }
            fields.append(field)
            field = []
            guard let t = terminator else { break }
            reader.consume(1)
            if t == delimiter { continue }
            if t == 0x0D, try reader.peek() == 0x0A { reader.consume(1) }
            line += 1
            break
        }
        if oversized {
            return .malformed(line: startLine, "row of \(rowBytes) bytes is over max_document_bytes (\(maxRowBytes))")
        }
        return .fields(line: startLine, fields)
    }
}
