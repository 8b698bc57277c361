import Testing
import WiretraceCore

@testable import Cluster

@Suite("FingerprintIndex")
struct FingerprintIndexTests {
    /// Documents whose fingerprints are drawn from a small pool (so that many are shared, some by
    /// more documents than the cap), spread over the whole 32-bit range and over several blocks.
    private func table(_ n: Int, spilled: Bool) throws -> SketchTable {
        var table = SketchTable(spill: spilled ? try SpillStore() : nil)
        for d in 0..<n {
            var state = UInt64(d)
            var fingerprints: [UInt32] = []
            for _ in 0..<(d % 9) {
                state = StableHash.mix64(state &+ 0x9e37)
                // 0 and UInt32.max among them: the directory's edges; a third in one bucket (the
                // same top 16 bits), where documents' fingerprints interleave.
                let pick = state % 300
                fingerprints.append(
                    pick == 0
                        ? 0
                        : pick == 1
                            ? .max
                            : pick % 3 == 0
                                ? 0xABCD_0000 | UInt32(pick) : UInt32(truncatingIfNeeded: pick &* 0x9e37_79b9))
            }
            try table.append(DocumentSketch(signature: [1, 2], fingerprints: fingerprints, tokenCount: 1), date: nil)
        }
        return table
    }

    @Test(
        "keeps each shared fingerprint's first documents, flat, in order, its buckets sorted on any threads",
        arguments: [(false, 1), (true, 1), (false, 3), (true, 2)])
    func postings(spilled: Bool, threads: Int) throws {
        let n = SketchTable.blockSize + 300
        let cap = 5
        let sketches = try table(n, spilled: spilled)
        var holders: [UInt32: [Int32]] = [:]
        for d in 0..<n {
            for f in try sketches.fingerprints(d) { holders[f, default: []].append(Int32(d)) }
        }
        let index = try PostingIndex(sketches, cap: cap, threads: threads)
        let shared = holders.filter { $0.value.count >= 2 }
        #expect(index.table.keys == shared.keys.sorted())
        #expect(index.postings.count == shared.values.reduce(0) { $0 + min(cap, $1.count) })
        for (f, docs) in shared {
            let i = try #require(index.table.index(of: f))
            #expect(Array(index.postings[index.range(i)]) == Array(docs.prefix(cap)))
        }
        for f in holders.keys where holders[f]?.count == 1 { #expect(index.table.index(of: f) == nil) }
        // Warming reads only what a lookup reads: any fingerprint, present or not, and no table.
        let probes: [UInt32] = [0, 1, .max, .max - 1] + Array(holders.keys)
        _ = probes.withUnsafeBufferPointer { index.table.warm($0) }
        _ = probes.withUnsafeBufferPointer { FingerprintTable(sortedKeys: []).warm($0) }
    }
}
