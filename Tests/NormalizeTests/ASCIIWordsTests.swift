import TestSupport
import Testing
import WiretraceCore

@testable import Normalize

@Suite struct ASCIIWordsTests {
    /// Every byte value in every one of the eight places, among word and non-word neighbours.
    @Test func wordBytesAgreesWithTheByteTest() {
        var mismatches: [String] = []
        for neighbour: UInt8 in [0x41, 0x20, 0xC3, 0x7A, 0x00, 0xFF] {
            for place in 0..<8 {
                for value in 0...255 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[place] = UInt8(value)
                    let x = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * $1.offset) }
                    let mask = ASCIIWords.wordBytes(x)
                    for k in 0..<8 where ((mask >> (8 * k + 7)) & 1 == 1) != Normalizer.isASCIIWordByte(bytes[k]) {
                        mismatches.append("\(bytes) at \(k)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Runs of every length from 0 to 40 at every alignment, ended by each kind of byte or by the text's end.
    @Test func runEndFindsTheFirstOtherByte() {
        var mismatches: [String] = []
        for length in 0...40 {
            for offset in 0..<9 {
                for terminator: [UInt8] in [
                    [], [0x20], [0x2E], [0xC3, 0xA9], [0x5B], [0x40], [0x60], [0x7B], [0x2F], [0x3A],
                ] {
                    let letters = Array("aZ09kQ".utf8)
                    let word = (0..<length).map { letters[$0 % 6] }
                    let bytes = [UInt8](repeating: 0x20, count: offset) + word + terminator + [0x61, 0x62]
                    let end = bytes.withUnsafeBufferPointer { ASCIIWords.runEnd($0, from: offset) }
                    let expected = terminator.isEmpty ? bytes.count : offset + length
                    if end != expected {
                        mismatches.append("length \(length) offset \(offset) terminator \(terminator)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// Random texts of short and long ASCII words (up to 40 letters, so that four tokens hashed
    /// together differ in length), punctuation, quotes and non-ASCII words, against the reference
    /// tokenizer, the last token at the very end of the text included.
    @Test(arguments: [false, true])
    func randomTextsMatchTheReference(caseFold: Bool) throws {
        var configuration = try NormalizeConfiguration()
        configuration.caseFold = caseFold
        let normalizer = Normalizer(configuration: configuration)
        let pieces = [
            "a", "I", "on", "The", "TALIBAN", "12", "2024", "O'Brien", "U.S.", "e-mail", "Zürich", "naïve", "café",
            "ﬁnance", "\"", "“", "”", ", ", ". ", "\n", "\n\n", "  ", "\t", "—", "x²", "Straße",
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN",
            "Supercalifragilistic", "0123456789012345", "ascii\u{301}", "😀",
        ]
        var generator = SplitMix(seed: caseFold ? 7 : 8)
        let reference = NormalizerReferenceTests()
        for _ in 0..<300 {
            var text = ""
            let count = generator.below(60)
            for _ in 0..<count {
                text += pieces[generator.below(pieces.count)]
                if generator.below(3) == 0 { text += " " }
            }
            let t = normalizer.tokenize(text)
            let r = reference.reference(text, normalizer: normalizer)
            #expect(t.hashes == r.hashes, "\(text)")
            #expect(t.starts == r.starts)
            #expect(t.ends == r.ends)
        }
    }
}
