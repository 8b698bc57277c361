#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh directory under /tmp for a test's files; removed with `remove()`.
public struct ScratchDirectory: Sendable {
    public let path: String

    /// Creates the directory.
    public init() {
        var template = Array("/tmp/wiretrace-ingest-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf -> String? in
            guard let base = buf.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        path = made ?? "/tmp/wiretrace-ingest-test-fallback-\(getpid())"
        if made == nil { mkdir(path, 0o755) }
    }

    /// Writes `bytes` to `name` (relative; parent folders are created).
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let full = path + "/" + name
        var dir = ""
        for part in name.split(separator: "/").dropLast() {
            dir += "/" + part
            mkdir(path + dir, 0o755)
        }
        guard let f = fopen(full, "wb") else { return full }
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
        return full
    }

    /// Writes text to `name`.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    /// Deletes the directory and everything in it.
    public func remove() {
        Self.removeTree(path)
    }

    static func removeTree(_ path: String) {
        if let dir = opendir(path) {
            while let e = readdir(dir) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                var st = stat()
                if lstat(child, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                    removeTree(child)
                } else {
                    unlink(child)
                }
            }
            closedir(dir)
        }
        rmdir(path)
    }
}
