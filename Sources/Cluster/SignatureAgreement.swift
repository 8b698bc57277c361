import WiretraceCore

/// The estimated Jaccard similarity of two documents' MinHash signatures, compared eight positions
/// at a time: common text is decided by millions of these (`Clusterer.commonFingerprints`).
enum SignatureAgreement {
    /// The fraction of positions where documents `a` and `b`'s signatures in `sketches` agree: the
    /// same Double as `SketchTable.estimatedJaccard(a, b)`.
    /// - Complexity: O(p) for p permutations.
    @inline(__always)
    static func estimatedJaccard(_ sketches: SketchTable, _ a: Int, _ b: Int) -> Double {
        let p = sketches.permutations
        guard p > 0 else { return 0 }
        return Double(agreeing(sketches.signature(a), sketches.signature(b))) / Double(p)
    }

    /// How many positions of `x` and `y` (of one length) hold the same value.
    /// - Complexity: O(n).
    static func agreeing(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>) -> Int {
        precondition(x.count == y.count, "signatures of different lengths")
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                guard let px = x.baseAddress, let py = y.baseAddress else { return 0 }
                let n = x.count
                var counts = SIMD8<UInt32>()
                var i = 0
                while i + 8 <= n {
                    let a = UnsafeRawPointer(px + i).loadUnaligned(as: SIMD8<UInt32>.self)
                    let b = UnsafeRawPointer(py + i).loadUnaligned(as: SIMD8<UInt32>.self)
                    counts &+= SIMD8(repeating: 1).replacing(with: 0, where: a .!= b)
                    i += 8
                }
                var same = Int(counts.wrappedSum())
                while i < n {
                    if px[i] == py[i] { same += 1 }
                    i += 1
                }
                return same
            }
        }
    }
}
