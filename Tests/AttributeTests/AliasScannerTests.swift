import Foundation
import TestSupport
import Testing

@testable import Attribute

/// The alias scan finds every alias at every place, including aliases inside others.
@Suite struct AliasScannerTests {
    /// The places `scanner` reports in `text`, as `start-end`, going on at the next place, or
    /// jumping to the alias's end when `jump`.
    static func found(_ scanner: AliasScanner, _ text: String, jump: Bool = false) -> [String] {
        var text = text
        return text.withUTF8 { b in
            var out: [String] = []
            scanner.forEach(in: b, 0..<b.count) { start, end in
                out.append("\(start)-\(end)")
                return jump ? end : start + 1
            }
            return out
        }
    }

    @Test("every alias at every place, in order; a jump skips ahead")
    func places() {
        let scanner = AliasScanner(aliases: ["AP", "AAP", "A", "Reuters", ""].map { Array($0.utf8) })
        #expect(Self.found(scanner, "AAP Reuters").sorted() == ["0-1", "0-3", "1-2", "1-3", "4-11"])
        #expect(Self.found(scanner, "AAP Reuters", jump: true) == ["0-3", "4-11"])
        #expect(Self.found(scanner, "Reuter") == [])
        #expect(Self.found(scanner, "") == [])
    }

    @Test("the places are those of a plain search, wherever they fall in the eight-place steps")
    func agreesWithPlainSearch() {
        var random = SplitMix(seed: 77)
        let letters = ["a", "b", "A", "B", "é", " ", "ab", "AB"]
        var total = 0
        for _ in 0..<400 {
            // Aliases of one to four pieces (one-byte aliases too), texts of up to forty.
            var aliases: Set<String> = []
            for _ in 0..<(1 + random.below(4)) {
                var alias = ""
                for _ in 0..<(1 + random.below(3)) { alias += letters[random.below(letters.count)] }
                aliases.insert(alias)
            }
            let scanner = AliasScanner(aliases: aliases.map { Array($0.utf8) })
            for _ in 0..<10 {
                var text = ""
                for _ in 0..<random.below(40) { text += letters[random.below(letters.count)] }
                let bytes = Array(text.utf8)
                var plain: [String] = []
                for start in bytes.indices {
                    for a in aliases.map({ Array($0.utf8) })
                    where start + a.count <= bytes.count && Array(bytes[start..<(start + a.count)]) == a {
                        plain.append("\(start)-\(start + a.count)")
                    }
                }
                total += plain.count
                #expect(Self.found(scanner, text).sorted() == plain.sorted(), "\(aliases) in \(text.debugDescription)")
            }
        }
        #expect(total > 3000)
    }
}
