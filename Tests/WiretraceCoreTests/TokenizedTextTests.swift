import Testing
import WiretraceCore

/// Tokens written through a `Sink` into temporary storage, and copied out of it.
@Suite struct TokenizedTextTests {
    /// The reference tokens: `n`, numbered from 0.
    static func expected(_ n: Int) -> TokenizedText {
        TokenizedText(
            hashes: (0..<n).map { UInt64($0) &* 0x9E37 }, starts: (0..<n).map { UInt32(2 * $0) },
            ends: (0..<n).map { UInt32(2 * $0 + 1) }, quoted: (0..<n).map { $0 % 3 == 0 })
    }

    @Test("tokens written to temporary storage are read back, from the thread's block or from the heap")
    func temporaryStorage() {
        // The last capacity is more than a thread's scratch block holds: heap storage.
        for (n, capacity) in [(0, 0), (0, 5), (3, 3), (40, 1000), (1000, 1 << 22)] {
            let t = TokenizedText.withTemporaryStorage(
                capacity: capacity,
                write: { sink in
                    #expect(sink.capacity == capacity)
                    for i in 0..<n {
                        sink.append(
                            hash: UInt64(i) &* 0x9E37, start: UInt32(2 * i), end: UInt32(2 * i + 1), quoted: i % 3 == 0)
                    }
                    #expect(sink.count == n)
                },
                read: TokenizedText.init)
            #expect(t == Self.expected(n), "\(n) tokens")
            // And lent back from the arrays.
            #expect(t.withBuffers { TokenizedText($0) == t && $0.count == n })
        }
    }
}
