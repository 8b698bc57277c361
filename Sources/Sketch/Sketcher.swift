import WiretraceCore

/// The sketch stage: shingles a normalized document and computes its MinHash signature and
/// winnowed fingerprints.
public struct Sketcher: StreamingStage {
    public static let name = "sketch"
    public let configuration: SketchConfiguration
    private let hasher: MinHasher

    public init(configuration: SketchConfiguration) {
        self.configuration = configuration
        self.hasher = MinHasher(permutations: configuration.permutations, seed: configuration.seed)
    }

    /// Sketches one document's tokens.
    /// - Complexity: O(n·(k + p)) for n tokens, shingle size k and p permutations.
    public func process(_ tokens: TokenizedText) -> DocumentSketch {
        var shingles: [UInt64] = []
        Shingler.shingles(tokens.hashes, k: configuration.shingleSize, into: &shingles)
        return DocumentSketch(
            signature: hasher.signature(shingles),
            fingerprints: Winnower.fingerprints(shingles, window: configuration.winnowWindow),
            tokenCount: tokens.count)
    }
}
