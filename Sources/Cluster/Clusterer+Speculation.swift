import Dispatch
import WiretraceCore

extension Clusterer {
    /// Candidates per document whose alignment is computed ahead, each from a different cluster.
    static let speculativePairsPerDocument = 2

    /// The key of the pair (x, y) in `speculate`'s result.
    static func pairKey(_ x: Int, _ y: Int) -> UInt64 { UInt64(x) << 32 | UInt64(y) }

    /// Aligns ahead, on `threads` threads, the pairs verification of `block` will most likely ask for.
    ///
    /// Verification is sequential by nature: whether x is aligned with candidate y depends on
    /// whether an earlier pair already joined them. But an alignment itself is a pure function of
    /// the two documents, and almost every document's verification starts with its first candidate
    /// of each cluster (x is still alone when its turn comes; after joining y's cluster, x skips
    /// the rest of it). So for each x this aligns its first candidates from up to
    /// `speculativePairsPerDocument` different clusters as they stand before the block, in
    /// parallel, and verification uses these results instead of aligning again — the same
    /// numbers, so the clusters and every output are byte-identical to a one-thread run. A pair
    /// the clusters formed in the meantime make unnecessary is wasted work, bounded by the
    /// constant per document; a story copied thousands of times still costs one alignment per copy.
    /// - Complexity: O(b · v) work over `threads` threads, for b documents in the block and
    ///   alignment cost v.
    func speculate(
        _ block: Range<Int>, _ candidates: [[Int]], _ sets: inout UnionFind, _ common: Set<UInt32>, _ aligner: PassageAligner
    ) -> [UInt64: PassageAligner.Alignment] {
        var jobs: [(x: Int, y: Int)] = []
        for x in block {
            var roots: [Int] = []
            for y in candidates[x - block.lowerBound] {
                let root = sets.find(y)
                if root == sets.find(x) || roots.contains(root) { continue }
                roots.append(root)
                jobs.append((x, y))
                if roots.count == Self.speculativePairsPerDocument { break }
            }
        }
        guard !jobs.isEmpty else { return [:] }
        let results = SpeculatedAlignments(count: jobs.count)
        let workers = min(threads, jobs.count)
        let work = jobs
        // Bounded fan-out: `workers` threads, worker w taking jobs w, w + workers, ...
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for j in stride(from: w, to: work.count, by: workers) {
                let (x, y) = work[j]
                // A read error is left for the sequential pass, which reports it in order.
                guard let ty = try? tokens(y), let tx = try? tokens(x) else { continue }
                results.store(j, aligner.align(ty, tx, commonA: commonMask(ty, common), commonB: commonMask(tx, common)))
            }
        }
        var out: [UInt64: PassageAligner.Alignment] = [:]
        out.reserveCapacity(jobs.count)
        for (j, job) in jobs.enumerated() {
            if let a = results.load(j) { out[Self.pairKey(job.x, job.y)] = a }
        }
        return out
    }
}

/// Result slots written by `speculate`'s workers: each slot by exactly one worker, all read after
/// `concurrentPerform` returns (which orders the writes before the reads) — hence unchecked.
final class SpeculatedAlignments: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<PassageAligner.Alignment?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ i: Int, _ a: PassageAligner.Alignment) { slots[i] = a }
    func load(_ i: Int) -> PassageAligner.Alignment? { slots[i] }
}
