import WiretraceCore

/// Reads JSON Lines: one article object per line, fields found through the configured mapping.
struct JSONLSource<Base: ByteStream>: RecordSource {
    private var lines: LineReader<Base>
    let name: String
    let configuration: IngestConfiguration
    let counters: Ingestor.Counters
    private var failed = false

    init(stream: Base, name: String, configuration: IngestConfiguration, counters: Ingestor.Counters) {
        self.lines = LineReader(stream)
        self.name = name
        self.configuration = configuration
        self.counters = counters
    }

    mutating func next() -> IngestRecord? {
        if failed { return nil }
        while true {
            let line: ArraySlice<UInt8>
            do {
                guard let l = try lines.next() else { return nil }
                line = l
            } catch {
                failed = true
                return .rejected(Rejection(source: "\(name):\(lines.lineNumber + 1)", reason: error.reason + "; the rest of the file is lost"))
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let source = "\(name):\(lines.lineNumber)"
            if line.count > configuration.maxDocumentBytes {
                return .rejected(Rejection(source: source, reason: "line longer than max_document_bytes (\(configuration.maxDocumentBytes))"))
            }
            let value: JSONValue
            do {
                value = try JSONParser.parse(line)
            } catch {
                return .rejected(Rejection(source: source, reason: error.description))
            }
            return FieldMapper.document(from: value, fields: configuration.fields, source: source, fallbackID: source)
        }
    }
}

/// Maps a JSON object's fields to a `Document`.
enum FieldMapper {
    /// The value at a dotted path (`content.body`), or nil.
    static func lookup(_ value: JSONValue, _ path: String) -> JSONValue? {
        var v = value
        for part in path.split(separator: ".") {
            guard let next = v[String(part)] else { return value[path] }
            v = next
        }
        return v
    }

    static func scalarString(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    static func document(from value: JSONValue, fields: IngestConfiguration.FieldMapping, source: String, fallbackID: String) -> IngestRecord {
        guard case .object = value else {
            return .rejected(Rejection(source: source, reason: "expected a JSON object, got \(value.typeName)"))
        }
        guard let textValue = lookup(value, fields.text) else {
            return .rejected(Rejection(source: source, reason: "missing text field \"\(fields.text)\""))
        }
        guard case .string(let text) = textValue else {
            return .rejected(Rejection(source: source, reason: "text field \"\(fields.text)\" is \(textValue.typeName), not a string"))
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            return .rejected(Rejection(source: source, reason: "empty text field \"\(fields.text)\""))
        }
        let id = scalarString(lookup(value, fields.id)) ?? fallbackID
        return .document(Document(
            id: id, source: source, text: text,
            title: scalarString(lookup(value, fields.title)),
            date: scalarString(lookup(value, fields.date)),
            outlet: scalarString(lookup(value, fields.outlet)),
            url: scalarString(lookup(value, fields.url))))
    }
}
