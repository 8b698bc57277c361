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

/// The whole of `pipeline.json`: the ordered stages and their parameters, checked before any work.
public struct PipelineConfiguration: Sendable {
    public var ingest: IngestConfiguration
    public var normalize: NormalizeConfiguration
    public var sketch: SketchConfiguration
    public var cluster: ClusterConfiguration
    /// Nil when the pipeline has no attribute stage (every agency is then null).
    public var attribute: AttributeConfiguration?
    public var report: ReportConfiguration
    /// Worker threads for the streaming stages; 0 = one per core.
    public var threads: Int
    /// Where the config was read from, for the reports.
    public var path: String

    /// The stages in the only order that works, with what each needs.
    public static let stageOrder = ["ingest", "normalize", "sketch", "cluster", "attribute", "report"]

    /// Reads and validates a config file.
    /// - Throws: `WiretraceError.config` naming the key path, before any work is done.
    public static func load(path: String) throws(WiretraceError) -> PipelineConfiguration {
        guard let f = fopen(path, "rb") else {
            throw WiretraceError(
                .config, "cannot read the config file: \(String(cString: strerror(errno)))", location: path)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        fclose(f)
        return try parse(bytes, path: path)
    }

    /// Parses and validates config text.
    public static func parse(_ bytes: [UInt8], path: String) throws(WiretraceError) -> PipelineConfiguration {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            throw WiretraceError(.config, error.description, location: path)
        }
        let top = try ConfigReader(value, path: "")
        _ = try top.string("$schema", default: "")
        _ = try top.optionalString("description")
        let version = try top.int("version", in: 1...1, default: 1)
        _ = version
        let threads = try top.int("threads", in: 0...256, default: 0)
        guard let stages = try top.array("stages") else {
            throw WiretraceError(.config, "missing: the ordered list of stages", location: "stages")
        }
        try top.finish()

        var seen: [String: Int] = [:]
        var ingest: IngestConfiguration?
        var normalize: NormalizeConfiguration?
        var sketch: SketchConfiguration?
        var cluster: ClusterConfiguration?
        var attribute: AttributeConfiguration?
        var report: ReportConfiguration?
        var lastRank = -1
        var lastName = ""
        for (i, stageValue) in stages.enumerated() {
            let r = try ConfigReader(stageValue, path: "stages[\(i)]")
            let name = try r.string("stage", default: "", allowed: stageOrder)
            guard !name.isEmpty else {
                throw WiretraceError(
                    .config, "missing: every stage needs \"stage\": one of \(stageOrder.joined(separator: ", "))",
                    location: r.keyPath("stage"))
            }
            if let j = seen[name] {
                throw WiretraceError(
                    .config, "stage \"\(name)\" appears twice (also at stages[\(j)])", location: r.keyPath("stage"))
            }
            seen[name] = i
            let rank = stageOrder.firstIndex(of: name) ?? 0
            if rank < lastRank {
                throw WiretraceError(
                    .config,
                    "stage \"\(name)\" cannot run after \"\(lastName)\": the order is \(stageOrder.joined(separator: " → "))",
                    location: r.keyPath("stage"))
            }
            lastRank = rank
            lastName = name
            _ = try r.optionalString("description")
            switch name {
            case "ingest": ingest = try IngestConfiguration(from: r)
            case "normalize": normalize = try NormalizeConfiguration(from: r)
            case "sketch": sketch = try SketchConfiguration(from: r)
            case "cluster": cluster = try ClusterConfiguration(from: r)
            case "attribute": attribute = try AttributeConfiguration(from: r)
            default: report = try ReportConfiguration(from: r)
            }
            try r.finish()
        }
        let required: [(String, String)] = [
            ("ingest", "documents must come from somewhere"),
            ("normalize", "sketch needs normalized tokens"),
            ("sketch", "cluster needs sketches"),
            ("cluster", "attribution and reports work per cluster"),
            ("report", "nothing would be written"),
        ]
        for (name, why) in required where seen[name] == nil {
            throw WiretraceError(.config, "missing stage \"\(name)\": \(why)", location: "stages")
        }
        guard let ingest, let normalize, let sketch, let cluster, let report else {
            throw WiretraceError(.config, "missing a required stage", location: "stages")
        }
        return PipelineConfiguration(
            ingest: ingest, normalize: normalize, sketch: sketch, cluster: cluster, attribute: attribute,
            report: report, threads: threads, path: path)
    }

    /// The default configuration (as in the shipped `pipeline.json`).
    public static func defaults(inputs: [String] = ["samples"]) throws(WiretraceError) -> PipelineConfiguration {
        PipelineConfiguration(
            ingest: IngestConfiguration(inputs: inputs), normalize: try NormalizeConfiguration(),
            sketch: SketchConfiguration(),
            cluster: ClusterConfiguration(), attribute: try AttributeConfiguration(table: AgencyTable.builtIn()),
            report: ReportConfiguration(), threads: 0, path: "(defaults)")
    }
}
