import Testing
@testable import Ingest

@Suite struct TextDecodingTests {
    @Test func utf8WithBOM() {
        let r = TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("café".utf8))
        #expect(r?.0 == "café")
        #expect(r?.1 == .utf8)
    }

    @Test func utf16BothOrders() {
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x68, 0, 0xE9, 0])?.0 == "hé")
        #expect(TextDecoding.decode([0xFE, 0xFF, 0, 0x68, 0, 0xE9])?.0 == "hé")
    }

    @Test func windows1252Fallback() {
        let r = TextDecoding.decode([0x93, 0x63, 0x61, 0x66, 0xE9, 0x94, 0x80])
        #expect(r?.0 == "\u{201C}café\u{201D}\u{20AC}")
        #expect(r?.1 == .windows1252)
    }

    @Test func binaryIsNil() {
        #expect(TextDecoding.decode([0x41, 0, 0x42]) == nil)
    }

    @Test func fallbacksAreCounted() {
        let (_, counters) = ingest("a.txt", [0xFF, 0xFE, 0x68, 0])
        #expect(counters.utf16 == 1)
        let (_, c2) = ingest("b.txt", [0x63, 0x61, 0x66, 0xE9])
        #expect(c2.windows1252 == 1)
    }
}
