#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import WiretraceCore

/// The ingest stage: walks the inputs in a deterministic order and yields documents and rejections.
///
/// It streams: one document (one file, line, row, record or archive entry) is in memory at a time.
/// Directories are walked recursively in byte order; archives are read in their stored order,
/// entries by their own extension (archives inside archives too). Every input that cannot be used
/// becomes a `Rejection` naming the file, `file:line` or `archive!entry`, and reading goes on.
/// Document ids must be unique: a later duplicate is rejected naming the kept one.
///
/// Sources are named `path` (whole-file documents), `path:line` (JSONL, JSON array elements,
/// CSV/TSV rows), `path#N` (the N-th WARC record), and `archive!entry` for archive entries,
/// nested as `a.zip!inner.tar!x.txt`. Ids come from the id field, else from the path relative
/// to the input directory without its extension, archives counting as folders (`a/inner/x`).
public struct Ingestor: Sequence, Sendable {
    public static let name = "ingest"
    public let configuration: IngestConfiguration

    public init(configuration: IngestConfiguration) {
        self.configuration = configuration
    }

    public func makeIterator() -> Iterator { Iterator(configuration: configuration) }

    /// Produces the records one at a time.
    public struct Iterator: IteratorProtocol {
        /// Inputs still to read, in order (last is next).
        private var pending: [Pending] = []
        /// Readers open now: a file's reader, and on top the reader of the archive entry being read.
        private var stack: [any RecordSource] = []
        private var seenIDs = DuplicateIndex()
        /// The counters of this run; updated as records are yielded.
        public let counters = IngestCounters()
        private let context: IngestContext

        init(configuration: IngestConfiguration) {
            self.context = IngestContext(configuration: configuration, counters: counters)
            for input in configuration.inputs.reversed() {
                pending.append(.path(input, root: input))
            }
        }

        /// Reads one in-memory input called `name` (by its extension) instead of the configured inputs.
        ///
        /// For tests and fuzzing: the same readers as for files, without the file system.
        init(configuration: IngestConfiguration, name: String, bytes: [UInt8]) {
            self.context = IngestContext(configuration: configuration, counters: counters)
            pending = [.memory(name: name, bytes: bytes)]
        }

        /// An input waiting to be opened.
        private enum Pending {
            case path(String, root: String)
            case memory(name: String, bytes: [UInt8])
        }

        public mutating func next() -> IngestRecord? {
            guard let record = nextUnchecked() else { return nil }
            switch record {
            case .document: counters.accepted += 1
            case .rejected: counters.rejected += 1
            }
            return record
        }

        private mutating func nextUnchecked() -> IngestRecord? {
            while true {
                let step: SourceStep?
                if let top = stack.last {
                    step = top.next()
                    if step == nil { stack.removeLast() }
                } else {
                    guard let entry = pending.popLast() else { return nil }
                    step = open(entry)
                }
                switch step {
                case .record(let record)?: return dedupe(record)
                case .child(let source)?: stack.append(source)
                case nil: continue
                }
            }
        }

        private mutating func dedupe(_ record: IngestRecord) -> IngestRecord {
            guard context.configuration.rejectDuplicateIDs, case .document(let d) = record else { return record }
            if let kept = seenIDs.insert(id: d.id, source: d.source) {
                return .rejected(
                    Rejection(source: d.source, reason: "duplicate id \"\(d.id)\" (kept the one from \(kept))"))
            }
            return record
        }

        /// Opens one path: a directory queues its children, a file gets its reader.
        private mutating func open(_ entry: Pending) -> SourceStep? {
            let path: String
            let root: String
            switch entry {
            case .memory(let name, let bytes):
                let location = EntryLocation(name: name, display: name, idPath: name)
                return FormatRouter.open(location, .stream(MemoryByteStream(bytes)), context: context)
            case .path(let p, let r):
                path = p
                root = r
            }
            if path == "-" {
                counters.files += 1
                let location = EntryLocation(name: "-.jsonl", display: "-", idPath: "-")
                return FormatRouter.open(location, .stream(FileByteStream.stdin), context: context)
            }
            var st = stat()
            guard stat(path, &st) == 0 else {
                return .record(
                    .rejected(Rejection(source: path, reason: "cannot read: \(String(cString: strerror(errno)))")))
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                for child in Self.listDirectory(path).reversed() {
                    pending.append(.path(path.hasSuffix("/") ? path + child : path + "/" + child, root: root))
                }
                return nil
            }
            guard (st.st_mode & S_IFMT) == S_IFREG else {
                return .record(.rejected(Rejection(source: path, reason: "not a regular file")))
            }
            counters.files += 1
            let location = EntryLocation(name: path, display: path, idPath: Self.relativePath(path: path, root: root))
            return FormatRouter.open(location, .file(path), context: context)
        }

        /// A file's path relative to its input directory (its own name when the input is the file).
        static func relativePath(path: String, root: String) -> String {
            let base = root.hasSuffix("/") ? String(root.dropLast()) : root
            if path != root, path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
            return path.split(separator: "/").last.map(String.init) ?? path
        }

        /// The id of a file inside an input directory: its relative path without the extension.
        static func relativeID(path: String, root: String) -> String {
            InputFormat.strippingDocumentExtension(relativePath(path: path, root: root))
        }

        /// Directory entries, sorted by byte order for a deterministic walk; hidden files skipped.
        static func listDirectory(_ path: String) -> [String] {
            guard let dir = opendir(path) else { return [] }
            defer { closedir(dir) }
            var names: [String] = []
            while let e = readdir(dir) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }
}
