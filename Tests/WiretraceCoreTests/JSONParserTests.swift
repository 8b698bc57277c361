import Testing

@testable import WiretraceCore

@Suite struct JSONParserTests {
    @Test func parsesNestedValuesKeepingKeyOrder() throws {
        let v = try JSONParser.parse(#"{"b": [1, 2.5e3, -0], "a": {"x": null, "y": true}, "c": "é\u00e9\ud83d\ude00"}"#)
        guard case .object(let members) = v else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.0) == ["b", "a", "c"])
        #expect(v["b"] == .array([.number("1"), .number("2.5e3"), .number("-0")]))
        #expect(v["a"]?["y"] == .bool(true))
        #expect(v["c"] == .string("éé😀"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"abc", "\"\\q\"", "tru", "{} x", "\"a\u{01}b\"", "[-]",
    ])
    func rejectsInvalidJSON(_ text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func reportsTheBytePosition() {
        do {
            _ = try JSONParser.parse("[1, 2, x]")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 7)
            #expect(error.description.contains("byte 8"))
        }
    }

    @Test func limitsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }
}

@Suite struct JSONStringValidationTests {
    /// The ASCII shortcut and the validating initializer agree: ASCII at and around the length
    /// limit, non-ASCII, and invalid UTF-8 (stray continuation, truncated, overlong, surrogate).
    @Test func agreesWithStringValidating() {
        let cases: [[UInt8]] = [
            [], Array("id".utf8), Array("1987-04-08".utf8), Array(repeating: 0x61, count: 64),
            Array(repeating: 0x61, count: 65), Array("café “quoted” – naïve".utf8), Array("😀".utf8),
            [0x80], [0x61, 0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x61, 0x62, 0xFF], [0x7F, 0x00, 0x41],
        ]
        for bytes in cases {
            bytes.withUnsafeBufferPointer { raw in
                #expect(JSONParser.string(validating: raw) == String(validating: raw, as: UTF8.self), "\(bytes)")
            }
        }
    }
}
