import WiretraceCore

/// Reads a plain-text article: the whole file is one document.
enum TextSource {
    static func record(bytes: [UInt8], id: String, source: String, counters: Ingestor.Counters) -> IngestRecord {
        guard let (text, encoding) = TextDecoding.decode(bytes) else {
            return .rejected(Rejection(source: source, reason: "binary file (NUL bytes), not text"))
        }
        if encoding == .windows1252 { counters.windows1252 += 1 }
        if encoding == .utf16 { counters.utf16 += 1 }
        guard text.contains(where: { !$0.isWhitespace }) else {
            return .rejected(Rejection(source: source, reason: "empty text"))
        }
        return .document(Document(id: id, source: source, text: text))
    }
}
