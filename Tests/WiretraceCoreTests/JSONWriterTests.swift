import TestSupport
import Testing
import WiretraceCore

@Suite struct JSONWriterTests {
    @Test func escapesAndKeepsOrder() {
        let v = JSONValue.object([
            ("z", .string("a\"b\\c\n\u{01}</script>")), ("a", .array([.null, .bool(false), .int(3)])),
        ])
        #expect(JSONWriter.string(v) == #"{"z":"a\"b\\c\n\u0001</script>","a":[null,false,3]}"#)
    }

    @Test func roundTripsThroughTheParser() throws {
        let v = JSONValue.object([("k", .string("ü \t 😀")), ("n", .double(0.12345, digits: 4)), ("e", .object([]))])
        #expect(try JSONParser.parse(JSONWriter.string(v)) == v)
        #expect(try JSONParser.parse(JSONWriter.pretty(v)) == v)
    }

    @Test(arguments: [
        (0.5, "0.5"), (1.0, "1"), (0.07129, "0.0713"), (-2.25, "-2.25"), (0.00001, "0"), (12.0, "12"),
        (1e16, "1e+16"), (-3e20, "-3e+20"), (12_345.67891, "12345.6789"),
    ])
    func formatsDecimalsStably(_ value: Double, _ expected: String) {
        #expect(formatDecimal(value, digits: 4) == expected)
    }

    @Test func writesNonFiniteAsNull() {
        #expect(JSONValue.double(.nan) == .null)
    }

    /// The byte-wise writer against a plain scalar-by-scalar reference, on random strings of
    /// escapes, control characters, separators, multi-byte scalars and plain runs.
    @Test func writesStringsAsTheScalarReference() {
        func reference(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let pieces = [
            "a", "plain text run", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}",
            "\u{2029}",
            "\u{2027}", "\u{202A}", "é", "—", "“", "😀", "\r\n", "\u{85}",
        ]
        var random = SplitMix(seed: 5)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<random.below(12) { text += pieces[random.below(pieces.count)] }
            var out = ""
            JSONWriter.writeString(text, into: &out)
            #expect(out == reference(text), "\(text.debugDescription)")
        }
    }

    /// An object written member by member is the object written from its values: strings with
    /// escapes, absent strings and numbers (null), integers, decimals rounded and trimmed, NaN, a
    /// nested array; and an empty object.
    @Test func objectWriterWritesWhatTheValueWrites() {
        var random = SplitMix(seed: 9)
        let strings: [String?] = ["plain", "quote \" and \\ back", "line\nbreak\u{2028}", "", nil, "“curly” — 😀"]
        let numbers: [Double?] = [0, 1, -1.5, 0.123456, 2.0 / 3, 1e16, .nan, -.infinity, nil, 0.00004]
        for _ in 0..<300 {
            var writer = JSONObjectWriter()
            var members: [(String, JSONValue)] = []
            for m in 0..<random.below(7) {
                let key = "k\(m)" + (m == 3 ? "\"" : "")
                switch random.below(4) {
                case 0:
                    let v = strings[random.below(strings.count)]
                    writer.string(key, v)
                    members.append((key, .optional(v)))
                case 1:
                    let v = random.below(2_000_000) - 1_000_000
                    writer.int(key, v)
                    members.append((key, .int(v)))
                case 2:
                    let v = numbers[random.below(numbers.count)]
                    let digits = random.below(5)
                    writer.double(key, v, digits: digits)
                    members.append((key, v.map { .double($0, digits: digits) } ?? .null))
                default:
                    let v = JSONValue.array([.string("a\tb"), .object([("x", .int(1))]), .null])
                    writer.value(key, v)
                    members.append((key, v))
                }
            }
            #expect(writer.finish() == JSONWriter.string(.object(members)))
        }
    }
}
