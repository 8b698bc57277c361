import Testing
import WiretraceCore

@Suite struct ConfigReaderTests {
    func reader(_ text: String) throws -> ConfigReader {
        try ConfigReader(try JSONParser.parse(text), path: "stages[2]")
    }

    @Test func readsTypedValuesAndDefaults() throws {
        let r = try reader(#"{"n": 64, "x": 0.5, "b": true, "s": "word", "l": ["a"]}"#)
        #expect(try r.int("n", in: 16...1024, default: 128) == 64)
        #expect(try r.int("missing", in: 16...1024, default: 128) == 128)
        #expect(try r.double("x", in: 0...1, default: 0) == 0.5)
        #expect(try r.bool("b", default: false))
        #expect(try r.string("s", default: "", allowed: ["word"]) == "word")
        #expect(try r.strings("l", default: []) == ["a"])
        try r.finish()
    }

    @Test func namesTheKeyPathAndWhatIsAllowed() throws {
        let r = try reader(#"{"permutations": "x"}"#)
        do {
            _ = try r.int("permutations", in: 16...1024, default: 128)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .config)
            #expect(error.description == #"stages[2].permutations: expected an integer in 16...1024, got "x""#)
        }
    }

    @Test func rejectsOutOfRangeAndUnknownKeys() throws {
        let r = try reader(#"{"n": 2000, "typo": 1}"#)
        #expect(throws: WiretraceError.self) { try r.int("n", in: 16...1024, default: 128) }
        do {
            try r.finish()
            Issue.record("expected an error")
        } catch {
            #expect(error.location == "stages[2].typo")
            #expect(error.message.contains("unknown key"))
            #expect(error.message.contains("n"))
        }
    }

    @Test func rejectsDuplicateKeysAndNonObjects() throws {
        #expect(throws: WiretraceError.self) { try reader(#"{"a": 1, "a": 2}"#) }
        #expect(throws: WiretraceError.self) { try reader("[1]") }
    }
}
