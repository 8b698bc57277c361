/// HTML escaping for everything the reports take from the input: texts, ids, outlets, titles,
/// evidence and urls. Nothing from the input reaches the page unescaped.
public enum HTML {
    /// `s` escaped for element content and quoted attribute values: `& < > " '`.
    /// - Complexity: O(n).
    public static func escape(_ s: String) -> String { escape(s, breaks: false) }

    /// `s` escaped as `escape(_:)` does, and with `breaks` each line break (`\n` or `\r\n`)
    /// written as `<br>` and a newline.
    ///
    /// Works on UTF-8 bytes: the characters to replace are ASCII, and no byte of a multi-byte
    /// UTF-8 sequence is ASCII, so this equals a scalar-by-scalar pass at a fraction of the cost
    /// (reports on large dumps escape tens of megabytes).
    /// - Complexity: O(n) in the UTF-8 length.
    public static func escape(_ s: String, breaks: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + s.utf8.count / 16)
        var text = s
        text.withUTF8 { escape($0, breaks: breaks, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 `bytes`, escaped as `escape(_:breaks:)` does, to `out`. A `\r` that ends
    /// `bytes` is kept as it is (its `\n` is not in view).
    /// - Complexity: O(n).
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, breaks: Bool, into out: inout [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            case 0: out += [0xEF, 0xBF, 0xBD]  // U+FFFD
            case 0x0A where breaks: out += "<br>\n".utf8
            case 0x0D where breaks && i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                out += "<br>\n".utf8
                i += 1
            default: out.append(b)
            }
            i += 1
        }
    }

    /// A link to `url` when it is an absolute http(s) url without control characters or spaces;
    /// otherwise the url as plain escaped text. `javascript:`, `data:` and relative urls never become links.
    /// - Parameters:
    ///   - url: the document's url, as given in the input.
    ///   - label: the link text (escaped here); defaults to the url.
    /// - Returns: HTML.
    public static func link(_ url: String, label: String? = nil) -> String {
        let lower = url.lowercased()
        let safe =
            (lower.hasPrefix("http://") || lower.hasPrefix("https://"))
            && !url.unicodeScalars.contains {
                $0.value < 0x21 || $0.value == 0x7F || $0 == "\"" || $0 == "'" || $0 == "<" || $0 == ">" || $0 == "`"
            }
        guard safe else { return "<span class=\"url\">\(escape(label ?? url))</span>" }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\">\(escape(label ?? url))</a>"
    }

    /// A fragment identifier safe in `id` and `href="#…"`: letters, digits, `-`, `_` kept, others hex-coded.
    public static func anchor(_ s: String) -> String {
        var r = ""
        for u in s.unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "-" || u == "_" {
                r.unicodeScalars.append(u)
            } else {
                r += "." + String(u.value, radix: 16)
            }
        }
        return r
    }
}
