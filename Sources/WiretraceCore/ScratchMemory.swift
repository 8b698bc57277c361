#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temporary buffers for the per-document work of the streaming stages (token storage, shingles,
/// window minima, sort buckets), reused from one document to the next on each thread.
///
/// `withUnsafeTemporaryAllocation` puts a buffer on the stack only up to 1 KiB on Linux; above
/// that, every call is a `malloc` and a `free`. The per-document buffers are larger, and their
/// allocation was a large share of the streaming stages' time: glibc splits and merges its large
/// free blocks on every call. Here each thread keeps one block and lends its space stack-wise: a
/// buffer lives for the length of a `withBuffer` call, and calls nest. A request that does not fit
/// the block gets heap memory of its own; when no buffer is lent, the block grows to the most the
/// nested calls have wanted at once, but not beyond `maxBlockBytes`, so a thread keeps at most
/// that much (a very large document's buffers come from the heap).
public enum ScratchMemory {
    /// The largest block a thread keeps.
    static let maxBlockBytes = 1 << 20

    /// Lends `body` an uninitialized buffer of `capacity` values of `T`, for the length of the
    /// call; `T` must need at most 16-byte alignment.
    /// - Complexity: O(1), plus O(capacity) when the buffer comes from the heap.
    public static func withBuffer<T, R>(
        of type: T.Type, capacity: Int, _ body: (UnsafeMutableBufferPointer<T>) -> R
    ) -> R {
        precondition(MemoryLayout<T>.alignment <= 16)
        let count = max(0, capacity)
        // Multiples of 16 keep every buffer of the block aligned.
        let size = (max(1, count * MemoryLayout<T>.stride) + 15) & ~15
        let block = Block.current
        if let start = block.take(size) {
            defer { block.give(size) }
            return body(UnsafeMutableBufferPointer(start: start.bindMemory(to: T.self, capacity: count), count: count))
        }
        let start = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { start.deallocate() }
        return body(UnsafeMutableBufferPointer(start: start.bindMemory(to: T.self, capacity: count), count: count))
    }

    /// One thread's block: `used` bytes from its start are lent, the rest is free.
    final class Block {
        private var base: UnsafeMutableRawPointer?
        private var capacity = 0
        private var used = 0
        /// The most bytes lent at once (or wanted: those that did not fit count too).
        private var demand = 0

        deinit { base?.deallocate() }

        /// `size` bytes (a multiple of 16) at the top of the block, or nil when they do not fit.
        func take(_ size: Int) -> UnsafeMutableRawPointer? {
            demand = max(demand, used + size)
            // Grown only while nothing is lent: lent buffers must not move.
            if used == 0 && capacity < min(demand, ScratchMemory.maxBlockBytes) {
                base?.deallocate()
                capacity = min(demand, ScratchMemory.maxBlockBytes)
                base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            }
            guard let base, used + size <= capacity else { return nil }
            defer { used += size }
            return base + used
        }

        /// Returns the `size` bytes most recently taken.
        func give(_ size: Int) {
            used -= size
        }

        /// The calling thread's block.
        static var current: Block {
            if let p = pthread_getspecific(blockKey) {
                return Unmanaged<Block>.fromOpaque(p).takeUnretainedValue()
            }
            let block = Block()
            pthread_setspecific(blockKey, Unmanaged.passRetained(block).toOpaque())
            return block
        }
    }
}

/// The thread-local slot of each thread's `ScratchMemory.Block`, released when the thread ends.
private let blockKey: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key, releaseBlock)
    precondition(status == 0, "no thread-local key for scratch memory")
    return key
}()

#if canImport(Darwin)
    private func releaseBlock(_ p: UnsafeMutableRawPointer) {
        Unmanaged<ScratchMemory.Block>.fromOpaque(p).release()
    }
#else
    private func releaseBlock(_ p: UnsafeMutableRawPointer?) {
        if let p { Unmanaged<ScratchMemory.Block>.fromOpaque(p).release() }
    }
#endif
