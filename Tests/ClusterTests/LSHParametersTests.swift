import Cluster
import Foundation
import Testing

@Suite struct LSHParametersTests {
    @Test(arguments: [0.2, 0.3, 0.5, 0.8])
    func usesAtMostThePermutations(threshold: Double) {
        let p = LSHParameters.optimal(
            threshold: threshold, permutations: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        #expect(p.bands >= 1 && p.rows >= 1)
        #expect(p.bands * p.rows <= 128)
    }

    @Test func higherThresholdsUseMoreRowsPerBand() {
        let low = LSHParameters.optimal(
            threshold: 0.2, permutations: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        let high = LSHParameters.optimal(
            threshold: 0.8, permutations: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        #expect(high.rows > low.rows)
    }

    /// The S-curve's midpoint (1/b)^(1/r) lies near the threshold.
    @Test(arguments: [0.3, 0.5, 0.7])
    func curveCrossesNearTheThreshold(threshold: Double) {
        let p = LSHParameters.optimal(
            threshold: threshold, permutations: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        let midpoint = pow(1 / Double(p.bands), 1 / Double(p.rows))
        #expect(abs(midpoint - threshold) < 0.15)
    }

    @Test func weighingMissesMoreLowersTheEffectiveThreshold() {
        let balanced = LSHParameters.optimal(
            threshold: 0.5, permutations: 128, falsePositiveWeight: 0.5, falseNegativeWeight: 0.5)
        let recall = LSHParameters.optimal(
            threshold: 0.5, permutations: 128, falsePositiveWeight: 0.1, falseNegativeWeight: 0.9)
        let m1 = pow(1 / Double(balanced.bands), 1 / Double(balanced.rows))
        let m2 = pow(1 / Double(recall.bands), 1 / Double(recall.rows))
        #expect(m2 < m1)
    }
}
