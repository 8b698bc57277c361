import CMemory

/// Starts loading the cache line holding `pointer`, so that a lookup after it does not wait on
/// memory: for batches of lookups scattered over tables larger than the cache, whose loads do not
/// otherwise overlap. A hint only: it never faults, and changes no result.
@inlinable
public func prefetch(_ pointer: UnsafeRawPointer) {
    wiretrace_prefetch(pointer)
}
