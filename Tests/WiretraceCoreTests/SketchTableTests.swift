import Testing

@testable import WiretraceCore

@Suite("SketchTable")
struct SketchTableTests {
    /// Sketches of `n` documents, with fingerprint lists of varied lengths (some empty).
    private func sketches(_ n: Int) -> [DocumentSketch] {
        (0..<n).map { d in
            DocumentSketch(
                signature: (0..<8).map { UInt32(($0 * 7 + d) % 5) },
                fingerprints: (0..<(d * 13) % 11).map { UInt32(d * 100 + $0) }, tokenCount: d)
        }
    }

    @Test(
        "gives back each document's sketch across blocks, filters fingerprints (twice, on 1 or 2 threads), drops signatures",
        arguments: [false, true], [1, 2])
    func roundTrip(spilled: Bool, threads: Int) throws {
        let n = 2 * SketchTable.blockSize + 37
        let input = sketches(n)
        var table = SketchTable(spill: spilled ? try SpillStore() : nil)
        for (d, s) in input.enumerated() { try table.append(s, date: d % 3 == 0 ? nil : "2020-01-\(d % 28 + 1)") }
        #expect(table.count == n && table.permutations == 8)
        for d in [0, 1, SketchTable.blockSize - 1, SketchTable.blockSize, n - 1] {
            #expect(Array(table.signature(d)) == input[d].signature)
            #expect(Array(try table.fingerprints(d)) == input[d].fingerprints)
            #expect(table.tokenCounts[d] == d)
            for e in [0, d / 2, n - 1] {
                #expect(
                    table.estimatedJaccard(d, e)
                        == DocumentSketch.estimatedJaccard(input[d].signature, input[e].signature))
            }
        }
        table.dropSignatures()
        try table.keepFingerprints(threads: threads) { $0 % 2 == 0 }
        try table.keepFingerprints(threads: threads) { $0 % 3 != 0 }
        let kept = { (d: Int) in input[d].fingerprints.filter { $0 % 2 == 0 && $0 % 3 != 0 } }
        var seen = 0
        try table.forEachFingerprints { d, fingerprints in
            #expect(d == seen)
            #expect(Array(fingerprints) == kept(d))
            seen += 1
        }
        #expect(seen == n)
        for d in [0, SketchTable.blockSize, n - 1] {
            #expect(Array(try table.fingerprints(d)) == kept(d))
            #expect(table.signature(d).isEmpty)
        }
    }
}
