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
        let work = jobs
        // A read error is left for the sequential pass, which reports it in order: nil here.
        let results = try? parallelMap(work.count) { j throws -> PassageAligner.Alignment? in
            let (x, y) = work[j]
            guard let ty = try? tokens(y), let tx = try? tokens(x) else { return nil }
            return aligner.align(ty, tx, commonA: commonMask(ty, common), commonB: commonMask(tx, common))
        }
        var out: [UInt64: PassageAligner.Alignment] = [:]
        out.reserveCapacity(jobs.count)
        for (j, job) in jobs.enumerated() {
            if let a = results?[j] ?? nil { out[Self.pairKey(job.x, job.y)] = a }
        }
        return out
    }
}

extension Clusterer {
    /// `body(0) ..< body(count - 1)` on `threads` threads; results (or the first error, in index
    /// order) come back in index order, so they do not depend on scheduling.
    ///
    /// Clustering is synchronous, so this uses `DispatchQueue.concurrentPerform` with a bounded
    /// fan-out: `threads` workers, worker w taking indices w, w + threads, ...
    /// - Complexity: O(count) calls of `body`, spread over `threads` threads.
    func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        let slots = ResultSlots<T>(count: count)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for j in stride(from: w, to: count, by: workers) {
                slots.store(j, Result { try body(j) })
            }
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for j in 0..<count {
            guard let r = slots.load(j) else { preconditionFailure("parallelMap: slot \(j) not computed") }
            out.append(try r.get())
        }
        return out
    }
}

/// Result slots written by `parallelMap`'s workers: each slot by exactly one worker, all read after
/// `concurrentPerform` returns (which orders the writes before the reads) — hence unchecked.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result<T, any Error>?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func store(_ i: Int, _ r: Result<T, any Error>) { slots[i] = r }
    func load(_ i: Int) -> Result<T, any Error>? { slots[i] }
}
