import TestSupport
import WiretraceCore

/// The corpus in every input format, built in code.
enum CorpusFixtures {
    static func jsonString(_ s: String) -> String { JSONWriter.string(.string(s)) }

    static func jsonObject(_ s: Story, nested: Bool = false, aliases: Bool = false) -> String {
        let text =
            nested
            ? "\"content\": {\"body\": \(jsonString(s.text))}"
            : "\"\(aliases ? "body" : "text")\": \(jsonString(s.text))"
        let title = aliases ? "headline" : "title"
        let outlet = aliases ? "publisher" : "outlet"
        let date = aliases ? "published" : "date"
        let url = aliases ? "link" : "url"
        return
            "{\"\(aliases ? "_id" : "id")\": \(jsonString(s.id)), \"\(title)\": \(jsonString(s.title)), \"\(date)\": \(jsonString(s.rawDate)), "
            + "\"\(outlet)\": \(jsonString(s.outlet)), \"\(url)\": \(jsonString(s.url)), \(text)}"
    }

    static var jsonl: String { corpus.map { jsonObject($0) + "\n" }.joined() }
    static var jsonlAliases: String { corpus.map { jsonObject($0, aliases: true) + "\n" }.joined() }
    static var jsonNested: String {
        "[\n" + corpus.map { jsonObject($0, nested: true) }.joined(separator: ",\n") + "\n]\n"
    }
    static var jsonArray: String { "[\n" + corpus.map { " " + jsonObject($0) }.joined(separator: ",\n") + "\n]" }

    static func csvField(_ s: String, delimiter: String) -> String {
        if s.contains(delimiter) || s.contains("\"") || s.contains("\n") {
            return "\"" + s.replacing("\"", with: "\"\"") + "\""
        }
        return s
    }

    static func csv(delimiter: String = ",") -> String {
        var out = ["id", "title", "date", "outlet", "url", "text"].joined(separator: delimiter) + "\r\n"
        for s in corpus {
            out +=
                [s.id, s.title, s.rawDate, s.outlet, s.url, s.text].map { csvField($0, delimiter: delimiter) }
                .joined(separator: delimiter) + "\r\n"
        }
        return out
    }

    static func htmlEscape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out += c.value > 0x7F ? "&#x\(String(c.value, radix: 16));" : String(c)
            }
        }
        return out
    }

    static func html(_ s: Story) -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(htmlEscape(s.title))</title>
        <meta property="og:site_name" content="\(htmlEscape(s.outlet))">
        <meta property="article:published_time" content="\(htmlEscape(s.rawDate))">
        <link rel="canonical" href="\(s.url)">
        <style>p { color: red; }</style><script>var x = "<p>not text</p>";</script></head>
        <body><header><a href="/">Home</a> | <a href="/world">World</a></header>
        <nav><ul><li>Politics</li><li>Business</li></ul></nav>
        <article><h1>\(htmlEscape(s.title))</h1>
        \(s.paragraphs.map { "<p>\n  " + htmlEscape($0) + "\n</p>" }.joined(separator: "\n"))
        </article>
        <aside>Most read: something else</aside>
        <footer>&copy; 2023 Example</footer><script>track();</script></body></html>
        """
    }

    static func text(_ s: Story) -> String { s.text + "\n" }

    static var warc: WARCBuilder {
        var w = WARCBuilder()
        w.add(type: "warcinfo", headers: ["WARC-Record-ID: <urn:uuid:info>"], block: Array("software: test\r\n".utf8))
        for s in corpus {
            w.add(type: "request", headers: ["WARC-Target-URI: \(s.url)"], block: Array("GET / HTTP/1.1\r\n\r\n".utf8))
            w.response(uri: s.url, date: s.rawDate, html: html(s), id: s.id)
        }
        return w
    }
}
