import CZlib

/// Inflates a gzip (or zlib) stream read from another `ByteStream`, streaming, through the system zlib.
///
/// Concatenated gzip members (as in `.warc.gz`) are read one after another. A bad CRC, a cut-short
/// stream, or output beyond `maxOutputBytes` or `maxRatio` times the input (a decompression bomb)
/// is an error. The zlib state is owned by a class, so dropping the stream early frees it.
public struct GzipStream<Base: ByteStream>: ByteStream {
    private var base: Base
    private let inflater: ZInflater
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var finished = false
    private var baseEnded = false
    private var produced = 0
    private var consumed = 0
    private let maxOutputBytes: Int
    private let maxRatio: Int

    /// - Parameters:
    ///   - base: The compressed bytes.
    ///   - maxOutputBytes: Stop with an error once this many bytes were inflated.
    ///   - maxRatio: Stop with an error once output exceeds input by this factor (after 1 MiB).
    public init(_ base: Base, maxOutputBytes: Int = 4 << 30, maxRatio: Int = 1000) {
        self.base = base
        self.inflater = ZInflater(windowBits: 15 + 32)
        self.maxOutputBytes = maxOutputBytes
        self.maxRatio = maxRatio
    }

    private mutating func refill() throws(IngestError) {
        if inputOffset == input.count && !baseEnded {
            input = try base.read(maxCount: 1 << 16)
            inputOffset = 0
            if input.isEmpty { baseEnded = true }
        }
    }

    private mutating func fail(_ reason: String) -> IngestError {
        finished = true
        return IngestError(reason)
    }

    public mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        if finished { return [] }
        guard inflater.isReady else { throw fail("gzip: cannot initialize zlib") }
        let capacity = max(maxCount, 1)
        var out = [UInt8](repeating: 0, count: capacity)
        var outCount = 0
        while outCount == 0 {
            try refill()
            if inputOffset == input.count && baseEnded {
                throw fail("gzip: unexpected end of data (truncated)")
            }
            let start = inputOffset
            let filled = outCount
            let (usedIn, madeOut, status) = input.withUnsafeBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    inflater.inflate(
                        input: UnsafeBufferPointer(rebasing: inBuf[start...]),
                        output: UnsafeMutableBufferPointer(rebasing: outBuf[filled...]))
                }
            }
            inputOffset += usedIn
            consumed += usedIn
            outCount += madeOut
            switch status {
            case Z_OK:
                break
            case Z_BUF_ERROR:
                if usedIn == 0 && madeOut == 0 && inputOffset < input.count {
                    throw fail("gzip: corrupt data (no progress)")
                }
            case Z_STREAM_END:
                // Another member may follow (multi-member gzip).
                try refill()
                if inputOffset < input.count {
                    inflater.reset()
                } else {
                    finished = true
                    out.removeSubrange(outCount...)
                    produced += outCount
                    return out
                }
            default:
                let message = inflater.message ?? "error \(status)"
                throw fail("gzip: corrupt data (\(message))")
            }
        }
        produced += outCount
        if produced > maxOutputBytes {
            throw fail("gzip: inflated size exceeds the limit of \(maxOutputBytes) bytes (decompression bomb?)")
        }
        if produced > 1 << 20 && produced / max(consumed, 1) > maxRatio {
            throw fail("gzip: compression ratio exceeds \(maxRatio):1 (decompression bomb?)")
        }
        out.removeSubrange(outCount...)
        return out
    }
}
