#ifndef WIRETRACE_CMEMORY_SHIM_H
#define WIRETRACE_CMEMORY_SHIM_H
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Gives the pages the allocator holds free back to the system (glibc: malloc_trim, which also
/// releases free pages inside its arenas, not only at their tops); a no-op elsewhere.
static inline void wiretrace_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/// Asks the processor to start loading the cache line holding `p` (a hint: never faults, no
/// effect on results).
static inline void wiretrace_prefetch(const void *p) {
    __builtin_prefetch(p);
}
#endif
