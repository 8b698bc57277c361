import ArgumentParser
import Pipeline

/// `wiretrace run`: the whole pipeline.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the pipeline: ingest, normalize, sketch, cluster, attribute, report.",
        discussion: """
            Exit status: 0 on success (rejected inputs are listed in rejected.jsonl, not fatal), \
            2 for usage and config errors, 1 for failures (and, with --strict, for any rejected input).

            Example: wiretrace run --input articles.jsonl.gz --output out/ && open out/report.md
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Exit with status 1 if any input was rejected.")
    var strict = false

    func run() async throws {
        try await reportingErrors {
            let configuration = try options.load()
            let runner = PipelineRunner(configuration: configuration, showProgress: !quiet)
            let summary = try await runner.run()
            let out = configuration.report.outputDirectory
            if !quiet {
                let clusters = summary.clusters == 1 ? "1 cluster" : "\(summary.clusters) clusters"
                print(
                    "wiretrace: \(summary.read) documents read (\(summary.accepted) accepted, \(summary.rejected) rejected); "
                        + "\(clusters) of 2+ documents holding \(summary.documentsInClusters) documents")
                if configuration.report.formats.contains("html") { print("report: \(out)/report.html") }
                if configuration.report.formats.contains("md") { print("report: \(out)/report.md") }
                print("outputs: \(out)/documents.jsonl, clusters.jsonl, summary.json, rejected.jsonl")
            }
            if strict && summary.rejected > 0 {
                writeStandardError(
                    "wiretrace: --strict: \(summary.rejected) inputs rejected (see \(out)/rejected.jsonl)\n")
                throw ExitCode(1)
            }
        }
    }
}

/// `wiretrace check-config`: validates a config without running anything.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check pipeline.json and print what it would run.",
        discussion: "Example: wiretrace check-config --config pipeline.json"
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await reportingErrors {
            let c = try options.load()
            print("config OK: \(c.path)")
            print("inputs: \(c.ingest.inputs.joined(separator: ", "))")
            print("output: \(c.report.outputDirectory)")
        }
    }
}
