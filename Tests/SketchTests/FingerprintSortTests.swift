import Testing

@testable import Sketch

@Suite struct FingerprintSortTests {
    /// Uniform values, values sharing their top bits (one big bucket), few distinct values,
    /// sorted and reversed input, at sizes around the insertion limit and the bucket counts.
    @Test(arguments: [0, 1, 2, 15, 16, 17, 31, 33, 77, 200, 1000, 70_000])
    func sortsLikeTheStandardLibrary(_ count: Int) {
        var rng = WinnowerTests.LCG(state: UInt64(count) &+ 11)
        let kinds: [[UInt32]] = [
            (0..<count).map { _ in UInt32(truncatingIfNeeded: rng.next()) },
            (0..<count).map { _ in 0x1234_0000 | UInt32(truncatingIfNeeded: rng.next() & 0xFFFF) },
            (0..<count).map { _ in UInt32(truncatingIfNeeded: rng.next() % 3) << 30 },
            (0..<count).map { UInt32($0) },
            (0..<count).map { UInt32.max - UInt32($0) },
        ]
        for values in kinds {
            var sorted = values
            sorted.withUnsafeMutableBufferPointer { FingerprintSort.sort($0) }
            #expect(sorted == values.sorted())
        }
    }
}
