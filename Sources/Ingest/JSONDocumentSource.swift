import WiretraceCore

/// Reads a `.json` file: an array of article objects, or one object, streaming element by element.
///
/// The array is split at its top-level commas without parsing it whole, so memory holds one element.
/// Each element is a unit named `file:line` (the line where the element starts).
final class JSONDocumentSource: RecordSource {
    private var reader: BufferedReader
    private let location: EntryLocation
    private let context: IngestContext
    private let idBase: String
    private var state: State = .start
    private var line = 1
    private var index = 0

    private enum State { case start, array, done }

    init(stream: any ByteStream, location: EntryLocation, context: IngestContext) {
        self.reader = BufferedReader(stream)
        self.location = location
        self.context = context
        self.idBase = location.documentID
    }

    private func reject(_ reason: String, at line: Int? = nil) -> SourceStep {
        state = .done
        let place = line.map { "\(location.display):\($0)" } ?? location.display
        return .record(.rejected(Rejection(source: place, reason: reason)))
    }

    /// Skips whitespace (counting lines); returns the next byte without consuming it.
    private func skipWhitespace() throws(IngestError) -> UInt8? {
        while let b = try reader.peek() {
            switch b {
            case 0x0A:
                line += 1
                reader.consume(1)
            case 0x20, 0x09, 0x0D: reader.consume(1)
            default: return b
            }
        }
        return nil
    }

    func next() -> SourceStep? {
        do {
            return try step()
        } catch {
            return reject(error.reason + "; the rest of the file is lost", at: line)
        }
    }

    private func step() throws(IngestError) -> SourceStep? {
        switch state {
        case .done:
            return nil
        case .start:
            if reader.position == 0, try reader.peek() == 0xEF {
                let bom = try reader.read(exactly: 3)
                guard bom == [0xEF, 0xBB, 0xBF] else { return reject("not JSON (invalid first bytes)", at: 1) }
            }
            guard let first = try skipWhitespace() else { return reject("empty JSON file") }
            if first == UInt8(ascii: "[") {
                reader.consume(1)
                state = .array
                guard let b = try skipWhitespace() else {
                    return reject("unexpected end of file in the array", at: line)
                }
                if b == UInt8(ascii: "]") {
                    state = .done
                    return nil
                }
                return try element()
            }
            // One value: the whole file is one document.
            let start = line
            guard let bytes = try scanValue() else { return reject("unexpected end of file", at: start) }
            state = .done
            if let rest = try skipWhitespace() {
                return reject("unexpected data after the JSON value ('\(Character(Unicode.Scalar(rest)))')", at: line)
            }
            return .record(record(bytes, line: start))
        case .array:
            guard let b = try skipWhitespace() else { return reject("unexpected end of file in the array", at: line) }
            if b == UInt8(ascii: "]") {
                reader.consume(1)
                state = .done
                if try skipWhitespace() != nil { return reject("unexpected data after the array", at: line) }
                return nil
            }
            guard b == UInt8(ascii: ",") else { return reject("expected ',' or ']' between array elements", at: line) }
            reader.consume(1)
            guard try skipWhitespace() != nil else { return reject("unexpected end of file in the array", at: line) }
            return try element()
        }
    }

    private func element() throws(IngestError) -> SourceStep {
        let start = line
        index += 1
        guard let bytes = try scanValue() else { return reject("unexpected end of file in the array", at: start) }
        return .record(record(bytes, line: start))
    }

    private func record(_ bytes: [UInt8], line start: Int) -> IngestRecord {
        let source = "\(location.display):\(start)"
        let limit = context.configuration.maxDocumentBytes
        if bytes.count > context.maxRecordBytes {
            return .rejected(Rejection(source: source, reason: "element over max_document_bytes (\(limit))"))
        }
        do {
            let value = try JSONParser.parse(bytes)
            let fallback = state == .done && index == 0 ? idBase : "\(idBase)[\(index)]"
            return FieldMapper.document(from: value, context: context, source: source, fallbackID: fallback)
        } catch {
            return .rejected(Rejection(source: source, reason: error.description))
        }
    }

    /// Reads one JSON value's bytes (not validated) up to its end at depth 0; nil at the end of file.
    ///
    /// Values over the document limit are skipped but still delimited, so the next element is found.
    private func scanValue() throws(IngestError) -> [UInt8]? {
        var out: [UInt8] = []
        let keepLimit = context.maxRecordBytes + 1
        var depth = 0
        var inString = false
        var escaped = false
        var scalar = false
        while true {
            if reader.available == 0, !(try reader.fill()) {
                // A bare scalar may end at the end of the file.
                return scalar && depth == 0 && !inString ? out : nil
            }
            var ended = false
            let buffer = reader.buffer
            let start = reader.offset
            var i = start
            let end = buffer.count
            scan: while i < end {
                let c = buffer[i]
                if inString {
                    if escaped {
                        escaped = false
                    } else if c == 0x5C {
                        escaped = true
                    } else if c == 0x22 {
                        inString = false
                        if depth == 0 {
                            i += 1
                            ended = true
                            break scan
                        }
                    }
                    i += 1
                    continue
                }
                switch c {
                case 0x22:
                    inString = true
                case 0x7B, 0x5B:
                    depth += 1
                case 0x7D, 0x5D:
                    if depth == 0 {
                        ended = true
                        break scan
                    }
                    depth -= 1
                    if depth == 0 {
                        i += 1
                        ended = true
                        break scan
                    }
                case 0x2C:
                    if depth == 0 {
                        ended = true
                        break scan
                    }
                case 0x20, 0x09, 0x0D, 0x0A:
                    if depth == 0 && scalar {
                        ended = true
                        break scan
                    }
                default:
                    if depth == 0 { scalar = true }
                }
                i += 1
            }
            let used = i - start
            line += buffer[start..<i].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            if out.count < keepLimit { out += buffer[start..<(start + min(used, keepLimit - out.count))] }
            reader.consume(used)
            if ended { return out }
        }
    }
}
