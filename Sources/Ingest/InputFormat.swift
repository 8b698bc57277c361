/// The format of an input, chosen by its name's extension (case-insensitive).
enum InputFormat: Equatable {
    /// A `.gz` around another format; `inner` is the name without `.gz` (`.tgz` becomes `.tar`).
    case gzip(inner: String)
    case tar, zip, warc, jsonl, json, csv, tsv, text, html
    case unsupported

    /// The format of a file or entry called `name`.
    static func detect(_ name: String) -> InputFormat {
        let lower = name.lowercased()
        if lower.hasSuffix(".tgz") { return .gzip(inner: String(name.dropLast(4)) + ".tar") }
        if lower.hasSuffix(".gz") { return .gzip(inner: String(name.dropLast(3))) }
        guard let ext = fileExtension(lower) else { return .unsupported }
        switch ext {
        case "tar": return .tar
        case "zip": return .zip
        case "warc", "arc": return ext == "warc" ? .warc : .unsupported
        case "jsonl", "ndjson": return .jsonl
        case "json": return .json
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        case "txt", "text": return .text
        case "html", "htm", "xhtml": return .html
        default: return .unsupported
        }
    }

    /// The extension of the last path component, without the dot.
    static func fileExtension(_ name: String) -> String? {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return nil }
        return String(last[last.index(after: dot)...])
    }

    /// `path` without one extension on its last component.
    static func droppingExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        return dot == slash ? path : String(path[..<dot])
    }

    /// `path` without `.gz` and then one format extension: `dir/a.jsonl.gz` → `dir/a`.
    static func strippingDocumentExtension(_ path: String) -> String {
        var p = path
        if p.lowercased().hasSuffix(".gz") { p = String(p.dropLast(3)) }
        return droppingExtension(p)
    }

    /// An archive's path as a folder for ids: `dump.tar.gz` → `dump`, `x.zip` → `x`.
    static func strippingArchiveExtension(_ path: String) -> String {
        let lower = path.lowercased()
        for suffix in [".tar.gz", ".tgz", ".tar", ".zip", ".warc.gz", ".warc", ".gz"] where lower.hasSuffix(suffix) {
            return String(path.dropLast(suffix.count))
        }
        return path
    }
}
