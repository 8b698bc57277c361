import CZlib

/// Compresses `bytes` into a gzip member with the system zlib, for building fixtures in code.
public func gzip(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    guard wiretrace_deflateInit2(&stream, 6, 15 + 16) == Z_OK else { return [] }
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
    let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = UInt32(inBuf.count)
            stream.next_out = outBuf.baseAddress
            stream.avail_out = UInt32(outBuf.count)
            _ = deflate(&stream, Z_FINISH)
            return outBuf.count - Int(stream.avail_out)
        }
    }
    return Array(output[0..<produced])
}
