import Foundation
import TestSupport
import Testing
import WiretraceCore

@testable import Attribute

/// One evidence case: a text and the kind and agency the extractor must find in it.
struct EvidenceCase: Sendable, CustomTestStringConvertible {
    var text: String
    var kind: EvidenceKind
    var agency: String?
    var testDescription: String { "\(kind): \(text.prefix(50))" }
}

@Suite("EvidenceExtractor")
struct EvidenceExtractorTests {
    static let extractor: EvidenceExtractor = {
        // The built-in table ships with the module; failing to load it is a test failure below.
        EvidenceExtractor(table: (try? AgencyTable.builtIn()) ?? AgencyTable(agencies: []))
    }()

    static let credited: [EvidenceCase] = [
        EvidenceCase(text: "KABUL, Afghanistan (AP) — The Taliban said.", kind: .dateline, agency: "AP"),
        EvidenceCase(text: "ANKARA (Reuters) - Turkey said.", kind: .dateline, agency: "Reuters"),
        EvidenceCase(text: "NEW YORK, May 30 (Reuters) - The administration", kind: .dateline, agency: "Reuters"),
        EvidenceCase(text: "(CNN) - Spotify reversed its policy.", kind: .dateline, agency: "CNN"),
        EvidenceCase(text: "ISTANBUL (AA) - Turkish officials said.", kind: .dateline, agency: "Anadolu"),
        EvidenceCase(text: "By Reuters\n\nText.", kind: .byline, agency: "Reuters"),
        EvidenceCase(text: "By Jane Doe, Associated Press\n\nText.", kind: .byline, agency: "AP"),
        EvidenceCase(text: "By Ariane de Vogue, CNN Supreme Court Reporter\n", kind: .byline, agency: "CNN"),
        EvidenceCase(text: "Title\n\nLucas Shaw, Bloomberg\n\nText.", kind: .byline, agency: "Bloomberg"),
        EvidenceCase(text: "Title\n\nThe Associated Press\n\nNEW YORK — Text.", kind: .byline, agency: "AP"),
        EvidenceCase(text: "Copyright 2023 The Associated Press. All rights reserved.", kind: .copyright, agency: "AP"),
        EvidenceCase(text: "Copyright 2018 by CNN NewSource. All rights reserved.", kind: .copyright, agency: "CNN"),
        EvidenceCase(text: "Text.\n\nRobert Badendieck in Istanbul contributed.", kind: .contributor, agency: "AP"),
        EvidenceCase(
            text: "Text.\n\nReporting by Jane Doe; Editing by John Roe", kind: .contributor, agency: "Reuters"),
        EvidenceCase(
            text: "According to a report by the news agency Associated Press on Saturday, the group", kind: .credit,
            agency: "AP"),
        EvidenceCase(
            text: "New Delhi: according to the Press Trust of India, the minister", kind: .credit, agency: "PTI"),
        EvidenceCase(text: "Text.\n\n(With inputs from agencies)", kind: .inputsFromAgencies, agency: nil),
        EvidenceCase(
            text: "Two Turkish officials told Reuters that the Taliban asked.", kind: .quoteSource, agency: "Reuters"),
        EvidenceCase(text: "a Turkish official told The Associated Press.", kind: .quoteSource, agency: "AP"),
    ]

    @Test("each evidence kind is found with its agency", arguments: credited)
    func findsEvidence(_ c: EvidenceCase) {
        let found = Self.extractor.extract(c.text)
        #expect(found.contains { $0.kind == c.kind && $0.agency == c.agency }, "\(found)")
    }

    static let notEvidence: [String] = [
        "The minister spoke in Ankara. (AP Photo/Burhan Ozbilici)",
        "Singer R. Kelly performs.\n\n(Reuters)\n\nSpotify CEO Daniel Ek acknowledged",
        "The court. (Photo by EMMANUEL DUNAND/AFP/Getty Images)",
        "Save\n\nDado Ruvic / Reuters\n\nThat didn't take long.",
        "(Frank Micelotta/Invision/AP)",
        "In this file photo, R. Kelly performs. AP, File In this June 30, 2013 file photo",
        "Photo: Bloomberg Photo By Akio Kon",
        "The Supreme Court.CreditMandel Ngan/Agence France-Presse — Getty Images",
        "A U.K. official told Bloomberg’s Margaret Talev that Huawei is on the agenda.",
        "Representatives had threatened to pull their music, according to a Bloomberg News article last week.",
        "A state official told PA that the roads were closed.",
        "\"I'm not going to change now,\" he said in an interview with the Cable News Network.",
        "The chief executive told Bloomberg Television the policy was wrong.",
    ]

    @Test("photo credits and citations of another outlet's reporting are not evidence", arguments: notEvidence)
    func rejects(_ text: String) {
        let found = Self.extractor.extract(text).filter { $0.agency != nil }
        #expect(found.isEmpty, "\(found)")
    }

    @Test("a byline of people only drops quote sources: the outlet's own story cites an interview")
    func personalBylineDropsQuoteSource() {
        let text =
            "Spotify changes course\n\nBy Jane Doe\n\nThe chief executive told Reuters that the policy was wrong."
        #expect(Self.extractor.extract(text).isEmpty)
        let wire = "Spotify changes course\n\nThe chief executive told Reuters that the policy was wrong."
        #expect(Self.extractor.extract(wire).map(\.kind) == [.quoteSource])
    }

