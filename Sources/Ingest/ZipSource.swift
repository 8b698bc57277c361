import WiretraceCore

/// Reads the entries of a zip archive in central-directory order and opens each by its own extension.
///
/// A corrupt entry (bad CRC, bad data, unsupported method) is rejected as `archive.zip!entry` and the
/// other entries are still read; unsafe names (absolute, `..`) are rejected without reading.
final class ZipSource: RecordSource {
    private let archive: ZipArchive
    private let location: EntryLocation
    private let context: IngestContext
    private var index = 0

    /// - Throws: `IngestError` when the zip's directory cannot be read.
    init(access: any RandomAccessInput, location: EntryLocation, context: IngestContext) throws(IngestError) {
        self.archive = try ZipArchive(access)
        self.location = location
        self.context = context
    }

    func next() -> SourceStep? {
        while index < archive.entries.count {
            let entry = archive.entries[index]
            index += 1
            if entry.isDirectory { continue }
            context.counters.archiveEntries += 1
            let child = location.child(entry.name)
            if let reason = ArchiveEntryName.unsafeReason(entry.name) {
                return .record(.rejected(Rejection(source: child.display, reason: reason)))
            }
            do {
                let stream = try ZipEntryStream(
                    archive: archive, entry: entry, maxOutputBytes: context.configuration.maxInflatedBytes,
                    maxRatio: context.configuration.maxCompressionRatio)
                return FormatRouter.open(child, .stream(stream), context: context)
            } catch {
                return .record(.rejected(Rejection(source: child.display, reason: error.reason)))
            }
        }
        return nil
    }
}
