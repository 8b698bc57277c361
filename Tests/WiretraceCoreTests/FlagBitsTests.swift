import Testing
import WiretraceCore

@Suite struct FlagBitsTests {
    @Test func packsAndUnpacksAnyLength() {
        for n in [0, 1, 63, 64, 65, 127, 128, 200] {
            let flags = (0..<n).map { $0 % 3 == 0 || $0 == n - 1 }
            let words = FlagBits.pack(flags)
            #expect(words.count == FlagBits.wordCount(n))
            #expect(words.withUnsafeBufferPointer { FlagBits.unpack($0, count: n) } == flags)
            // The bits past the last flag are 0.
            if n % 64 != 0, let last = words.last { #expect(last >> UInt64(n % 64) == 0) }
        }
    }

    @Test func countsSetFlagsInEveryRange() {
        let flags = (0..<200).map { ($0 * 7919) % 5 < 2 }
        let words = FlagBits.pack(flags)
        words.withUnsafeBufferPointer { w in
            for lower in stride(from: 0, through: 200, by: 7) {
                for upper in stride(from: lower, through: 200, by: 11) {
                    #expect(FlagBits.count(w, lower..<upper) == flags[lower..<upper].filter { $0 }.count)
                }
            }
            #expect(FlagBits.count(w, 0..<200) == flags.filter { $0 }.count)
            #expect(FlagBits.count(w, 64..<128) == flags[64..<128].filter { $0 }.count)
            #expect((0..<200).allSatisfy { FlagBits.isSet(w, $0) == flags[$0] })
        }
    }
}
