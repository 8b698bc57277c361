// The MinHash signature kernel: p permutations x -> a[i]*x + b[i] (mod 2^64), minimum kept over
// full 64 bits and its top 32 bits stored (>> 32 is monotone, so that is the minimum of the top
// halves). A portable build of Swift cannot emit AVX-512's 64-bit multiply (vpmullq), which is
// what the benchmark's C ceiling compiled with -march=native uses; this file compiles that path
// for AVX-512 only (a function target attribute) and picks it at run time when the CPU has it.
#include "cminhash.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#define WT_HAVE_AVX512_PATH 1
#endif

void wt_minhash_signature_portable(const uint64_t *a, const uint64_t *b, size_t p, const uint64_t *xs, size_t n,
                                   uint32_t *sig) {
    size_t i = 0;
    // Four permutations per pass over the shingles: four independent multiply-add-min chains.
    for (; i + 4 <= p; i += 4) {
        uint64_t m0 = UINT64_MAX, m1 = UINT64_MAX, m2 = UINT64_MAX, m3 = UINT64_MAX;
        for (size_t s = 0; s < n; s++) {
            uint64_t x = xs[s];
            uint64_t h0 = a[i] * x + b[i], h1 = a[i + 1] * x + b[i + 1];
            uint64_t h2 = a[i + 2] * x + b[i + 2], h3 = a[i + 3] * x + b[i + 3];
            m0 = h0 < m0 ? h0 : m0;
            m1 = h1 < m1 ? h1 : m1;
            m2 = h2 < m2 ? h2 : m2;
            m3 = h3 < m3 ? h3 : m3;
        }
        sig[i] = (uint32_t)(m0 >> 32);
        sig[i + 1] = (uint32_t)(m1 >> 32);
        sig[i + 2] = (uint32_t)(m2 >> 32);
        sig[i + 3] = (uint32_t)(m3 >> 32);
    }
    for (; i < p; i++) {
        uint64_t m = UINT64_MAX;
        for (size_t s = 0; s < n; s++) {
            uint64_t h = a[i] * xs[s] + b[i];
            m = h < m ? h : m;
        }
        sig[i] = (uint32_t)(m >> 32);
    }
}

#ifdef WT_HAVE_AVX512_PATH
// 64 permutations (8 vectors of 8 lanes) per pass over the shingles: 8 accumulators, 8 multipliers
// and 8 addends stay in the 32 vector registers.
__attribute__((target("avx512f,avx512dq"))) static void signature_avx512(const uint64_t *a, const uint64_t *b,
                                                                         size_t p, const uint64_t *xs, size_t n,
                                                                         uint32_t *sig) {
    size_t i = 0;
    for (; i + 64 <= p; i += 64) {
        __m512i A[8], B[8], M[8];
        for (int k = 0; k < 8; k++) {
            A[k] = _mm512_loadu_si512((const void *)(a + i + 8 * k));
            B[k] = _mm512_loadu_si512((const void *)(b + i + 8 * k));
            M[k] = _mm512_set1_epi64(-1);
        }
        for (size_t s = 0; s < n; s++) {
            __m512i x = _mm512_set1_epi64((long long)xs[s]);
            for (int k = 0; k < 8; k++) M[k] = _mm512_min_epu64(M[k], _mm512_add_epi64(_mm512_mullo_epi64(A[k], x), B[k]));
        }
        for (int k = 0; k < 8; k++)
            _mm256_storeu_si256((__m256i *)(sig + i + 8 * k), _mm512_cvtepi64_epi32(_mm512_srli_epi64(M[k], 32)));
    }
    for (; i + 8 <= p; i += 8) {
        __m512i A = _mm512_loadu_si512((const void *)(a + i)), B = _mm512_loadu_si512((const void *)(b + i));
        __m512i M = _mm512_set1_epi64(-1);
        for (size_t s = 0; s < n; s++)
            M = _mm512_min_epu64(M, _mm512_add_epi64(_mm512_mullo_epi64(A, _mm512_set1_epi64((long long)xs[s])), B));
        _mm256_storeu_si256((__m256i *)(sig + i), _mm512_cvtepi64_epi32(_mm512_srli_epi64(M, 32)));
    }
    if (i < p) wt_minhash_signature_portable(a + i, b + i, p - i, xs, n, sig + i);
}
#endif

int wt_minhash_kernel(void) {
#ifdef WT_HAVE_AVX512_PATH
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")) return 2;
#endif
    return 0;
}

void wt_minhash_signature(const uint64_t *a, const uint64_t *b, size_t p, const uint64_t *xs, size_t n,
                          uint32_t *sig) {
#ifdef WT_HAVE_AVX512_PATH
    if (wt_minhash_kernel() == 2) {
        signature_avx512(a, b, p, xs, n, sig);
        return;
    }
#endif
    wt_minhash_signature_portable(a, b, p, xs, n, sig);
}
