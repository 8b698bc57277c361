import Foundation
import Pipeline
import TestSupport
import Testing
import WiretraceCore

@Suite struct PipelineRunnerTests {
    /// A corpus of `stories` stories, each in `copies` lightly edited versions, as JSONL.
    static func corpus(stories: Int, copies: Int) -> String {
        var random = SplitMix(seed: 31)
        let vocabulary = (0..<400).map { i in "w\(i)" + String(repeating: "x", count: i % 7) }
        var lines: [String] = []
        for s in 0..<stories {
            let words = (0..<150).map { _ in vocabulary[random.below(vocabulary.count)] }
            for c in 0..<copies {
                var edited = words
                for _ in 0..<8 { edited[random.below(edited.count)] = vocabulary[random.below(vocabulary.count)] }
                let text = "Story \(s) copy \(c)\n" + edited.joined(separator: " ") + "\nAdvertisement"
                lines.append(
                    #"{"id": "s\#(s)c\#(c)", "outlet": "outlet\#(c)", "date": "2024-05-0\#(1 + c % 9)", "text": "\#(text.replacingOccurrences(of: "\n", with: "\\n"))"}"#
                )
            }
        }
        // Stories interleaved, so that copies fall into different chunks.
        return lines.enumerated().sorted { ($0.offset % copies, $0.offset) < ($1.offset % copies, $1.offset) }
            .map(\.element).joined(separator: "\n") + "\n"
    }

    /// The outputs of one run over `input` with `threads` threads and chunks of `chunkSize` documents.
    func run(_ input: String, threads: Int, chunkSize: Int) async throws -> [String: [UInt8]] {
        var configuration = try PipelineConfiguration.load(path: Repository.root + "/pipeline.json")
        let output = NSTemporaryDirectory() + "/wiretrace-runner-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        configuration.ingest.inputs = [input]
        configuration.report.outputDirectory = output
        configuration.report.formats = ["md"]
        configuration.threads = threads
        var runner = PipelineRunner(configuration: configuration)
        runner.chunkSize = chunkSize
        let summary = try await runner.run()
        #expect(summary.read == 60)
        var files: [String: [UInt8]] = [:]
        for name in ["documents.jsonl", "clusters.jsonl", "report.md"] {
            files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: output + "/" + name)))
        }
        // report.md carries the run's timings; only its lines without seconds are compared.
        files["report.md"] = Array(
            String(decoding: files["report.md"] ?? [], as: UTF8.self).split(separator: "\n")
                .filter { !$0.contains(" s") && !$0.contains("seconds") }.joined(separator: "\n").utf8)
        return files
    }

    /// Recurring templated reports with other figures are different stories, a copy is not: the
    /// number-conflict check works on the fact flags the pipeline stores beside each document's words
    /// (with none, or misplaced ones, the reports would join).
    @Test func templatedReportsWithOtherFiguresStayApart() async throws {
        func report(_ amount: String, _ rate: String) -> String {
            "The Federal Reserve entered the government securities market to arrange \(amount) billion dlrs of "
                + "customer repurchase agreements, a Fed spokesman said. Dealers said federal funds were trading at "
                + "\(rate) pct when the Fed began its temporary and indirect supply of reserves to the banking system "
                + "this morning."
        }
        let texts = [report("1.5", "6-1/8"), report("2.5", "6-3/16"), "NEW YORK - " + report("1.5", "6-1/8")]
        let input = NSTemporaryDirectory() + "/wiretrace-runner-\(UUID().uuidString).jsonl"
        try texts.enumerated().map { #"{"id": "r\#($0)", "text": "\#($1)"}"# + "\n" }.joined()
            .write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        var configuration = try PipelineConfiguration.load(path: Repository.root + "/pipeline.json")
        let output = NSTemporaryDirectory() + "/wiretrace-runner-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: output) }
        configuration.ingest.inputs = [input]
        configuration.report.outputDirectory = output
        configuration.report.formats = []
        let summary = try await PipelineRunner(configuration: configuration).run()
        #expect(summary.accepted == 3)
        #expect((summary.counters.first { $0.0 == "cluster.refused_number_conflicts" }?.1 ?? 0) >= 1)
        let clusters = try String(contentsOfFile: output + "/clusters.jsonl", encoding: .utf8)
        #expect(clusters.split(separator: "\n").map { $0.contains(#""members":["r0","r2"]"#) } == [true])
    }

    /// Many small chunks, several in the works at once: the same outputs as one chunk on one thread.
    @Test func outputsDoNotDependOnChunksOrThreads() async throws {
        let input = NSTemporaryDirectory() + "/wiretrace-runner-\(UUID().uuidString).jsonl"
        try Self.corpus(stories: 15, copies: 4).write(toFile: input, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: input) }
        let reference = try await run(input, threads: 1, chunkSize: 1024)
        let clusters = String(decoding: reference["clusters.jsonl"] ?? [], as: UTF8.self)
        #expect(clusters.split(separator: "\n").count == 15, "each story one cluster")
        for (threads, chunkSize) in [(1, 4), (2, 1), (2, 4), (2, 7), (3, 5)] {
            let outputs = try await run(input, threads: threads, chunkSize: chunkSize)
            for (name, bytes) in reference {
                #expect(outputs[name] == bytes, "\(name) at \(threads) threads, chunks of \(chunkSize)")
            }
        }
    }
}
