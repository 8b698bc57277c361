import Cluster
import Normalize
import TestSupport
import Testing
import WiretraceCore

@Suite struct NumberConflictsTests {
    let normalizer: Normalizer
    let aligner = PassageAligner(minPassageWords: 8, quoteWeight: 0.25)

    init() throws {
        normalizer = Normalizer(configuration: try NormalizeConfiguration())
    }

    static func report(_ amount: String, _ rate: String) -> String {
        "The Federal Reserve entered the government securities market to arrange \(amount) billion dlrs of customer "
            + "repurchase agreements, a Fed spokesman said. Dealers said federal funds were trading at \(rate) pct when "
            + "the Fed began its temporary and indirect supply of reserves to the banking system this morning."
    }

    func conflicts(_ x: String, _ y: String) -> NumberConflicts.Count {
        let a = normalizer.tokenize(x)
        let b = normalizer.tokenize(y)
        return NumberConflicts.count(
            aligner.align(a, b).runs, a.hashes, factsA: FlagBits.pack(NumberConflicts.factMask(x, a)), b.hashes,
            factsB: FlagBits.pack(NumberConflicts.factMask(y, b)), maxGap: 64)
    }

    /// The same in an ASCII text (read byte by byte) and in one with other characters (read by scalar).
    @Test(arguments: ["\"W2\"", "“W2”"])
    func factMaskMarksNumbersAndDatesOnly(quoted: String) {
        let text = "Shares rose 4.5 pct to 1987 highs in March, \(quoted) sa1d on Friday"
        let t = normalizer.tokenize(text)
        let mask = NumberConflicts.factMask(text, t)
        #expect(
            mask == [false, false, true, true, false, false, true, false, false, true, false, false, false, true])
    }

    /// Against the definition on hand-made tokens: out of text order, past the text's end, empty,
    /// in text with other scripts' digits.
    @Test(arguments: [
        ("Rose 12 pct to 3,400 on 5 May", [(5, 7), (15, 16), (17, 20), (5, 7), (0, 0), (24, 25), (26, 40), (40, 44)]),
        (
            "Café «12» ٣٤ ２０ x7 — 99 ü",
            [(6, 8), (10, 12), (13, 15), (16, 18), (6, 8), (21, 23), (0, 0), (24, 30), (30, 31)]
        ),
    ])
    func factMaskFollowsTheDefinition(text: String, spans: [(Int, Int)]) {
        let (t, expected) = Self.definition(text, spans)
        #expect(expected.filter { $0 }.count >= 3)
        #expect(NumberConflicts.factMask(text, t) == expected)
    }

    /// Tokens at the scalar `spans` of `text`, and which are facts by definition: every scalar a
    /// decimal digit (a span past the text's end is cut there).
    static func definition(_ text: String, _ spans: [(Int, Int)]) -> (TokenizedText, [Bool]) {
        let scalars = Array(text.unicodeScalars)
        let tokens = TokenizedText(
            hashes: spans.indices.map { UInt64($0) }, starts: spans.map { UInt32($0.0) },
            ends: spans.map { UInt32($0.1) }, quoted: spans.map { _ in false })
        let facts = spans.map { start, end in
            let end = min(end, scalars.count)
            return start < end && scalars[start..<end].allSatisfy { $0.properties.numericType == .decimal }
        }
        return (tokens, facts)
    }

    /// Against the definition on random texts mixing one- to four-byte scalars, digits among them
    /// ("٣" two bytes, "２" three, "𝟙" four), and random tokens: the scalars read from the bytes.
    @Test func factMaskFollowsTheDefinitionOnRandomTexts() {
        var rng = SplitMix(seed: 7)
        let pieces: [Unicode.Scalar] = ["a", "7", "0", " ", "é", "٣", "—", "２", "“", "𝟙", "😀", "x", "9"]
        for _ in 0..<200 {
            let scalars = (0..<rng.below(40)).map { _ in pieces[rng.below(pieces.count)] }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            let spans = (0..<rng.below(12)).map { _ -> (Int, Int) in
                let start = rng.below(scalars.count + 3)
                return (start, start + rng.below(4))
            }
            let (t, expected) = Self.definition(text, spans)
            #expect(NumberConflicts.factMask(text, t) == expected, "\(text) \(spans)")
        }
    }

    @Test func theSameTemplateWithOtherFiguresConflicts() {
        let c = conflicts(Self.report("1.5", "6-1/8"), Self.report("2.5", "6-3/16"))
        #expect(c.slots >= 2)
        #expect(c.conflicts >= 2)
    }

    @Test func aCopyWithTheSameFiguresDoesNot() {
        let c = conflicts(Self.report("1.5", "6-1/8"), "WASHINGTON (Reuters) - " + Self.report("1.5", "6-1/8"))
        #expect(c.conflicts == 0)
    }

    /// Monthly statistics: the shared passages are far apart, and the slots between them hold other
    /// figures and months.
    static func monthly(_ month: String, _ previous: String, _ a: String, _ b: String, _ c: String) -> String {
        "New credit advanced by finance houses, retailers, bank credit cards and other providers of credit "
            + "rose to \(a) billion stg in \(month) from \(b) billion in \(previous), the Department of Trade said. "
            + "Of the \(month) total, \(c) billion stg was advanced on bank credit cards. On a three-month basis, "
            + "total advances were higher than in the previous three months, the department said."
    }

    @Test func slotsBetweenDistantPassagesAreComparedWordByWord() {
        let c = conflicts(
            Self.monthly("February", "January", "2.95", "2.70", "1.28"),
            Self.monthly("January", "December", "2.66", "2.78", "1.15"))
        #expect(c.conflicts >= 2)
        let same = Self.monthly("February", "January", "2.95", "2.70", "1.28")
        let rewritten = same.replacingOccurrences(of: "rose to", with: "climbed to a total of")
            .replacingOccurrences(of: "from 2.70 billion in January", with: "against January's 2.70 billion")
        #expect(conflicts(same, rewritten).conflicts == 0)
    }

    static func slaughter(_ a: String, _ b: String, _ c: String) -> String {
        "Chicago Mercantile Exchange floor traders and commission house representatives are guesstimating "
            + "today's hog slaughter at about 295,000 to 305,000 head versus \(a) week ago and \(b) a year ago. "
            + "Cattle slaughter is put at \(c) head."
    }

    @Test func figuresAfterTheOnlySharedPassageConflict() {
        let c = conflicts(
            Self.slaughter("295,000", "305,000", "120,000"), Self.slaughter("303,000", "275,000", "125,000"))
        #expect(c.conflicts >= 2)
        #expect(
            conflicts(Self.slaughter("295,000", "305,000", "120,000"), Self.slaughter("295,000", "305,000", "120,000"))
                .conflicts == 0)
    }

    @Test func aPageTimestampBeforeTheStoryIsNoConflict() {
        let story = Self.report("1.5", "6-1/8")
        let c = conflicts("Updated 10:12 GMT March 4 " + story, "Updated 11:40 GMT March 5 " + story)
        #expect(c.conflicts == 0)
    }

    @Test func aRewordedGapIsNoConflict() {
        let a = Self.report("1.5", "6-1/8")
        let b = a.replacingOccurrences(of: "a Fed spokesman said", with: "the central bank stated")
        #expect(conflicts(a, b).conflicts == 0)
    }

    /// Small numbers written as words are figures: "two billion" is not "1.5 billion", "seven pct"
    /// is not "6-1/8 pct"; but a rewrite writing "2" for "two" keeps its figures.
    @Test func numberWordsAreFiguresWithTheirDigitsValue() {
        #expect(conflicts(Self.report("1.5", "6-1/8"), Self.report("two", "seven")).conflicts >= 2)
        #expect(conflicts(Self.report("2", "6"), Self.report("two", "six")).conflicts == 0)
        let text = "Two of the ten ships sank, one of them in six minutes"
        #expect(
            NumberConflicts.factMask(text, normalizer.tokenize(text))
                == [true, false, false, true, false, false, false, false, false, false, true, false])
    }

    /// Figures before the first shared passage conflict unless they lie where each page's own
    /// timestamp can be (the first `stampWords` tokens of both texts).
    @Test func figuresBeforeTheFirstPassageConflictPastThePageStamp() {
        let story = Self.report("1.5", "6-1/8")
        func page(_ amount: String, far: Bool) -> String {
            (far ? "In a statement released to reporters late on the evening of the long holiday weekend, " : "")
                + "officials said that \(amount) tonnes were sold. " + story
        }
        #expect(conflicts(page("15,000", far: true), page("70,000", far: true)).conflicts == 1)
        #expect(conflicts(page("15,000", far: false), page("70,000", far: false)).conflicts == 0)
        #expect(conflicts(page("15,000", far: true), page("15,000", far: true)).conflicts == 0)
    }
}
