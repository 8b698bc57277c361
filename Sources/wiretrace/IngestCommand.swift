import ArgumentParser
import Ingest
import Pipeline
import WiretraceCore

#if canImport(Glibc)
    import Glibc
#endif

/// `wiretrace ingest`: reads the inputs only and counts documents; for checking a dump and measuring ingest speed.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read the inputs only: count documents, text bytes and rejections.",
        discussion: "Example: wiretrace ingest --input dump.jsonl.gz"
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Also print each rejection.")
    var showRejections = false

    func run() async throws {
        try await reportingErrors {
            let configuration = try options.load()
            let clock = ContinuousClock()
            let start = clock.now
            var documents = 0
            var rejected = 0
            var bytes = 0
            var iterator = Ingestor(configuration: configuration.ingest).makeIterator()
            while let record = iterator.next() {
                switch record {
                case .document(let d):
                    documents += 1
                    bytes += d.text.utf8.count
                case .rejected(let r):
                    rejected += 1
                    if showRejections { print("rejected: \(r.source): \(r.reason)") }
                }
            }
            let elapsed = clock.now - start
            let s = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                "read \(documents + rejected) (accepted \(documents), rejected \(rejected)); text \(bytes) bytes; "
                    + "\(formatDecimal(s, digits: 3)) s; \(formatDecimal(Double(bytes) / 1e6 / max(s, 1e-9), digits: 1)) MB/s of text"
            )
        }
    }
}
