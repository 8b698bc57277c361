import ArgumentParser
import Pipeline
import WiretraceCore

/// `wiretrace sketch`: runs ingest → normalize → sketch only and prints the throughput; a benchmark.
struct SketchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sketch",
        abstract: "Benchmark: read, normalize and sketch the inputs (no clustering, no outputs) and print docs/s.",
        discussion: "Example: wiretrace sketch --input corpus.jsonl --threads 1",
        shouldDisplay: false
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        try await reportingErrors {
            let configuration = try options.load()
            let result = try await PipelineRunner(configuration: configuration).sketchOnly()
            let s = max(result.seconds, 1e-9)
            let stages = result.stageSeconds.map { "\($0.0)=\(formatDecimal($0.1, digits: 3))" }.joined(separator: " ")
            print(
                "sketch: \(result.documents) documents, \(result.tokens) tokens, \(result.textBytes) text bytes; "
                    + "\(formatDecimal(s, digits: 3)) s; \(formatDecimal(Double(result.documents) / s, digits: 0)) docs/s; "
                    + "\(formatDecimal(Double(result.textBytes) / 1e6 / s, digits: 1)) MB/s; threads \(configuration.threads); \(stages)"
            )
        }
    }
}
