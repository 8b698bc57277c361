import Normalize
import Sketch
import Testing
import WiretraceCore

/// The pipeline sketches tokens lent from temporary storage: the sketches must be the ones of the
/// token arrays.
@Suite struct SketcherTests {
    @Test func lentTokensGiveTheSameSketches() throws {
        let normalizer = Normalizer(
            configuration: try NormalizeConfiguration(boilerplatePatterns: ["advertisement", "(click|tap) here.*"]))
        let sketcher = Sketcher(configuration: SketchConfiguration())
        var rng = WinnowerTests.LCG(state: 7)
        let words = ["the", "minister", "said", "on", "Tuesday", "prices", "would", "rise", "a", "I", "“quoted”", "42"]
        var texts = ["", "one", "two words", "four words in all"]
        for length in [5, 6, 50, 400, 3000] {
            var lines: [String] = []
            var line: [String] = []
            for _ in 0..<length {
                line.append(words[Int(rng.next() % UInt64(words.count))])
                if rng.next() % 12 == 0 {
                    lines.append(line.joined(separator: " "))
                    lines.append(rng.next() % 3 == 0 ? "Advertisement" : "")
                    line = []
                }
            }
            lines.append(line.joined(separator: " "))
            texts.append(lines.joined(separator: "\n"))
        }
        for text in texts {
            let expected = sketcher.process(normalizer.tokenize(text))
            let lent = normalizer.withTokens(of: text) { sketcher.process(hashes: $0.hashes) }
            #expect(lent == expected, "\(text.prefix(40))")
        }
    }
}
