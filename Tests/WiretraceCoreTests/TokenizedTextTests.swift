import Testing
import WiretraceCore

/// Tokens written through a `Sink`: sized by an estimate, written again when they do not fit.
@Suite struct TokenizedTextTests {
    /// Writes `n` tokens numbered from 0, counting the passes in `passes`.
    static func build(_ n: Int, estimate: Int, capacity: Int, passes: inout Int) -> TokenizedText {
        TokenizedText(estimate: estimate, capacity: capacity) { sink in
            passes += 1
            for i in 0..<n {
                sink.append(hash: UInt64(i) &* 0x9E37, start: UInt32(2 * i), end: UInt32(2 * i + 1), quoted: i % 3 == 0)
            }
        }
    }

    @Test("tokens that fit the estimate are written once; more are written again with the full capacity")
    func estimateThenCapacity() {
        for (n, expectedPasses) in [(0, 1), (1, 1), (10, 1), (11, 2), (40, 2)] {
            var passes = 0
            let t = Self.build(n, estimate: 10, capacity: 40, passes: &passes)
            #expect(passes == expectedPasses, "\(n) tokens")
            #expect(t.hashes == (0..<n).map { UInt64($0) &* 0x9E37 })
            #expect(t.starts == (0..<n).map { UInt32(2 * $0) })
            #expect(t.ends == (0..<n).map { UInt32(2 * $0 + 1) })
            #expect(t.quoted == (0..<n).map { $0 % 3 == 0 })
        }
    }

    @Test("a sink drops what does not fit and says so")
    func overflowIsRecorded() {
        var sawOverflow: [Bool] = []
        _ = TokenizedText(estimate: 2, capacity: 4) { sink in
            sink.append(hash: 1, start: 0, end: 1, quoted: false)
            sink.append(hash: 2, start: 2, end: 3, quoted: false)
            sink.append(hash: 3, start: 4, end: 5, quoted: false)
            sawOverflow.append(sink.overflowed)
            #expect(sink.count == min(3, sink.capacity))
        }
        #expect(sawOverflow == [true, false])
    }

    @Test("tokens written to temporary storage are read back, from the thread's block or from the heap")
    func temporaryStorage() {
        // The last capacity is more than a thread's scratch block holds: heap storage.
        for (n, capacity) in [(0, 0), (0, 5), (3, 3), (40, 1000), (1000, 1 << 22)] {
            let t = TokenizedText.withTemporaryStorage(
                capacity: capacity,
                write: { sink in
                    for i in 0..<n {
                        sink.append(
                            hash: UInt64(i) &* 0x9E37, start: UInt32(2 * i), end: UInt32(2 * i + 1), quoted: i % 3 == 0)
                    }
                },
                read: { tokens in
                    TokenizedText(
                        hashes: Array(tokens.hashes), starts: Array(tokens.starts), ends: Array(tokens.ends),
                        quoted: Array(tokens.quoted))
                })
            var passes = 0
            #expect(t == Self.build(n, estimate: n, capacity: n, passes: &passes), "\(n) tokens")
            // And lent back from the arrays.
            #expect(t.withBuffers { Array($0.hashes) == t.hashes && Array($0.quoted) == t.quoted && $0.count == n })
        }
    }
}
