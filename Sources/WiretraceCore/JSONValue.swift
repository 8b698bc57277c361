/// A JSON value with object keys kept in their written order.
///
/// Used for reading `pipeline.json` and JSON inputs, and for writing outputs byte-for-byte
/// deterministically (keys are written in the order given, never hashed).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, kept as written so that large integers and ids survive unchanged.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object's members in their written order.
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .number(let n): hasher.combine(n)
        case .string(let s): hasher.combine(s)
        case .array(let a): hasher.combine(a)
        case .object(let o):
            for (k, v) in o {
                hasher.combine(k)
                hasher.combine(v)
            }
        }
    }

    /// A number from a Swift integer.
    public static func int<I: BinaryInteger>(_ value: I) -> JSONValue { .number(String(value)) }

    /// A number from a Double, written with fixed precision so output is stable across platforms.
    /// - Parameters:
    ///   - value: The number; NaN and infinities become `null`.
    ///   - digits: Digits after the decimal point; trailing zeros are trimmed.
    public static func double(_ value: Double, digits: Int = 4) -> JSONValue {
        guard value.isFinite else { return .null }
        return .number(formatDecimal(value, digits: digits))
    }

    /// A string, or `null` when absent.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A short name of the value's type, for error messages.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as it would be written, shortened for error messages.
    public var preview: String {
        let s = JSONWriter.string(self)
        return s.count > 40 ? String(s.prefix(37)) + "..." : s
    }
}

/// Formats `value` with at most `digits` decimals, trimming trailing zeros ("0.5", "1", "0.0713").
public func formatDecimal(_ value: Double, digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    // Beyond what an Int64 holds once scaled: Swift's shortest form (valid JSON, as 1e+16).
    guard abs(rounded) * scale < 9e18 else { return "\(rounded)" }
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
        return String(Int64(rounded))
    }
    let negative = rounded < 0
    let magnitude = Int64((abs(rounded) * scale).rounded())
    let whole = magnitude / Int64(scale)
    var frac = String(magnitude % Int64(scale))
    while frac.count < digits { frac = "0" + frac }
    while frac.hasSuffix("0") { frac.removeLast() }
    return (negative ? "-" : "") + String(whole) + (frac.isEmpty ? "" : "." + frac)
}
