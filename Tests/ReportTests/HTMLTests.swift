import Testing

@testable import Report

@Suite("HTML")
struct HTMLTests {
    @Test("escape neutralizes every markup character")
    func escape() {
        #expect(
            HTML.escape("<a href=\"x\" title='y'>&</a>")
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("Türkiye — 🇹🇷") == "Türkiye — 🇹🇷")
    }

    @Test(
        "only absolute http(s) urls become links",
        arguments: [
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>", "//evil.example/x", "/relative",
            "https://x.example/a\"onmouseover=\"alert(1)", "http://x.example/<script>", "https://x.example/a b",
        ])
    func unsafeURL(_ url: String) {
        let html = HTML.link(url)
        #expect(!html.contains("href"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("\"onmouseover"))
    }

    @Test("a safe url is a link with the url escaped")
    func safeURL() {
        #expect(
            HTML.link("https://example.com/a?b=1&c=2")
                == "<a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">https://example.com/a?b=1&amp;c=2</a>"
        )
    }

    @Test("anchors keep only safe characters")
    func anchor() {
        #expect(HTML.anchor("a b<\"") == "a.20b.3c.22")
    }
}
