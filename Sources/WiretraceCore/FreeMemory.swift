import CMemory

/// Gives the memory the allocator holds free back to the system.
///
/// Called between phases that let go of large structures. glibc's allocator keeps freed memory
/// for reuse, but memory freed by one thread is reused only by the threads of its arena, and
/// freed blocks between live ones are not returned on their own: without this, a run's resident
/// size keeps the high-water mark of every phase. A no-op on other C libraries.
/// - Complexity: O(h) for h bytes of heap; a few milliseconds for hundreds of megabytes.
public func releaseFreeMemory() {
    wiretrace_release_free_memory()
}
