import WiretraceCore

/// Settings of the report stage: which human-readable reports to write, and where.
public struct ReportConfiguration: Sendable, Hashable {
    /// Human-readable formats besides the JSON outputs, which are always written: `md`, `html`.
    public var formats: [String] = ["md"]
    /// The output directory.
    public var outputDirectory = "wiretrace-out"
    /// Clusters shown in full per HTML page (`html_clusters_per_page`); the rest go to `report-2.html`, ….
    public var htmlClustersPerPage = 100
    /// Clusters shown in full at most (`html_max_clusters`): the largest; every cluster is in the JSON outputs.
    public var htmlMaxClusters = 1000
    /// Members shown side by side with the root per cluster (`html_max_comparisons`).
    public var htmlMaxComparisons = 10
    /// Texts in side-by-side views are cut after this many characters (`html_max_text_characters`).
    public var htmlMaxTextCharacters = 20_000

    /// The defaults: Markdown only, into `wiretrace-out`.
    public init() {}

    /// Reads the stage's keys from `pipeline.json`.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        formats = try reader.strings("formats", default: formats, allowed: ReportConfiguration.knownFormats)
        outputDirectory = try reader.string("output", default: outputDirectory)
        htmlClustersPerPage = try reader.int("html_clusters_per_page", in: 1...100_000, default: htmlClustersPerPage)
        htmlMaxClusters = try reader.int("html_max_clusters", in: 1...10_000_000, default: htmlMaxClusters)
        htmlMaxComparisons = try reader.int("html_max_comparisons", in: 1...10_000, default: htmlMaxComparisons)
        htmlMaxTextCharacters = try reader.int(
            "html_max_text_characters", in: 100...10_000_000, default: htmlMaxTextCharacters)
        guard !outputDirectory.isEmpty else {
            throw WiretraceError(.config, "expected a directory path", location: reader.keyPath("output"))
        }
    }

    /// Report formats this version writes.
    public static let knownFormats = ["md", "html"]
}
