/// What the ingest stage read, for the run summary.
///
/// "Read" units are counted one per yielded record: every document and every rejection is one unit,
/// so `read == accepted + rejected` always holds.
public final class IngestCounters: @unchecked Sendable {
    /// Documents yielded.
    public internal(set) var accepted = 0
    /// Rejections yielded (one per rejected file, line, row, record or archive entry).
    public internal(set) var rejected = 0
    /// Texts that were not valid UTF-8 and were decoded as Windows-1252.
    public internal(set) var windows1252 = 0
    /// Texts decoded from UTF-16 (with a byte-order mark).
    public internal(set) var utf16 = 0
    /// Dates that could not be parsed; they are kept as given.
    public internal(set) var unparseableDates = 0
    /// Files opened from the file system (or standard input).
    public internal(set) var files = 0
    /// Entries read from inside archives (tar, zip).
    public internal(set) var archiveEntries = 0
    /// Documents whose text came from HTML markup (files, archive entries, WARC records).
    public internal(set) var htmlDocuments = 0
    /// WARC records skipped because they are not documents (request, metadata, warcinfo...).
    public internal(set) var warcRecordsSkipped = 0

    /// Every unit read: `accepted + rejected`.
    public var read: Int { accepted + rejected }

    public init() {}
}
