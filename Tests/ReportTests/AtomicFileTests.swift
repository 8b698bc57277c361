import Foundation
import Testing

@testable import Report

@Suite("AtomicFile")
struct AtomicFileTests {
    @Test("the file appears only on commit, whole")
    func commit() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.txt"
        let f = try AtomicFile(path: path)
        try f.write("hello ")
        #expect(!FileManager.default.fileExists(atPath: path))
        try f.write("world")
        try f.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "hello world")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.txt"])
        #expect(throws: (any Error).self) { try f.write("more") }
    }

    @Test("an uncommitted write leaves the previous file intact and no temporary file")
    func abandon() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.txt"
        try AtomicFile.write("old", to: path)
        do {
            let f = try AtomicFile(path: path)
            try f.write("new, half written")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.txt"])
    }

    @Test("a file in a missing folder is an output error")
    func missingFolder() {
        #expect(throws: (any Error).self) { try AtomicFile(path: "/nonexistent-wiretrace-dir/x/out.txt") }
    }
}
