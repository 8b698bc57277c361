import WiretraceCore

/// The bytes of one input: a file on disk (zip reads it with random access) or a stream.
enum EntryInput {
    case file(String)
    case stream(any ByteStream)
}

/// Opens an input by its format: wraps `.gz` in zlib, opens archives, and picks the record reader.
enum FormatRouter {
    /// Archives inside archives deeper than this are rejected.
    static let maxDepth = 8

    /// The first step for the input at `location`.
    static func open(_ location: EntryLocation, _ input: EntryInput, context: IngestContext) -> SourceStep {
        do {
            return try openThrowing(location, input, context: context)
        } catch {
            return .record(.rejected(Rejection(source: location.display, reason: error.reason)))
        }
    }

    static func stream(_ input: EntryInput) throws(IngestError) -> any ByteStream {
        switch input {
        case .file(let path): return try FileByteStream(path: path)
        case .stream(let s): return s
        }
    }

    /// The input as a stream, after checking that its first bytes are text (no NUL bytes).
    /// - Throws: `IngestError` for binary data or a failing stream.
    static func textStream(_ input: EntryInput) throws(IngestError) -> any ByteStream {
        let (head, stream) = try PrefixedStream.sniffing(try Self.stream(input))
        if head.contains(0) { throw IngestError("binary file (NUL bytes), not text") }
        return stream
    }

    private static func openThrowing(
        _ location: EntryLocation, _ input: EntryInput, context: IngestContext
    ) throws(IngestError) -> SourceStep {
        let config = context.configuration
        let format = InputFormat.detect(location.name)
        switch format {
        case .gzip(let inner):
            let gz = GzipStream(
                ErasedStream(try stream(input)), maxOutputBytes: config.maxInflatedBytes,
                maxRatio: config.maxCompressionRatio)
            var innerLocation = location
            innerLocation.name = inner
            return try openThrowing(innerLocation, .stream(gz), context: context)
        case .tar:
            guard location.depth < maxDepth else { throw IngestError("archives nested deeper than \(maxDepth)") }
            return .child(TarSource(stream: try stream(input), location: location, context: context))
        case .zip:
            guard location.depth < maxDepth else { throw IngestError("archives nested deeper than \(maxDepth)") }
            let access: any RandomAccessInput
            switch input {
            case .file(let path): access = try FileRandomAccess(path: path)
            case .stream(var s):
                // A zip needs random access (its directory is at the end): nested ones are read into memory.
                access = MemoryRandomAccess(try readAll(&s, limit: config.maxInflatedBytes))
            }
            return .child(try ZipSource(access: access, location: location, context: context))
        case .warc:
            return .child(WARCSource(stream: try stream(input), location: location, context: context))
        case .jsonl:
            return .child(JSONLSource(stream: try textStream(input), location: location, context: context))
        case .json:
            return .child(JSONDocumentSource(stream: try textStream(input), location: location, context: context))
        case .csv, .tsv:
            return .child(
                CSVSource(
                    stream: try textStream(input), delimiter: format == .tsv ? 0x09 : 0x2C, location: location,
                    context: context))
        case .text, .html:
            var s = try stream(input)
            // Markup is larger than its text: HTML may be up to 8 times the document limit.
            let limit =
                format == .text ? config.maxDocumentBytes : min(config.maxInflatedBytes, config.maxDocumentBytes * 8)
            let bytes = try readAll(
                &s, limit: limit,
                overLimit: format == .text
                    ? "file is over max_document_bytes (\(limit))"
                    : "file is over the HTML size limit (\(limit), 8 × max_document_bytes)")
            guard let text = context.decode(bytes) else {
                throw IngestError("binary file (NUL bytes), not text")
            }
            if format == .text {
                // The file's final newline is not part of the story.
                var body = Substring(text)
                while let last = body.last, last.isNewline || last == " " || last == "\t" { body.removeLast() }
                return .record(context.record(id: location.documentID, source: location.display, text: String(body)))
            }
            let page = HTMLExtractor.extract(text)
            context.counters.htmlDocuments += 1
            return .record(
                context.record(
                    id: location.documentID, source: location.display, text: page.text, title: page.title,
                    date: page.date, outlet: page.outlet, url: page.url, textField: "article text in the HTML"))
        case .unsupported:
            let ext = InputFormat.fileExtension(location.name.lowercased()).map { " (.\($0))" } ?? ""
            throw IngestError("unsupported file type\(ext)")
        }
    }
}
