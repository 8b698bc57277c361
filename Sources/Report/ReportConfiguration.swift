import WiretraceCore

/// Settings of the report stage: which human-readable reports to write, and where.
public struct ReportConfiguration: Sendable, Hashable {
    /// Human-readable formats besides the JSON outputs, which are always written: `md`.
    public var formats: [String] = ["md"]
    /// The output directory.
    public var outputDirectory = "wiretrace-out"

    public init() {}

    /// Reads the stage's keys from `pipeline.json`.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        formats = try reader.strings("formats", default: formats, allowed: ReportConfiguration.knownFormats)
        outputDirectory = try reader.string("output", default: outputDirectory)
        guard !outputDirectory.isEmpty else { throw WiretraceError(.config, "expected a directory path", location: reader.keyPath("output")) }
    }

    /// Report formats this version writes.
    public static let knownFormats = ["md"]
}
