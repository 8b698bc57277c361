import Testing
@testable import WiretraceCore

@Suite struct SpillStoreTests {
    @Test func roundTripsTextAndTokensBeforeAndAfterFlushing() throws {
        let store = try SpillStore()
        var refs: [StoredDocumentRef] = []
        var expected: [(String, TokenizedText, [Bool])] = []
        for i in 0..<3000 {
            let text = "document \(i) — “quoted” 😀 " + String(repeating: "x", count: i % 700)
            let tokens = TokenizedText(
                hashes: [UInt64(i), UInt64.max - UInt64(i)], starts: [0, UInt32(i)], ends: [8, UInt32(i + 3)],
                quoted: [false, i % 2 == 0])
            let facts = [i % 3 == 0, true]
            refs.append(try store.append(text: text, tokens: tokens, facts: FlagBits.pack(facts)))
            expected.append((text, tokens, facts))
        }
        // Some records are still buffered, the early ones were flushed.
        #expect(try store.text(refs[2999]) == expected[2999].0)
        #expect(try store.tokens(refs[2999]) == expected[2999].1)
        #expect(try store.text(refs[0]) == expected[0].0)
        #expect(try store.tokens(refs[0]) == expected[0].1)
        #expect(try store.words(refs[2999]) == (expected[2999].1.hashes, expected[2999].1.quoted, expected[2999].2))
        try store.sync()
        for i in [0, 1, 1234, 2999] {
            #expect(try store.text(refs[i]) == expected[i].0)
            #expect(try store.tokens(refs[i]) == expected[i].1)
            #expect(try store.words(refs[i]) == (expected[i].1.hashes, expected[i].1.quoted, expected[i].2))
        }
    }

    /// The fact flags differ from the quotation flags and fill their words differently (a word
    /// boundary among them), so that flags read from the other's place, or a word off, are seen.
    @Test func roundTripsEmptyTextsAndEveryTokenCountAroundAFlagWord() throws {
        let store = try SpillStore()
        var refs: [StoredDocumentRef] = []
        var expected: [(String, TokenizedText, [Bool])] = []
        for n in [0, 1, 2, 63, 64, 65, 127, 128, 129, 1000] {
            for text in ["", "some text"] {
                let tokens = TokenizedText(
                    hashes: (0..<n).map { UInt64.max - UInt64($0) }, starts: (0..<n).map { UInt32($0) },
                    ends: (0..<n).map { UInt32($0 + 1) }, quoted: (0..<n).map { $0 % 3 == 1 || $0 == 64 })
                let facts = (0..<n).map { $0 % 5 == 2 || $0 == 63 || $0 == n - 1 }
                refs.append(try store.append(text: text, tokens: tokens, facts: FlagBits.pack(facts)))
                expected.append((text, tokens, facts))
            }
        }
        for flushed in [false, true] {
            if flushed { try store.sync() }
            var hashes: [UInt64] = [1, 2, 3]
            var flags: [UInt64] = [7]
            var factFlags: [UInt64] = [9, 9, 9]
            var reused = TokenizedText(
                hashes: [1, 2, 3], starts: [4, 5, 6], ends: [7, 8, 9], quoted: [true, true, true])
            for (ref, (text, tokens, facts)) in zip(refs, expected) {
                #expect(try store.text(ref) == text)
                #expect(try store.tokens(ref) == tokens)
                #expect(try store.words(ref) == (tokens.hashes, tokens.quoted, facts))
                // Into reused arrays, longer or shorter than the document.
                try store.words(ref, into: &hashes, &flags, &factFlags)
                #expect(hashes == tokens.hashes)
                #expect(flags == FlagBits.pack(tokens.quoted))
                #expect(factFlags == FlagBits.pack(facts))
                try store.tokens(ref, into: &reused)
                #expect(reused == tokens)
            }
        }
    }

    /// Growing past the block of zeros it copies from, shrinking, and letting go of storage far
    /// too large: new elements are zero bits, old ones kept (all zero when the storage went).
    @Test func resizeKeepsTheElementsAndZeroesTheNewOnes() {
        func expected<T>(_ old: [T], _ count: Int, _ zero: T) -> [T] {
            let released = old.capacity > 1 << 16 && old.capacity > 4 * count
            let kept = released ? [] : Array(old.prefix(count))
            return kept + Array(repeating: zero, count: count - kept.count)
        }
        var words: [UInt64] = [5, 6]
        var places: [UInt32] = [7]
        var flags: [Bool] = [true]
        for count in [1, 3, 1500, 700, 2000, 100_000, 10] {
            let (w, p, f) = (words, places, flags)
            SpillStore.resize(&words, to: count)
            SpillStore.resize(&places, to: count)
            SpillStore.resize(&flags, to: count)
            #expect(words == expected(w, count, 0))
            #expect(places == expected(p, count, 0))
            #expect(flags == expected(f, count, false))
            words[count - 1] = UInt64(count)
            places[0] = UInt32(count)
            flags[count / 2] = true
        }
        #expect(words.capacity < 1000)
    }

    @Test func tokenCountInvertsTheTokenPartsSize() {
        for n in 0..<2000 { #expect(SpillStore.tokenCount(tokenBytes: SpillStore.tokenByteCount(n)) == n) }
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
