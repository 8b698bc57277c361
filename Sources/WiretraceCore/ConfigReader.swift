/// Reads one JSON object of `pipeline.json`, checking every key's type and range.
///
/// Each stage's configuration reads its own keys through a reader; `finish()` then rejects
/// any key nobody asked for. Errors name the full key path, e.g.
/// `stages[2].permutations: expected an integer in 16...1024, got "x"`.
public final class ConfigReader {
    /// The key path of this object, e.g. `stages[2]`.
    public let path: String
    private let members: [(String, JSONValue)]
    private var read: Set<String> = []
    private var asked: [String] = []

    /// Wraps `value`, which must be an object.
    /// - Throws: `WiretraceError.config` when `value` is not an object or has a duplicate key.
    public init(_ value: JSONValue, path: String) throws(WiretraceError) {
        guard case .object(let members) = value else {
            throw WiretraceError(
                .config, "expected an object, got \(value.typeName)", location: path.isEmpty ? "(top level)" : path)
        }
        var seen: Set<String> = []
        for (key, _) in members where !seen.insert(key).inserted {
            throw WiretraceError(.config, "duplicate key", location: Self.join(path, key))
        }
        self.path = path
        self.members = members
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The key path of `key` inside this object.
    public func keyPath(_ key: String) -> String { Self.join(path, key) }

    /// Whether the object has `key`.
    public func has(_ key: String) -> Bool { members.contains { $0.0 == key } }

    /// The raw value of `key`, marking it as read.
    public func value(_ key: String) -> JSONValue? {
        if !asked.contains(key) { asked.append(key) }
        guard let v = members.first(where: { $0.0 == key })?.1 else { return nil }
        read.insert(key)
        return v
    }

    private func fail(_ key: String, _ expected: String, _ got: JSONValue) -> WiretraceError {
        WiretraceError(.config, "expected \(expected), got \(got.preview)", location: keyPath(key))
    }

    /// An integer in `range`, or `defaultValue` when the key is absent.
    public func int(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int) throws(WiretraceError) -> Int
    {
        guard let v = value(key) else { return defaultValue }
        guard case .number(let text) = v, let n = Int(text), range.contains(n) else {
            throw fail(key, "an integer in \(range)", v)
        }
        return n
    }

    /// A number in `range`, or `defaultValue` when the key is absent.
    public func double(_ key: String, in range: ClosedRange<Double>, default defaultValue: Double)
        throws(WiretraceError) -> Double
    {
        guard let v = value(key) else { return defaultValue }
        guard case .number(let text) = v, let n = Double(text), range.contains(n) else {
            throw fail(
                key,
                "a number in \(formatDecimal(range.lowerBound, digits: 6))...\(formatDecimal(range.upperBound, digits: 6))",
                v)
        }
        return n
    }

    /// A boolean, or `defaultValue` when the key is absent.
    public func bool(_ key: String, default defaultValue: Bool) throws(WiretraceError) -> Bool {
        guard let v = value(key) else { return defaultValue }
        guard case .bool(let b) = v else { throw fail(key, "true or false", v) }
        return b
    }

    /// A string, one of `allowed` when given, or `defaultValue` when the key is absent.
    public func string(_ key: String, default defaultValue: String, allowed: [String]? = nil) throws(WiretraceError)
        -> String
    {
        guard let v = value(key) else { return defaultValue }
        guard case .string(let s) = v else {
            throw fail(key, allowed.map { "one of " + $0.map { "\"\($0)\"" }.joined(separator: ", ") } ?? "a string", v)
        }
        if let allowed, !allowed.contains(s) {
            throw fail(key, "one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", "), v)
        }
        return s
    }

    /// An optional string; absent and `null` both give nil.
    public func optionalString(_ key: String) throws(WiretraceError) -> String? {
        guard let v = value(key) else { return nil }
        switch v {
        case .null: return nil
        case .string(let s): return s
        default: throw fail(key, "a string or null", v)
        }
    }

    /// An array of strings, each one of `allowed` when given, or `defaultValue` when the key is absent.
    public func strings(_ key: String, default defaultValue: [String], allowed: [String]? = nil) throws(WiretraceError)
        -> [String]
    {
        guard let v = value(key) else { return defaultValue }
        guard case .array(let items) = v else { throw fail(key, "an array of strings", v) }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let s) = item else {
                throw WiretraceError(
                    .config, "expected a string, got \(item.preview)", location: "\(keyPath(key))[\(i)]")
            }
            if let allowed, !allowed.contains(s) {
                throw WiretraceError(
                    .config,
                    "expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ") + ", got \"\(s)\"",
                    location: "\(keyPath(key))[\(i)]")
            }
            out.append(s)
        }
        return out
    }

    /// A nested object's reader, or nil when the key is absent.
    public func object(_ key: String) throws(WiretraceError) -> ConfigReader? {
        guard let v = value(key) else { return nil }
        return try ConfigReader(v, path: keyPath(key))
    }

    /// A nested array's items, or nil when the key is absent.
    public func array(_ key: String) throws(WiretraceError) -> [JSONValue]? {
        guard let v = value(key) else { return nil }
        guard case .array(let items) = v else { throw fail(key, "an array", v) }
        return items
    }

    /// Rejects every key that was not read; call it after reading all known keys.
    /// - Throws: `WiretraceError.config` naming the first unknown key and the allowed ones.
    public func finish() throws(WiretraceError) {
        for (key, _) in members where !read.contains(key) {
            throw WiretraceError(
                .config, "unknown key; allowed here: " + asked.joined(separator: ", "), location: keyPath(key))
        }
    }
}
