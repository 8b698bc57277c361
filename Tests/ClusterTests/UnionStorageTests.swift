import Testing
import WiretraceCore

@testable import Cluster

@Suite("Union-phase storage")
struct UnionStorageTests {
    /// Token masks, as the union phase kept them before ranges.
    private func mask(_ spans: [Range<Int32>], count: Int) -> [Bool] {
        var m = [Bool](repeating: false, count: count)
        for r in spans { for k in r where Int(k) < count { m[Int(k)] = true } }
        return m
    }

    @Test("coverage counts and overlaps as token masks do")
    func coverageMatchesMasks() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let count = Int.random(in: 0...60, using: &rng)
            func spans() -> [Range<Int32>] {
                (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                    let a = Int32.random(in: 0...70, using: &rng)
                    return a..<a + Int32.random(in: 0...15, using: &rng)
                }
            }
            let (s1, s2, s3) = (spans(), spans(), spans())
            var prior = Coverage(s1, count: count)
            prior.formUnion(Coverage(s2, count: count))
            let priorMask = zip(mask(s1, count: count), mask(s2, count: count)).map { $0 || $1 }
            let covered = Coverage(s3, count: count)
            let coveredMask = mask(s3, count: count)
            #expect(covered.tokenCount == coveredMask.filter { $0 }.count)
            #expect(covered.overlap(prior) == zip(coveredMask, priorMask).filter { $0 && $1 }.count)
            #expect(prior.overlap(covered) == covered.overlap(prior))
        }
    }

    @Test("runs come back from their bytes as they went in")
    func runsRoundTrip() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let runs: [(a: Range<Int32>, b: Range<Int32>)] = (0..<Int.random(in: 0...8, using: &rng)).map { _ in
                let a = Int32.random(in: 0...Int32.max / 2, using: &rng)
                let b = Int32.random(in: 0...Int32.max / 2, using: &rng)
                return (
                    a..<a + Int32.random(in: 0...70_000, using: &rng), b..<b + Int32.random(in: 0...70_000, using: &rng)
                )
            }
            var bytes: [UInt8] = []
            EdgeList.encode(runs) { bytes.append($0) }
            var at = 0
            let back = EdgeList.decode(count: runs.count) {
                defer { at += 1 }
                return bytes[at]
            }
            #expect(at == bytes.count)
            #expect(back.map(\.a) == runs.map(\.a))
            #expect(back.map(\.b) == runs.map(\.b))
        }
    }
}

/// What a cache entry keeps for its next document.
@Suite struct TokenCacheEntryTests {
    /// Short texts' arrays are kept, to be refilled; a long text's are let go.
    @Test(arguments: [(10, true), (300, true), (600, false), (5000, false)])
    func clearKeepsTheArraysOfShortTextsOnly(count: Int, kept: Bool) {
        let aligner = PassageAligner(minPassageWords: 8, quoteWeight: 0.25)
        let entry = TokenCache.Entry(aligner.text([], quoted: []))
        entry.tokens = TokenizedText(
            hashes: (0..<count).map { UInt64($0) }, starts: (0..<count).map { UInt32($0) },
            ends: (0..<count).map { UInt32($0 + 1) }, quoted: (0..<count).map { $0 % 2 == 0 })
        entry.hasTokens = true
        entry.clear()
        #expect(!entry.hasTokens)
        #expect((entry.tokens.hashes.capacity >= count) == kept)
    }
}
