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

    public init(configuration: PipelineConfiguration, showProgress: Bool = false) {
        self.configuration = configuration
        self.showProgress = showProgress
    }

    /// What the streaming stages keep of each accepted document.
    struct Kept: Sendable {
        var document: Document  // text emptied; it lives in the store
        var ref: StoredDocumentRef
    }

    /// Runs the pipeline.
    /// - Returns: the summary that was written to `summary.json`.
    /// - Throws: `WiretraceError` for output failures; bad inputs are rejections, not errors.
    public func run() async throws -> RunSummary {
        let clock = ContinuousClock()
        let runStart = clock.now
        let output = configuration.report.outputDirectory
        try makeDirectories(output)
        let threads = configuration.threads > 0 ? configuration.threads : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
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

        // Streaming stages: ingest → normalize → sketch.
        var kept: [Kept] = []
        var sketched: [SketchedDocument] = []
        var iterator = Ingestor(configuration: configuration.ingest).makeIterator()
        var ended = false
        while !ended {
            var chunk: [Document] = []
            let t0 = clock.now
            while chunk.count < chunkSize {
                guard let record = iterator.next() else {
                    ended = true
                    break
                }
                summary.read += 1
                switch record {
                case .document(let d): chunk.append(d)
                case .rejected(let r):
                    summary.rejected += 1
                    try rejectedFile.write(JSONOutputs.rejectedLine(r))
                }
            }
            times.add("ingest", clock.now - t0)
            guard !chunk.isEmpty else { continue }
            let results = try await processChunk(chunk, normalizer: normalizer, sketcher: sketcher, threads: threads)
            let t1 = clock.now
            for (i, r) in results.enumerated() {
                var d = chunk[i]
                let ref = try store.append(text: d.text, tokens: r.tokens)
                d.text = ""
                sketched.append(SketchedDocument(ordinal: kept.count, date: d.date, sketch: r.sketch))
                kept.append(Kept(document: d, ref: ref))
                times.add("normalize", r.normalizeTime)
                times.add("sketch", r.sketchTime)
            }
            times.add("spill", clock.now - t1)
            progress.update("read \(summary.read) documents, \(summary.rejected) rejected")
        }
        try store.sync()
        summary.accepted = kept.count
        let counters = iterator.counters
        summary.counters.append(("ingest.windows1252_texts", counters.windows1252))
        summary.counters.append(("ingest.utf16_texts", counters.utf16))

        // The barrier: clustering.
        progress.update("clustering \(kept.count) documents")
        let tc = clock.now
        let refs = kept.map(\.ref)
        let shingleSize = configuration.sketch.shingleSize
        let clusterer = Clusterer(
            configuration: configuration.cluster, shingleSize: shingleSize,
            tokens: { ordinal in try store.tokens(refs[ordinal]) },
            shingler: { hashes in
                var out: [UInt64] = []
                Shingler.shingles(hashes, k: shingleSize, into: &out)
                return out
            },
            text: { ordinal in try store.text(refs[ordinal]) })
        let clustering = try clusterer.run(sketched)
        sketched = []
        times.add("cluster", clock.now - tc)
        summary.counters += clustering.counters.map { ("cluster.\($0.0)", $0.1) }

        // Attribution, cluster by cluster.
        progress.update("attributing \(clustering.clusters.count) clusters")
        let ta = clock.now
        var attributions = [DocumentAttribution](repeating: DocumentAttribution(agency: nil, confidence: 0, evidence: []), count: kept.count)
        var origins = [ClusterAttribution](repeating: ClusterAttribution(agency: nil, confidence: 0), count: clustering.clusters.count)
        if let attributeConfiguration = configuration.attribute {
            let attributor = Attributor(configuration: attributeConfiguration)
            for (c, cluster) in clustering.clusters.enumerated() {
                var members: [(ordinal: Int, id: String, evidence: [Evidence])] = []
                for m in cluster.members {
                    let text = try store.text(kept[m].ref)
                    members.append((m, kept[m].document.id, attributor.extractor.extract(text)))
                }
                let result = attributor.process(Attributor.Input(members: members))
                origins[c] = result.cluster
                for (i, m) in cluster.members.enumerated() { attributions[m] = result.members[i] }
            }
        }
        times.add("attribute", clock.now - ta)

        // Reports.
        progress.update("writing reports")
        let tr = clock.now
        let documentsFile = try AtomicFile(path: output + "/documents.jsonl")
        var reportDocuments: [ReportDocument] = []
        reportDocuments.reserveCapacity(kept.count)
        for (ordinal, k) in kept.enumerated() {
            let c = clustering.clusterIndex[ordinal]
            let rd = ReportDocument(
                ordinal: ordinal, document: k.document, cluster: clustering.clusters[c].number,
                role: clustering.roles[ordinal], similarity: clustering.similarityToRoot[ordinal], attribution: attributions[ordinal])
            try documentsFile.write(JSONOutputs.documentLine(rd))
            reportDocuments.append(rd)
        }
        let clustersFile = try AtomicFile(path: output + "/clusters.jsonl")
        var reportClusters: [(ReportCluster, [ReportDocument])] = []
        for (c, cluster) in clustering.clusters.enumerated() where cluster.members.count > 1 {
            let rc = ReportCluster(
                cluster: cluster, memberIDs: cluster.members.map { kept[$0].document.id }, rootID: kept[cluster.root].document.id,
                origin: origins[c])
            try clustersFile.write(JSONOutputs.clusterLine(rc))
            reportClusters.append((rc, cluster.members.map { reportDocuments[$0] }))
            summary.clusters += 1
            summary.documentsInClusters += cluster.members.count
        }
        times.add("report", clock.now - tr)
        summary.stageSeconds = times.items
        summary.stageSeconds.append(("total", seconds(clock.now - runStart)))

        try writeHumanReports(
            summary: summary, documents: reportDocuments, clusters: reportClusters, clustering: clustering,
            text: { (ordinal: Int) throws(WiretraceError) -> String in try store.text(kept[ordinal].ref) })
        try documentsFile.commit()
        try clustersFile.commit()
        try rejectedFile.commit()
        try AtomicFile.write(JSONOutputs.summary(summary), to: output + "/summary.json")
        progress.finish()
        return summary
    }

    /// Writes `report.md` and `report.html` (with its extra pages), as the config asks.
    private func writeHumanReports(
        summary: RunSummary, documents: [ReportDocument], clusters: [(ReportCluster, [ReportDocument])], clustering: Clustering,
        text: (Int) throws(WiretraceError) -> String
    ) throws(WiretraceError) {
        let formats = configuration.report.formats
        guard formats.contains("md") || formats.contains("html") else { return }
        let output = configuration.report.outputDirectory
        let overview = ReportOverview(documents: documents, clusters: clusters.map(\.0))
        let singletons = documents.filter { $0.role == .unique }
        if formats.contains("md") {
            var md = MarkdownReport(summary: summary)
            md.addOverview(overview)
            for (rc, members) in clusters { md.add(rc, members: members) }
            md.addSingletons(singletons)
            try AtomicFile.write(md.text, to: output + "/report.md")
        }
        if formats.contains("html") {
            let html = HTMLReport(summary: summary, configuration: configuration.report)
            try html.write(
                to: output, overview: overview, clusters: clusters, singletons: singletons, text: text,
                pairToRoot: { clustering.pairToRoot[$0] })
        }
    }

    struct ChunkResult: Sendable {
        var tokens: TokenizedText
        var sketch: DocumentSketch
        var normalizeTime: Duration
        var sketchTime: Duration
    }

    /// Normalizes and sketches a chunk on `threads` tasks; results come back in input order.
    func processChunk(_ chunk: [Document], normalizer: Normalizer, sketcher: Sketcher, threads: Int) async throws -> [ChunkResult] {
        let slices = min(threads, chunk.count)
        let per = (chunk.count + slices - 1) / slices
        return try await withThrowingTaskGroup(of: (Int, [ChunkResult]).self) { group in
            for s in 0..<slices {
                let range = (s * per)..<min(chunk.count, (s + 1) * per)
                guard !range.isEmpty else { continue }
                let docs = Array(chunk[range])
                group.addTask {
                    let clock = ContinuousClock()
                    var out: [ChunkResult] = []
                    out.reserveCapacity(docs.count)
                    for d in docs {
                        let t0 = clock.now
                        let tokens = normalizer.process(d).tokens
                        let t1 = clock.now
                        let sketch = sketcher.process(tokens)
                        out.append(ChunkResult(tokens: tokens, sketch: sketch, normalizeTime: t1 - t0, sketchTime: clock.now - t1))
                    }
                    return (s, out)
                }
            }
            var parts = [[ChunkResult]](repeating: [], count: slices)
            for try await (s, part) in group { parts[s] = part }
            return parts.flatMap { $0 }
        }
    }

    private func makeDirectories(_ path: String) throws(WiretraceError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw WiretraceError(.output, "cannot create the output directory", location: current, cause: String(cString: strerror(errno)))
            }
        }
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
        var off = 0
        while off < buf.count {
            let n = write(2, buf.baseAddress! + off, buf.count - off)
            if n <= 0 { return }
            off += n
        }
    }
}
