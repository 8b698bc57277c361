import Cluster
import Testing

@Suite struct RootSelectorTests {
    @Test func singleMemberIsItsOwnRoot() {
        #expect(RootSelector.select([7], dates: [nil], contains: [0], lengths: [10]).0 == 7)
    }

    @Test func earliestDateWins() {
        let (root, reason) = RootSelector.select(
            [3, 5, 9], dates: ["2019-05-31T12:00:00", "2019-05-31T08:15:00", "2019-06-01"], contains: [2, 0, 0],
            lengths: [100, 10, 10])
        #expect(root == 5)
        #expect(reason.contains("earliest"))
    }

    @Test(arguments: [
        ([nil, "2019-05-31", "2019-05-30"] as [String?]),
        (["2019-05-31", "2019-05-31", "2019-05-31"] as [String?]),
        (["yesterday", "2019-05-30", "2019-05-31"] as [String?]),
    ])
    func withoutComparableDatesTheMostContainingWins(dates: [String?]) {
        let (root, reason) = RootSelector.select(
            [1, 2, 3], dates: dates, contains: [0.2, 1.7, 0.9], lengths: [500, 100, 900])
        #expect(root == 2)
        #expect(reason.contains("contains"))
    }

    @Test func tiesGoToTheLongerThenTheEarlier() {
        #expect(RootSelector.select([4, 6], dates: [nil, nil], contains: [1, 1], lengths: [10, 20]).0 == 6)
        #expect(RootSelector.select([4, 6], dates: [nil, nil], contains: [1, 1], lengths: [20, 20]).0 == 4)
    }
}
