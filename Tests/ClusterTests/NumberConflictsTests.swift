import Cluster
import Normalize
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
            aligner.align(a, b).runs, a, digitsA: NumberConflicts.digitMask(x, a), b,
            digitsB: NumberConflicts.digitMask(y, b))
    }

    @Test func digitMaskMarksNumbersOnly() {
        let text = "Shares rose 4.5 pct to 1987 highs, “W2” said"
        let t = normalizer.tokenize(text)
        let mask = NumberConflicts.digitMask(text, t)
        #expect(mask == [false, false, true, true, false, false, true, false, true, false])
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

    @Test func aRewordedGapIsNoConflict() {
        let a = Self.report("1.5", "6-1/8")
        let b = a.replacingOccurrences(of: "a Fed spokesman said", with: "the central bank stated")
        #expect(conflicts(a, b).conflicts == 0)
    }
}
