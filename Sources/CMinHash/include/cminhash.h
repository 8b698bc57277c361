// MinHash signature kernel with a SIMD path chosen at run time (see cminhash.c).
#ifndef WIRETRACE_CMINHASH_H
#define WIRETRACE_CMINHASH_H

#include <stddef.h>
#include <stdint.h>

/// Writes sig[i] = top 32 bits of min over s of (a[i] * xs[s] + b[i]) mod 2^64, for i < p;
/// UINT32_MAX when n == 0. The same bits on every CPU: the SIMD paths compute the same integer
/// arithmetic as the portable one.
void wt_minhash_signature(const uint64_t *a, const uint64_t *b, size_t p, const uint64_t *xs, size_t n,
                          uint32_t *sig);

/// The path wt_minhash_signature takes on this CPU: 2 = AVX-512 (F+DQ), 0 = portable.
int wt_minhash_kernel(void);

/// The portable path alone, for tests.
void wt_minhash_signature_portable(const uint64_t *a, const uint64_t *b, size_t p, const uint64_t *xs, size_t n,
                                   uint32_t *sig);

#endif
