/// Sorting of winnowed fingerprints: hash values, close to uniform over the 32-bit range.
///
/// A counting pass on the top bits puts each value in one of about as many buckets as there are
/// values; each bucket, of one or two values on average, is then sorted by insertion. Every
/// document's fingerprints are sorted, and this does a few operations per value where a
/// comparison sort does about log2(f) unpredictable comparisons.
enum FingerprintSort {
    /// Buckets larger than this are sorted with the standard library's sort, so no input
    /// costs more than O(f log f).
    static let insertionLimit = 16

    /// Sorts `values` ascending.
    /// - Complexity: O(f) expected for f values spread over the 32-bit range, O(f log f) at worst.
    static func sort(_ values: UnsafeMutableBufferPointer<UInt32>) {
        let f = values.count
        guard f > insertionLimit else {
            insertionSort(values)
            return
        }
        // 2^bits buckets, at least f: bucket b holds the values whose top `bits` bits are b.
        let bits = min(16, Int.bitWidth - (f - 1).leadingZeroBitCount)
        let shift = UInt32(32 - bits)
        let buckets = 1 << bits
        // Scratch storage, on the stack when small enough.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets + 1) { starts in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: f) { scratch in
                starts.initialize(repeating: 0)
                bucketSort(values, shift: shift, starts: starts, scratch: scratch)
            }
        }
    }

    /// The bucket pass of `sort(_:)`: `starts` has one more entry than there are buckets,
    /// `scratch` room for all values.
    private static func bucketSort(
        _ values: UnsafeMutableBufferPointer<UInt32>, shift: UInt32, starts: UnsafeMutableBufferPointer<Int>,
        scratch: UnsafeMutableBufferPointer<UInt32>
    ) {
        let buckets = starts.count - 1
        for v in values { starts[Int(v >> shift) + 1] += 1 }
        for b in 0..<buckets { starts[b + 1] += starts[b] }
        // starts[b] is now where bucket b begins; it advances as the bucket is filled, and ends
        // where bucket b + 1 begins.
        for v in values {
            let b = Int(v >> shift)
            scratch[starts[b]] = v
            starts[b] += 1
        }
        var begin = 0
        for b in 0..<buckets {
            let end = starts[b]
            if end - begin > 1 {
                var bucket = UnsafeMutableBufferPointer(rebasing: scratch[begin..<end])
                if bucket.count > insertionLimit { bucket.sort() } else { insertionSort(bucket) }
            }
            begin = end
        }
        _ = values.update(fromContentsOf: scratch)
    }

    /// Sorts a few values by insertion.
    /// - Complexity: O(f²) for f values.
    static func insertionSort(_ values: UnsafeMutableBufferPointer<UInt32>) {
        guard values.count > 1 else { return }
        for i in 1..<values.count {
            let v = values[i]
            var j = i
            while j > 0 && values[j - 1] > v {
                values[j] = values[j - 1]
                j -= 1
            }
            values[j] = v
        }
    }
}
