import Sketch
import Testing
import WiretraceCore

@Suite struct ShinglerTests {
    @Test(arguments: [(0, 0), (1, 1), (4, 1), (5, 1), (6, 2), (100, 96)])
    func countsShingles(_ tokens: Int, _ expected: Int) {
        var out: [UInt64] = []
        Shingler.shingles((0..<UInt64(tokens)).map { $0 }, k: 5, into: &out)
        #expect(out.count == expected)
        #expect(Shingler.count(tokens: tokens, k: 5) == expected)
    }

    @Test func isOrderSensitive() {
        var a: [UInt64] = []
        var b: [UInt64] = []
        Shingler.shingles([1, 2, 3, 4, 5], k: 5, into: &a)
        Shingler.shingles([5, 4, 3, 2, 1], k: 5, into: &b)
        #expect(a != b)
    }

    /// Every shingle size, the unrolled k = 5 among them, against the definition written out.
    @Test(arguments: 1...8)
    func matchesTheDefinition(_ k: Int) {
        var rng = WinnowerTests.LCG(state: UInt64(k))
        for n in [0, 1, k - 1, k, k + 1, 50] {
            let tokens = (0..<n).map { _ in rng.next() &* 0x2545_f491_4f6c_dd1d }
            var out: [UInt64] = []
            Shingler.shingles(tokens, k: k, into: &out)
            let width = min(k, n)
            let expected: [UInt64] =
                n == 0
                ? []
                : (0...(n - width)).map { i in
                    var g = tokens[i]
                    for j in 1..<width { g = (g &* 0x9e37_79b9_7f4a_7c15) ^ tokens[i + j] }
                    return StableHash.mix64(g)
                }
            #expect(out == expected, "k \(k), n \(n)")
        }
    }
}
