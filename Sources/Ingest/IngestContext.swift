import WiretraceCore

/// What every format reader shares during one run: the configuration, the counters and document checks.
final class IngestContext {
    let configuration: IngestConfiguration
    let counters: IngestCounters
    /// The members of a JSON record that the field mapping can read.
    let jsonFields: JSONKeyFilter

    init(configuration: IngestConfiguration, counters: IngestCounters) {
        self.configuration = configuration
        self.counters = counters
        self.jsonFields = FieldMapper.keyFilter(for: configuration.fields)
    }

    /// The most bytes one structured record (a JSON line or array element, a CSV row) may take:
    /// the document limit plus 64 KiB for its other fields and syntax.
    var maxRecordBytes: Int { configuration.maxDocumentBytes + (1 << 16) }

    /// Builds a document after the common checks (empty text, size limit) and date normalization.
    /// `textField` names the text in the rejection of an empty one, and is built only then.
    func record(
        id: String, source: String, text: String,
        title: String? = nil, date: String? = nil, outlet: String? = nil, url: String? = nil,
        textField: @autoclosure () -> String = "text"
    ) -> IngestRecord {
        guard text.contains(where: { !$0.isWhitespace }) else {
            return .rejected(Rejection(source: source, reason: "empty \(textField())"))
        }
        let size = text.utf8.count
        if size > configuration.maxDocumentBytes {
            return .rejected(
                Rejection(
                    source: source,
                    reason: "document of \(size) bytes is over max_document_bytes (\(configuration.maxDocumentBytes))"))
        }
        var normalizedDate: String?
        if let date = date.map({ $0.trimmingWhitespace() }), !date.isEmpty {
            if let iso = DateNormalizer.normalize(date) {
                normalizedDate = iso
            } else {
                counters.unparseableDates += 1
                normalizedDate = date
            }
        }
        return .document(
            Document(
                id: id, source: source, text: text,
                title: nonEmpty(title), date: normalizedDate, outlet: nonEmpty(outlet), url: nonEmpty(url)))
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingWhitespace(), !t.isEmpty else { return nil }
        return t
    }

    /// Decodes bytes as text and counts the fallback encodings; nil for binary data.
    func decode(_ bytes: some Collection<UInt8>) -> String? {
        guard let (text, encoding) = TextDecoding.decode(bytes) else { return nil }
        switch encoding {
        case .windows1252: counters.windows1252 += 1
        case .utf16: counters.utf16 += 1
        case .utf8: break
        }
        return text
    }
}
