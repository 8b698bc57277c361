#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Synchronization

/// Where a document's text and tokens sit in a `SpillStore`.
public struct StoredDocumentRef: Sendable, Hashable {
    public var offset: UInt64
    public var byteCount: UInt32
    /// The text's share of the record, so that text and tokens can each be read alone.
    public var textByteCount: UInt32

    public init(offset: UInt64, byteCount: UInt32, textByteCount: UInt32) {
        self.offset = offset
        self.byteCount = byteCount
        self.textByteCount = textByteCount
    }
}

/// An append-only scratch file holding each document's text and tokens after the streaming stages.
///
/// Keeps memory bounded: the clustering barrier holds only sketches in memory and reads the
/// tokens of the few pairs it verifies back from here, as attribution and reports read texts.
/// The file is unlinked as soon as it is created, so it vanishes with the process.
public final class SpillStore: Sendable {
    private let fd: Int32
    private let writer: Mutex<Writer>
    /// `Writer.flushedEnd`, published once the bytes before it are in the file: a read below it
    /// goes straight to the file. Verification reads millions of records on every thread, and
    /// taking the writer's lock for each made the threads queue on it in the kernel.
    private let flushed = Atomic<UInt64>(0)

    private struct Writer {
        var buffer: [UInt8] = []
        var flushedEnd: UInt64 = 0
        var end: UInt64 = 0
    }

