import WiretraceCore

extension Clusterer {
    /// Turns the joined sets into clusters: numbers, roots with reasons, roles and similarity to root.
    func assemble(
        _ dates: [String?], _ lengths: [Int], _ sets: inout UnionFind, _ containsScore: [Double],
        _ aligner: PassageAligner,
        _ common: CommonText, _ workers: inout [Worker], _ counters: Counters
    ) throws -> Clustering {
        let n = dates.count
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
        var roots: [Int] = []
        for (c, group) in members.enumerated() {
            let (root, reason) = RootSelector.select(
                group, dates: group.map { dates[$0] }, contains: group.map { containsScore[$0] },
                lengths: group.map { lengths[$0] })
            clusters.append(Cluster(number: c + 1, members: group, root: root, rootReason: reason))
            roots.append(root)
        }
        // Each member aligned with its root: clusters are independent, so in parallel, in order.
        let multi = members.indices.filter { members[$0].count > 1 }
        let jobs = multi.map { (root: roots[$0], group: members[$0]) }
        let aligned = try parallelMap(count: jobs.count, states: &workers) { w, i in
            let (root, group) = jobs[i]
            let er = try verificationEntry(root, &w.cache, common, aligner)
            let tr = try tokens(er, root)
            return try group.filter { $0 != root }.map { m in
                let em = try verificationEntry(m, &w.cache, common, aligner)
                let tm = try tokens(em, m)
                let alignment = aligner.align(er.text, em.text, indexB: em.index(aligner))
                return VerifiedPair(
                    a: root, b: m, similarity: alignment.similarity, containment: alignment.containment,
                    passages: aligner.passages(alignment, tr, tm))
            }
        }
        for (i, pairs) in aligned.enumerated() {
            roles[roots[multi[i]]] = .root
            for pair in pairs {
                let m = pair.b
                similarity[m] = pair.similarity
                roles[m] = pair.similarity >= configuration.copySimilarity ? .copy : .rewrite
                pairToRoot[m] = pair
            }
        }
        return Clustering(
            clusters: clusters, clusterIndex: clusterIndex, roles: roles, similarityToRoot: similarity,
            pairToRoot: pairToRoot, counters: counters.items)
    }
}
