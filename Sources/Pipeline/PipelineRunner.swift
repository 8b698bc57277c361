import Attribute
import Cluster
import Ingest
import Normalize
import Report
import Sketch
import WiretraceCore

#if canImport(Glibc)
    import Glibc
#endif

/// The Wiretrace version written into the reports.
public enum WiretraceVersion {
    public static let current = "0.1.0"
}

/// Runs the stages of a `PipelineConfiguration` and writes the outputs.
///
/// Documents stream through ingest → normalize → sketch in chunks, in parallel, in input order;
/// their texts and tokens go to a spill file and only sketches stay in memory. Clustering is the
/// one barrier. Attribution then goes cluster by cluster and the reports are written atomically.
public struct PipelineRunner: Sendable {
    public let configuration: PipelineConfiguration
    /// Print a progress line to stderr (only when it is a terminal).
    public var showProgress: Bool
    /// Documents handed to the parallel stages at a time.
    public var chunkSize = 1024

    /// Makes each stored document's verification profile.
    let profiler: VerificationProfile.Builder

    public init(configuration: PipelineConfiguration, showProgress: Bool = false) {
        self.configuration = configuration
        self.showProgress = showProgress
        profiler = VerificationProfile.Builder(configuration: configuration.cluster)
    }

    /// The configured number of threads, or one per online core when it is 0.
    var workerThreads: Int {
        configuration.threads > 0 ? configuration.threads : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Runs the pipeline.
    /// - Returns: the summary that was written to `summary.json`.
    /// - Throws: `WiretraceError` for output failures; bad inputs are rejections, not errors.
    public func run() async throws -> RunSummary {
        let clock = ContinuousClock()
        let runStart = clock.now
        let output = configuration.report.outputDirectory
        try makeDirectories(output)
        let threads = workerThreads
        let progress = Progress(enabled: showProgress && isatty(2) == 1)

        let store = try SpillStore()
        let rejectedFile = try AtomicFile(path: output + "/rejected.jsonl")
        let normalizer = Normalizer(configuration: configuration.normalize)
        let sketcher = Sketcher(configuration: configuration.sketch)
        var summary = RunSummary()
        summary.version = WiretraceVersion.current
        summary.configPath = configuration.path
        summary.threads = threads
        var times = StageTimes()

        // Streaming stages: ingest → normalize → sketch; texts and tokens go to the spill store.
        // Kept per accepted document: the document with its text emptied, and where the text is.
        var kept: [Document] = []
        var stored: [StoredDocumentRef] = []
        // Each document's verification profile follows its record in the store; its size.
        var profileBytes: [UInt32] = []
        // One copy of each outlet name (of the first 4096), shared by its documents: a run has many
        // documents and few outlets.
        var outlets: [String: String] = [:]
        var sketches = SketchTable(spill: store)
        var iterator = Ingestor(configuration: configuration.ingest).makeIterator()
        try await stream(
            &iterator, normalizer: normalizer, sketcher: sketcher, threads: threads, spill: true,
            summary: &summary, times: &times, rejectedFile: rejectedFile
        ) { chunk, results in
            for (i, r) in results.enumerated() {
                var d = chunk[i]
                let ref = try store.append(record: r.record)
                let profile = try store.append(bytes: r.profile)
                precondition(profile.offset == ref.offset + UInt64(ref.byteCount), "a profile follows its record")
                profileBytes.append(profile.byteCount)
                d.text = ""
                if let o = d.outlet {
                    if let shared = outlets[o] { d.outlet = shared } else if outlets.count < 4096 { outlets[o] = o }
                }
                try sketches.append(r.sketch, date: d.date)
                kept.append(d)
                stored.append(ref)
            }
        }
        try store.sync()
        releaseFreeMemory()
        summary.accepted = kept.count
        let counters = iterator.counters
        summary.counters += [
            ("ingest.files", counters.files),
            ("ingest.archive_entries", counters.archiveEntries),
            ("ingest.html_documents", counters.htmlDocuments),
            ("ingest.warc_records_skipped", counters.warcRecordsSkipped),
            ("ingest.unparseable_dates", counters.unparseableDates),
            ("ingest.windows1252_texts", counters.windows1252),
            ("ingest.utf16_texts", counters.utf16),
        ]

        // The barrier: clustering.
        progress.update("clustering \(kept.count) documents")
        let tc = clock.now
        let refs = stored
        // Evidence extraction — regular expressions over each text, most of attribution's time —
        // needs the document alone, not the clusters. With more than one thread it starts here and
        // runs beside clustering, which keeps about one core busy; with one thread it runs after,
        // as before. Either way each document's evidence is the same.
        let attributor = configuration.attribute.map { Attributor(configuration: $0) }
        let outletNames = kept.map(\.outlet)
        async let earlyEvidence =
            threads > 1 ? Self.evidence(attributor, refs, outletNames, store, threads: threads) : nil
        let shingleSize = configuration.sketch.shingleSize
        let clusterer = Clusterer(
            configuration: configuration.cluster, shingleSize: shingleSize,
            tokens: { ordinal in try store.tokens(refs[ordinal]) },
            tokensInto: { ordinal, tokens in try store.tokens(refs[ordinal], into: &tokens) },
            words: { ordinal, hashes, quoted, facts in
                try store.words(refs[ordinal], into: &hashes, &quoted, &facts)
            },
            shingler: { hashes in
                var out: [UInt64] = []
                Shingler.shingles(hashes, k: shingleSize, into: &out)
                return out
            },
            profiles: { [profileBytes] ordinal, bytes in
                let ref = refs[ordinal]
                try store.bytes(
                    StoredDocumentRef(
                        offset: ref.offset + UInt64(ref.byteCount), byteCount: profileBytes[ordinal], textByteCount: 0),
                    into: &bytes)
            }, threads: threads)
        let clustering = try clusterer.run(consume sketches)
        releaseFreeMemory()
        times.add("cluster", clock.now - tc)
        summary.counters += clustering.counters.map { ("cluster.\($0.0)", $0.1) }

        // Attribution, cluster by cluster.
        progress.update("attributing \(clustering.clusters.count) clusters")
        let ta = clock.now
        var attributions = [DocumentAttribution](
            repeating: DocumentAttribution(agency: nil, confidence: 0, evidence: []), count: kept.count)
        var origins = [ClusterAttribution](
            repeating: ClusterAttribution(agency: nil, confidence: 0), count: clustering.clusters.count)
        let early = try await earlyEvidence
        if let attributor {
            // Evidence per document (see above: extracted beside clustering, or now), on `threads`
            // tasks — per document rather than per cluster, so that one story republished
            // thousands of times is spread over all threads too; it is what the reports keep
            // anyway. Then clusters, independent of each other, are attributed in parallel as
            // well; results are put back in order, so the outcome does not depend on the threads.
            let clusters = clustering.clusters
            let members = kept
            let evidence: [[Evidence]]
            if let early {
                evidence = early
            } else {
                evidence = try await Self.evidence(attributor, refs, outletNames, store, threads: threads) ?? []
            }
            let outputs = try await orderedParallelMap(count: clusters.count, threads: threads, batch: 256) { c in
                let input = clusters[c].members.map { m in
                    (ordinal: m, id: members[m].id, evidence: evidence[m])
                }
                return attributor.process(Attributor.Input(members: input))
            }
            for (c, result) in outputs.enumerated() {
                origins[c] = result.cluster
                for (i, m) in clusters[c].members.enumerated() { attributions[m] = result.members[i] }
            }
        }
        times.add("attribute", clock.now - ta)

        // Reports.
        progress.update("writing reports")
        let tr = clock.now
        let documentsFile = try AtomicFile(path: output + "/documents.jsonl")
        var reportDocuments: [ReportDocument] = []
        reportDocuments.reserveCapacity(kept.count)
        for (ordinal, document) in kept.enumerated() {
            let c = clustering.clusterIndex[ordinal]
            let rd = ReportDocument(
                ordinal: ordinal, document: document, cluster: clustering.clusters[c].number,
                role: clustering.roles[ordinal], similarity: clustering.similarityToRoot[ordinal],
                attribution: attributions[ordinal])
            reportDocuments.append(rd)
        }
        // The documents and their attributions live on in `reportDocuments` alone.
        kept = []
        attributions = []
        releaseFreeMemory()
        let lineDocuments = reportDocuments
        try await Self.writeLines(count: lineDocuments.count, threads: threads, to: documentsFile) {
            JSONOutputs.documentLine(lineDocuments[$0])
        }
        let clustersFile = try AtomicFile(path: output + "/clusters.jsonl")
        var reportClusters: [ReportCluster] = []
        for (c, cluster) in clustering.clusters.enumerated() where cluster.members.count > 1 {
            let rc = ReportCluster(cluster: cluster, documents: reportDocuments, origin: origins[c])
            try clustersFile.write(JSONOutputs.clusterLine(rc))
            reportClusters.append(rc)
            summary.clusters += 1
            summary.documentsInClusters += cluster.members.count
        }
        summary.stageSeconds = times.items
        summary.stageSeconds.append(("total", seconds(clock.now - runStart)))

        let keptRefs = refs
        try await writeHumanReports(
            summary: summary, documents: reportDocuments, clusters: reportClusters, clustering: clustering,
            threads: threads,
            text: { (ordinal: Int) throws(WiretraceError) -> String in try store.text(keptRefs[ordinal]) })
        try documentsFile.commit()
        try clustersFile.commit()
        try rejectedFile.commit()
        // summary.json's timings include the human reports and the commits (the reports themselves
        // are written first, so they carry the timings up to that point).
        times.add("report", clock.now - tr)
        summary.stageSeconds = times.items
        summary.stageSeconds.append(("total", seconds(clock.now - runStart)))
        try AtomicFile.write(JSONOutputs.summary(summary), to: output + "/summary.json")
        progress.finish()
        return summary
    }

    /// Writes `line(0) ..< line(count - 1)` (lines, or larger pieces) to `file` in order, built on `threads` tasks a
    /// window at a time (so at most one window of lines is in memory).
    static func writeLines(
        count: Int, threads: Int, to file: AtomicFile, _ line: @escaping @Sendable (Int) -> String
    ) async throws {
        let window = 16_384
        for first in stride(from: 0, to: count, by: window) {
            let n = min(window, count - first)
            let lines = try await orderedParallelMap(count: n, threads: threads, batch: 512) { line(first + $0) }
            for l in lines { try file.write(l) }
        }
    }

    /// Writes `report.md` and `report.html` (with its extra pages), as the config asks.
    private func writeHumanReports(
        summary: RunSummary, documents: [ReportDocument], clusters: [ReportCluster],
        clustering: Clustering, threads: Int,
        text: @escaping @Sendable (Int) throws(WiretraceError) -> String
    ) async throws {
        let formats = configuration.report.formats
        guard formats.contains("md") || formats.contains("html") else { return }
        let output = configuration.report.outputDirectory
        let overview = ReportOverview(documents: documents, clusters: clusters)
        let singletons = documents.filter { $0.role == .unique }
        if formats.contains("md") {
            // Written in pieces: the report grows with the run, and need not be held whole. The
            // clusters' sections and the rows of the documents alone are made on `threads` tasks,
            // a window at a time, and written in order.
            let file = try AtomicFile(path: output + "/report.md")
            var md = MarkdownReport(summary: summary)
            md.addOverview(overview)
            try file.write(md.takeText())
            try await Self.writeLines(count: clusters.count, threads: threads, to: file) {
                MarkdownReport.section(clusters[$0])
            }
            if !singletons.isEmpty {
                try file.write(MarkdownReport.singletonsHeader(count: singletons.count))
                try await Self.writeLines(count: singletons.count, threads: threads, to: file) {
                    MarkdownReport.singletonRow(singletons[$0])
                }
                try file.write(MarkdownReport.singletonsEnd)
            }
            try file.commit()
        }
        if formats.contains("html") {
            // Pages are independent: rendered `threads` at a time (reading texts back from the
            // store), written in order.
            let html = HTMLReport(summary: summary, configuration: configuration.report)
            let layout = html.layout(clusters)
            let window = max(1, 2 * threads)
            for first in stride(from: 0, to: layout.pages.count, by: window) {
                let count = min(window, layout.pages.count - first)
                let pages = try await orderedParallelMap(count: count, threads: threads, batch: 1) { k in
                    try html.page(
                        first + k, layout: layout, overview: overview, clusters: clusters, singletons: singletons,
                        text: text, pairToRoot: { clustering.pairToRoot[$0] })
                }
                for (k, page) in pages.enumerated() {
                    try AtomicFile.write(page, to: output + "/" + HTMLReport.pageName(first + k))
                }
            }
        }
    }

    /// Each document's attribution evidence, in ordinal order, extracted on `threads` tasks: its
    /// outlet's when the outlet is an agency (`publisher`), then its text's; nil without an
    /// attribute stage.
    /// - Complexity: O(total text length · p) for p evidence patterns.
    static func evidence(
        _ attributor: Attributor?, _ refs: [StoredDocumentRef], _ outlets: [String?], _ store: SpillStore,
        threads: Int
    ) async throws -> [[Evidence]]? {
        guard let attributor else { return nil }
        // A run has many documents and few outlets: each outlet is matched once (nil: not an agency).
        var publishers: [String: Evidence?] = [:]
        for case let outlet? in outlets where publishers[outlet] == nil {
            publishers[outlet] = .some(attributor.extractor.publisher.evidence(outlet: outlet))
        }
        let byOutlet = publishers
        let evidence = try await orderedParallelMap(count: refs.count, threads: threads, batch: 64) { m in
            let own = outlets[m].flatMap { byOutlet[$0] ?? nil }
            return (own.map { [$0] } ?? []) + attributor.extractor.extract(try store.text(refs[m]))
        }
        return sharingTexts(evidence)
    }

    /// `evidence` with equal texts sharing one copy (of the first 65536 distinct texts): datelines
    /// and credits recur over a run's documents, and are kept until the reports are written.
    static func sharingTexts(_ evidence: consuming [[Evidence]]) -> [[Evidence]] {
        var texts: [String: String] = [:]
        var out = evidence
        for d in out.indices {
            for k in out[d].indices {
                let text = out[d][k].text
                if let shared = texts[text] {
                    out[d][k].text = shared
                } else if texts.count < 65536 {
                    texts[text] = text
                }
            }
        }
        return out
    }

    /// Throughput of the streaming stages alone, as `sketchOnly()` measures it.
    public struct SketchThroughput: Sendable {
        public var documents = 0
        public var textBytes = 0
        public var tokens = 0
        /// Wall seconds from the first read to the last sketch.
        public var seconds = 0.0
        /// Seconds per stage (ingest wall time; normalize and sketch summed over threads).
        public var stageSeconds: [(String, Double)] = []
    }

    /// Runs ingest → normalize → sketch only — no spill store, no clustering, no outputs — to
    /// measure the streaming stages' throughput (`wiretrace sketch`).
    /// - Complexity: O(n) in the total input size.
    public func sketchOnly() async throws -> SketchThroughput {
        let clock = ContinuousClock()
        let start = clock.now
        let threads = workerThreads
        var summary = RunSummary()
        var times = StageTimes()
        var result = SketchThroughput()
        var checksum: UInt64 = 0
        var iterator = Ingestor(configuration: configuration.ingest).makeIterator()
        try await stream(
            &iterator, normalizer: Normalizer(configuration: configuration.normalize),
            sketcher: Sketcher(configuration: configuration.sketch),
            threads: threads, spill: false, summary: &summary, times: &times, rejectedFile: nil
        ) { chunk, results in
            for (i, r) in results.enumerated() {
                result.documents += 1
                result.textBytes += chunk[i].text.utf8.count
                result.tokens += r.tokenCount
                checksum = checksum &+ UInt64(r.sketch.signature.first ?? 0)
            }
        }
        result.seconds = seconds(clock.now - start)
        result.stageSeconds = times.items + [("checksum", Double(checksum % 1_000_000))]
        return result
    }

    /// What the parallel part of the streaming stages returns for one document.
    struct ChunkResult: Sendable {
        /// The spill-store record of the text, tokens and fact flags (empty when not spilling).
        var record: [UInt8]
        /// The encoded verification profile (empty when not spilling).
        var profile: [UInt8]
        var sketch: DocumentSketch
        var tokenCount: Int
        var normalizeTime: Duration
        var sketchTime: Duration
    }

    /// Drives ingest → normalize → sketch over all inputs, handing each chunk's documents and
    /// results, in input order, to `consume`.
    ///
    /// With more than one thread the three steps overlap: while the worker tasks normalize and
    /// sketch chunks k − 1 and k, this task hands chunk k − 2 to `consume` (the spill-store copy)
    /// and reads and parses chunk k + 1 (ingest is sequential by nature — one file, one line after
    /// another — and was a serial fraction of every chunk). Two chunks in the works keep the
    /// workers busy while the last slices of one finish. Results do not depend on the overlap:
    /// chunks are consumed strictly in order.
    /// - Complexity: O(n) in the total input size; at most four chunks are in memory.
    func stream(
        _ iterator: inout Ingestor.Iterator, normalizer: Normalizer, sketcher: Sketcher, threads: Int, spill: Bool,
        summary: inout RunSummary, times: inout StageTimes, rejectedFile: AtomicFile?,
        consume: ([Document], [ChunkResult]) throws -> Void
    ) async throws {
        let clock = ContinuousClock()
        func hand(_ chunk: [Document], _ results: [ChunkResult], _ times: inout StageTimes) throws {
            let t1 = clock.now
            try consume(chunk, results)
            times.add("spill", clock.now - t1)
        }
        func account(_ results: [ChunkResult], _ times: inout StageTimes) {
            for r in results {
                times.add("normalize", r.normalizeTime)
                times.add("sketch", r.sketchTime)
            }
        }
        var next = try readChunk(&iterator, summary: &summary, times: &times, rejectedFile: rejectedFile)
        if threads <= 1 {
            while let current = next {
                let results = try await processChunk(
                    current, normalizer: normalizer, sketcher: sketcher, threads: threads, spill: spill)
                account(results, &times)
                try hand(current, results, &times)
                next = try readChunk(&iterator, summary: &summary, times: &times, rejectedFile: rejectedFile)
            }
            return
        }
        // Chunks being normalized and sketched, oldest first: a chunk starts as soon as it is read,
        // before the one ahead of it has finished, so that the workers never wait at the end of a
        // chunk for its last slice while the next one is ready.
        var inFlight: [(chunk: [Document], task: Task<[ChunkResult], any Error>)] = []
        defer { for f in inFlight { f.task.cancel() } }
        func finishOldest(_ times: inout StageTimes) async throws {
            let oldest = inFlight.removeFirst()
            let results = try await oldest.task.value
            account(results, &times)
            try hand(oldest.chunk, results, &times)
        }
        while let current = next {
            inFlight.append(
                (
                    current,
                    Task {
                        try await processChunk(
                            current, normalizer: normalizer, sketcher: sketcher, threads: threads, spill: spill)
                    }
                ))
            if inFlight.count > Self.chunksInFlight { try await finishOldest(&times) }
            next = try readChunk(&iterator, summary: &summary, times: &times, rejectedFile: rejectedFile)
        }
        while !inFlight.isEmpty { try await finishOldest(&times) }
    }

    /// Chunks normalized and sketched at once with more than one thread (see `stream`).
    static let chunksInFlight = 2

    /// Reads up to `chunkSize` documents; rejections go to `rejectedFile` as they come.
    /// - Returns: the documents, or nil once the inputs are exhausted.
    private func readChunk(
        _ iterator: inout Ingestor.Iterator, summary: inout RunSummary, times: inout StageTimes,
        rejectedFile: AtomicFile?
    ) throws -> [Document]? {
        let clock = ContinuousClock()
        let t0 = clock.now
        defer { times.add("ingest", clock.now - t0) }
        var chunk: [Document] = []
        chunk.reserveCapacity(chunkSize)
        while chunk.count < chunkSize, let record = iterator.next() {
            summary.read += 1
            switch record {
            case .document(let d): chunk.append(d)
            case .rejected(let r):
                summary.rejected += 1
                try rejectedFile?.write(JSONOutputs.rejectedLine(r))
            }
        }
        return chunk.isEmpty ? nil : chunk
    }

    /// Normalizes and sketches a chunk on `threads` tasks; results come back in input order.
    ///
    /// The chunk is cut into slices several times smaller than `count / threads`, and at most
    /// `threads` slices run at once: documents vary in length, and small slices keep every
    /// worker busy until the end of the chunk (and leave room for the reading task).
    /// When `spill` is set, each task also finds which tokens are facts (for the cluster stage's
    /// number-conflict check: once per document here, the text and tokens at hand, not once per
    /// verified pair from the text read back) and encodes the spill-store record, so only the
    /// copy into the store's buffer stays sequential.
    /// - Complexity: O(total text length of the chunk · (k + p)) work, spread over `threads` tasks.
    func processChunk(_ chunk: [Document], normalizer: Normalizer, sketcher: Sketcher, threads: Int, spill: Bool)
        async throws -> [ChunkResult]
    {
        let results = try await orderedParallelMap(
            count: chunk.count, threads: threads, batch: max(16, chunk.count / (4 * threads))
        ) { i in
            let clock = ContinuousClock()
            // Only the text: copying the whole document retained and released its seven strings
            // through the generic value witnesses, per document.
            let text = chunk[i].text
            let t0 = clock.now
            var t1 = t0
            // The tokens live in temporary storage, only as long as it takes to sketch and spill them.
            let (sketch, record, profile, tokenCount) = normalizer.withTokens(of: text) { tokens in
                t1 = clock.now
                return (
                    sketcher.process(hashes: tokens.hashes),
                    spill
                        ? SpillStore.record(text: text, tokens: tokens, facts: NumberConflicts.factBits(text, tokens))
                        : [],
                    spill ? profiler.profile(tokens).encoded() : [], tokens.count
                )
            }
            return ChunkResult(
                record: record, profile: profile, sketch: sketch, tokenCount: tokenCount, normalizeTime: t1 - t0,
                sketchTime: clock.now - t1)
        }
        return results
    }

    private func makeDirectories(_ path: String) throws(WiretraceError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw WiretraceError(
                    .output, "cannot create the output directory", location: current,
                    cause: String(cString: strerror(errno)))
            }
        }
    }
}

