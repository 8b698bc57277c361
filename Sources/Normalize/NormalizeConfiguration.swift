import Foundation
import WiretraceCore

/// Settings of the normalize stage: how text becomes comparable word tokens.
public struct NormalizeConfiguration: Sendable {
    /// Apply Unicode NFKC to tokens (full-width forms, ligatures, compatibility characters).
    public var unicodeNFKC = true
    /// Fold case (full Unicode case folding for non-ASCII tokens).
    public var caseFold = true
    /// Treat curly, angle and straight double quotes alike when tracking quotations.
    public var unifyQuotes = true
    /// Treat en, em, figure dashes and minus as the ASCII hyphen (dashes separate tokens).
    public var unifyDashes = true
    /// Lines matching any of these regular expressions (whole line, case-insensitive) are left out
    /// of the tokens: site furniture such as "Advertisement" or "Share this article". The text itself
    /// is kept, so offsets and attribution still see it. Fixed at init, as what is compiled from it.
    public let boilerplatePatterns: [String]
    /// The compiled patterns.
    public let compiledPatterns: [NSRegularExpressionBox]
    /// All patterns as one alternation, `^(?:(?:p1)|(?:p2)|…)$`, when that is equivalent to trying
    /// them one by one; nil when a pattern uses a back-reference or an inline flag group, whose
    /// meaning could change inside a bigger expression.
    ///
    /// One regular-expression call per line instead of one per pattern: each call converts the
    /// line to UTF-16 and sets up a matcher, and that, not the matching, is what costs.
    public let combinedPattern: NSRegularExpressionBox?
    /// The line openings the patterns can match (nil: not analyzable, every line is tested).
    public let prefixFilter: LinePrefixFilter?

    public init(boilerplatePatterns: [String] = []) throws(WiretraceError) {
        try self.init(patterns: boilerplatePatterns, path: "boilerplate_patterns")
    }

    /// The patterns and all that is derived from them; `path` names them in errors.
    private init(patterns: [String], path: String) throws(WiretraceError) {
        boilerplatePatterns = patterns
        compiledPatterns = try Self.compile(patterns, path: path)
        combinedPattern = Self.combine(patterns)
        prefixFilter = LinePrefixFilter(patterns: patterns)
    }

    /// Reads the stage's keys from `pipeline.json`.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        let unicode = try reader.string("unicode", default: "NFKC", allowed: ["NFKC", "none"])
        let caseFold = try reader.bool("case_fold", default: true)
        let unifyQuotes = try reader.bool("unify_quotes", default: true)
        let unifyDashes = try reader.bool("unify_dashes", default: true)
        let patterns = try reader.strings("boilerplate_patterns", default: [])
        try self.init(patterns: patterns, path: reader.keyPath("boilerplate_patterns"))
        unicodeNFKC = unicode == "NFKC"
        self.caseFold = caseFold
        self.unifyQuotes = unifyQuotes
        self.unifyDashes = unifyDashes
    }

    private static func compile(_ patterns: [String], path: String) throws(WiretraceError) -> [NSRegularExpressionBox] {
        var out: [NSRegularExpressionBox] = []
        for (i, p) in patterns.enumerated() {
            do {
                out.append(
                    NSRegularExpressionBox(
                        try NSRegularExpression(pattern: "^(?:" + p + ")$", options: [.caseInsensitive])))
            } catch {
                throw WiretraceError(.config, "not a valid regular expression: \(p)", location: "\(path)[\(i)]")
            }
        }
        return out
    }
}

extension NormalizeConfiguration {
    /// The one-expression form of `patterns` (see `combinedPattern`), or nil.
    static func combine(_ patterns: [String]) -> NSRegularExpressionBox? {
        guard patterns.count > 1, patterns.allSatisfy(isSelfContained) else { return nil }
        let alternation = patterns.map { "(?:" + $0 + ")" }.joined(separator: "|")
        guard let regex = try? NSRegularExpression(pattern: "^(?:" + alternation + ")$", options: [.caseInsensitive])
        else { return nil }
        return NSRegularExpressionBox(regex)
    }

    /// Whether a pattern means the same inside an alternation: no numbered or named
    /// back-references (group numbers shift) and no `(?flags)` or `(?#…)` groups.
    static func isSelfContained(_ pattern: String) -> Bool {
        let b = Array(pattern.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "\\") {
                guard i + 1 < b.count else { return false }
                let e = b[i + 1]
                if (e >= 0x30 && e <= 0x39) || e == UInt8(ascii: "k") { return false }
                i += 2
                continue
            }
            if b[i] == UInt8(ascii: "("), i + 2 < b.count, b[i + 1] == UInt8(ascii: "?") {
                let c = b[i + 2]
                // Allowed: (?: (?= (?! (?<= (?<! (?> — plain groups and look-arounds.
                let plain =
                    c == UInt8(ascii: ":") || c == UInt8(ascii: "=") || c == UInt8(ascii: "!") || c == UInt8(ascii: ">")
                let lookbehind =
                    c == UInt8(ascii: "<") && i + 3 < b.count
                    && (b[i + 3] == UInt8(ascii: "=") || b[i + 3] == UInt8(ascii: "!"))
                if !plain && !lookbehind { return false }
            }
            i += 1
        }
        return true
    }
}

/// A compiled regular expression that may be shared between tasks (it is immutable once built).
public struct NSRegularExpressionBox: @unchecked Sendable {
    public let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }

    /// Whether the whole of `line` matches.
    public func matches(_ line: String) -> Bool {
        regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}
