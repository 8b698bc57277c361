import WiretraceCore

/// Settings of the sketch stage: shingles, MinHash permutations and winnowed fingerprints.
public struct SketchConfiguration: Sendable, Hashable {
    /// The shingle kind; `word` = overlapping word n-grams of normalized tokens.
    public var shingleKind = "word"
    /// Words per shingle.
    public var shingleSize = 5
    /// MinHash permutations (signature length).
    public var permutations = 128
    /// Seed of the permutation family; signatures are comparable only under the same seed.
    public var seed: UInt64 = 1
    /// Winnowing window, in shingles: any passage of at least `shingleSize + winnowWindow - 1`
    /// words shared by two documents yields a common fingerprint.
    public var winnowWindow = 6

    public init() {}

    /// Reads the stage's keys from `pipeline.json`.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        shingleKind = try reader.string("shingle", default: shingleKind, allowed: ["word"])
        shingleSize = try reader.int("shingle_size", in: 1...16, default: shingleSize)
        permutations = try reader.int("permutations", in: 16...1024, default: permutations)
        seed = UInt64(try reader.int("seed", in: 0...Int(Int32.max), default: Int(seed)))
        winnowWindow = try reader.int("winnow_window", in: 1...64, default: winnowWindow)
    }

    /// The shortest shared passage, in words, that winnowing is guaranteed to detect.
    public var guaranteedPassageWords: Int { shingleSize + winnowWindow - 1 }
}
