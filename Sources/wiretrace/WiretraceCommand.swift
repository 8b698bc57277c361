import ArgumentParser
import Pipeline

/// The `wiretrace` command: finds syndicated copies and rewrites of agency stories and says where each came from.
@main
struct WiretraceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wiretrace",
        abstract: "Find syndicated copies and rewrites of news-agency stories, and trace each to its origin.",
        discussion: """
            Wiretrace reads article dumps (text files, JSONL, gzipped JSONL, ...), groups copies and rewrites \
            of the same wire story, attributes each group to its agency with the evidence, and writes \
            documents.jsonl, clusters.jsonl, summary.json, rejected.jsonl and report.md.

            Examples:
              wiretrace run                                  # pipeline.json on its inputs (samples/)
              wiretrace run --input dump.jsonl.gz --output out/
              wiretrace run --config my-pipeline.json --threads 2
            """,
        version: WiretraceVersion.current,
        subcommands: [RunCommand.self, IngestCommand.self, CheckConfigCommand.self, SketchCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
