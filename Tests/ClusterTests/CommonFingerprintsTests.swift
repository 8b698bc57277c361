import Testing

@testable import Cluster

@Suite("CommonFingerprints")
struct CommonFingerprintsTests {
    /// Common fingerprints 0, 1, … held by these sets of stories (by key).
    private func fingerprints(_ sets: [Range<Int>]) -> CommonFingerprints {
        var sketches: [UInt32] = []
        for stories in sets { CommonFingerprints.sketch(stories.lazy.map { UInt32($0) }, into: &sketches) }
        return CommonFingerprints(sortedKeys: sets.indices.map { UInt32($0) }, sketches: sketches)
    }

    /// Every common fingerprint is found at its position, and others are not, whatever the count
    /// (the filter in front of the table is sized by it).
    @Test(arguments: [0, 1, 300, 5_000, 600_000])
    func lookupsFindTheFingerprintsAndOnlyThem(count: Int) {
        var state: UInt64 = UInt64(count) &+ 11
        func next() -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: state >> 32)
        }
        let keys = Array(Set((0..<count).map { _ in next() })).sorted()
        let c = CommonFingerprints(
            sortedKeys: keys, sketches: [UInt32](repeating: .max, count: keys.count * CommonFingerprints.sketchSize))
        var misplaced = 0
        for (i, f) in keys.enumerated() where c.index(of: f) != i || !c.contains(f) { misplaced += 1 }
        #expect(misplaced == 0)
        let known = Set(keys)
        var found = 0
        for _ in 0..<20_000 {
            let f = next()
            if !known.contains(f) && c.index(of: f) != nil { found += 1 }
        }
        #expect(found == 0)
    }

    /// Fingerprints in the same documents recur together; in other documents, or sharing only a
    /// few of many (one story's copies), apart; in sets that overlap by half of the smaller, or
    /// nested, together.
    @Test func recurringTogetherIsSharingTheDocuments() {
        let c = fingerprints([
            0..<200, 0..<200, 200..<400, 195..<395, 10..<20, 13..<23, 19..<29, 50..<650, 190..<690, 18..<40,
        ])
        #expect(c.recurTogether(0, 1))
        #expect(!c.recurTogether(0, 2))
        #expect(!c.recurTogether(0, 3), "5 of 200 documents in common")
        #expect(!c.recurTogether(2, 0))
        #expect(c.recurTogether(4, 5), "small sets, 7 of 10 in common")
        #expect(!c.recurTogether(4, 6), "small sets, 1 of 10 in common")
        #expect(!c.recurTogether(4, 9), "small sets, 2 in common")
        #expect(c.recurTogether(0, 7), "three quarters of the smaller within the larger")
        #expect(c.recurTogether(7, 0))
        #expect(!c.recurTogether(0, 8), "10 of the smaller's 200 within the larger")
    }

    /// A fingerprint far rarer than another leaves their sketches almost nothing to compare: no
    /// evidence that they recur apart, so they are taken to recur together.
    @Test func tooLittleEvidenceIsTogether() {
        let c = fingerprints([0..<20_000, 50_000..<50_040])
        #expect(c.recurTogether(0, 1))
        #expect(c.recurTogether(1, 0))
    }

    /// A sketch keeps the smallest mixed keys, each story once (its documents share its key),
    /// padded when there are few.
    @Test func sketchKeepsTheSmallest() {
        var out: [UInt32] = [7]
        CommonFingerprints.sketch([9, 3, 5, 3, 9] as [UInt32], into: &out)
        let values = [3, 5, 9].map { CommonFingerprints.mixed($0) }.sorted()
        #expect(out == [7] + values + [UInt32](repeating: .max, count: CommonFingerprints.sketchSize - 3))
        var many: [UInt32] = []
        CommonFingerprints.sketch((0..<100).flatMap { [UInt32($0), UInt32($0)] }.reversed(), into: &many)
        #expect(many == Array((0..<100).map { CommonFingerprints.mixed(UInt32($0)) }.sorted().prefix(16)))
    }
}
