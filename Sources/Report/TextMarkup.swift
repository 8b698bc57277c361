/// Renders a document's text as escaped HTML with spans marked: shared passages and evidence.
///
/// Offsets are Unicode scalar offsets into the text, `[start, end)`. Marks may overlap; each run of
/// scalars with the same marks becomes one element. Out-of-range or empty marks are ignored.
public struct TextMarkup: Sendable {
    /// What a mark means; it becomes the element's class.
    public enum Kind: Int, Sendable, CaseIterable {
        /// A passage shared with the other text of a side-by-side view.
        case shared = 1
        /// An agency credit (evidence span).
        case evidence = 2
    }

    /// One marked span.
    public struct Mark: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var kind: Kind
        /// A tooltip (escaped when rendered).
        public var note: String?

        /// Creates a mark over `[start, end)`.
        public init(start: Int, end: Int, kind: Kind, note: String? = nil) {
            self.start = start
            self.end = end
            self.kind = kind
            self.note = note
        }
    }

    /// Texts longer than this many scalars are cut, with a note, to keep report pages small.
    public var maxScalars: Int

    /// Creates a renderer that cuts texts at `maxScalars`.
    public init(maxScalars: Int = 20_000) { self.maxScalars = maxScalars }

    /// The text as HTML: escaped, newlines kept as `<br>`, marked runs wrapped in `<mark>`.
    /// - Parameters:
    ///   - text: the document's original text.
    ///   - marks: spans to mark, in Unicode scalar offsets.
    /// - Returns: HTML for the inside of a block element.
    /// - Complexity: O(n + m · k) for n scalars and m marks of average length k.
    public func render(_ text: String, marks: [Mark]) -> String {
        // One pass over the UTF-8 bytes: scalar offsets are counted at each lead byte, and runs of
        // scalars with the same marks are escaped straight into the output.
        var text = text
        return text.withUTF8 { bytes -> String in
            // Byte offset of each scalar kept, plus the end.
            var starts: [Int] = []
            starts.reserveCapacity(min(bytes.count, maxScalars) + 1)
            var b = 0
            while b < bytes.count && starts.count < maxScalars {
                if bytes[b] & 0xC0 != 0x80 { starts.append(b) }
                b += 1
            }
            while b < bytes.count && bytes[b] & 0xC0 == 0x80 { b += 1 }
            let cut = b < bytes.count
            starts.append(b)
            let n = starts.count - 1
            var flags = [UInt8](repeating: 0, count: n)
            var noteStarts = [Bool](repeating: false, count: n)
            var notes: [Int: String] = [:]
            for m in marks {
                let lo = max(0, m.start)
                let hi = min(n, m.end)
                guard lo < hi else { continue }
                for i in lo..<hi { flags[i] |= UInt8(m.kind.rawValue) }
                if let note = m.note {
                    notes[lo] = notes[lo].map { $0 + "; " + note } ?? note
                    noteStarts[lo] = true
                }
            }
            var out: [UInt8] = []
            out.reserveCapacity(b + b / 8)
            var i = 0
            while i < n {
                var j = i + 1
                while j < n && flags[j] == flags[i] && !noteStarts[j] { j += 1 }
                if flags[i] != 0 {
                    let classes = Kind.allCases.filter { flags[i] & UInt8($0.rawValue) != 0 }.map {
                        $0 == .shared ? "sh" : "ev"
                    }
                    let title = notes[i].map { " title=\"\(HTML.escape($0))\"" } ?? ""
                    out += "<mark class=\"\(classes.joined(separator: " "))\"\(title)>".utf8
                    HTML.escape(UnsafeBufferPointer(rebasing: bytes[starts[i]..<starts[j]]), breaks: true, into: &out)
                    out += "</mark>".utf8
                } else {
                    HTML.escape(UnsafeBufferPointer(rebasing: bytes[starts[i]..<starts[j]]), breaks: true, into: &out)
                }
                i = j
            }
            if cut { out += "<br><em class=\"cut\">… text cut at \(maxScalars) characters</em>".utf8 }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
