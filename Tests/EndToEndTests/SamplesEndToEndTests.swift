import Foundation
import Testing
import TestSupport

/// Runs the real `wiretrace` executable on `samples/` and pins the output contract.
@Suite(.serialized) struct SamplesEndToEndTests {
    struct Outputs {
        var documents: [[String: Any]]
        var clusters: [[String: Any]]
        var summary: [String: Any]
        var raw: [String: Data]
    }

    static func run(_ extra: [String] = [], in directory: String = Repository.root) throws -> (
        CommandResult, Outputs, TemporaryDirectory
    ) {
        let out = try TemporaryDirectory("e2e")
        let result = try runCommand(
            Repository.executable, ["run", "--output", out.path, "--quiet"] + extra, in: directory)
        func lines(_ name: String) throws -> [[String: Any]] {
            let text = try String(contentsOfFile: out.path + "/" + name, encoding: .utf8)
            return try text.split(separator: "\n").map {
                try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
            }
        }
        var raw: [String: Data] = [:]
        for name in ["documents.jsonl", "clusters.jsonl", "rejected.jsonl", "report.md"] {
            raw[name] = FileManager.default.contents(atPath: out.path + "/" + name)
        }
        guard result.status == 0 else {
            return (result, Outputs(documents: [], clusters: [], summary: [:], raw: raw), out)
        }
        let summaryData = try Data(contentsOf: URL(fileURLWithPath: out.path + "/summary.json"))
        let summary = try JSONSerialization.jsonObject(with: summaryData) as? [String: Any] ?? [:]
        return (
            result,
            Outputs(
                documents: try lines("documents.jsonl"), clusters: try lines("clusters.jsonl"), summary: summary,
                raw: raw), out
        )
    }

    @Test func groupsTheRewritesAndAttributesEveryStory() throws {
        let (result, o, _) = try Self.run()
        #expect(result.status == 0, "\(result.stderr)")
        let samples = try Repository.samples()
        let ids = o.documents.map { $0["id"] as? String ?? "" }
        #expect(ids == samples.map { String($0.name.dropLast(4)) })
        let cluster = o.documents.map { $0["cluster"] as? Int ?? -1 }
        // 001 and 002 together; 000, 003 and 004 each alone.
        #expect(cluster[1] == cluster[2])
        #expect(Set([cluster[0], cluster[1], cluster[3], cluster[4]]).count == 4)
        let roles = o.documents.map { $0["role"] as? String ?? "" }
        #expect(roles[0] == "unique" && roles[3] == "unique" && roles[4] == "unique")
        #expect(Set([roles[1], roles[2]]).contains("root"))
        #expect(Set(roles[1...2]).isSubset(of: ["root", "rewrite", "copy"]))
        #expect(o.documents[0]["similarity"] is NSNull)
        #expect(o.documents.map { $0["agency"] as? String } == ["AP", "AP", "AP", "Reuters", "Reuters"])
        // Each attribution comes with evidence: an exact span of the document's text.
        for (d, sample) in zip(o.documents, samples) {
            let agency = d["agency"] as? String
            let evidence = d["evidence"] as? [[String: Any]] ?? []
            let supporting = evidence.filter { $0["agency"] as? String == agency }
            #expect(!supporting.isEmpty, "no evidence for \(d["id"] ?? "")")
            for e in supporting where e["kind"] as? String != "cluster" {
                let text = e["text"] as? String ?? ""
                #expect(sample.text.contains(text))
                if let s = e["start"] as? Int, let t = e["end"] as? Int {
                    let scalars = Array(sample.text.unicodeScalars)
                    #expect(String(String.UnicodeScalarView(scalars[s..<t])) == text)
                }
            }
            #expect((d["agency_confidence"] as? Double ?? 0) > 0)
        }
        #expect(o.clusters.count == 1)
        #expect(o.clusters.first?["members"] as? [String] == [ids[1], ids[2]])
        #expect(o.clusters.first?["origin_agency"] as? String == "AP")
        #expect(o.summary["documents_read"] as? Int == 5)
        #expect(o.summary["documents_accepted"] as? Int == 5)
        #expect(o.summary["documents_rejected"] as? Int == 0)
        #expect(o.summary["clusters"] as? Int == 1)
        #expect(o.raw["rejected.jsonl"] == Data())
        let report = String(decoding: o.raw["report.md"] ?? Data(), as: UTF8.self)
        #expect(report.contains(ids[1]) && report.contains("AP"))
    }

    @Test func outputsAreByteIdenticalWhateverTheThreadCount() throws {
        let (r1, one, _) = try Self.run(["--threads", "1"])
        let (r2, two, _) = try Self.run(["--threads", "2"])
        #expect(r1.status == 0 && r2.status == 0)
        for name in ["documents.jsonl", "clusters.jsonl", "rejected.jsonl", "report.md"] where name != "report.md" {
            #expect(one.raw[name] == two.raw[name], "\(name) differs")
        }
    }

    @Test func runsWithNoArgumentsInTheRepositoryLayout() throws {
        let dir = try TemporaryDirectory("layout")
        try FileManager.default.copyItem(atPath: Repository.root + "/samples", toPath: dir.path + "/samples")
        try FileManager.default.copyItem(
            atPath: Repository.root + "/pipeline.json", toPath: dir.path + "/pipeline.json")
        let result = try runCommand(Repository.executable, ["run"], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("report"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/wiretrace-out/documents.jsonl"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/wiretrace-out/summary.json"))
    }

    @Test func configErrorsStopTheRunWithStatus2AndTheKeyPath() throws {
        let dir = try TemporaryDirectory("badconfig")
        let text = try String(contentsOfFile: Repository.root + "/pipeline.json", encoding: .utf8)
            .replacingOccurrences(of: "\"permutations\": 128", with: "\"permutations\": \"x\"")
        let config = try dir.write("pipeline.json", text)
        let result = try runCommand(
            Repository.executable, ["run", "--config", config, "--output", dir.path + "/out"], in: dir.path)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(#"stages[2].permutations: expected an integer in 16...1024, got "x""#),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/out"))
    }

    @Test func rejectedInputsAreReportedNotFatalUnlessStrict() throws {
        let dir = try TemporaryDirectory("rejects")
        try dir.write(
            "in/good.jsonl",
            #"{"id": "a", "text": "One story about the wire."}"# + "\n{not json}\n" + #"{"id": "b", "text": ""}"# + "\n"
        )
        let (r, o, out) = try Self.run(["--input", dir.path + "/in"], in: dir.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(o.summary["documents_read"] as? Int == 3)
        #expect(o.summary["documents_accepted"] as? Int == 1)
        #expect(o.summary["documents_rejected"] as? Int == 2)
        let rejected = String(decoding: o.raw["rejected.jsonl"] ?? Data(), as: UTF8.self)
        #expect(rejected.contains("good.jsonl:2"))
        #expect(rejected.contains("good.jsonl:3"))
        _ = out
        let strict = try runCommand(
            Repository.executable,
            ["run", "--strict", "-q", "--input", dir.path + "/in", "--output", dir.path + "/o2"], in: dir.path)
        #expect(strict.status == 1)
    }

    @Test func versionAndHelp() throws {
        let v = try runCommand(Repository.executable, ["--version"], in: Repository.root)
        #expect(v.status == 0 && !v.stdout.isEmpty)
        let h = try runCommand(Repository.executable, ["run", "--help"], in: Repository.root)
        #expect(h.stdout.contains("--config") && h.stdout.contains("Example"))
    }
}
