import Sketch
import Testing

@Suite struct ShinglerTests {
    @Test(arguments: [(0, 0), (1, 1), (4, 1), (5, 1), (6, 2), (100, 96)])
    func countsShingles(_ tokens: Int, _ expected: Int) {
        var out: [UInt64] = []
        Shingler.shingles((0..<UInt64(tokens)).map { $0 }, k: 5, into: &out)
        #expect(out.count == expected)
    }

    @Test func isOrderSensitive() {
        var a: [UInt64] = []
        var b: [UInt64] = []
        Shingler.shingles([1, 2, 3, 4, 5], k: 5, into: &a)
        Shingler.shingles([5, 4, 3, 2, 1], k: 5, into: &b)
        #expect(a != b)
    }
}
