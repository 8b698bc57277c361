import Foundation

/// A text's spans by the UTF-16 ranges the regular-expression engine reports, taken the cheap way
/// where the text allows it, with the same results as `NSString`.
///
/// In an ASCII text a UTF-16 offset is a UTF-8 offset, so a span is a copy of its bytes. In a text
/// without scalars outside the Basic Multilingual Plane a UTF-16 offset is a Unicode scalar offset
/// and every offset a scalar boundary: a span is a copy of the bytes between the string indices of
/// its offsets (found with the string's UTF-16 breadcrumbs), not a conversion of UTF-16 units
/// through `NSString`. Other texts go through `NSString` and the scalar view, as before.
struct MatchText {
    /// The text.
    let text: String
    /// The text bridged, for the spans of texts with scalars outside the Basic Multilingual Plane.
    let bridged: NSString
    /// The text's widest byte (UTF-8): below 0x80, ASCII; below 0xF0, every scalar is one UTF-16 unit.
    let widest: UInt8

    /// The spans of `text`.
    /// - Complexity: O(n) for the n bytes of the text, one pass to find its widest byte.
    init(_ text: String) {
        self.text = text
        bridged = text as NSString
        var copy = text
        widest = copy.withUTF8 { bytes in
            var widest: UInt8 = 0
            for b in bytes { widest = max(widest, b) }
            return widest
        }
    }

    /// Whether the text is ASCII: UTF-16 and UTF-8 offsets agree.
    var isASCII: Bool { widest < 0x80 }

    /// Whether every scalar of the text is one UTF-16 unit: UTF-16 and scalar offsets agree.
    var isBMP: Bool { widest < 0xF0 }

    /// The text's length in UTF-16 units.
    /// - Complexity: O(1) for an ASCII text, O(n) otherwise.
    var utf16Count: Int {
        guard !isASCII else { return text.utf8.count }
        var copy = text
        return copy.withUTF8 { Self.utf16Length($0) }
    }

    /// The UTF-16 offset of the UTF-8 offset `byte`, which is at a scalar's start.
    /// - Complexity: O(1) for an ASCII text, O(byte) otherwise.
    func utf16Offset(ofByte byte: Int) -> Int {
        guard !isASCII else { return byte }
        var copy = text
        return copy.withUTF8 { Self.utf16Length(UnsafeBufferPointer(rebasing: $0[..<byte])) }
    }

    /// The text in `range` (UTF-16 units, within the text), as `NSString.substring(with:)` gives it.
    /// - Complexity: O(length of the range) for an ASCII text; for a text in the Basic Multilingual
    ///   Plane, that and the string's UTF-16 breadcrumbs (O(n) once for the string).
    func substring(_ range: NSRange) -> String {
        if isASCII {
            let bytes = text.utf8
            let start = bytes.index(bytes.startIndex, offsetBy: range.location)
            return String(text[start..<bytes.index(start, offsetBy: range.length)])
        }
        guard isBMP else { return bridged.substring(with: range) }
        let units = text.utf16
        let start = units.index(units.startIndex, offsetBy: range.location)
        return String(text[start..<units.index(start, offsetBy: range.length)])
    }

    /// The text in `range` without white space at its ends (`CharacterSet.whitespaces`), and its
    /// range: the evidence span of a match.
    func span(_ range: NSRange) -> (text: String, range: NSRange) {
        let matched = substring(range)
        if !Self.mayTrim(matched) { return (matched, range) }
        let span = matched.trimmingCharacters(in: .whitespaces)
        let lead = matched.prefix { $0 == " " || $0 == "\t" }.utf16.count
        return (span, NSRange(location: range.location + lead, length: span.utf16.count))
    }

    /// `text` without white space at its ends (`CharacterSet.whitespaces`).
    static func trimmed(_ text: String) -> String {
        mayTrim(text) ? text.trimmingCharacters(in: .whitespaces) : text
    }

    /// The length in UTF-16 units of the UTF-8 text `bytes`: one unit for each byte that is not a
    /// continuation byte, and one more for each that opens a 4-byte sequence. Without branches, so
    /// that the loop is vectorized.
    /// - Complexity: O(n).
    static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var units = 0
        for b in bytes {
            units &+= Int(truncatingIfNeeded: (b & 0xC0 != 0x80 ? 1 : 0) &+ (b >= 0xF0 ? 1 : 0) as UInt8)
        }
        return units
    }

    /// Whether trimming white space (`CharacterSet.whitespaces`) can change `text`: not when its
    /// first and last scalars are not white space (`mayBeSpace`).
    static func mayTrim(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return mayBeSpace(first) || mayBeSpace(last)
    }

    /// Whether `scalar` may be in `CharacterSet.whitespaces` — tab and the space separators (Zs),
    /// of any Unicode version (U+180E and U+200B were Zs once): true for those, for the format and
    /// separator characters around them, and for every scalar outside the Basic Multilingual Plane
    /// (whose trimming goes through `NSString` as before). Dashes and quotation marks, which end
    /// datelines, are not.
    static func mayBeSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x180E, 0x2000...0x200F, 0x2028...0x202F, 0x205F...0x206F, 0x3000, 0xFEFF,
            0x10000...:
            return true
        default:
            return false
        }
    }
}
