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
        tokens.hashes.withUnsafeBufferPointer { process(hashes: $0) }
    }

    /// Sketches one document's token hashes, in borrowed storage. The shingles are in scratch
    /// memory (`ScratchMemory`), not an array per document.
    /// - Complexity: O(n·(k + p)) for n tokens, shingle size k and p permutations.
    public func process(hashes: UnsafeBufferPointer<UInt64>) -> DocumentSketch {
        let count = Shingler.count(tokens: hashes.count, k: configuration.shingleSize)
        return ScratchMemory.withBuffer(of: UInt64.self, capacity: count) { buffer in
            Shingler.shingles(hashes, k: configuration.shingleSize, into: buffer)
            let shingles = UnsafeBufferPointer(buffer)
            return DocumentSketch(
                signature: hasher.signature(shingles),
                fingerprints: Winnower.fingerprints(shingles, window: configuration.winnowWindow),
                tokenCount: hashes.count)
        }
    }
}
