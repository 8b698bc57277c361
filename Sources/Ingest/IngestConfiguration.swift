import WiretraceCore

/// Settings of the ingest stage: where documents come from, how fields map, and the safety limits.
public struct IngestConfiguration: Sendable, Hashable {
    /// Files or directories to read; `-` reads JSONL from standard input.
    public var inputs: [String]
    /// Field names (dotted paths for nested fields) for structured inputs (JSON objects, CSV headers).
    public var fields: FieldMapping
    /// Documents whose text is longer than this many bytes are rejected.
    public var maxDocumentBytes: Int
    /// A compressed stream (gzip, zip entry) that inflates past this many bytes is rejected.
    public var maxInflatedBytes: Int
    /// A compressed stream that inflates to more than this many times its size is rejected (after 1 MiB).
    public var maxCompressionRatio: Int
    /// Whether a document whose id was already seen is rejected (the default). Turning it off saves
    /// the index of seen ids, about 24–40 bytes per document, the only memory that grows with the dump.
    public var rejectDuplicateIDs: Bool = true

    /// Which input field carries each document attribute.
    public struct FieldMapping: Sendable, Hashable {
        public var id: String = "id"
        public var text: String = "text"
        public var title: String = "title"
        public var date: String = "date"
        public var outlet: String = "outlet"
        public var url: String = "url"
        public init() {}
    }

    public init(
        inputs: [String] = ["samples"], fields: FieldMapping = FieldMapping(), maxDocumentBytes: Int = 10 << 20,
        maxInflatedBytes: Int = 4 << 30, maxCompressionRatio: Int = 1000
    ) {
        self.inputs = inputs
        self.fields = fields
        self.maxDocumentBytes = maxDocumentBytes
        self.maxInflatedBytes = maxInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
    }

    /// Reads the stage's keys from `pipeline.json`.
    /// - Throws: `WiretraceError.config` naming the key path of a wrong or unknown key.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        self.init()
        inputs = try reader.strings("inputs", default: inputs)
        maxDocumentBytes = try reader.int("max_document_bytes", in: 1...(1 << 30), default: maxDocumentBytes)
        maxInflatedBytes = try reader.int("max_inflated_bytes", in: 1...(1 << 50), default: maxInflatedBytes)
        maxCompressionRatio = try reader.int("max_compression_ratio", in: 2...1_000_000, default: maxCompressionRatio)
        rejectDuplicateIDs = try reader.bool("reject_duplicate_ids", default: rejectDuplicateIDs)
        if let f = try reader.object("fields") {
            fields.id = try f.string("id", default: fields.id)
            fields.text = try f.string("text", default: fields.text)
            fields.title = try f.string("title", default: fields.title)
            fields.date = try f.string("date", default: fields.date)
            fields.outlet = try f.string("outlet", default: fields.outlet)
            fields.url = try f.string("url", default: fields.url)
            try f.finish()
        }
    }
}
