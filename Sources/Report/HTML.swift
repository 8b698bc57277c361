/// HTML escaping for everything the reports take from the input: texts, ids, outlets, titles,
/// evidence and urls. Nothing from the input reaches the page unescaped.
public enum HTML {
    /// `s` escaped for element content and quoted attribute values: `& < > " '`.
    /// - Complexity: O(n).
    public static func escape(_ s: String) -> String {
        var r = ""
        r.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": r += "&amp;"
            case "<": r += "&lt;"
            case ">": r += "&gt;"
            case "\"": r += "&quot;"
            case "'": r += "&#39;"
            case "\0": r += "\u{FFFD}"
            default: r.unicodeScalars.append(u)
            }
        }
        return r
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
