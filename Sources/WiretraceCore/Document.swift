/// An article as read from the input, before any processing.
///
/// `source` names where it came from: a file path, `archive!entry`, or `file:line` for line-based formats.
public struct Document: Sendable, Hashable {
    /// The document's identifier, unique within a run.
    public var id: String
    /// Where the document was read from (file path, `archive!entry`, `file:line`).
    public var source: String
    /// The article text as given (after decoding and, for markup, text extraction).
    public var text: String
    /// The headline, when the input has one.
    public var title: String?
    /// The publication date as given in the input.
    public var date: String?
    /// The publishing outlet (site, newspaper, agency), when known.
    public var outlet: String?
    /// The article's URL, when known.
    public var url: String?

    public init(
        id: String, source: String, text: String,
        title: String? = nil, date: String? = nil, outlet: String? = nil, url: String? = nil
    ) {
        self.id = id
        self.source = source
        self.text = text
        self.title = title
        self.date = date
        self.outlet = outlet
        self.url = url
    }
}

/// An input that could not be used, with the place and the reason.
public struct Rejection: Sendable, Hashable {
    /// The file, `file:line` or `archive!entry` that was rejected.
    public var source: String
    /// What is wrong with it, in words a user can act on.
    public var reason: String

    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }
}

/// One item of the ingest stream: a usable document or a rejected input.
public enum IngestRecord: Sendable, Hashable {
    case document(Document)
    case rejected(Rejection)
}
