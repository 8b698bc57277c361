#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file read with `pread`, without loading it.
struct FileRandomAccess: RandomAccessInput {
    private let handle: FileHandleBox
    let size: Int

    /// Opens `path`.
    /// - Throws: `IngestError` when it cannot be opened or measured.
    init(path: String) throws(IngestError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IngestError("cannot open: \(String(cString: strerror(errno)))") }
        handle = FileHandleBox(fd: fd, owned: true)
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IngestError("cannot stat: \(String(cString: strerror(errno)))") }
        size = Int(st.st_size)
    }

    func read(at offset: Int, count: Int) throws(IngestError) -> [UInt8] {
        let n = max(0, min(count, size - offset))
        if n == 0 || offset < 0 { return [] }
        let fd = handle.fd
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: n) { buf, filled in
            filled = 0
            guard let base = buf.baseAddress else { return }
            while filled < n {
                let r = pread(fd, base + filled, n - filled, off_t(offset + filled))
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if r == 0 { return }
                filled += r
            }
        }
        if failure != 0 { throw IngestError("read failed: \(String(cString: strerror(failure)))") }
        return bytes
    }
}
