import ArgumentParser
import Foundation
import Pipeline
import WiretraceCore

/// Options shared by the commands that read `pipeline.json`.
struct ConfigOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The pipeline config. Relative paths inside it are relative to its folder.")
    var config: String = "pipeline.json"

    @Option(
        name: .shortAndLong, parsing: .singleValue,
        help: "An input file or folder (repeatable; '-' reads JSONL from standard input). Replaces the config's inputs."
    )
    var input: [String] = []

    @Option(name: .shortAndLong, help: "The output folder. Replaces the config's.")
    var output: String?

    @Option(help: "Worker threads (0 = one per core). Replaces the config's.")
    var threads: Int?

    /// Loads the config and applies the command-line overrides.
    func load() throws -> PipelineConfiguration {
        var configuration: PipelineConfiguration
        do {
            if !FileManager.default.fileExists(atPath: config) && config == "pipeline.json" {
                writeStandardError("wiretrace: no pipeline.json here; using the built-in defaults\n")
                configuration = try PipelineConfiguration.defaults()
            } else {
                configuration = try PipelineConfiguration.load(path: config)
                let base = (config as NSString).deletingLastPathComponent
                if !base.isEmpty {
                    configuration.ingest.inputs = configuration.ingest.inputs.map {
                        $0 == "-" || $0.hasPrefix("/") ? $0 : base + "/" + $0
                    }
                    let out = configuration.report.outputDirectory
                    if !out.hasPrefix("/") { configuration.report.outputDirectory = base + "/" + out }
                }
            }
        } catch {
            throw CLIError(error)
        }
        if !input.isEmpty { configuration.ingest.inputs = input }
        if let output { configuration.report.outputDirectory = output }
        if let threads {
            guard (0...256).contains(threads) else { throw ValidationError("--threads must be in 0...256") }
            configuration.threads = threads
        }
        return configuration
    }
}

/// A `WiretraceError` shown as one line, with exit status 2 for config errors and 1 otherwise.
struct CLIError: Error, CustomStringConvertible {
    let error: WiretraceError
    init(_ error: WiretraceError) { self.error = error }
    var description: String { (error.code == .config ? "config error: " : "error: ") + error.description }
    var exitCode: Int32 { error.code == .config ? 2 : 1 }
}

extension AsyncParsableCommand {
    /// Runs `body`, printing a `WiretraceError` as one line and exiting with its status.
    func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let e as CLIError {
            writeStandardError("wiretrace: \(e)\n")
            throw ExitCode(e.exitCode)
        } catch let e as WiretraceError {
            let cli = CLIError(e)
            writeStandardError("wiretrace: \(cli)\n")
            throw ExitCode(cli.exitCode)
        }
    }
}
