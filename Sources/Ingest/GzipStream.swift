import CZlib

/// Inflates a gzip (or zlib) stream read from another `ByteStream`, streaming, through the system zlib.
///
/// Concatenated gzip members (as in `.warc.gz`) are read one after another. A bad CRC, a cut-short
/// stream, or output beyond `maxOutputBytes` (a decompression bomb) is an error.
public struct GzipStream<Base: ByteStream>: ByteStream {
    private var base: Base
    private var z = z_stream()
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var started = false
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
        self.maxOutputBytes = maxOutputBytes
        self.maxRatio = maxRatio
    }

    public mutating func read(maxCount: Int) throws(IngestError) -> [UInt8] {
        if finished { return [] }
        if !started {
            // 15 + 32: auto-detect a gzip or zlib header.
            guard wiretrace_inflateInit2(&z, 15 + 32) == Z_OK else { throw IngestError("gzip: cannot initialize zlib") }
            started = true
        }
        var out = [UInt8](repeating: 0, count: maxCount)
        var outCount = 0
        while outCount == 0 {
            if inputOffset == input.count && !baseEnded {
                input = try base.read(maxCount: 1 << 16)
                inputOffset = 0
                if input.isEmpty { baseEnded = true }
            }
            if inputOffset == input.count && baseEnded {
                inflateEnd(&z)
                finished = true
                throw IngestError("gzip: unexpected end of data (truncated)")
            }
            let availIn = input.count - inputOffset
            let status: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    z.next_in = inBuf.baseAddress! + inputOffset
                    z.avail_in = UInt32(availIn)
                    z.next_out = outBuf.baseAddress! + outCount
                    z.avail_out = UInt32(maxCount - outCount)
                    return inflate(&z, Z_NO_FLUSH)
                }
            }
            let usedIn = availIn - Int(z.avail_in)
            inputOffset += usedIn
            consumed += usedIn
            outCount = maxCount - Int(z.avail_out)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                // Another member may follow (multi-member gzip).
                if inputOffset == input.count && !baseEnded {
                    input = try base.read(maxCount: 1 << 16)
                    inputOffset = 0
                    if input.isEmpty { baseEnded = true }
                }
                if inputOffset < input.count {
                    inflateReset(&z)
                } else {
                    inflateEnd(&z)
                    finished = true
                    out.removeSubrange(outCount...)
                    produced += outCount
                    return out
                }
            default:
                let message = z.msg.map { String(cString: $0) } ?? "error \(status)"
                inflateEnd(&z)
                finished = true
                throw IngestError("gzip: corrupt data (\(message))")
            }
        }
        produced += outCount
        if produced > maxOutputBytes {
            inflateEnd(&z)
            finished = true
            throw IngestError("gzip: inflated size exceeds the limit of \(maxOutputBytes) bytes (decompression bomb?)")
        }
        if produced > 1 << 20 && produced / max(consumed, 1) > maxRatio {
            inflateEnd(&z)
            finished = true
            throw IngestError("gzip: compression ratio exceeds \(maxRatio):1 (decompression bomb?)")
        }
        out.removeSubrange(outCount...)
        return out
    }
}
