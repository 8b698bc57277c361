import WiretraceCore

/// Reads the entries of a tar archive (plain, or inside gzip) and opens each by its own extension.
///
/// Directories are skipped; links and special files are rejected; entries with absolute or `..`
/// names are rejected. A truncated or corrupt archive ends with one rejection naming where.
final class TarSource: RecordSource {
    private let tar: TarReader
    private let location: EntryLocation
    private let context: IngestContext
    private var done = false

    init(stream: any ByteStream, location: EntryLocation, context: IngestContext) {
        self.tar = TarReader(stream)
        self.location = location
        self.context = context
    }

    func next() -> SourceStep? {
        while !done {
            let entry: TarReader.Entry
            do {
                guard let e = try tar.nextEntry() else {
                    done = true
                    return nil
                }
                entry = e
            } catch {
                done = true
                // A failure inside an entry was already reported by that entry's reader.
                if tar.failedInEntry { return nil }
                return .record(.rejected(Rejection(source: location.display, reason: error.reason)))
            }
            if entry.type == UInt8(ascii: "5") || entry.name.hasSuffix("/") { continue }  // directory
            context.counters.archiveEntries += 1
            let child = location.child(entry.name)
            if let reason = ArchiveEntryName.unsafeReason(entry.name) {
                return .record(.rejected(Rejection(source: child.display, reason: reason)))
            }
            guard entry.isRegularFile else {
                return .record(
                    .rejected(
                        Rejection(
                            source: child.display,
                            reason: "not a regular file (tar type '\(Character(Unicode.Scalar(entry.type)))')")))
            }
            return FormatRouter.open(child, .stream(TarEntryStream(tar: tar)), context: context)
        }
        return nil
    }
}
