#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file (or standard input) with POSIX calls, in chunks.
///
/// The descriptor is owned by a class, so it is closed when the last copy of the stream goes away.
public struct FileByteStream: ByteStream {
    private let handle: FileHandleBox

    /// Opens `path` for reading; `-` is standard input.
    /// - Throws: `IngestError` when the file cannot be opened.
    public init(path: String) throws(IngestError) {
        if path == "-" {
            self = .stdin
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IngestError("cannot open: \(String(cString: strerror(errno)))") }
        handle = FileHandleBox(fd: fd, owned: true)
    }

    /// Standard input (never closed).
    static var stdin: FileByteStream { FileByteStream(handle: FileHandleBox(fd: 0, owned: false)) }

    private init(handle: FileHandleBox) { self.handle = handle }

    public mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        let fd = handle.fd
        var failure: Int32 = 0
        let buffer = [UInt8](unsafeUninitializedCapacity: max(maxCount, 1)) { buf, count in
            count = 0
            guard let base = buf.baseAddress else { return }
            while true {
                let n = Glibc.read(fd, base, maxCount)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                count = n
                return
            }
        }
        if failure != 0 { throw IngestError("read failed: \(String(cString: strerror(failure)))") }
        return buffer
    }
}

/// Owns a file descriptor and closes it on deinit.
final class FileHandleBox: @unchecked Sendable {
    private(set) var fd: Int32
    private let owned: Bool

    init(fd: Int32, owned: Bool) {
        self.fd = fd
        self.owned = owned
    }

    func close() {
        if owned && fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}
