import Cluster
import Testing

@Suite struct UnionFindTests {
    @Test func startsAsSingletons() {
        var u = UnionFind(count: 4)
        for i in 0..<4 {
            let root = u.find(i)
            let size = u.setSize(i)
            #expect(root == i)
            #expect(size == 1)
        }
    }

    @Test func unionJoinsAndReportsNewJoinsOnly() {
        var u = UnionFind(count: 6)
        let joins = [u.union(0, 1), u.union(2, 3), u.union(1, 3), u.union(0, 2)]
        #expect(joins == [true, true, true, false])
        let roots = (0..<6).map { u.find($0) }
        #expect(Set(roots[0..<4]).count == 1)
        #expect(roots[4] != roots[0] && roots[5] != roots[4])
        let sizes = [u.setSize(2), u.setSize(5)]
        #expect(sizes == [4, 1])
    }

    @Test func longChainsStayConsistent() {
        var u = UnionFind(count: 1000)
        for i in 1..<1000 { u.union(i - 1, i) }
        let roots = Set((0..<1000).map { u.find($0) })
        let size = u.setSize(999)
        #expect(roots.count == 1)
        #expect(size == 1000)
    }
}
