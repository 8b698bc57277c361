import Foundation
import TestSupport
import Testing

@testable import Attribute

/// Spans taken the cheap way are those `NSString` gives.
@Suite struct MatchTextTests {
    /// Pieces for ASCII texts, texts in the Basic Multilingual Plane and texts beyond it, with
    /// white space of every kind at the ends of spans.
    static let pieces = [
        "a", "Z", " ", "\t", "\n", "-", "—", "“", "’", "é", "e\u{301}", "\u{A0}", "\u{2009}", "\u{3000}", "日本",
        "🇹🇷", "😀", "x y",
    ]

    @Test("substring, span and trimmed agree with NSString, on random texts and ranges")
    func agreesWithNSString() throws {
        var random = SplitMix(seed: 91)
        var kinds = (ascii: 0, bmp: 0, other: 0)
        for _ in 0..<3000 {
            var text = ""
            // A third of the texts ASCII only.
            let ascii = random.below(3) == 0
            for _ in 0..<random.below(12) {
                let piece = Self.pieces[random.below(Self.pieces.count)]
                text += ascii ? String(piece.unicodeScalars.filter(\.isASCII).map(Character.init)) : piece
            }
            let spans = MatchText(text)
            if spans.isASCII { kinds.ascii += 1 } else if spans.isBMP { kinds.bmp += 1 } else { kinds.other += 1 }
            let ns = text as NSString
            #expect(spans.utf16Count == ns.length)
            // A range between two scalar boundaries, as the engine reports them.
            let boundaries =
                [0] + text.unicodeScalars.indices.dropFirst().map { $0.utf16Offset(in: text) } + [ns.length]
            let a = boundaries[random.below(boundaries.count)]
            let b = boundaries[random.below(boundaries.count)]
            let range = NSRange(location: min(a, b), length: abs(a - b))
            let matched = ns.substring(with: range)
            #expect(spans.substring(range) == matched, "\(text.debugDescription) \(range)")
            let trimmed = matched.trimmingCharacters(in: .whitespaces)
            let lead = matched.prefix { $0 == " " || $0 == "\t" }.utf16.count
            let span = spans.span(range)
            #expect(span.text == trimmed, "\(text.debugDescription) \(range)")
            #expect(span.range == NSRange(location: range.location + lead, length: trimmed.utf16.count))
            #expect(MatchText.trimmed(matched) == trimmed)
        }
        #expect(kinds.ascii > 500 && kinds.bmp > 500 && kinds.other > 500, "\(kinds)")
    }

    @Test("every white space scalar of CharacterSet.whitespaces may be space")
    func whiteSpace() throws {
        for v in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(v), CharacterSet.whitespaces.contains(scalar) else { continue }
            #expect(MatchText.mayBeSpace(scalar), "U+\(String(v, radix: 16))")
        }
        for scalar in ["—", "“", "”", "’", "\"", "a", ")"].map({ $0.unicodeScalars.first }) {
            #expect(try !MatchText.mayBeSpace(#require(scalar)))
        }
    }

    @Test("UTF-16 length from UTF-8 bytes")
    func utf16Length() {
        for text in ["", "abc", "é", "日本", "😀", "a🇹🇷b—"] {
            var copy = text
            #expect(copy.withUTF8 { MatchText.utf16Length($0) } == text.utf16.count)
        }
    }
}
