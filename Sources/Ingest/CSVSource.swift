import WiretraceCore

/// Reads CSV or TSV with a header row; columns map to document fields by header name.
///
/// Each data row is a unit named `file:line` (the line the row starts on): a document, or a rejection
/// for a row with the wrong number of fields, a missing or empty text column, or binary data.
final class CSVSource: RecordSource {
    private var parser: CSVParser
    private let location: EntryLocation
    private let context: IngestContext
    private let idBase: String
    private var header: [String]?
    private var columns: [String: Int] = [:]
    private var done = false

    init(stream: any ByteStream, delimiter: UInt8, location: EntryLocation, context: IngestContext) {
        self.parser = CSVParser(stream, delimiter: delimiter, maxRowBytes: context.maxRecordBytes)
        self.location = location
        self.context = context
        self.idBase = location.documentID
    }

    private func reject(_ reason: String, line: Int) -> SourceStep {
        .record(.rejected(Rejection(source: "\(location.display):\(line)", reason: reason)))
    }

    func next() -> SourceStep? {
        if done { return nil }
        do {
            return try step()
        } catch {
            done = true
            return reject(error.reason + "; the rest of the file is lost", line: parser.line)
        }
    }

    private func step() throws(IngestError) -> SourceStep? {
        if header == nil { try parser.skipBOM() }
        while let row = try parser.next() {
            switch row {
            case .malformed(let line, let reason):
                if header == nil {
                    done = true
                    return reject("cannot read the header row: \(reason)", line: line)
                }
                return reject(reason, line: line)
            case .fields(let line, let raw):
                if raw.count == 1 && raw[0].isEmpty { continue }  // blank line
                var values: [String] = []
                values.reserveCapacity(raw.count)
                for bytes in raw {
                    if bytes.isEmpty {
                        values.append("")
                    } else if let s = String(validating: bytes, as: UTF8.self) {
                        values.append(s)
                    } else if let s = context.decode(bytes) {
                        values.append(s)
                    } else {
                        if header == nil { done = true }
                        return reject("binary data (NUL bytes), not text", line: line)
                    }
                }
                guard let header else {
                    header = values
                    // Names are trimmed; when two columns trim to the same name, the first one counts.
                    for (i, name) in values.enumerated() where columns[name.trimmingWhitespace()] == nil {
                        columns[name.trimmingWhitespace()] = i
                    }
                    continue
                }
                guard values.count == header.count else {
                    return reject("row has \(values.count) fields, the header has \(header.count)", line: line)
                }
                let columns = self.columns
                let record = FieldMapper.document(
                    get: { name in columns[name].map { .string(values[$0]) } },
                    context: context, source: "\(location.display):\(line)", fallbackID: "\(idBase):\(line)")
                return .record(record)
            }
        }
        done = true
        return nil
    }
}
