/// Hash functions whose values never change between runs, machines or versions.
///
/// Swift's `Hasher` is seeded per process, so anything that must be reproducible
/// (token hashes, shingles, MinHash, output order) uses these instead.
public enum StableHash {
    /// The 64-bit finalizer of MurmurHash3: a fast, well-mixing bijection.
    @inlinable
    public static func mix64(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// FNV-1a offset basis.
    public static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a prime.
    public static let fnvPrime: UInt64 = 0x100_0000_01b3

    /// FNV-1a over the UTF-8 bytes of `string`, then mixed.
    public static func hash(_ string: String) -> UInt64 {
        var h = fnvOffset
        for b in string.utf8 {
            h = (h ^ UInt64(b)) &* fnvPrime
        }
        return mix64(h)
    }
}
