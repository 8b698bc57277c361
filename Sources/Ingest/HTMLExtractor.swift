/// Extracts an article's text and metadata from HTML markup.
///
/// Keeps the title and the body text as paragraphs separated by blank lines; drops `script`,
/// `style`, `nav`, `header`, `footer`, `aside`, forms and other boilerplate; decodes named and
/// numeric character references. The first `h1` is taken as the headline (the title when the
/// page has no `<title>`) and not repeated in the text. Metadata comes from common `<meta>` tags
/// (`og:*`, `article:published_time`), `<link rel=canonical>` and `<time datetime>`.
public enum HTMLExtractor {
    /// What a page yields.
    public struct Page: Sendable, Hashable {
        public var text: String
        public var title: String?
        public var date: String?
        public var outlet: String?
        public var url: String?
    }

    static let dropped: Set<String> = [
        "nav", "header", "footer", "aside", "form", "iframe", "svg", "template", "button", "select", "figure",
        "figcaption", "menu", "head", "object", "noscript", "canvas", "video", "audio", "dialog",
    ]
    static let rawText: Set<String> = ["script", "style", "textarea", "xmp", "plaintext"]
    static let void: Set<String> = [
        "br", "img", "meta", "link", "hr", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param",
    ]
    static let block: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
        "main", "table", "tr", "td", "th", "pre", "dd", "dt", "dl", "hr", "body", "html", "center", "address",
        "caption", "tbody", "thead", "tfoot",
    ]

    /// Extracts the article from `html`.
    /// - Complexity: O(n) in the length of `html`.
    public static func extract(_ html: String) -> Page {
        // The string's own UTF-8 storage (decoded text is native), not a copy of every page's bytes.
        var html = html
        return html.withUTF8 { buffer in
            var extractor = Extractor(buffer)
            return extractor.run()
        }
    }

    struct Extractor {
        let b: UnsafeBufferPointer<UInt8>
        var paragraphs: [String] = []
        var current: [UInt8] = []
        var pendingSpace = false
        var skip: [String] = []
        var inTitle = false
        var title: [UInt8] = []
        var inH1 = false
        var h1Done = false
        var h1: [UInt8] = []
        var date: String?
        var outlet: String?
        var url: String?
        var timeDate: String?

        init(_ b: UnsafeBufferPointer<UInt8>) { self.b = b }

        mutating func run() -> Page {
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c == UInt8(ascii: "<") {
                    i = tag(at: i)
                } else if c == UInt8(ascii: "&") {
                    if let (decoded, next) = HTMLEntities.decode(b, at: i) {
                        emit(decoded[...])
                        i = next
                    } else {
                        emit([c][...])
                        i += 1
                    }
                } else {
                    var j = i
                    while j < n, b[j] != UInt8(ascii: "<"), b[j] != UInt8(ascii: "&") { j += 1 }
                    emit(range: i..<j)
                    i = j
                }
            }
            flush()
            let titleText = collapse(title)
            let h1Text = collapse(h1)
            return Page(
                text: paragraphs.joined(separator: "\n\n"),
                title: titleText.isEmpty ? (h1Text.isEmpty ? nil : h1Text) : titleText,
                date: date ?? timeDate, outlet: outlet, url: url)
        }

        func collapse(_ bytes: [UInt8]) -> String {
            String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }

        /// Appends text to where it belongs now, collapsing whitespace.
        mutating func emit(_ text: ArraySlice<UInt8>) {
            text.withUnsafeBufferPointer { emit($0) }
        }

        /// Appends `b[range]` to where it belongs now.
        mutating func emit(range: Range<Int>) {
            emit(UnsafeBufferPointer(rebasing: b[range]))
        }

        mutating func emit(_ text: UnsafeBufferPointer<UInt8>) {
            if inTitle {
                title += text
                return
            }
            if !skip.isEmpty { return }
            if inH1 && !h1Done {
                h1 += text
                return
            }
            // Runs of visible bytes are copied whole; whitespace runs become one space.
            var i = 0
            let n = text.count
            while i < n {
                if Self.isSpace(text[i]) {
                    pendingSpace = true
                    i += 1
                    continue
                }
                var j = i + 1
                while j < n, !Self.isSpace(text[j]) { j += 1 }
                if pendingSpace && !current.isEmpty { current.append(0x20) }
                pendingSpace = false
                current += UnsafeBufferPointer(rebasing: text[i..<j])
                i = j
            }
        }

        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }

        mutating func flush() {
            if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
            pendingSpace = false
        }

        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

        /// Index of `needle` (lowercase ASCII) at or after `from`, case-insensitively.
        func find(_ needle: [UInt8], from: Int) -> Int? {
            guard !needle.isEmpty, b.count >= needle.count else { return nil }
            var i = from
            while i + needle.count <= b.count {
                if lower(b[i]) == needle[0] {
                    var k = 1
                    while k < needle.count, lower(b[i + k]) == needle[k] { k += 1 }
                    if k == needle.count { return i }
                }
                i += 1
            }
            return nil
        }

        /// Handles the markup starting at `start` (a `<`); returns the index after it.
        mutating func tag(at start: Int) -> Int {
            let n = b.count
            var i = start + 1
            guard i < n else {
                emit([UInt8(ascii: "<")][...])
                return n
            }
            if b[i] == UInt8(ascii: "!") {
                if i + 2 < n, b[i + 1] == UInt8(ascii: "-"), b[i + 2] == UInt8(ascii: "-") {
                    guard let end = find(Array("-->".utf8), from: i + 3) else { return n }
                    return end + 3
                }
                return skipPast(UInt8(ascii: ">"), from: i)
            }
            if b[i] == UInt8(ascii: "?") { return skipPast(UInt8(ascii: ">"), from: i) }
            var closing = false
            if b[i] == UInt8(ascii: "/") {
                closing = true
                i += 1
            }
            let nameStart = i
            while i < n, isNameByte(b[i]) { i += 1 }
            guard i > nameStart, (b[nameStart] | 0x20) >= 0x61, (b[nameStart] | 0x20) <= 0x7A else {
                emit([UInt8(ascii: "<")][...])
                return start + 1
            }
            let name = String(decoding: UnsafeBufferPointer(rebasing: b[nameStart..<i]).map(lower), as: UTF8.self)
            // Attributes, up to the closing `>` outside quotes.
            let attrStart = i
            var quote: UInt8 = 0
            while i < n {
                let c = b[i]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == 0x22 || c == 0x27 {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    break
                }
                i += 1
            }
            let attrEnd = i
            let end = min(i + 1, n)
            let selfClosing = attrEnd > attrStart && b[attrEnd - 1] == UInt8(ascii: "/")
            if closing {
                close(name)
                return end
            }
            if HTMLExtractor.rawText.contains(name) && !selfClosing {
                guard let close = find(Array("</\(name)".utf8), from: end) else { return n }
                return skipPast(UInt8(ascii: ">"), from: close)
            }
            open(name, attributes: attrStart..<attrEnd, selfClosing: selfClosing)
            return end
        }

        func isNameByte(_ c: UInt8) -> Bool {
            (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x3A || c == 0x5F
        }

        func skipPast(_ c: UInt8, from: Int) -> Int {
            var i = from
            while i < b.count, b[i] != c { i += 1 }
            return min(i + 1, b.count)
        }

        mutating func open(_ name: String, attributes: Range<Int>, selfClosing: Bool) {
            switch name {
            case "title":
                if !selfClosing && title.isEmpty { inTitle = true }
                return
            case "meta", "link", "time":
                readMetadata(name, attributes: attributes)
            default:
                break
            }
            if HTMLExtractor.dropped.contains(name) {
                if !selfClosing && !HTMLExtractor.void.contains(name) { skip.append(name) }
                return
            }
            if name == "h1" && skip.isEmpty && !h1Done {
                flush()
                inH1 = true
                return
            }
            if HTMLExtractor.block.contains(name) { flush() }
        }

        mutating func close(_ name: String) {
            if name == "title" {
                inTitle = false
                return
            }
            if let index = skip.lastIndex(of: name) {
                skip.removeSubrange(index...)
                return
            }
            if name == "h1" && inH1 {
                inH1 = false
                h1Done = true
                return
            }
            if HTMLExtractor.block.contains(name) { flush() }
        }

        /// Attribute name → value (lowercased names, entities decoded).
        func parseAttributes(_ range: Range<Int>) -> [String: String] {
            var out: [String: String] = [:]
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                while i < end, !isNameByte(b[i]) { i += 1 }
                let ns = i
                while i < end, isNameByte(b[i]) { i += 1 }
                guard i > ns else { break }
                let name = String(decoding: UnsafeBufferPointer(rebasing: b[ns..<i]).map(lower), as: UTF8.self)
                while i < end, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
                guard i < end, b[i] == UInt8(ascii: "=") else {
                    out[name] = out[name] ?? ""
                    continue
                }
                i += 1
                while i < end, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
                var vs = i
                var ve = i
                if i < end, b[i] == 0x22 || b[i] == 0x27 {
                    let q = b[i]
                    vs = i + 1
                    ve = vs
                    while ve < end, b[ve] != q { ve += 1 }
                    i = min(ve + 1, end)
                } else {
                    while ve < end, b[ve] != 0x20, b[ve] != 0x0A, b[ve] != 0x09, b[ve] != UInt8(ascii: ">") { ve += 1 }
                    i = ve
                }
                if out[name] == nil {
                    out[name] = HTMLEntities.decodeAll(Array(UnsafeBufferPointer(rebasing: b[vs..<ve]))[...])
                }
            }
            return out
        }

        mutating func readMetadata(_ tag: String, attributes: Range<Int>) {
            let a = parseAttributes(attributes)
            switch tag {
            case "meta":
                guard let content = a["content"], !content.isEmpty else { return }
                let key = (a["property"] ?? a["name"] ?? a["itemprop"] ?? "").lowercased()
                switch key {
                case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date",
                    "dc.date.issued", "sailthru.date", "parsely-pub-date", "og:published_time":
                    if date == nil { date = content }
                case "og:site_name", "publisher", "application-name":
                    if outlet == nil { outlet = content }
                case "og:url":
                    if url == nil { url = content }
                default: break
                }
            case "link":
                if a["rel"]?.lowercased() == "canonical", let href = a["href"], !href.isEmpty { url = href }
            case "time":
                if timeDate == nil, let dt = a["datetime"], !dt.isEmpty { timeDate = dt }
            default: break
            }
        }
    }
}
