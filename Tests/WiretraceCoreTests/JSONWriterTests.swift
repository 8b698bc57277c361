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

    @Test(arguments: [(0.5, "0.5"), (1.0, "1"), (0.07129, "0.0713"), (-2.25, "-2.25"), (0.00001, "0"), (12.0, "12")])
    func formatsDecimalsStably(_ value: Double, _ expected: String) {
        #expect(formatDecimal(value, digits: 4) == expected)
    }

    @Test func writesNonFiniteAsNull() {
        #expect(JSONValue.double(.nan) == .null)
    }
}
