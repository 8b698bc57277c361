import Testing
@testable import Ingest
import WiretraceCore

@Suite struct DateNormalizerTests {
    @Test(arguments: [
        ("2023-03-25", "2023-03-25"),
        ("2023-03-25T14:02:00Z", "2023-03-25T14:02:00Z"),
        ("2023-03-25T14:02:00.123+01:00", "2023-03-25T13:02:00Z"),
        ("2023-03-25 23:30:00-05:00", "2023-03-26T04:30:00Z"),
        ("Sat, 25 Mar 2023 14:02:00 GMT", "2023-03-25T14:02:00Z"),
        ("Sat, 25 Mar 2023 14:02:00 +0200", "2023-03-25T12:02:00Z"),
        ("Tue, 1 Jan 2019 00:30:00 EST", "2019-01-01T05:30:00Z"),
        ("March 25, 2023", "2023-03-25"),
        ("Mar. 25, 2023", "2023-03-25"),
        ("25 Mar 2023 14:02", "2023-03-25T14:02:00Z"),
        ("25 March 2023", "2023-03-25"),
        ("March 25th, 2023 2:05 PM", "2023-03-25T14:05:00Z"),
        ("Sept 3, 2021", "2021-09-03"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"),
        ("2023/03/25", "2023-03-25"),
        ("1679752920", "2023-03-25T14:02:00Z"),
        ("1679752920000", "2023-03-25T14:02:00Z"),
        ("2024-02-29", "2024-02-29"),
        ("27-MAR-1987 14:02:56.54V RM", "1987-03-27T14:02:56Z"),
        ("3-MAR-1987  13:04:18.47", "1987-03-03T13:04:18Z"),
    ])
    func parses(input: String, expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test(arguments: [
        "", "yesterday", "2023-02-30", "03/25/2023", "2023-13-01", "25 Foo 2023", "12345", "2023-03-25T25:00:00Z",
        "Mar 2023",
    ])
    func rejects(input: String) {
        #expect(DateNormalizer.normalize(input) == nil)
    }

    /// The `YYYY-MM-DD` shortcut gives what the general reader gives, on valid and invalid dates alike.
    @Test func calendarDateShortcutAgreesWithTheReader() {
        var cases = ["2023-3-25", "2023-03-5", "20230-3-25", "2023/03/25", "2023-03-25 ", " 2023-03-25", "x023-03-25"]
        for year in ["0999", "1000", "1900", "2000", "2023", "2024", "9999"] {
            for month in ["00", "01", "02", "04", "09", "12", "13", "99"] {
                for day in ["00", "01", "28", "29", "30", "31", "32"] { cases.append("\(year)-\(month)-\(day)") }
            }
        }
        for text in cases {
            if DateNormalizer.isCalendarDate(text) { #expect(DateNormalizer.read(text) == text) }
            #expect(DateNormalizer.normalize(text) == DateNormalizer.read(text), "\(text)")
        }
        #expect(cases.filter(DateNormalizer.isCalendarDate).count == 122)
    }

    @Test func civilDaysRoundTrip() {
        for days in stride(from: -1000, through: 30000, by: 97) {
            let (y, m, d) = DateNormalizer.civilFromDays(days)
            #expect(CivilTime.daysFromCivil(y, m, d) == days)
        }
    }
}