    @Test("an attribution far into the text counts only when it names the agency as an agency")
    func creditPosition() {
        let padding = String(repeating: "Filler words without any credit. ", count: 60)
        #expect(Self.extractor.extract(padding + "according to Reuters, the talks failed.").isEmpty)
        let named = Self.extractor.extract(padding + "according to the news agency Reuters, the talks failed.")
        #expect(named.map(\.kind) == [.credit])
    }

    @Test("offsets are Unicode scalar offsets of the span")
    func offsets() throws {
        let text = "🇹🇷 Türkiye — officials told Reuters."
        let e = try #require(Self.extractor.extract(text).first)
        let scalars = Array(text.unicodeScalars)
        let start = try #require(e.start)
        let end = try #require(e.end)
        var span = String.UnicodeScalarView()
        span.append(contentsOf: scalars[start..<end])
        #expect(String(span) == "told Reuters")
        #expect(e.text == "told Reuters")
    }

    @Test("the longest alias wins and a shorter one is not tried after a citation")
    func atomicAlias() {
        let e = Self.extractor.extract("ROME (Agence France-Presse) - Text.")
        #expect(e.first?.agency == "AFP")
        #expect(e.first?.text.contains("Agence France-Presse") == true)
    }
}

@Suite struct BylineLineTests {
    /// The byte test agrees with the regular-expression engine's own `^[ \t]*[Bb][Yy][ \t]` over
    /// every line terminator it knows, so the personal-byline pattern is never skipped on a text
    /// it could match.
    @Test func agreesWithTheEngineOnLineStarts() throws {
        let regex = try NSRegularExpression(pattern: "^[ \\t]*[Bb][Yy][ \\t]", options: [.anchorsMatchLines])
        let pieces = [
            "by", "By", "BY", "bY", " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
            "x", "nearby", "b", "y", "é", "“",
        ]
        var random = SplitMix(seed: 21)
        var positives = 0
        for _ in 0..<8000 {
            var text = ""
            for _ in 0..<random.below(10) { text += pieces[random.below(pieces.count)] }
            let engine = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            if engine { positives += 1 }
            #expect(EvidenceExtractor.hasLineOpeningWithBy(text) == engine, "\(text.debugDescription)")
        }
        #expect(positives > 250)
    }
}

/// Leaving out the windows whose aliases lack a pattern's shape changes no evidence.
@Suite struct EvidenceShapeTests {
    @Test("evidence with and without the shape test is the same on random texts")
    func sameEvidence() {
        let extractor = EvidenceExtractorTests.extractor
        let pieces =
            AliasLayoutTests.pieces + [
                "(", ")", "ANKARA ", " told ", "according to ", "\n\n", "Copyright ", "Reporting by Jane Doe; ",
                "Editing by John Roe", "\nJane Doe in Paris contributed.",
                "Associated Press writer Jane Doe contributed.",
                "\n--With assistance from Jane Doe", "reporting by ",
            ]
        var random = SplitMix(seed: 43)
        var found: [EvidenceKind: Int] = [:]
        for i in 0..<3000 {
            // Pieces in any order, or lines shaped like bylines, datelines and credits, several
            // lines apart or not (windows of many lines).
            var text = ""
            if i % 2 == 0 {
                for _ in 0..<(1 + random.below(16)) { text += pieces[random.below(pieces.count)] }
            } else {
                for _ in 0..<(1 + random.below(4)) {
                    text += AliasLayoutTests.randomText(&random) + ["\n", "\n\n\n\n", " "][random.below(3)]
                }
            }
            let plain = extractor.extract(text, byShape: false)
            for e in plain { found[e.kind, default: 0] += 1 }
            #expect(extractor.extract(text, byShape: true) == plain, "\(text.debugDescription)")
        }
        #expect(found[.byline, default: 0] > 300 && found[.dateline, default: 0] > 100, "\(found)")
        #expect(found[.credit, default: 0] > 150 && found[.contributor, default: 0] > 150, "\(found)")
    }
}

/// Evidence offsets are the Unicode scalar offsets of the span, in texts of every width.
@Suite struct EvidenceOffsetTests {
    @Test("each span's scalars are its text, on random texts with evidence")
    func spansAtTheirOffsets() throws {
        let extractor = EvidenceExtractorTests.extractor
        let pieces = [
            "ANKARA (Reuters) - ", "(AP) — ", "told Reuters ", "Copyright 2020 The Associated Press ", "By AP\n",
            "“", "é", "😀", "日本 ", "\n", " ", "text. ", "(With inputs from agencies)", "\u{A0}",
        ]
        var random = SplitMix(seed: 17)
        var checked = 0
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(1 + random.below(8)) { text += pieces[random.below(pieces.count)] }
            let scalars = Array(text.unicodeScalars)
            for e in extractor.extract(text) {
                let start = try #require(e.start)
                let end = try #require(e.end)
                try #require(start <= end && end <= scalars.count, "\(text.debugDescription)")
                var span = String.UnicodeScalarView()
                span.append(contentsOf: scalars[start..<end])
                #expect(
                    String(span).trimmingCharacters(in: .whitespaces) == e.text.trimmingCharacters(in: .whitespaces),
                    "\(text.debugDescription)")
                checked += 1
            }
        }
        #expect(checked > 1500)
    }
}
