import Testing
import WiretraceCore

@Suite("DocumentSketch.agreeing")
struct DocumentSketchTests {
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
        #expect(DocumentSketch.agreeing(a, b) == expected)
        #expect(DocumentSketch.agreeing(a, a) == n)
        if n > 0 {
            #expect(
                DocumentSketch.estimatedJaccard(Array(a), Array(b)) == Double(expected) / Double(n))
        }
    }
}
