/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// Hand-written because inputs are untrusted and errors must name the byte position;
/// it keeps object members in order and numbers as written.
public struct JSONParser {
    /// Why a text is not valid JSON, and where.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public var message: String
        /// Byte offset into the parsed text.
        public var offset: Int
        public var description: String { "invalid JSON at byte \(offset + 1): \(message)" }
    }

    /// The deepest nesting accepted; deeper input is rejected rather than risking the stack.
    public static let maximumDepth = 256

    /// Parses one complete JSON value; trailing non-whitespace is an error.
    /// - Complexity: O(n) in the length of `bytes`.
    /// `String(validating: bytes, as: UTF8.self)`: the string of valid UTF-8 `bytes`, nil for
    /// invalid ones.
    ///
    /// Short ASCII strings (keys, ids, dates) are made with `String(decoding:as:)`, which gives
    /// the same string for ASCII: the generic validating initializer costs more than the bytes.
    static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if bytes.count <= 64 && bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(validating: bytes, as: UTF8.self)
    }

    public static func parse<C: Collection<UInt8>>(_ bytes: C) throws(SyntaxError) -> JSONValue {
        // Contiguous bytes (an array, a JSONL line's slice) are read in place rather than copied.
        if let value = try withContiguousBytes(bytes, { buffer throws(SyntaxError) in try parse(buffer) }) {
            return value
        }
        return try Array(bytes).withUnsafeBufferPointer { buffer throws(SyntaxError) in try parse(buffer) }
    }

    /// Parses one complete JSON value from bytes in memory.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONValue {
        var parser = Parser(bytes: bytes)
        return try parser.parseDocument(filter: nil)
    }

    /// `body` over the contiguous storage of `bytes`, or nil when `bytes` has none.
    ///
    /// `withContiguousStorageIfAvailable` is untyped-throwing; this keeps the parser's typed error.
    static func withContiguousBytes<C: Collection<UInt8>, R>(
        _ bytes: C, _ body: (UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> R
    ) throws(SyntaxError) -> R? {
        var failure: SyntaxError?
        let result = bytes.withContiguousStorageIfAvailable { buffer -> R? in
            do throws(SyntaxError) {
                return try body(buffer)
            } catch {
                failure = error
                return nil
            }
        }
        if let failure { throw failure }
        return result ?? nil
    }

    /// Parses one complete JSON value from a string.
    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Room to unescape strings into, kept from string to string (and, through
        /// `parse(_:keeping:scratch:)`, from record to record).
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, scratch: [UInt8] = []) {
            self.bytes = bytes
            self.scratch = scratch
        }

        func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: index) }

        /// One complete value with nothing but whitespace around it; objects filtered by `filter`.
        mutating func parseDocument(filter: JSONKeyFilter?) throws(SyntaxError) -> JSONValue {
            skipWhitespace()
            let value = try parseValue(depth: 0, filter: filter)
            skipWhitespace()
            guard index == bytes.count else { throw error("unexpected data after the value") }
            return value
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        /// The value at `index`; an object is filtered by `filter` when one is given.
        mutating func parseValue(depth: Int, filter: JSONKeyFilter? = nil) throws(SyntaxError) -> JSONValue {
            guard depth < JSONParser.maximumDepth else { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
            guard index < bytes.count else { throw error("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth, filter: filter)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error("unexpected character '\(printable(bytes[index]))'")
            }
        }

        func printable(_ b: UInt8) -> String {
            b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
        }

        mutating func expectLiteral(_ literal: StaticString) throws(SyntaxError) {
            let n = literal.utf8CodeUnitCount
            guard index + n <= bytes.count else { throw error("unexpected end of input") }
            let start = literal.utf8Start
            for i in 0..<n where bytes[index + i] != start[i] {
                throw error("invalid literal")
            }
            index += n
        }

        /// An object; with a filter, only the members it lists, the others checked and skipped.
        mutating func parseObject(depth: Int, filter: JSONKeyFilter? = nil) throws(SyntaxError) -> JSONValue {
            index += 1
            var members: [(String, JSONValue)] = []
            // Room for a typical record's fields at once, rather than growing 1, 2, 4, 8.
            members.reserveCapacity(filter == nil ? 8 : 4)
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw error("expected a string key")
                }
                let key: String
                var wanted: JSONKeyFilter.Member?
                if let filter {
                    wanted = try parseKey(in: filter)
                    key = wanted?.key ?? ""
                } else {
                    key = try parseString()
                }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
                index += 1
                skipWhitespace()
                if filter == nil {
                    members.append((key, try parseValue(depth: depth + 1)))
                } else if let wanted {
                    members.append((key, try parseValue(depth: depth + 1, filter: wanted.whole ? nil : wanted.nested)))
                } else {
                    try skipValue(depth: depth + 1)
                }
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                throw error("expected ',' or '}'")
            }
        }

        mutating func parseArray(depth: Int) throws(SyntaxError) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                throw error("expected ',' or ']'")
            }
        }

        mutating func parseNumber() throws(SyntaxError) -> String {
            let start = index
            try skipNumber()
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        /// Moves past a number, checking its syntax.
        mutating func skipNumber() throws(SyntaxError) {
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
            guard digit(index) else { throw error("invalid number") }
            if bytes[index] == 0x30 {
                index += 1
            } else {
                while digit(index) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digit(index) else { throw error("invalid number") }
                while digit(index) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard digit(index) else { throw error("invalid number") }
                while digit(index) { index += 1 }
            }
        }

        mutating func parseHex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[index]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw error("invalid \\u escape")
                }
                v = v << 4 | d
                index += 1
            }
            return v
        }

        /// The first index at or after `from` holding a byte a string scan must look at — a quote,
        /// a backslash or a control character — or `bytes.count`.
        ///
        /// Article texts are long runs of plain bytes between escapes, so this tests eight bytes
        /// per step with word-at-a-time (SWAR) arithmetic and only then steps byte by byte.
        /// `hasZero(w ^ k)` is nonzero exactly when some byte of `w` equals `k`'s byte, and
        /// `(w - 0x20…) & ~w & 0x80…` is nonzero exactly when some byte is below 0x20.
        /// - Complexity: O(n) in the bytes skipped.
        @inline(__always)
        func scanPlain(from start: Int) -> Int {
            var i = start
            let n = bytes.count
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                while i + 8 <= n {
                    let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    let quote = w ^ (ones &* 0x22)
                    let backslash = w ^ (ones &* 0x5C)
                    let special =
                        ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
                    if special & highs != 0 { break }
                    i += 8
                }
            }
            while i < n {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c < 0x20 { break }
                i += 1
            }
            return i
        }

        mutating func parseString() throws(SyntaxError) -> String {
            index += 1
            let start = index
            // Fast path: no escapes.
            index = scanPlain(from: index)
            if index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    guard let s = JSONParser.string(validating: raw) else {
                        throw SyntaxError(message: "string is not valid UTF-8", offset: start)
                    }
                    return s
                }
                if c < 0x20 { throw error("control character in a string") }
            }
            // Unescape into the scratch buffer, kept from string to string (moved out here and back
            // on return, so it is never copied). Unescaping only shortens, so the rest of the input
            // is room enough; the buffer only ever grows, and is written through a pointer.
            var out = scratch
            scratch = []
            defer { scratch = out }
            let room = bytes.count - start
            if out.count < room { out.append(contentsOf: repeatElement(0, count: room - out.count)) }
            return try out.withUnsafeMutableBufferPointer { buffer throws(SyntaxError) -> String in
                try unescape(from: start, into: buffer)
            }
        }

        /// The rest of the string that opens at `start`, from the first backslash at `index`, unescaped
        /// into `out` (at least `bytes.count - start` bytes), with `index` moved past its closing quote.
        mutating func unescape(from start: Int, into out: UnsafeMutableBufferPointer<UInt8>) throws(SyntaxError)
            -> String
        {
            guard let source = bytes.baseAddress, let target = out.baseAddress else {
                preconditionFailure("unescape starts at a backslash, so neither buffer is empty")
            }
            var n = index - start
            target.update(from: source + start, count: n)
            while index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "\"") {
                    index += 1
                    guard let s = JSONParser.string(validating: UnsafeBufferPointer(start: target, count: n)) else {
                        throw SyntaxError(message: "string is not valid UTF-8", offset: start)
                    }
                    return s
                }
                if c < 0x20 { throw error("control character in a string") }
                if c != UInt8(ascii: "\\") {
                    // Copy the whole run of plain bytes at once.
                    let run = index
                    index = scanPlain(from: index + 1)
                    (target + n).update(from: source + run, count: index - run)
                    n += index - run
                    continue
                }
                index += 1
                guard index < bytes.count else { break }
                let e = bytes[index]
                index += 1
                let plain: UInt8
                switch e {
                case UInt8(ascii: "\""): plain = 0x22
                case UInt8(ascii: "\\"): plain = 0x5C
                case UInt8(ascii: "/"): plain = 0x2F
                case UInt8(ascii: "b"): plain = 0x08
                case UInt8(ascii: "f"): plain = 0x0C
                case UInt8(ascii: "n"): plain = 0x0A
                case UInt8(ascii: "r"): plain = 0x0D
                case UInt8(ascii: "t"): plain = 0x09
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if code >= 0xD800, code < 0xDC00 {
                        // A high surrogate must be followed by an escaped low surrogate.
                        if index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        {
                            index += 2
                            let low = try parseHex4()
                            if low >= 0xDC00, low < 0xE000 {
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                code = 0xFFFD
                            }
                        } else {
                            code = 0xFFFD
                        }
                    } else if code >= 0xDC00, code < 0xE000 {
                        code = 0xFFFD
                    }
                    let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                    // Never longer than its escape: 1 to 3 bytes for 6, 4 for a pair's 12.
                    UTF8.encode(scalar) { byte in
                        target[n] = byte
                        n += 1
                    }
                    continue
                default:
                    index -= 1
                    throw error("invalid escape '\\\(printable(e))'")
                }
                target[n] = plain
                n += 1
            }
            throw error("unterminated string")
        }
    }
}
