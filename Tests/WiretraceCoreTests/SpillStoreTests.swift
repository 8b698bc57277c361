import Testing
import WiretraceCore

@Suite struct SpillStoreTests {
    @Test func roundTripsTextAndTokensBeforeAndAfterFlushing() throws {
        let store = try SpillStore()
        var refs: [StoredDocumentRef] = []
        var expected: [(String, TokenizedText)] = []
        for i in 0..<3000 {
            let text = "document \(i) — “quoted” 😀 " + String(repeating: "x", count: i % 700)
            let tokens = TokenizedText(
                hashes: [UInt64(i), UInt64.max - UInt64(i)], starts: [0, UInt32(i)], ends: [8, UInt32(i + 3)],
                quoted: [false, i % 2 == 0])
            refs.append(try store.append(text: text, tokens: tokens))
            expected.append((text, tokens))
        }
        // Some records are still buffered, the early ones were flushed.
        #expect(try store.text(refs[2999]) == expected[2999].0)
        #expect(try store.tokens(refs[2999]) == expected[2999].1)
        #expect(try store.text(refs[0]) == expected[0].0)
        #expect(try store.tokens(refs[0]) == expected[0].1)
        #expect(try store.words(refs[2999]) == (expected[2999].1.hashes, expected[2999].1.quoted))
        try store.sync()
        for i in [0, 1, 1234, 2999] {
            #expect(try store.text(refs[i]) == expected[i].0)
            #expect(try store.tokens(refs[i]) == expected[i].1)
            #expect(try store.words(refs[i]) == (expected[i].1.hashes, expected[i].1.quoted))
        }
    }

    @Test func roundTripsValuesBeforeAndAfterFlushing() throws {
        let store = try SpillStore()
        let early = (0..<300_000).map { UInt32(truncatingIfNeeded: $0 &* 2_654_435_761) }
        let a = try store.append(values: early)
        let b = try store.append(values: [7, 8, 9])
        #expect(try store.values(b, from: 1, count: 2) == [8, 9])
        try store.sync()
        #expect(try store.values(a, from: 0, count: early.count) == early)
        #expect(try store.values(a, from: 1000, count: 3) == Array(early[1000..<1003]))
        #expect(try store.values(b, from: 0, count: 3) == [7, 8, 9])
    }
}
