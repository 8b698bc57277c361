/// Disjoint sets over `0..<n` with path halving and union by size.
public struct UnionFind: Sendable {
    private var parent: [Int32]
    private var size: [Int32]

    public init(count: Int) {
        parent = (0..<Int32(count)).map { $0 }
        size = [Int32](repeating: 1, count: count)
    }

    /// The representative of `x`'s set.
    /// - Complexity: amortized nearly O(1).
    public mutating func find(_ x: Int) -> Int {
        var x = Int32(x)
        while parent[Int(x)] != x {
            parent[Int(x)] = parent[Int(parent[Int(x)])]
            x = parent[Int(x)]
        }
        return Int(x)
    }

    /// The representative of `x`'s set, without shortening paths: for a shared, read-only snapshot.
    /// - Complexity: O(log n) (union by size keeps trees shallow).
    public func root(_ x: Int) -> Int {
        var x = Int(x)
        while Int(parent[x]) != x { x = Int(parent[x]) }
        return x
    }

    /// The number of elements in `x`'s set.
    public mutating func setSize(_ x: Int) -> Int { Int(size[find(x)]) }

    /// Joins the sets of `x` and `y`; returns false if they were already one.
    @discardableResult
    public mutating func union(_ x: Int, _ y: Int) -> Bool {
        var rx = find(x)
        var ry = find(y)
        if rx == ry { return false }
        if size[rx] < size[ry] || (size[rx] == size[ry] && ry < rx) { swap(&rx, &ry) }
        parent[ry] = Int32(rx)
        size[rx] += size[ry]
        return true
    }
}
