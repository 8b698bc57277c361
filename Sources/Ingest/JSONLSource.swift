import WiretraceCore

/// Reads JSON Lines: one article object per line, fields found through the field mapping.
///
/// Each line is a unit: a document, or a rejection named `file:line`. A stream error (a corrupt
/// `.jsonl.gz`) ends the file with one rejection at the line where it happened.
final class JSONLSource: RecordSource {
    private var lines: LineReader<ErasedStream>
    private let location: EntryLocation
    private let context: IngestContext
    private let idBase: String
    /// `file:`, to which each line's number is appended for its source.
    private let sourcePrefix: String
    private var failed = false
    /// Room for unescaping a line's strings, reused from line to line.
    private var scratch: [UInt8] = []

    init(stream: any ByteStream, location: EntryLocation, context: IngestContext) {
        self.lines = LineReader(ErasedStream(stream))
        self.location = location
        self.context = context
        self.idBase = location.documentID
        self.sourcePrefix = location.display + ":"
    }

    func next() -> SourceStep? {
        if failed { return nil }
        while true {
            let line: ArraySlice<UInt8>
            do {
                guard let l = try lines.next() else { return nil }
                line = l
            } catch {
                failed = true
                return .record(
                    .rejected(
                        Rejection(
                            source: "\(location.display):\(lines.lineNumber + 1)",
                            reason: error.reason + "; the rest of the file is lost")))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return .record(record(line: line, number: lines.lineNumber))
        }
    }

    /// The record for one line.
    ///
    /// The line is parsed in place keeping only the members the field mapping reads
    /// (`IngestContext.jsonFields`); other members are checked, not built.
    private func record(line: ArraySlice<UInt8>, number: Int) -> IngestRecord {
        let source = sourcePrefix + String(number)
        let limit = context.configuration.maxDocumentBytes
        if line.count > context.maxRecordBytes {
            return .rejected(
                Rejection(source: source, reason: "line of \(line.count) bytes is over max_document_bytes (\(limit))"))
        }
        var body = line
        if number == 1, body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let value: JSONValue
        do {
            value = try body.withUnsafeBufferPointer { bytes throws(JSONParser.SyntaxError) in
                try JSONParser.parse(bytes, keeping: context.jsonFields, scratch: &scratch)
            }
        } catch {
            return .rejected(Rejection(source: source, reason: error.description))
        }
        return FieldMapper.document(from: value, context: context, source: source, fallbackID: "\(idBase):\(number)")
    }
}
