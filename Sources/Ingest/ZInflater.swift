import CZlib

/// Owns one zlib inflate state; `inflateEnd` runs in `deinit`, so a stream dropped early never leaks.
///
/// The `z_stream` lives at a fixed heap address, as zlib requires (it keeps a pointer back to it).
final class ZInflater {
    private let z: UnsafeMutablePointer<z_stream>
    private var active: Bool

    /// Whether zlib accepted the initialization.
    var isReady: Bool { active }

    /// - Parameter windowBits: 15 + 32 for gzip/zlib auto-detection, -15 for raw deflate (zip).
    init(windowBits: Int32) {
        z = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        z.initialize(to: z_stream())
        active = wiretrace_inflateInit2(z, windowBits) == Z_OK
    }

    deinit {
        if active { inflateEnd(z) }
        z.deinitialize(count: 1)
        z.deallocate()
    }

    /// Starts a new stream (the next gzip member) with the same settings.
    func reset() { inflateReset(z) }

    /// The last error message zlib gave, if any.
    var message: String? { z.pointee.msg.map { String(cString: $0) } }

    /// Inflates from `input` into `output`.
    /// - Returns: bytes consumed, bytes produced, and zlib's status.
    func inflate(
        input: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>
    ) -> (consumed: Int, produced: Int, status: Int32) {
        guard active, let outBase = output.baseAddress else { return (0, 0, Z_STREAM_ERROR) }
        z.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        z.pointee.avail_in = UInt32(input.count)
        z.pointee.next_out = outBase
        z.pointee.avail_out = UInt32(output.count)
        let status = CZlib.inflate(z, Z_NO_FLUSH)
        let consumed = input.count - Int(z.pointee.avail_in)
        let produced = output.count - Int(z.pointee.avail_out)
        z.pointee.next_in = nil
        z.pointee.next_out = nil
        return (consumed, produced, status)
    }
}
