import Testing
import TestSupport

@testable import WiretraceCore

@Suite struct JSONParserFilterTests {
    /// `text` parsed keeping the members `paths` lead to.
    func filtered(_ text: String, _ paths: [[String]]) throws -> JSONValue {
        var scratch: [UInt8] = []
        return try filtered(Array(text.utf8), JSONKeyFilter(paths: paths), scratch: &scratch)
    }

    func filtered(_ bytes: [UInt8], _ filter: JSONKeyFilter, scratch: inout [UInt8]) throws(JSONParser.SyntaxError)
        -> JSONValue
    {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.SyntaxError) in
            try JSONParser.parse(buffer, keeping: filter, scratch: &scratch)
        }
    }

    /// What the filtered parse should give: `value` with only the wanted members of its filtered objects.
    func project(_ value: JSONValue, _ filter: JSONKeyFilter) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(
            members.compactMap { key, v in
                guard let m = filter.members.first(where: { $0.key == key }) else { return nil }
                return (key, m.whole ? v : project(v, m.nested))
            })
    }

    @Test func keepsOnlyListedMembersInWrittenOrderWithDuplicates() throws {
        let v = try filtered(#"{"b": 1, "skip": [1, {"a": 2}], "a": "x", "b": {"c": null}}"#, [["a"], ["b"]])
        #expect(v == .object([("b", .number("1")), ("a", .string("x")), ("b", .object([("c", .null)]))]))
    }

    @Test func nestedPathsFilterInnerObjects() throws {
        let text = #"{"content": {"body": "B", "other": [1, 2], "title": "T"}, "x": {"body": "no"}}"#
        #expect(try filtered(text, [["content", "body"]]) == .object([("content", .object([("body", .string("B"))]))]))
        // A key wanted whole and as a path prefix is built whole.
        #expect(try filtered(text, [["content", "body"], ["content"]]) == (try JSONParser.parse(text)).removing("x"))
        // Arrays on a path are built whole; so are the values of other types.
        #expect(
            try filtered(#"{"content": [{"body": 1}]}"#, [["content", "body"]])
                == (try JSONParser.parse(#"{"content": [{"body": 1}]}"#)))
        #expect(
            try filtered(#"{"content": "flat"}"#, [["content", "body"]]) == .object([("content", .string("flat"))]))
    }

    @Test func emptyKeysAndDottedKeysAreKeysLikeAnyOther() throws {
        let text = #"{"a": {"": {"b": 1}}, "a..b": 2}"#
        #expect(
            try filtered(text, [["a", "", "b"]]) == .object([("a", .object([("", .object([("b", .number("1"))]))]))]))
        #expect(try filtered(text, [["a..b"]]) == .object([("a..b", .number("2"))]))
    }

    @Test(arguments: [
        #"{"n": -0.5e-3, "m": 0, "k": 12345678901234567890123, "e": 1E+2}"#,
        #"{"t": true, "f": false, "z": null}"#,
        #"{"s": "plain", "e": "esc \" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 \ud83d \ude00", "u": "naïve 😀"}"#,
        #"{"a": [], "b": [1, [2, [3, {"x": "y"}]], {"k": []}, "s"], "o": {}, "p": {"q": {"r": [null, true]}}}"#,
    ])
    func skipsValuesOfEveryType(_ text: String) throws {
        #expect(try filtered(text, []) == .object([]))
        #expect(try filtered(text + " ", [["wanted"]]) == .object([]))
    }

    @Test func escapedKeysAreMatchedUnescaped() throws {
        let v = try filtered(#"{"te\u0078t": "T", "\u0074itle": "H", "other\n": 1}"#, [["text"], ["title"]])
        #expect(v == .object([("text", .string("T")), ("title", .string("H"))]))
    }

    @Test func stringsAreUnescapedThroughTheReusedScratch() throws {
        var scratch: [UInt8] = []
        let filter = JSONKeyFilter(paths: [["text"]])
        let long = #"{"text": "a\n"# + String(repeating: "long ", count: 1000) + #"\u201c"}"#
        let short = #"{"text": "b\tc\ud83d\ude00", "x": "d\ne"}"#
        #expect(
            try filtered(Array(long.utf8), filter, scratch: &scratch)
                == .object([("text", .string("a\n" + String(repeating: "long ", count: 1000) + "\u{201C}"))]))
        #expect(scratch.capacity >= 5000)
        #expect(try filtered(Array(short.utf8), filter, scratch: &scratch) == .object([("text", .string("b\tc😀"))]))
    }

    /// Malformed texts whose error lies in a skipped value, a wanted one, or a key.
    @Test(arguments: [
        "", " ", "{", "[1,]", #"{"a" 1}"#, "01", "1.", #""abc"#, #""\q""#, "tru", "{} x", "[-]", #"{"text": 1,}"#,
        #"{"x": "a\#u{01}b", "text": "t"}"#, #"{"x": 01}"#, #"{"x": 1.}"#, #"{"x": -}"#, #"{"x": 1e}"#, #"{"x": nul}"#,
        #"{"x": nulx}"#, #"{"x": [1 2]}"#, #"{"x": {"a": 1 "b": 2}}"#, #"{"x": {"a": 1"#, #"{"x": [1, 2"#,
        #"{"x": "abc"#, #"{"x": "abc\"#, #"{"x": "abc\u12"#, #"{"x": "\u12G4"}"#, #"{"x": "\ud83d\uZZZZ"}"#,
        #"{"x": "\ud83d\u12"}"#, #"{"x": "\q"}"#, #"{"x": ]}"#, #"{"x"}"#, #"{"x":"#, #"{5: 1}"#, #"{"x": 1} 2"#,
        #"{"text": "\q"}"#, #"{"te\qxt": 1}"#, #"{"text": {"a" 1}}"#,
    ])
    func reportsTheFullParsersErrors(_ text: String) {
        expectSameOutcome(Array(text.utf8), JSONKeyFilter(paths: [["text"], ["content", "body"]]))
    }

    @Test func reportsTheFullParsersUTF8AndDepthErrors() {
        let filter = JSONKeyFilter(paths: [["text"]])
        let cases: [[UInt8]] = [
            Array(#"{"x": ""#.utf8) + [0xFF] + Array(#"", "text": 1}"#.utf8),
            Array(#"{"x": "a\n"#.utf8) + [0xC3] + Array(#"\n"}"#.utf8),
            Array(#"{"x": "a"#.utf8) + [0xE2, 0x80] + Array(#"\u00e9"}"#.utf8),
            Array(#"{"x": "a"#.utf8) + [0x80] + Array(#" \q"}"#.utf8),
            Array(#"{"x": "a"#.utf8) + [0xFF],
            Array(#"{"k"#.utf8) + [0xFF] + Array(#"": 1}"#.utf8),
            Array(#"{"text": "ok"}"#.utf8) + [0xFF],
            Array(#"{"x": ["#.utf8) + [0xFF] + Array(#"]}"#.utf8),
            Array(#"{"x": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 300),
            Array(#"{"x": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 255)
                + Array(repeating: UInt8(ascii: "]"), count: 255) + [UInt8(ascii: "}")],
            Array(#"{"x": "#.utf8) + Array(repeating: UInt8(ascii: "["), count: 256)
                + Array(repeating: UInt8(ascii: "]"), count: 256) + [UInt8(ascii: "}")],
            Array(repeating: UInt8(ascii: "["), count: 300),
            Array(#"{"x": "#.utf8) + Array(String(repeating: #"{"a": "#, count: 300).utf8),
        ]
        for bytes in cases { expectSameOutcome(bytes, filter) }
    }

    /// Random edits of records (bytes that matter to JSON: quotes, backslashes, escapes, digits,
    /// brackets, invalid UTF-8) give the same error as the full parse, or the filtered value.
    @Test func randomEditsAgreeWithTheFullParser() {
        let seeds = [
            #"{"id": "d1", "text": "One \"two\"\nthree \u00e9\ud83d\ude00", "outlet": "O", "date": "1987-04-02"}"#,
            #"{"x": [1, -2.5e3, true, false, null, {"y": "z\t"}], "content": {"body": "B", "n": [0]}, "text": "t"}"#,
            #"{"a": {"b": {"c": ["d", {"e": "f"}]}}, "te\u0078t": "naïve “q” ✓", "n": -0}"#,
        ]
        let alphabet: [UInt8] =
            Array(#""\\/{}[]:,u0189aefEbnrt-+. "#.utf8) + [0x01, 0x0A, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xFF]
        let filter = JSONKeyFilter(paths: [["text"], ["id"], ["content", "body"], ["a", "b"], ["x"]])
        var random = SplitMix(seed: 7)
        for round in 0..<3000 {
            var bytes = Array(seeds[round % seeds.count].utf8)
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(bytes.count + 1)
                let b = alphabet[random.below(alphabet.count)]
                switch random.below(3) {
                case 0 where at < bytes.count: bytes[at] = b
                case 1 where at < bytes.count: bytes.remove(at: at)
                default: bytes.insert(b, at: at)
                }
            }
            expectSameOutcome(bytes, filter)
        }
    }

    func expectSameOutcome(_ bytes: [UInt8], _ filter: JSONKeyFilter, sourceLocation: SourceLocation = #_sourceLocation)
    {
        var scratch: [UInt8] = []
        let full = Result { () throws(JSONParser.SyntaxError) in try JSONParser.parse(bytes) }
        let part = Result { () throws(JSONParser.SyntaxError) in try filtered(bytes, filter, scratch: &scratch) }
        switch (full, part) {
        case (.success(let v), .success(let p)):
            #expect(p == project(v, filter), "\(bytes)", sourceLocation: sourceLocation)
        case (.failure(let e), .failure(let f)):
            #expect(e.description == f.description, "\(bytes)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(bytes): \(full) but filtered \(part)", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct JSONKeyFilterTests {
    @Test func pathsShareTheirPrefixesAndWholeWins() {
        let f = JSONKeyFilter(paths: [["a", "b"], ["a", "c"], ["d"], ["a"], ["d", "e"]])
        #expect(f.members.map(\.key) == ["a", "d"])
        #expect(f.members.map(\.whole) == [true, true])
        #expect(f.members[0].nested.members.map(\.key) == ["b", "c"])
        #expect(JSONKeyFilter(paths: [[]]).members.isEmpty)
    }

    @Test func matchesRawKeyBytes() {
        let f = JSONKeyFilter(paths: [["text"], ["title"], ["é"]])
        for (key, expected) in [
            ("text", "text"), ("title", "title"), ("é", "é"), ("tex", nil), ("texts", nil), ("", nil),
        ] {
            var k = key
            #expect(k.withUTF8 { f.member(matching: $0)?.key } == expected)
        }
    }
}

extension JSONValue {
    /// The object without its members named `key`.
    fileprivate func removing(_ key: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.0 != key })
    }
}
