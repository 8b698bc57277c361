/// Checks archive entry names before use: absolute and `..` paths are refused (nothing is ever extracted).
enum ArchiveEntryName {
    /// Why `name` is not safe to use, or nil when it is fine.
    static func unsafeReason(_ name: String) -> String? {
        if name.hasPrefix("/") || name.hasPrefix("\\") || (name.count > 1 && name.dropFirst().first == ":") {
            return "unsafe entry name: absolute path"
        }
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains("..") { return "unsafe entry name: contains '..'" }
        if name.utf8.contains(0) { return "unsafe entry name: contains NUL" }
        return nil
    }
}
