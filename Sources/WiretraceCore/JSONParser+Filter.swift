extension JSONParser {
    /// Parses one complete JSON value, building only the object members `filter` lists.
    ///
    /// The whole text is checked exactly as `parse(_:)` checks it, in the same order, so a text is
    /// rejected with the same error at the same byte; members left out are scanned without being
    /// built (no strings, no arrays, no objects).
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - filter: The members to build in objects (see `JSONKeyFilter`).
    ///   - scratch: Room for unescaping strings, reused from call to call.
    /// - Returns: The value, its objects holding only the wanted members.
    /// - Throws: `SyntaxError` where `parse(_:)` would throw it.
    /// - Complexity: O(n) in the length of `bytes`.
    public static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, keeping filter: JSONKeyFilter, scratch: inout [UInt8]
    ) throws(SyntaxError) -> JSONValue {
        var parser = Parser(bytes: bytes, scratch: scratch)
        scratch = []
        defer { scratch = parser.scratch }
        return try parser.parseDocument(filter: filter)
    }

    /// Whether `bytes` is valid UTF-8: an all-ASCII check first, the standard validation after.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var high: UInt64 = 0
            while i + 8 <= bytes.count {
                high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < bytes.count {
                high |= UInt64(bytes[i])
                i += 1
            }
            if high & 0x8080_8080_8080_8080 == 0 { return true }
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}

extension JSONParser.Parser {
    /// Reads an object key and returns the filter's member for it, or nil when it is not wanted.
    ///
    /// The key is checked as `parseString` checks it; it is built as a string only when it has escapes.
    mutating func parseKey(in filter: JSONKeyFilter) throws(JSONParser.SyntaxError) -> JSONKeyFilter.Member? {
        let open = index
        let escaped = try skipString()
        if !escaped {
            return filter.member(matching: UnsafeBufferPointer(rebasing: bytes[(open + 1)..<(index - 1)]))
        }
        let end = index
        index = open
        var key = try parseString()
        index = end
        return key.withUTF8 { filter.member(matching: $0) }
    }

    /// Moves past the value at `index`, checking it exactly as `parseValue` does, building nothing.
    mutating func skipValue(depth: Int) throws(JSONParser.SyntaxError) {
        guard depth < JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try skipObject(depth: depth)
        case UInt8(ascii: "["): try skipArray(depth: depth)
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try skipNumber()
        default: throw error("unexpected character '\(printable(bytes[index]))'")
        }
    }

    /// Moves past an object, checking it as `parseObject` does.
    mutating func skipObject(depth: Int) throws(JSONParser.SyntaxError) {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            _ = try skipString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            try skipValue(depth: depth + 1)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            throw error("expected ',' or '}'")
        }
    }

    /// Moves past an array, checking it as `parseArray` does.
    mutating func skipArray(depth: Int) throws(JSONParser.SyntaxError) {
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try skipValue(depth: depth + 1)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            throw error("expected ',' or ']'")
        }
    }

    /// Moves past a string, checking it as `parseString` does: the same errors at the same bytes.
    ///
    /// UTF-8 is checked on the raw bytes between the quotes. That gives `parseString`'s answer on the
    /// unescaped bytes: escapes are ASCII in the raw text and whole scalars once decoded, so
    /// neither can complete or break a multi-byte sequence around it.
    /// - Returns: Whether the string has escapes.
    mutating func skipString() throws(JSONParser.SyntaxError) -> Bool {
        index += 1
        let start = index
        var escaped = false
        while true {
            index = scanPlain(from: index)
            guard index < bytes.count else { throw error("unterminated string") }
            let c = bytes[index]
            if c == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard JSONParser.isValidUTF8(raw) else {
                    throw JSONParser.SyntaxError(message: "string is not valid UTF-8", offset: start)
                }
                return escaped
            }
            if c < 0x20 { throw error("control character in a string") }
            escaped = true
            index += 1
            guard index < bytes.count else { throw error("unterminated string") }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                continue
            case UInt8(ascii: "u"):
                let code = try parseHex4()
                // A high surrogate takes the escape after it, as `parseString` does.
                if code >= 0xD800, code < 0xDC00, index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                {
                    index += 2
                    _ = try parseHex4()
                }
            default:
                index -= 1
                throw error("invalid escape '\\\(printable(e))'")
            }
        }
    }
}
