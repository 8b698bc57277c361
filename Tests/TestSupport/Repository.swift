import Foundation

/// Paths of the repository the tests run in.
public enum Repository {
    /// The repository root (the folder holding `Package.swift`).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The five sample articles, by file name, in order.
    public static func samples() throws -> [(name: String, text: String)] {
        let dir = root + "/samples"
        return try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted().map {
            ($0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8))
        }
    }

    /// The built `wiretrace` executable beside the test bundle.
    public static var executable: String {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [
            bundleDir, bundleDir.deletingLastPathComponent(),
            bundleDir.deletingLastPathComponent().deletingLastPathComponent(),
        ] {
            let p = candidate.appendingPathComponent("wiretrace").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root + "/.build/debug/wiretrace"
    }
}

/// The result of running a command.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `executable` with `arguments` in `directory`, waiting for it to finish.
public func runCommand(_ executable: String, _ arguments: [String], in directory: String) throws -> CommandResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CommandResult(
        status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
        stderr: String(decoding: e, as: UTF8.self))
}
