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
        for (c, group) in members.enumerated() {
            let (root, reason) = RootSelector.select(
                group, dates: group.map { inputs[$0].date }, contains: group.map { containsScore[$0] },
                lengths: group.map { inputs[$0].sketch.tokenCount })
            clusters.append(Cluster(number: c + 1, members: group, root: root, rootReason: reason))
            guard group.count > 1 else { continue }
            roles[root] = .root
            let er = try verificationEntry(root, &tokenCache, common)
            let tr = er.tokens
            for m in group where m != root {
                let em = try verificationEntry(m, &tokenCache, common)
                let tm = em.tokens
                let alignment = aligner.align(tr, tm, commonA: er.common, commonB: em.common)
                let s = alignment.similarity
                similarity[m] = s
                roles[m] = s >= configuration.copySimilarity ? .copy : .rewrite
                pairToRoot[m] = VerifiedPair(
                    a: root, b: m, similarity: s, containment: alignment.containment,
                    passages: aligner.passages(alignment, tr, tm))
            }
        }
        return Clustering(
            clusters: clusters, clusterIndex: clusterIndex, roles: roles, similarityToRoot: similarity,
            pairToRoot: pairToRoot, counters: counters.items)
    }
}
