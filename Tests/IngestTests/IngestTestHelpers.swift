import Testing
import TestSupport
import WiretraceCore
@testable import Ingest

/// Reads one in-memory input called `name` through the real iterator.
func ingest(
    _ name: String, _ bytes: [UInt8], _ configuration: IngestConfiguration = IngestConfiguration(inputs: [])
) -> (records: [IngestRecord], counters: IngestCounters) {
    drain(Ingestor.Iterator(configuration: configuration, name: name, bytes: bytes))
}

func ingest(_ name: String, _ text: String, _ configuration: IngestConfiguration = IngestConfiguration(inputs: []))
    -> (records: [IngestRecord], counters: IngestCounters)
{
    ingest(name, Array(text.utf8), configuration)
}

/// Reads the given paths through the real iterator.
func ingest(paths: [String], _ configure: (inout IngestConfiguration) -> Void = { _ in }) -> (
    records: [IngestRecord], counters: IngestCounters
) {
    var configuration = IngestConfiguration(inputs: paths)
    configure(&configuration)
    return drain(Ingestor(configuration: configuration).makeIterator())
}

/// Every record `iterator` yields, with its counters after the last one.
private func drain(_ iterator: Ingestor.Iterator) -> (records: [IngestRecord], counters: IngestCounters) {
    var iterator = iterator
    var out: [IngestRecord] = []
    while let r = iterator.next() { out.append(r) }
    return (out, iterator.counters)
}

extension Array where Element == IngestRecord {
    var documents: [Document] {
        compactMap { if case .document(let d) = $0 { d } else { nil } }
    }
    var rejections: [Rejection] {
        compactMap { if case .rejected(let r) = $0 { r } else { nil } }
    }
}

/// A small corpus written in every supported format by `CorpusFixtures`.
struct Story {
    var id: String
    var title: String
    var rawDate: String
    var date: String
    var outlet: String
    var url: String
    var paragraphs: [String]
    var text: String { paragraphs.joined(separator: "\n\n") }
}

let corpus: [Story] = [
    Story(
        id: "s1", title: "Central bank raises rates", rawDate: "March 25, 2023", date: "2023-03-25",
        outlet: "Daily Wire",
        url: "https://news.test/s1",
        paragraphs: [
            "The central bank raised its key rate by a quarter point on Friday, citing \"persistent\" inflation.",
            "Markets fell 2% after the decision, traders said — the steepest drop since January & more.",
        ]),
    Story(
        id: "s2", title: "Café owners brace for storm", rawDate: "25 Mar 2023 14:02", date: "2023-03-25T14:02:00Z",
        outlet: "Coast Herald", url: "https://news.test/s2",
        paragraphs: [
            "Owners of seaside cafés boarded up windows, the mayor's office said.",
            "Forecasters expect winds of 120 km/h, with gusts <higher> near the coast.",
        ]),
    Story(
        id: "s3", title: "Crop report", rawDate: "2023-03-26T08:00:00+02:00", date: "2023-03-26T06:00:00Z",
        outlet: "Farm Times", url: "https://news.test/s3",
        paragraphs: ["Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought."]),
]
