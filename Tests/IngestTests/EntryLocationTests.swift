import Testing
@testable import Ingest

@Suite struct EntryLocationTests {
    @Test func nestedEntriesChainNamesAndIDs() {
        let top = EntryLocation(name: "in/a.zip", display: "in/a.zip", idPath: "a.zip")
        let inner = top.child("inner.tar.gz").child("dir/x.txt")
        #expect(inner.display == "in/a.zip!inner.tar.gz!dir/x.txt")
        #expect(inner.documentID == "a/inner/dir/x")
        #expect(inner.depth == 2)
    }
}
