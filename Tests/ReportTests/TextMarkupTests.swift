import Testing

@testable import Report

@Suite("TextMarkup")
struct TextMarkupTests {
    @Test("marks wrap runs at Unicode scalar offsets, overlaps get both classes")
    func overlap() {
        let html = TextMarkup().render(
            "é🇹🇷 abc<def",
            marks: [
                TextMarkup.Mark(start: 1, end: 6, kind: .shared),
                TextMarkup.Mark(start: 4, end: 8, kind: .evidence, note: "quote_source → AP"),
            ])
        #expect(
            html
                == "é<mark class=\"sh\">🇹🇷 </mark><mark class=\"sh ev\" title=\"quote_source → AP\">ab</mark><mark class=\"ev\">c&lt;</mark>def"
        )
    }

    @Test("text is escaped, newlines become line breaks, bad marks are ignored")
    func escapedAndSafe() {
        let html = TextMarkup().render(
            "<script>x</script>\nnext",
            marks: [
                TextMarkup.Mark(start: 50, end: 60, kind: .shared), TextMarkup.Mark(start: 3, end: 2, kind: .evidence),
            ])
        #expect(html == "&lt;script&gt;x&lt;/script&gt;<br>\nnext")
    }

    @Test("long texts are cut with a note")
    func cut() {
        let html = TextMarkup(maxScalars: 100).render(String(repeating: "a", count: 150), marks: [])
        #expect(html.hasPrefix(String(repeating: "a", count: 100) + "<br><em"))
        #expect(html.contains("cut at 100"))
    }
}
