/// The compact summary of a document that clustering keeps in memory: what bounds a run's memory.
public struct DocumentSketch: Sendable, Hashable {
    /// MinHash signature over the document's shingles, one minimum per permutation.
    public var signature: [UInt32]
    /// Winnowed shingle fingerprints, sorted and unique: any passage shared by two documents
    /// that is at least the winnowing guarantee long yields at least one common fingerprint.
    public var fingerprints: [UInt32]
    /// The number of word tokens in the document.
    public var tokenCount: Int

    public init(signature: [UInt32], fingerprints: [UInt32], tokenCount: Int) {
        self.signature = signature
        self.fingerprints = fingerprints
        self.tokenCount = tokenCount
    }

    /// The fraction of positions where two MinHash signatures (of one permutation family, so of
    /// one length) agree: an estimate of the Jaccard similarity of the two shingle sets.
    /// - Complexity: O(p).
    public static func estimatedJaccard(_ x: [UInt32], _ y: [UInt32]) -> Double {
        precondition(x.count == y.count, "signatures of different lengths")
        guard !x.isEmpty else { return 0 }
        // Eight positions at a time: common text is decided by millions of these.
        var same = 0
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                guard let px = x.baseAddress, let py = y.baseAddress else { return }
                let n = min(x.count, y.count)
                var counts = SIMD8<UInt32>()
                var i = 0
                while i + 8 <= n {
                    let a = UnsafeRawPointer(px + i).loadUnaligned(as: SIMD8<UInt32>.self)
                    let b = UnsafeRawPointer(py + i).loadUnaligned(as: SIMD8<UInt32>.self)
                    counts &+= SIMD8(repeating: 1).replacing(with: 0, where: a .!= b)
                    i += 8
                }
                same = Int(counts.wrappedSum())
                for k in i..<n where px[k] == py[k] { same += 1 }
            }
        }
        return Double(same) / Double(x.count)
    }
}

/// A sketched document as the clustering barrier receives it.
public struct SketchedDocument: Sendable {
    /// Position of the document in the input (0-based, in input order).
    public var ordinal: Int
    /// The document's publication date as given, used to pick a cluster's root.
    public var date: String?
    public var sketch: DocumentSketch

    public init(ordinal: Int, date: String?, sketch: DocumentSketch) {
        self.ordinal = ordinal
        self.date = date
        self.sketch = sketch
    }
}
