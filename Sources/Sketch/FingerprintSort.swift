import WiretraceCore

/// Sorting of winnowed fingerprints: hash values, close to uniform over the 32-bit range.
///
/// A counting pass on the top bits puts each value in one of about as many buckets as there are
/// values; the buckets, of one or two values on average, are then sorted by one insertion pass. Every
/// document's fingerprints are sorted, and this does a few operations per value where a
/// comparison sort does about log2(f) unpredictable comparisons.
enum FingerprintSort {
    /// When a bucket is larger than this, the standard library's sort is used instead of
    /// insertion, so no input costs more than O(f log f).
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
        // Scratch memory, reused from one document to the next.
        ScratchMemory.withBuffer(of: Int.self, capacity: buckets + 1) { starts in
            ScratchMemory.withBuffer(of: UInt32.self, capacity: f) { scratch in
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
        var largest = 0
        for b in 0..<buckets {
            largest = max(largest, starts[b + 1])
            starts[b + 1] += starts[b]
        }
        // starts[b] is now where bucket b begins; it advances as the bucket is filled.
        for v in values {
            let b = Int(v >> shift)
            scratch[starts[b]] = v
            starts[b] += 1
        }
        // Buckets are in order, so one insertion pass over all values only moves values
        // within their bucket: a few comparisons each while buckets stay small.
        if largest > insertionLimit {
            var all = scratch
            all.sort()
        } else {
            insertionSort(scratch)
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
