/// Writes `JSONValue`s as compact JSON with keys in their given order.
public enum JSONWriter {
    /// The compact JSON text of `value`.
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: nil, level: 0)
        return out
    }

    /// The JSON text of `value`, indented by two spaces per level, with a final newline.
    public static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out, indent: "  ", level: 0)
        out += "\n"
        return out
    }

    static func write(_ value: JSONValue, into out: inout String, indent: String?, level: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += indent == nil ? "," : "," }
                newline(&out, indent, level + 1)
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, (key, item)) in members.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, level + 1)
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(item, into: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent, level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, _ indent: String?, _ level: Int) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<level { out += indent }
    }

    /// Appends `s` as a JSON string literal, escaping quotes, backslashes, control characters and
    /// the line and paragraph separators.
    ///
    /// Read over the UTF-8 bytes, the runs between escapes appended whole: every line of the JSON
    /// outputs is mostly such strings, and appending scalar by scalar was most of their cost.
    /// - Complexity: O(n) in the length of `s`.
    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        var s = s
        s.withUTF8 { b in
            let n = b.count
            var run = 0
            var i = 0
            while i < n {
                let c = b[i]
                var width = 1
                let escape: String
                switch c {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    escape = b[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case ..<0x20:
                    let hex = String(c, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default:
                    i += 1
                    continue
                }
                if i > run { out += String(decoding: UnsafeBufferPointer(rebasing: b[run..<i]), as: UTF8.self) }
                out += escape
                i += width
                run = i
            }
            if n > run { out += String(decoding: UnsafeBufferPointer(rebasing: b[run..<n]), as: UTF8.self) }
        }
        out += "\""
    }
}

/// Writes one compact JSON object member by member, straight into its text: what
/// `JSONWriter.string(.object(…))` writes for the same members, without building the values first
/// (the JSON outputs write an object per document).
public struct JSONObjectWriter {
    private var text = "{"
    private var empty = true

    public init() {}

    /// Appends a member whose value is `value`, or `null` when absent.
    public mutating func string(_ key: String, _ value: String?) { self.value(key, .optional(value)) }

    /// Appends a member whose value is the integer `value`.
    public mutating func int(_ key: String, _ value: Int) { self.value(key, .int(value)) }

    /// Appends a member whose value is `value` as `JSONValue.double(_:digits:)` writes it, or
    /// `null` when absent.
    public mutating func double(_ key: String, _ value: Double?, digits: Int = 4) {
        self.value(key, value.map { .double($0, digits: digits) } ?? .null)
    }

    /// Appends a member whose value is `value`.
    public mutating func value(_ key: String, _ value: JSONValue) {
        member(key)
        JSONWriter.write(value, into: &text, indent: nil, level: 0)
    }

    /// The object's text, closed.
    public consuming func finish() -> String {
        text += "}"
        return text
    }

    private mutating func member(_ key: String) {
        if !empty { text += "," }
        empty = false
        JSONWriter.writeString(key, into: &text)
        text += ":"
    }
}
