/// Where an input sits: its name (for the format), the `source` shown to users, and the path ids derive from.
struct EntryLocation {
    /// The file or entry name; its extension picks the format.
    var name: String
    /// The `source` of records: a path, `archive.tar!dir/entry.txt`, ...
    var display: String
    /// The path that document ids derive from (relative to the input root, archives as folders).
    var idPath: String
    /// How many archives this entry is inside.
    var depth: Int = 0

    /// The location of `entry` inside this archive.
    func child(_ entry: String) -> EntryLocation {
        EntryLocation(
            name: entry, display: display + "!" + entry,
            idPath: InputFormat.strippingArchiveExtension(idPath) + "/" + entry, depth: depth + 1)
    }

    /// The document id for a whole-file document: the id path without its extensions.
    var documentID: String { InputFormat.strippingDocumentExtension(idPath) }
}
