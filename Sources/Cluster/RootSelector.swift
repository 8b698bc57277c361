/// Picks the member of a cluster closest to the original text.
///
/// The earliest by date where the members' dates are comparable (ISO 8601 `YYYY-MM-DD…`);
/// otherwise the member that contains most of the others' shared passages; ties go to the longer
/// document, then to the earlier in the input.
public enum RootSelector {
    /// - Returns: the root's ordinal and the reason, in words.
    public static func select(_ members: [Int], dates: [String?], contains: [Double], lengths: [Int]) -> (Int, String) {
        precondition(!members.isEmpty)
        if members.count == 1 { return (members[0], "only member") }
        let iso = dates.compactMap { $0.flatMap(isoDay) }
        if iso.count == members.count, Set(iso).count > 1 {
            var best = 0
            for i in 1..<members.count where iso[i] < iso[best] { best = i }
            return (members[best], "earliest date (\(iso[best]))")
        }
        var best = 0
        for i in 1..<members.count {
            let a = (contains[i], lengths[i], -members[i])
            let b = (contains[best], lengths[best], -members[best])
            if a > b { best = i }
        }
        return (members[best], "contains most of the other members' shared passages")
    }

    /// The sortable prefix of an ISO 8601 date or date-time, or nil.
    static func isoDay(_ s: String) -> String? {
        let t = String(s.drop { $0 == " " })
        let u = Array(t.utf8)
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            u[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let hasTime = u.count >= 19 && (u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "))
        return hasTime ? String(t.prefix(19)) : String(t.prefix(10))
    }
}
