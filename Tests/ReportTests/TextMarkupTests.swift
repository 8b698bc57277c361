import TestSupport
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
    /// The scalar-by-scalar renderer the byte-level one replaced, kept as the reference.
    static func reference(_ text: String, marks: [TextMarkup.Mark], maxScalars: Int) -> String {
        let scalars = Array(text.unicodeScalars.prefix(maxScalars))
        let cut = text.unicodeScalars.count > scalars.count
        var flags = [UInt8](repeating: 0, count: scalars.count)
        var notes: [Int: String] = [:]
        for m in marks {
            let lo = max(0, m.start)
            let hi = min(scalars.count, m.end)
            guard lo < hi else { continue }
            for i in lo..<hi { flags[i] |= UInt8(m.kind.rawValue) }
            if let n = m.note { notes[lo] = notes[lo].map { $0 + "; " + n } ?? n }
        }
        var out = ""
        var i = 0
        while i < scalars.count {
            var j = i + 1
            while j < scalars.count && flags[j] == flags[i] && notes[j] == nil { j += 1 }
            var run = String.UnicodeScalarView()
            run.append(contentsOf: scalars[i..<j])
            let body = HTML.escape(String(run), breaks: true)
            if flags[i] == 0 {
                out += body
            } else {
                let classes = TextMarkup.Kind.allCases.filter { flags[i] & UInt8($0.rawValue) != 0 }.map {
                    $0 == .shared ? "sh" : "ev"
                }
                let title = notes[i].map { " title=\"\(HTML.escape($0))\"" } ?? ""
                out += "<mark class=\"\(classes.joined(separator: " "))\"\(title)>\(body)</mark>"
            }
            i = j
        }
        if cut { out += "<br><em class=\"cut\">… text cut at \(maxScalars) characters</em>" }
        return out
    }

    @Test("the byte-level renderer equals the scalar-by-scalar reference on mixed-script texts")
    func matchesReference() {
        var rng = SplitMix(seed: 7)
        let pieces = [
            "word ", "<b>", "&amp; ", "\"q\" ", "l'été ", "Ελλάδα ", "中国 ", "😀 ", "\r\n", "\n", "\r", "é", "\u{0}",
        ]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 40) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let n = text.unicodeScalars.count
            var marks: [TextMarkup.Mark] = []
            for _ in 0..<Int(rng.next() % 5) {
                let a = Int(rng.next() % UInt64(n + 3)) - 1
                let b = a + Int(rng.next() % 12)
                marks.append(
                    TextMarkup.Mark(
                        start: a, end: b, kind: rng.next() % 2 == 0 ? .shared : .evidence,
                        note: rng.next() % 3 == 0 ? nil : "n<\(a)>"))
            }
            let maxScalars = rng.next() % 2 == 0 ? 20_000 : 1 + Int(rng.next() % UInt64(n + 2))
            let markup = TextMarkup(maxScalars: maxScalars)
            #expect(markup.render(text, marks: marks) == Self.reference(text, marks: marks, maxScalars: maxScalars))
        }
    }
}
