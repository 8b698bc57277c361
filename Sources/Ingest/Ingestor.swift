#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WiretraceCore

/// The ingest stage: walks the inputs in a deterministic order and yields documents and rejections.
///
/// It streams: one file (or one line of a JSONL file) is in memory at a time. Every input that
/// cannot be used becomes a `Rejection` naming the file, line or entry, and reading goes on.
/// Document ids must be unique: a later duplicate is rejected naming the kept one.
public struct Ingestor: Sequence, Sendable {
    public static let name = "ingest"
    public let configuration: IngestConfiguration

    public init(configuration: IngestConfiguration) {
        self.configuration = configuration
    }

    public func makeIterator() -> Iterator { Iterator(configuration: configuration) }

    /// Counters the summary reports (e.g. how many texts needed the Windows-1252 fallback).
    public final class Counters: @unchecked Sendable {
        public var windows1252 = 0
        public var utf16 = 0
    }

    /// Produces the records one at a time.
    public struct Iterator: IteratorProtocol {
        let configuration: IngestConfiguration
        /// Files still to read, in order.
        private var pending: [(path: String, display: String, root: String)] = []
        private var current: (any RecordSource)?
        private var queued: [IngestRecord] = []
        private var seenIDs: [String: String] = [:]
        public let counters = Counters()

        init(configuration: IngestConfiguration) {
            self.configuration = configuration
            for input in configuration.inputs.reversed() {
                pending.append((input, input, input))
            }
        }

        public mutating func next() -> IngestRecord? {
            while true {
                if !queued.isEmpty { return queued.removeFirst() }
                if var source = current {
                    let record = source.next()
                    current = source
                    guard let record else {
                        current = nil
                        continue
                    }
                    return dedupe(record)
                }
                guard let entry = pending.popLast() else { return nil }
                open(entry)
            }
        }

        private mutating func dedupe(_ record: IngestRecord) -> IngestRecord {
            guard case .document(let d) = record else { return record }
            if let kept = seenIDs[d.id] {
                return .rejected(Rejection(source: d.source, reason: "duplicate id \"\(d.id)\" (kept the one from \(kept))"))
            }
            seenIDs[d.id] = d.source
            return record
        }

        private mutating func open(_ entry: (path: String, display: String, root: String)) {
            let path = entry.path
            if path == "-" {
                current = JSONLSource(stream: FileByteStream.stdin, name: "-", configuration: configuration, counters: counters)
                return
            }
            var st = stat()
            guard stat(path, &st) == 0 else {
                queued.append(.rejected(Rejection(source: entry.display, reason: "cannot read: \(String(cString: strerror(errno)))")))
                return
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let children = Self.listDirectory(path)
                for child in children.reversed() {
                    pending.append((path + "/" + child, path + "/" + child, entry.root))
                }
                return
            }
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let lower = name.lowercased()
            do {
                if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
                    current = JSONLSource(stream: try FileByteStream(path: path), name: entry.display, configuration: configuration, counters: counters)
                } else if lower.hasSuffix(".jsonl.gz") || lower.hasSuffix(".ndjson.gz") {
                    current = JSONLSource(stream: GzipStream(try FileByteStream(path: path)), name: entry.display, configuration: configuration, counters: counters)
                } else if lower.hasSuffix(".txt") {
                    var stream = try FileByteStream(path: path)
                    defer { stream.close() }
                    let bytes = try readAll(&stream, limit: configuration.maxDocumentBytes)
                    let id = Self.relativeID(path: path, root: entry.root)
                    queued.append(TextSource.record(bytes: bytes, id: id, source: entry.display, counters: counters))
                } else {
                    queued.append(.rejected(Rejection(source: entry.display, reason: "unsupported file type")))
                }
            } catch {
                queued.append(.rejected(Rejection(source: entry.display, reason: error.reason)))
            }
        }

        /// The id of a file inside an input directory: its relative path without the extension.
        static func relativeID(path: String, root: String) -> String {
            var rel = path
            if path != root, path.hasPrefix(root + "/") { rel = String(path.dropFirst(root.count + 1)) }
            else if let last = path.split(separator: "/").last { rel = String(last) }
            if let dot = rel.lastIndex(of: "."), !rel[dot...].contains("/") { rel = String(rel[..<dot]) }
            return rel
        }

        /// Directory entries, sorted by byte order for a deterministic walk; hidden files skipped.
        static func listDirectory(_ path: String) -> [String] {
            guard let dir = opendir(path) else { return [] }
            defer { closedir(dir) }
            var names: [String] = []
            while let e = readdir(dir) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
    }
}

/// A stream of records from one input file.
protocol RecordSource {
    mutating func next() -> IngestRecord?
}

extension FileByteStream {
    /// Standard input.
    static var stdin: FileByteStream {
        // Opening "-" never fails.
        (try? FileByteStream(path: "-")) ?? { fatalError("unreachable") }()
    }
}
