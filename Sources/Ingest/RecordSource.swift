import WiretraceCore

/// One step of a format reader: a record, or a nested reader (an archive entry) to read first.
enum SourceStep {
    case record(IngestRecord)
    case child(any RecordSource)
}

/// A reader of one input (a file, an archive entry) that yields its records one at a time.
///
/// Readers are classes: an archive's reader and its current entry's reader share the archive stream.
protocol RecordSource: AnyObject {
    /// The next step, or nil when the input is exhausted.
    func next() -> SourceStep?
}
