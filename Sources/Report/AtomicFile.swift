#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import WiretraceCore

/// A file written under a temporary name and renamed into place on `commit()`.
///
/// Readers never see a half-written output; an interrupted run leaves the previous file intact.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private var file: UnsafeMutablePointer<FILE>?

    /// Starts writing `path` (in fact `path.tmp-PID`).
    public init(path: String) throws(WiretraceError) {
        self.path = path
        temporaryPath = "\(path).tmp-\(getpid())"
        guard let f = fopen(temporaryPath, "w") else {
            throw WiretraceError(
                .output, "cannot create the file", location: temporaryPath, cause: String(cString: strerror(errno)))
        }
        file = f
    }

    deinit {
        if let file {
            fclose(file)
            unlink(temporaryPath)
        }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws(WiretraceError) {
        guard let file else { throw WiretraceError(.output, "file already committed", location: path) }
        var t = text
        let ok = t.withUTF8 { buf in buf.isEmpty || fwrite(buf.baseAddress, 1, buf.count, file) == buf.count }
        guard ok else {
            throw WiretraceError(
                .output, "write failed", location: temporaryPath, cause: String(cString: strerror(errno)))
        }
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws(WiretraceError) {
        guard let f = file else { return }
        file = nil
        let flushed = fflush(f) == 0 && fsync(fileno(f)) == 0
        fclose(f)
        guard flushed, rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw WiretraceError(
                .output, "cannot write the file", location: path, cause: String(cString: strerror(errno)))
        }
    }

    /// Writes a whole file atomically.
    public static func write(_ text: String, to path: String) throws(WiretraceError) {
        let f = try AtomicFile(path: path)
        try f.write(text)
        try f.commit()
    }
}
