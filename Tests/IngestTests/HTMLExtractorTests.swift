import Testing
@testable import Ingest

@Suite struct HTMLExtractorTests {
    @Test func sameStoryAsHTMLAndPlainTextGivesTheSameText() {
        for story in corpus {
            let page = HTMLExtractor.extract(CorpusFixtures.html(story))
            #expect(page.text == story.text)
            #expect(page.title == story.title)
            #expect(page.outlet == story.outlet)
            #expect(page.url == story.url)
            #expect(page.date == story.rawDate)
        }
    }

    @Test func boilerplateIsDropped() {
        let html = """
            <body><header>Site</header><nav>Menu</nav><div class="story"><p>Kept <b>bold</b> and <a href="#">link</a>.</p>
            <script type="text/javascript">if (a < b) { document.write("</p>"); }</script><style>.x{}</style>
            <!-- a comment <p>hidden</p> --><p>Second<br>line</p></div><aside>Related</aside><footer>Legal</footer>
            <noscript>Enable JS</noscript><form><input value="x">Search</form></body>
            """
        #expect(HTMLExtractor.extract(html).text == "Kept bold and link.\n\nSecond\n\nline")
    }

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&#39;&apos;", "&<>\"''"),
        ("caf&eacute; &#233; &#xE9; &#XE9;", "café é é é"),
        ("&mdash;&ndash;&hellip;&rsquo;&ldquo;&rdquo;", "\u{2014}\u{2013}\u{2026}\u{2019}\u{201C}\u{201D}"),
        ("a&nbsp;b", "a b"), ("&#150;&#8364;", "\u{2013}\u{20AC}"), ("&bogus; & &#;", "&bogus; & &#;"),
    ])
    func entitiesAreDecoded(input: String, expected: String) {
        #expect(HTMLExtractor.extract("<p>\(input)</p>").text == expected)
    }

    @Test func titleFallsBackToH1AndMetadataIsRead() {
        let html = """
            <html><head><meta name="date" content="2023-03-25"><meta property="og:url" content="https://x.test/a?b=1&amp;c=2"></head>
            <body><h1>The <em>Headline</em></h1><time datetime="2020-01-01">Jan 1</time><p>Body.</p></body></html>
            """
        let page = HTMLExtractor.extract(html)
        #expect(page.title == "The Headline")
        #expect(page.date == "2023-03-25")
        #expect(page.url == "https://x.test/a?b=1&c=2")
        #expect(page.text == "Jan 1\n\nBody.")
    }

    @Test func malformedMarkupDoesNotLoseText() {
        #expect(HTMLExtractor.extract("a < b and c > d <p>unclosed <i>tags").text == "a < b and c > d\n\nunclosed tags")
        #expect(HTMLExtractor.extract("<p>x<script>never closed").text == "x")
        #expect(HTMLExtractor.extract("<").text == "<")
    }

    @Test func windows1252PagesAreDecoded() {
        let bytes = Array("<p>Caf".utf8) + [0xE9] + Array(" &amp; cr".utf8) + [0xE8, 0x6D, 0x65] + Array("</p>".utf8)
        let (records, counters) = ingest("old.htm", bytes)
        #expect(records.documents.first?.text == "Café & crème")
        #expect(counters.windows1252 == 1)
    }

    @Test func htmlFilesBecomeDocuments() {
        let (records, counters) = ingest("page.html", CorpusFixtures.html(corpus[0]))
        #expect(records.documents.first?.text == corpus[0].text)
        #expect(records.documents.first?.id == "page")
        #expect(counters.htmlDocuments == 1)
        let empty = ingest("empty.htm", "<html><nav>only menu</nav></html>").records
        #expect(empty.rejections.first?.reason == "empty article text in the HTML")
    }
}