    /// Creates an empty store in `directory` (default: `$TMPDIR` or `/tmp`).
    /// - Throws: `WiretraceError.output` when the scratch file cannot be created.
    public init(directory: String? = nil) throws(WiretraceError) {
        let dir = directory ?? (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        var template = Array((dir + "/wiretrace-spill-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buf in buf.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else {
            throw WiretraceError(
                .output, "cannot create a scratch file", location: dir, cause: String(cString: strerror(errno)))
        }
        template.withUnsafeBufferPointer { buf in _ = buf.baseAddress.map { unlink($0) } }
        self.fd = fd
        self.writer = Mutex(Writer())
    }

    deinit { close(fd) }

    /// Appends a document's text, tokens and fact flags.
    /// - Parameters:
    ///   - text: The document's original text.
    ///   - tokens: Its tokens.
    ///   - facts: Which tokens state facts, as `FlagBits` words (see `record`).
    /// - Returns: where to read them back.
    /// - Throws: `WiretraceError.output` when the scratch file cannot be written.
    /// - Complexity: O(t + n) for t text bytes and n tokens.
    public func append(text: String, tokens: TokenizedText, facts: [UInt64]) throws(WiretraceError)
        -> StoredDocumentRef
    {
        try append(record: tokens.withBuffers { Self.record(text: text, tokens: $0, facts: facts) })
    }

    /// Serializes a document's text, tokens and fact flags into one record, ready for
    /// `append(record:)`.
    ///
    /// Separate from `append` so that the pipeline can encode records on its worker tasks, in
    /// parallel, and only the cheap byte copy into the write buffer runs under the lock.
    /// Layout: text byte count and token count (UInt32 LE), text bytes, hashes, quoted flags,
    /// fact flags (both as `FlagBits` words), starts, ends: hashes and flags together, which
    /// verification reads alone (`words`). Hashes and flag words are in this machine's byte order
    /// (the store is read back by the process that wrote it).
    /// - Parameters:
    ///   - text: The document's original text.
    ///   - tokens: Its tokens.
    ///   - facts: Which tokens state facts (numbers, dates: the cluster stage's
    ///     `NumberConflicts.factBits`), `FlagBits.wordCount(tokens.count)` words. Computed by the
    ///     pipeline once per document, with the text and tokens at hand, instead of from the text
    ///     read back for every verified pair.
    /// - Returns: The record's bytes.
    /// - Complexity: O(t + n) for t text bytes and n tokens.
    public static func record(text: String, tokens: TokenBuffers, facts: [UInt64]) -> [UInt8] {
        var text = text
        let n = tokens.count
        precondition(facts.count == FlagBits.wordCount(n), "a fact flag per token")
        let flags = FlagBits.pack(tokens.quoted)
        return text.withUTF8 { textBytes in
            let size = 8 + textBytes.count + tokenByteCount(n)
            // One allocation, filled with raw copies: no per-element appends.
            return [UInt8](unsafeUninitializedCapacity: size) { out, initialized in
                guard let base = UnsafeMutableRawPointer(out.baseAddress) else {
                    initialized = 0
                    return
                }
                base.storeBytes(of: UInt32(textBytes.count).littleEndian, toByteOffset: 0, as: UInt32.self)
                base.storeBytes(of: UInt32(n).littleEndian, toByteOffset: 4, as: UInt32.self)
                var p = 8
                if let t = textBytes.baseAddress { (base + p).copyMemory(from: t, byteCount: textBytes.count) }
                p += textBytes.count
                if let h = tokens.hashes.baseAddress { (base + p).copyMemory(from: h, byteCount: 8 * n) }
                p += 8 * n
                flags.withUnsafeBytes { f in
                    if let b = f.baseAddress { (base + p).copyMemory(from: b, byteCount: f.count) }
                }
                p += 8 * flags.count
                facts.withUnsafeBytes { f in
                    if let b = f.baseAddress { (base + p).copyMemory(from: b, byteCount: f.count) }
                }
                p += 8 * facts.count
                if let s = tokens.starts.baseAddress { (base + p).copyMemory(from: s, byteCount: 4 * n) }
                p += 4 * n
                if let e = tokens.ends.baseAddress { (base + p).copyMemory(from: e, byteCount: 4 * n) }
                initialized = size
            }
        }
    }

    /// The bytes of `n` tokens in a record: hashes, quoted and fact flag words, starts, ends.
    static func tokenByteCount(_ n: Int) -> Int { 16 * n + 16 * FlagBits.wordCount(n) }

    /// The number of tokens whose part of a record is `bytes` long (`tokenByteCount`'s inverse; it
    /// grows strictly, so there is one).
    static func tokenCount(tokenBytes bytes: Int) -> Int {
        // 16 bytes per token plus 16 per 64 tokens, 1040 bytes per 64: start below, step up.
        var n = max(0, bytes * 64 / 1040 - 1)
        while tokenByteCount(n) < bytes { n += 1 }
        precondition(tokenByteCount(n) == bytes, "a record's token part")
        return n
    }

    /// Appends a record made by `record(text:tokens:facts:)`.
    /// - Returns: where to read it back.
    /// - Complexity: O(r) for r record bytes (amortized; the buffer is flushed every 1 MiB).
    public func append(record: [UInt8]) throws(WiretraceError) -> StoredDocumentRef {
        try append(bytes: record, textByteCount: Self.get(record, 0))
    }

    /// Appends 32-bit values, in this machine's byte order (the store is read back by the process
    /// that wrote it), as a record of their own.
    /// - Returns: where to read them back (`values`).
    public func append(values: [UInt32]) throws(WiretraceError) -> StoredDocumentRef {
        try append(bytes: values.withUnsafeBytes { Array($0) }, textByteCount: 0)
    }

    /// Reads back `count` values of a record made by `append(values:)`, from value `start` on.
    public func values(_ ref: StoredDocumentRef, from start: Int, count: Int) throws(WiretraceError) -> [UInt32] {
        var values = [UInt32](repeating: 0, count: count)
        let failure = values.withUnsafeMutableBytes { read([$0], at: ref.offset + UInt64(4 * start)) }
        if let failure { throw failure }
        return values
    }

    /// Appends bytes as a record of their own (no text part), read back whole with `bytes(_:into:)`.
    /// - Returns: where to read them back.
    public func append(bytes: [UInt8]) throws(WiretraceError) -> StoredDocumentRef {
        try append(bytes: bytes, textByteCount: 0)
    }

    /// Reads a record made by `append(bytes:)` back into `bytes`, replacing what it held and reusing
    /// its storage.
    public func bytes(_ ref: StoredDocumentRef, into bytes: inout [UInt8]) throws(WiretraceError) {
        Self.resize(&bytes, to: Int(ref.byteCount))
        let failure = bytes.withUnsafeMutableBytes { read([$0], at: ref.offset) }
        if let failure { throw failure }
    }

    private func append(bytes: [UInt8], textByteCount: UInt32) throws(WiretraceError) -> StoredDocumentRef {
        try writer.withLock { w throws(WiretraceError) -> StoredDocumentRef in
            let ref = StoredDocumentRef(offset: w.end, byteCount: UInt32(bytes.count), textByteCount: textByteCount)
            w.buffer.append(contentsOf: bytes)
            w.end += UInt64(bytes.count)
            if w.buffer.count >= 1 << 20 { try flush(&w) }
            return ref
        }
    }

    private func flush(_ w: inout Writer) throws(WiretraceError) {
        var written = 0
        while written < w.buffer.count {
            let r = w.buffer.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return -1 }
                return pwrite(fd, base + written, raw.count - written, off_t(w.flushedEnd) + off_t(written))
            }
            guard r > 0 else {
                throw WiretraceError(.output, "cannot write the scratch file", cause: String(cString: strerror(errno)))
            }
            written += r
        }
        w.flushedEnd += UInt64(w.buffer.count)
        flushed.store(w.flushedEnd, ordering: .releasing)
        w.buffer.removeAll(keepingCapacity: true)
    }

