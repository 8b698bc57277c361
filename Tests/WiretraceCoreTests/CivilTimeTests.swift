import Testing
import WiretraceCore

@Suite struct CivilTimeTests {
    @Test func readsTheTwoNormalizedForms() {
        #expect(CivilTime.epochSeconds("1970-01-01") == 0)
        #expect(CivilTime.epochSeconds("1970-01-02T00:00:01Z") == 86401)
        #expect(CivilTime.epochSeconds("1987-03-02T11:44:00Z") == 541_683_840)
        #expect(CivilTime.epochSeconds("2024-02-29") == CivilTime.daysFromCivil(2024, 2, 29) * 86400)
    }

    @Test(arguments: [
        "", "1987-3-2", "02/03/1987", "1987-03-02T11:44Z", "1987-03-02 11:44:00", "1987-13-01", "1987-03-02T25:00:00Z",
        "1987-03-02T11:44:00+01:00", "26-FEB-1987 15:01:01.79",
    ])
    func leavesOtherTextUnread(text: String) {
        #expect(CivilTime.epochSeconds(text) == nil)
    }
}
