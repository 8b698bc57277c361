import Testing
import WiretraceCore

@testable import Cluster

@Suite("SignatureAgreement")
struct SignatureAgreementTests {
    /// Two value sequences of length `n` agreeing at a pseudo-random set of positions.
    private func pair(_ n: Int, seed: UInt64) -> ([UInt32], [UInt32]) {
        var state = seed
        var x: [UInt32] = []
        var y: [UInt32] = []
        for _ in 0..<n {
            state = StableHash.mix64(state &+ 1)
            let v = UInt32(truncatingIfNeeded: state)
            x.append(v)
            y.append(state >> 40 & 3 == 0 ? v ^ 1 : v)
        }
        return (x, y)
    }

    @Test("counts agreeing positions as a plain loop does", arguments: [0, 1, 7, 8, 9, 16, 100, 128, 131])
    func agreeing(n: Int) {
        let (x, y) = pair(n + 5, seed: UInt64(n))
        // Slices that start inside their arrays, as a signature table's do.
        let a = x[3..<3 + n]
        let b = y[5..<5 + n]
        let expected = zip(a, b).filter { $0 == $1 }.count
        #expect(SignatureAgreement.agreeing(a, b) == expected)
        #expect(SignatureAgreement.agreeing(a, a) == n)
    }

    @Test("is the same Double as SketchTable.estimatedJaccard")
    func sameAsTable() throws {
        var table = SketchTable()
        for d in 0..<40 {
            let (x, y) = pair(128, seed: UInt64(d / 2))
            try table.append(
                DocumentSketch(signature: d % 2 == 0 ? x : y, fingerprints: [], tokenCount: 1), date: nil)
        }
        for a in 0..<40 {
            for b in 0..<40 {
                #expect(SignatureAgreement.estimatedJaccard(table, a, b) == table.estimatedJaccard(a, b))
            }
        }
    }
}
