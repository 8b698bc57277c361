/// Which Basic Multilingual Plane scalars are word characters, looked up in a bit table.
///
/// `Normalizer.isWordScalar` asks the Unicode properties (alphabetic, general category) of every
/// non-ASCII scalar, and news text is full of non-ASCII punctuation (curly quotes, dashes): two
/// property lookups each. The table holds the answer of that same function for the 65,536 BMP
/// scalars, computed once; scalars above the BMP are asked directly.
struct WordScalarTable: Sendable {
    /// Bit `v & 63` of word `v >> 6`: whether scalar `v` is a word character.
    private let bits: [UInt64]

    /// The table of `Normalizer.isWordScalar` over the BMP.
    /// - Complexity: O(2^16) property lookups.
    init() {
        var bits = [UInt64](repeating: 0, count: 1 << 10)
        for v in 0..<UInt32(1 << 16) {
            if let s = Unicode.Scalar(v), Normalizer.isWordScalar(s) { bits[Int(v >> 6)] |= 1 << (v & 63) }
        }
        self.bits = bits
    }

    /// Whether `s` is a word character: the same answer as `Normalizer.isWordScalar(s)`.
    @inline(__always)
    func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        guard v < 1 << 16 else { return Normalizer.isWordScalar(s) }
        return bits[Int(v >> 6)] & (1 << (v & 63)) != 0
    }
}
