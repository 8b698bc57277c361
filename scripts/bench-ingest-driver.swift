// A stand-alone ingest driver for scripts/bench-ingest.sh, used when the `wiretrace ingest` command
// is not available. Compiled by the script with swiftc together with the Ingest and WiretraceCore
// sources; not part of the SwiftPM package.
@main
struct BenchIngest {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var configuration = IngestConfiguration(inputs: [])
        if arguments.first == "--keep-duplicates" {
            configuration.rejectDuplicateIDs = false
            arguments.removeFirst()
        }
        configuration.inputs = arguments
        var iterator = Ingestor(configuration: configuration).makeIterator()
        var bytes = 0
        while let record = iterator.next() {
            if case .document(let d) = record { bytes += d.text.utf8.count }
        }
        let c = iterator.counters
        print("read \(c.read) accepted \(c.accepted) rejected \(c.rejected) text_bytes \(bytes)")
    }
}
