import CZlib

/// Compresses bytes with the system zlib, to build gzip and zip fixtures in code.
public enum Deflate {
    /// A gzip member holding `bytes`.
    public static func gzip(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        compress(bytes, windowBits: 15 + 16, level: level)
    }

    /// Raw deflate data (as inside a zip entry).
    public static func raw(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        compress(bytes, windowBits: -15, level: level)
    }

    /// The CRC-32 of `bytes`.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buf in
            UInt32(CZlib.crc32(0, buf.baseAddress, uInt(buf.count)))
        }
    }

    static func compress(_ bytes: [UInt8], windowBits: Int32, level: Int32) -> [UInt8] {
        let z = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        z.initialize(to: z_stream())
        defer {
            deflateEnd(z)
            z.deinitialize(count: 1)
            z.deallocate()
        }
        guard wiretrace_deflateInit2(z, level, windowBits) == Z_OK else { return [] }
        var input = bytes
        var out = [UInt8](repeating: 0, count: Int(deflateBound(z, uLong(bytes.count))) + 64)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                z.pointee.next_in = inBuf.baseAddress
                z.pointee.avail_in = uInt(inBuf.count)
                z.pointee.next_out = outBuf.baseAddress
                z.pointee.avail_out = uInt(outBuf.count)
                _ = deflate(z, Z_FINISH)
                return outBuf.count - Int(z.pointee.avail_out)
            }
        }
        return Array(out[..<produced])
    }
}
