import WiretraceCore

extension Clusterer {
    /// Turns the joined sets into clusters: numbers, roots with reasons, roles and similarity to root.
    func assemble(
        _ inputs: [SketchedDocument], _ sets: inout UnionFind, _ containsScore: [Double], _ aligner: PassageAligner,
        _ common: Set<UInt32>, _ tokenCache: inout TokenCache, _ counters: Counters
    ) throws -> Clustering {
        let n = inputs.count
        var clusterOfRoot: [Int: Int] = [:]
        var members: [[Int]] = []
        var clusterIndex = [Int](repeating: 0, count: n)
        for x in 0..<n {
            let r = sets.find(x)
            if let c = clusterOfRoot[r] {
                members[c].append(x)
                clusterIndex[x] = c
            } else {
                clusterOfRoot[r] = members.count
                clusterIndex[x] = members.count
                members.append([x])
            }
        }
        var clusters: [Cluster] = []
        var roles = [DocumentRole](repeating: .unique, count: n)
        var similarity = [Double?](repeating: nil, count: n)
        var pairToRoot: [Int: VerifiedPair] = [:]
        var jobs: [(root: Int, member: Int)] = []
        for (c, group) in members.enumerated() {
            let (root, reason) = RootSelector.select(group, dates: group.map { inputs[$0].date }, contains: group.map { containsScore[$0] }, lengths: group.map { inputs[$0].sketch.tokenCount })
            clusters.append(Cluster(number: c + 1, members: group, root: root, rootReason: reason))
            guard group.count > 1 else { continue }
            roles[root] = .root
            for m in group where m != root { jobs.append((root, m)) }
        }
        // Each member's alignment to its root is independent of all others: with more than one
        // thread they run in parallel (`parallelMap`), and the results are used in job order.
        let pairs: [VerifiedPair]
        if threads > 1 {
            let work = jobs
            pairs = try parallelMap(work.count) { j throws -> VerifiedPair in
                let (root, m) = work[j]
                return rootPair(root, try tokens(root), m, try tokens(m), aligner, common)
            }
        } else {
            var sequential: [VerifiedPair] = []
            sequential.reserveCapacity(jobs.count)
            for (root, m) in jobs {
                sequential.append(rootPair(root, try tokenCache.get(root, tokens), m, try tokenCache.get(m, tokens), aligner, common))
            }
            pairs = sequential
        }
        for (j, (_, m)) in jobs.enumerated() {
            let pair = pairs[j]
            similarity[m] = pair.similarity
            roles[m] = pair.similarity >= configuration.copySimilarity ? .copy : .rewrite
            pairToRoot[m] = pair
        }
        return Clustering(
            clusters: clusters, clusterIndex: clusterIndex, roles: roles, similarityToRoot: similarity,
            pairToRoot: pairToRoot, counters: counters.items)
    }

    /// A member's alignment to its cluster's root, as the reports show it.
    /// - Complexity: O(|root| + |member|) expected, as `PassageAligner.align`.
    func rootPair(_ root: Int, _ tr: TokenizedText, _ m: Int, _ tm: TokenizedText, _ aligner: PassageAligner, _ common: Set<UInt32>) -> VerifiedPair {
        let alignment = aligner.align(tr, tm, commonA: commonMask(tr, common), commonB: commonMask(tm, common))
        return VerifiedPair(
            a: root, b: m, similarity: alignment.similarity, containment: alignment.containment,
            passages: aligner.passages(alignment, tr, tm))
    }
}
