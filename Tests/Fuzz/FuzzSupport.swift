// Shared by the libFuzzer targets; compiled together with the Ingest and WiretraceCore sources
// (one module, so internal readers are reachable) by scripts/fuzz.sh. Not part of the SwiftPM build.

/// Limits small enough that one input cannot exhaust memory or time.
let fuzzConfiguration = IngestConfiguration(
    inputs: [], maxDocumentBytes: 1 << 20, maxInflatedBytes: 8 << 20, maxCompressionRatio: 1000)

/// Reads `bytes` as an input called `name` through the real ingest iterator, checking the accounting.
func fuzzIngest(name: String, _ data: UnsafePointer<UInt8>, _ size: Int) {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var iterator = Ingestor.Iterator(configuration: fuzzConfiguration, name: name, bytes: bytes)
    var count = 0
    while let record = iterator.next() {
        count += 1
        if case .rejected(let r) = record { precondition(!r.reason.isEmpty && !r.source.isEmpty) }
    }
    precondition(iterator.counters.read == count)
}
