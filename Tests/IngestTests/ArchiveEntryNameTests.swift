import Testing
@testable import Ingest

@Suite struct ArchiveEntryNameTests {
    @Test(arguments: ["/etc/passwd", "\\windows\\x", "C:\\x.txt", "../x", "a/../../x", "a\\..\\x", "a/b/..", "x\u{0}y"])
    func unsafe(name: String) {
        #expect(ArchiveEntryName.unsafeReason(name) != nil)
    }

    @Test(arguments: ["a.txt", "dir/a.txt", "./a.txt", "a..b.txt", "..a/x.txt", "dir/.hidden"])
    func safe(name: String) {
        #expect(ArchiveEntryName.unsafeReason(name) == nil)
    }
}
