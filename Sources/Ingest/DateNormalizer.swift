import WiretraceCore
/// Normalizes publication dates to ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SSZ` (UTC) when a time is given.
///
/// Reads ISO 8601 (`2023-03-25`, `2023-03-25T14:02:00+01:00`), RFC 2822 (`Sat, 25 Mar 2023 14:02:00 GMT`),
/// common news styles (`March 25, 2023`, `25 Mar 2023 14:02`, `26-FEB-1987 15:01:01.79`, `2023/03/25`)
/// and Unix timestamps (seconds or milliseconds). A time without a zone is taken as UTC.
public enum DateNormalizer {
    /// The normalized date, or nil when `text` is not a date this reader understands.
    /// - Complexity: O(n) in the length of `text`.
    public static func normalize(_ text: String) -> String? {
        isCalendarDate(text) ? text : read(text)
    }

    /// The general reader behind `normalize`: tokens, then the date and time they spell.
    static func read(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.utf8.count > 80 { return nil }
        let tokens = tokenize(trimmed)
        if tokens.isEmpty { return nil }
        if tokens.count == 1, case .number(let n, let digits) = tokens[0] {
            return epoch(n, digits: digits)
        }
        return parseTokens(tokens)
    }

    /// Whether `text` is exactly a valid `YYYY-MM-DD` date from year 1000 on, which normalizes to itself.
    ///
    /// The most common form, read here without tokenizing; anything else is left to the general reader.
    static func isCalendarDate(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return false }
        var fields = (0, 0, 0)
        for (i, c) in utf8.enumerated() {
            if i == 4 || i == 7 {
                guard c == UInt8(ascii: "-") else { return false }
                continue
            }
            guard c >= 0x30, c <= 0x39 else { return false }
            let digit = Int(c - 0x30)
            switch i {
            case ..<4: fields.0 = fields.0 * 10 + digit
            case ..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        let (year, month, day) = fields
        return year >= 1000 && (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case punct(UInt8)
    }

    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        // A date has a few tokens: room for them at once, rather than growing 1, 2, 4, 8.
        tokens.reserveCapacity(min(text.utf8.count, 12))
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                var n = 0
                var digits = 0
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                    if digits < 15 { n = n * 10 + Int(bytes[i] - 0x30) }
                    digits += 1
                    i += 1
                }
                tokens.append(.number(n, digits: digits))
            } else if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A {
                var word: [UInt8] = []
                while i < bytes.count, (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A {
                    word.append(bytes[i] | 0x20)
                    i += 1
                }
                tokens.append(.word(String(decoding: word, as: UTF8.self)))
            } else if c == 0x20 || c == 0x09 || c == 0x2C {
                i += 1
            } else {
                tokens.append(.punct(c))
                i += 1
            }
        }
        return tokens
    }

    static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The month (1-12) that `word` names in full or abbreviated to at least three letters (`mar`, `sept`).
    static func month(_ word: String) -> Int? {
        // No two month names share their first three letters, so at most one name matches.
        guard word.count >= 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        return index + 1
    }

    static let weekdays: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday",
    ]

    static let zones: [String: Int] = [
        "z": 0, "gmt": 0, "ut": 0, "utc": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120,
    ]

    static func parseTokens(_ tokens: [Token]) -> String? {
        var year: Int?
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute = 0
        var second = 0
        var offsetMinutes = 0
        var pm: Bool?
        var loose: [Int] = []
        var i = 0
        func number(_ at: Int) -> (Int, Int)? {
            guard at < tokens.count, case .number(let n, let d) = tokens[at] else { return nil }
            return (n, d)
        }
        func isPunct(_ at: Int, _ c: UInt8) -> Bool {
            at < tokens.count && tokens[at] == .punct(c)
        }
        while i < tokens.count {
            switch tokens[i] {
            case .number(let n, let digits):
                // YYYY-MM-DD or YYYY/MM/DD
                if digits == 4, year == nil, isPunct(i + 1, 0x2D) || isPunct(i + 1, 0x2F),
                    let (m, _) = number(i + 2), isPunct(i + 3, 0x2D) || isPunct(i + 3, 0x2F), let (d, _) = number(i + 4)
                {
                    year = n
                    month = m
                    day = d
                    i += 5
                    continue
                }
                // HH:MM[:SS[.fff]]
                if hour == nil, digits <= 2, isPunct(i + 1, 0x3A), let (m, _) = number(i + 2) {
                    hour = n
                    minute = m
                    i += 3
                    if isPunct(i, 0x3A), let (s, _) = number(i + 1) {
                        second = s
                        i += 2
                    }
                    if isPunct(i, 0x2E), number(i + 1) != nil { i += 2 }
                    continue
                }
                // DD-MON-YYYY
                if digits <= 2, isPunct(i + 1, 0x2D), i + 2 < tokens.count, case .word(let w) = tokens[i + 2],
                    let m = Self.month(w), isPunct(i + 3, 0x2D), let (y, yd) = number(i + 4), yd == 4
                {
                    day = n
                    month = m
                    year = y
                    i += 5
                    continue
                }
                if digits == 4 && year == nil {
                    year = n
                } else if digits <= 2 {
                    loose.append(n)
                } else {
                    return nil
                }
                i += 1
            case .word(let w):
                if w == "t" && hour == nil {
                    i += 1
                    continue
                }
                if let m = Self.month(w), month == nil {
                    month = m
                } else if weekdays.contains(w) || w == "at" || w == "on" || w == "of" {
                    // ignored
                } else if w == "am" || w == "pm" {
                    pm = w == "pm"
                } else if let z = zones[w] {
                    offsetMinutes = z
                } else if ["st", "nd", "rd", "th"].contains(w) {
                    // ordinal suffix
                } else if year != nil && month != nil && (day != nil || !loose.isEmpty) && hour != nil {
                    // Trailing noise after a complete date and time ("14:02:56.54V RM" in Reuters-21578).
                    i = tokens.count
                    continue
                } else {
                    return nil
                }
                i += 1
            case .punct(let c):
                if (c == 0x2B || c == 0x2D), hour != nil, let (n, digits) = number(i + 1) {
                    // +HHMM or +HH:MM or +HH
                    var minutes: Int
                    var used = 2
                    if digits == 4 {
                        minutes = n / 100 * 60 + n % 100
                    } else if digits <= 2, isPunct(i + 2, 0x3A), let (m, _) = number(i + 3) {
                        minutes = n * 60 + m
                        used = 4
                    } else if digits <= 2 {
                        minutes = n * 60
                    } else {
                        return nil
                    }
                    if minutes > 14 * 60 { return nil }
                    if c == 0x2D { minutes = -minutes }
                    offsetMinutes = minutes
                    i += used
                    continue
                }
                guard [0x2D, 0x2F, 0x2E, 0x3A, 0x28, 0x29].contains(c) else { return nil }
                i += 1
            }
        }
        if day == nil, let first = loose.first {
            day = first
            loose.removeFirst()
        }
        guard loose.isEmpty, let y = year, let m = month, let d = day else { return nil }
        guard (1...12).contains(m), y >= 1000, y <= 9999, d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        guard var h = hour else { return format4(y) + "-" + two(m) + "-" + two(d) }
        if let pm {
            guard (1...12).contains(h) else { return nil }
            if pm && h < 12 { h += 12 }
            if !pm && h == 12 { h = 0 }
        }
        guard h <= 23, minute <= 59, second <= 60 else { return nil }
        return utc(year: y, month: m, day: d, hour: h, minute: minute, second: min(second, 59), offset: offsetMinutes)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func format4(_ n: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func utc(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> String? {
        let seconds =
            CivilTime.daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset * 60
        return format(epochSeconds: seconds)
    }

    static func format(epochSeconds seconds: Int) -> String? {
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rest = seconds - days * 86400
        let (y, m, d) = civilFromDays(days)
        guard y >= 1000, y <= 9999 else { return nil }
        return "\(format4(y))-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    static func epoch(_ n: Int, digits: Int) -> String? {
        switch digits {
        case 9, 10: return format(epochSeconds: n)
        case 12, 13: return format(epochSeconds: n / 1000)
        default: return nil
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        // Fast path: nothing to trim when both ends are visible ASCII.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