    /// Writes buffered records to the file; call once after the last append.
    public func sync() throws(WiretraceError) {
        try writer.withLock { w throws(WiretraceError) in try flush(&w) }
    }

    /// Reads a document's text back (the text part of its record only), straight into the string.
    public func text(_ ref: StoredDocumentRef) throws(WiretraceError) -> String {
        var failure: WiretraceError?
        // Invalid UTF-8 is repaired, as `String(decoding:as:)` does (the store holds valid text).
        let count = Int(ref.textByteCount)
        let text = String(unsafeUninitializedCapacity: count) { buffer in
            failure = read(
                [UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<count]))],
                at: ref.offset + 8)
            return failure == nil ? count : 0
        }
        if let failure { throw failure }
        return text
    }

    /// Reads a document's tokens back (the token part of its record only: verification reads
    /// tokens of many documents, and the text is most of a record's bytes), straight into the four
    /// arrays — one `preadv`, no intermediate buffer: verification reads a document back for about
    /// every pair it verifies.
    public func tokens(_ ref: StoredDocumentRef) throws(WiretraceError) -> TokenizedText {
        var tokens = TokenizedText()
        try self.tokens(ref, into: &tokens)
        return tokens
    }

    /// Reads a document's tokens back, as `tokens(_:)`, into `tokens`, replacing what it held and
    /// reusing its arrays' storage: verification reads the tokens of every document it keeps a pair
    /// of, about three hundred thousand at 100k documents.
    public func tokens(_ ref: StoredDocumentRef, into tokens: inout TokenizedText) throws(WiretraceError) {
        let start = 8 + Int(ref.textByteCount)
        let n = Self.tokenCount(tokenBytes: Int(ref.byteCount) - start)
        Self.resize(&tokens.hashes, to: n)
        Self.resize(&tokens.starts, to: n)
        Self.resize(&tokens.ends, to: n)
        Self.resize(&tokens.quoted, to: n)
        let words = FlagBits.wordCount(n)
        // The quoted flags, then the fact flags (read past: they are not tokens).
        let failure = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * words) { flags in
            let failure = tokens.hashes.withUnsafeMutableBytes { h in
                tokens.starts.withUnsafeMutableBytes { s in
                    tokens.ends.withUnsafeMutableBytes { e in
                        read([h, UnsafeMutableRawBufferPointer(flags), s, e], at: ref.offset + UInt64(start))
                    }
                }
            }
            if failure == nil {
                tokens.quoted.withUnsafeMutableBufferPointer { quoted in
                    let quotedFlags = UnsafeBufferPointer(rebasing: flags[..<words])
                    for k in 0..<n { quoted[k] = FlagBits.isSet(quotedFlags, k) }
                }
            }
            return failure
        }
        if let failure { throw failure }
    }

    /// Reads a document's token hashes, quotation flags and fact flags back, without the tokens'
    /// places in the text: what alignment and the number-conflict check need, a little over half
    /// of the tokens' bytes (verification reads a document back for about every pair it verifies,
    /// and needs the places of few).
    public func words(
        _ ref: StoredDocumentRef
    ) throws(WiretraceError) -> (hashes: [UInt64], quoted: [Bool], facts: [Bool]) {
        var hashes: [UInt64] = []
        var quoted: [UInt64] = []
        var facts: [UInt64] = []
        try words(ref, into: &hashes, &quoted, &facts)
        let n = hashes.count
        return (
            hashes, quoted.withUnsafeBufferPointer { FlagBits.unpack($0, count: n) },
            facts.withUnsafeBufferPointer { FlagBits.unpack($0, count: n) }
        )
    }

    /// Reads a document's token hashes, quotation flags and fact flags (both as `FlagBits` words)
    /// back, as `words(_:)`, into `hashes`, `quoted` and `facts`, replacing what they held and
    /// reusing their storage — one `preadv`: verification reads about two million documents back at
    /// 100k documents, and allocating arrays for each was a tenth of its time.
    public func words(
        _ ref: StoredDocumentRef, into hashes: inout [UInt64], _ quoted: inout [UInt64], _ facts: inout [UInt64]
    ) throws(WiretraceError) {
        let start = 8 + Int(ref.textByteCount)
        let n = Self.tokenCount(tokenBytes: Int(ref.byteCount) - start)
        Self.resize(&hashes, to: n)
        Self.resize(&quoted, to: FlagBits.wordCount(n))
        Self.resize(&facts, to: FlagBits.wordCount(n))
        let failure = hashes.withUnsafeMutableBytes { h in
            quoted.withUnsafeMutableBytes { q in
                facts.withUnsafeMutableBytes { f in read([h, q, f], at: ref.offset + UInt64(start)) }
            }
        }
        if let failure { throw failure }
    }

    /// Gives `array` `count` elements, keeping its storage unless it is far larger than needed
    /// (a long document read once does not pin its size in a buffer reused for short ones); new
    /// elements are all zero bits (0, false), to be overwritten.
    static func resize<Element: BitwiseCopyable>(_ array: inout [Element], to count: Int) {
        if array.capacity > 1 << 16 && array.capacity > 4 * count { array = [] }
        if array.count > count {
            array.removeLast(array.count - count)
        } else if array.count < count {
            // Copied from a block of zeros: a memory copy, where appending a repeated element goes
            // element by element (it was 3% of a 100k run's CPU).
            array.reserveCapacity(count)
            zeros.withUnsafeBytes { raw in
                raw.withMemoryRebound(to: Element.self) { zeros in
                    while array.count < count {
                        array.append(contentsOf: UnsafeBufferPointer(rebasing: zeros.prefix(count - array.count)))
                    }
                }
            }
        }
    }

    /// 4 KiB of zero bits for `resize`.
    private static let zeros = [UInt64](repeating: 0, count: 512)

    /// Fills `parts`, in order, with the bytes from `offset` on: from the write buffer when they are
    /// not flushed yet, else from the file.
    /// - Returns: The error, if reading failed.
    private func read(_ parts: [UnsafeMutableRawBufferPointer], at offset: UInt64) -> WiretraceError? {
        let total = parts.reduce(0) { $0 + $1.count }
        let copied =
            offset + UInt64(total) <= flushed.load(ordering: .acquiring)
            ? false
            : writer.withLock { w -> Bool in
                guard offset >= w.flushedEnd else { return false }
                var from = Int(offset - w.flushedEnd)
                w.buffer.withUnsafeBytes { buffer in
                    for part in parts {
                        part.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[from..<from + part.count]))
                        from += part.count
                    }
                }
                return true
            }
        if copied { return nil }
        var done = 0
        return withUnsafeTemporaryAllocation(of: iovec.self, capacity: parts.count) { vectors in
            while done < total {
                // The parts not read yet (all of them but after a short read).
                var count = 0
                var skip = done
                for part in parts {
                    guard skip < part.count, let base = part.baseAddress else {
                        skip = max(0, skip - part.count)
                        continue
                    }
                    vectors[count] = iovec(iov_base: base + skip, iov_len: part.count - skip)
                    count += 1
                    skip = 0
                }
                let r = preadv(fd, vectors.baseAddress, Int32(count), off_t(offset) + off_t(done))
                guard r > 0 else {
                    return WiretraceError(
                        .internalFailure, "cannot read the scratch file", cause: String(cString: strerror(errno)))
                }
                done += r
            }
            return nil
        }
    }

    static func get(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
