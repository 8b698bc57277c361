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
    /// is kept, so offsets and attribution still see it.
    public var boilerplatePatterns: [String] = []
    /// The compiled patterns.
    public let compiledPatterns: [NSRegularExpressionBox]

    public init(boilerplatePatterns: [String] = []) throws(WiretraceError) {
        self.boilerplatePatterns = boilerplatePatterns
        self.compiledPatterns = try Self.compile(boilerplatePatterns, path: "boilerplate_patterns")
    }

    /// Reads the stage's keys from `pipeline.json`.
    public init(from reader: ConfigReader) throws(WiretraceError) {
        let unicode = try reader.string("unicode", default: "NFKC", allowed: ["NFKC", "none"])
        let caseFold = try reader.bool("case_fold", default: true)
        let unifyQuotes = try reader.bool("unify_quotes", default: true)
        let unifyDashes = try reader.bool("unify_dashes", default: true)
        let patterns = try reader.strings("boilerplate_patterns", default: [])
        boilerplatePatterns = patterns
        compiledPatterns = try Self.compile(patterns, path: reader.keyPath("boilerplate_patterns"))
        unicodeNFKC = unicode == "NFKC"
        self.caseFold = caseFold
        self.unifyQuotes = unifyQuotes
        self.unifyDashes = unifyDashes
    }

    private static func compile(_ patterns: [String], path: String) throws(WiretraceError) -> [NSRegularExpressionBox] {
        var out: [NSRegularExpressionBox] = []
        for (i, p) in patterns.enumerated() {
            do {
                out.append(NSRegularExpressionBox(try NSRegularExpression(pattern: "^(?:" + p + ")$", options: [.caseInsensitive])))
            } catch {
                throw WiretraceError(.config, "not a valid regular expression: \(p)", location: "\(path)[\(i)]")
            }
        }
        return out
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