/// `body(0) ..< body(count - 1)` computed on at most `threads` tasks at a time, in batches of
/// `batch` consecutive indices; the results come back in index order, so the outcome does not
/// depend on the number of threads or on scheduling.
/// - Complexity: O(count) calls of `body`, spread over `threads` tasks.
func orderedParallelMap<T: Sendable>(
    count: Int, threads: Int, batch: Int, _ body: @escaping @Sendable (Int) throws -> T
) async throws -> [T] {
    guard count > 0 else { return [] }
    let batch = max(1, batch)
    let batches = (count + batch - 1) / batch
    if threads <= 1 || batches == 1 {
        // No tasks at all on one thread: nothing to gain, and it keeps `--threads 1` honest.
        var out: [T] = []
        out.reserveCapacity(count)
        for i in 0..<count { out.append(try body(i)) }
        return out
    }
    return try await withThrowingTaskGroup(of: (Int, [T]).self) { group in
        var parts = [[T]](repeating: [], count: batches)
        var started = 0
        func start(_ b: Int, _ group: inout ThrowingTaskGroup<(Int, [T]), any Error>) {
            group.addTask {
                var part: [T] = []
                part.reserveCapacity(batch)
                for i in (b * batch)..<min(count, (b + 1) * batch) { part.append(try body(i)) }
                return (b, part)
            }
        }
        // Bounded fan-out: `threads` batches in flight, the next one started as one finishes.
        while started < min(threads, batches) {
            start(started, &group)
            started += 1
        }
        while let (b, part) = try await group.next() {
            parts[b] = part
            if started < batches {
                start(started, &group)
                started += 1
            }
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for p in parts { out.append(contentsOf: p) }
        return out
    }
}

/// Seconds spent per stage, summed over threads for the parallel stages.
struct StageTimes {
    private(set) var items: [(String, Double)] = []
    mutating func add(_ name: String, _ d: Duration) {
        let s = seconds(d)
        if let i = items.firstIndex(where: { $0.0 == name }) { items[i].1 += s } else { items.append((name, s)) }
    }
}

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// A one-line progress display on stderr, redrawn at most twice a second.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private var last = ContinuousClock.now - .seconds(1)
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ message: String) {
        guard enabled, ContinuousClock.now - last >= .milliseconds(500) else { return }
        last = ContinuousClock.now
        writeStandardError("\r\u{1B}[2Kwiretrace: \(message)")
        shown = true
    }

    func finish() {
        if enabled && shown { writeStandardError("\r\u{1B}[2K") }
    }
}

/// Writes `text` to file descriptor 2 without touching the C `stderr` global.
public func writeStandardError(_ text: String) {
    var t = text
    t.withUTF8 { buf in
        guard let base = buf.baseAddress else { return }
        var off = 0
        while off < buf.count {
            let n = write(2, base + off, buf.count - off)
            if n <= 0 { return }
            off += n
        }
    }
}
