import WiretraceCore

/// Maps a structured record (a JSON object or a CSV row) to a `Document` through the field mapping.
///
/// A configured name is tried first; when it is absent, common names are tried
/// (text/body/content/article, outlet/publisher/source/site, date/published/publish_date/timestamp,
/// url/link, title/headline, id/_id/uuid). Names may be dotted paths into nested objects (`content.body`).
enum FieldMapper {
    static let textAliases = ["text", "body", "content", "article"]
    static let outletAliases = ["outlet", "publisher", "source", "site"]
    static let dateAliases = ["date", "published", "publish_date", "timestamp"]
    static let urlAliases = ["url", "link"]
    static let titleAliases = ["title", "headline"]
    static let idAliases = ["id", "_id", "uuid"]

    /// The object members a record's fields can be read from: every name `document(from:)` may
    /// look up (each configured name and its aliases), whole, and for a dotted name, its path.
    ///
    /// A record parsed keeping only these members maps to the same document or rejection as the
    /// whole record: lookups find the same first member under each name, and a value that is
    /// not a string, number or boolean counts only by its type, which an object keeps however it is filtered.
    static func keyFilter(for fields: IngestConfiguration.FieldMapping) -> JSONKeyFilter {
        var filter = JSONKeyFilter()
        let names = [
            (fields.text, textAliases), (fields.id, idAliases), (fields.title, titleAliases),
            (fields.date, dateAliases), (fields.outlet, outletAliases), (fields.url, urlAliases),
        ]
        for (configured, aliases) in names {
            for name in [configured] + aliases {
                filter.insert(path: [name][...])
                if name.utf8.contains(UInt8(ascii: ".")) {
                    filter.insert(
                        path: name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)[...])
                }
            }
        }
        return filter
    }

    /// The value at a dotted path (`content.body`), or nil; a key containing dots is found as written too.
    static func lookup(_ value: JSONValue, _ path: String) -> JSONValue? {
        if let direct = value[path] { return direct }
        guard path.utf8.contains(UInt8(ascii: ".")) else { return nil }
        var v = value
        for part in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let next = v[String(part)] else { return nil }
            v = next
        }
        return v
    }

    static func scalarString(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The first present value among `configured` and then `aliases`, with the name it was found under.
    static func find(_ get: (String) -> JSONValue?, configured: String, aliases: [String]) -> (String, JSONValue)? {
        if let v = get(configured), v != .null { return (configured, v) }
        for alias in aliases where alias != configured {
            if let v = get(alias), v != .null { return (alias, v) }
        }
        return nil
    }

    /// Maps a JSON value to a record.
    ///
    /// `fallbackID` is built only for a record without an id.
    static func document(
        from value: JSONValue, context: IngestContext, source: String, fallbackID: @autoclosure () -> String
    ) -> IngestRecord {
        guard case .object = value else {
            return .rejected(Rejection(source: source, reason: "expected a JSON object, got \(value.typeName)"))
        }
        return document(get: { lookup(value, $0) }, context: context, source: source, fallbackID: fallbackID())
    }

    /// Maps a record whose fields are read through `get` (JSON object or CSV row).
    ///
    /// `fallbackID` is built only for a record without an id.
    static func document(
        get: (String) -> JSONValue?, context: IngestContext, source: String, fallbackID: @autoclosure () -> String
    ) -> IngestRecord {
        let fields = context.configuration.fields
        guard let (textName, textValue) = find(get, configured: fields.text, aliases: textAliases) else {
            let tried = ([fields.text] + textAliases.filter { $0 != fields.text }).map { "\"\($0)\"" }
            return .rejected(
                Rejection(
                    source: source, reason: "missing text field (tried \(tried.joined(separator: ", ")))"))
        }
        guard case .string(let text) = textValue else {
            return .rejected(
                Rejection(
                    source: source, reason: "text field \"\(textName)\" is \(textValue.typeName), not a string"))
        }
        func meta(_ configured: String, _ aliases: [String]) -> String? {
            scalarString(find(get, configured: configured, aliases: aliases)?.1)
        }
        let id = meta(fields.id, idAliases) ?? fallbackID()
        return context.record(
            id: id, source: source, text: text,
            title: meta(fields.title, titleAliases), date: meta(fields.date, dateAliases),
            outlet: meta(fields.outlet, outletAliases), url: meta(fields.url, urlAliases),
            textField: "text field \"\(textName)\"")
    }
}
