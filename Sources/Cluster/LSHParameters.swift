/// Chooses LSH bands × rows for a target Jaccard threshold.
///
/// A pair with similarity `s` becomes a candidate with probability `1 - (1 - s^r)^b`. Following
/// the usual derivation (as in datasketch), the choice minimizes
/// `wfp · ∫₀ᵗ P(s) ds + wfn · ∫ₜ¹ (1 - P(s)) ds` over all `b · r ≤ permutations`.
public enum LSHParameters {
    /// The (bands, rows) pair with the least weighted error.
    /// - Complexity: O(p² · q) for p permutations and q integration steps.
    public static func optimal(
        threshold t: Double, permutations: Int, falsePositiveWeight wfp: Double, falseNegativeWeight wfn: Double
    ) -> (bands: Int, rows: Int) {
        var best = (bands: 1, rows: permutations)
        var bestError = Double.infinity
        for b in 1...permutations {
            for r in 1...(permutations / b) {
                let fp = integrate(0, t) { s in 1 - pow1m(1 - pow(s, r), b) }
                let fn = integrate(t, 1) { s in pow1m(1 - pow(s, r), b) }
                let error = wfp * fp + wfn * fn
                if error < bestError - 1e-12 {
                    bestError = error
                    best = (b, r)
                }
            }
        }
        return best
    }

    private static func pow(_ x: Double, _ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= x }
        return r
    }

    private static func pow1m(_ x: Double, _ n: Int) -> Double { pow(x, n) }

    private static func integrate(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        let steps = 100
        let h = (b - a) / Double(steps)
        var sum = 0.0
        for i in 0..<steps { sum += f(a + (Double(i) + 0.5) * h) }
        return sum * h
    }
}
