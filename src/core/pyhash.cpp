// CPython 3.12's string hash: SipHash-1-3 under a per-process 128-bit secret.
//
// What it holds: the hash secret (two 64-bit key words), whether randomisation is on, and the one
// byte-string hash function that str (its PEP 393 code units), bytes, memoryview and, through
// bytes, datetime use. hash("abc") and the order of a set of strings therefore equal CPython's
// for the same PYTHONHASHSEED (sys.hash_info: algorithm='siphash13', hash_bits=64, seed_bits=128,
// cutoff=0 — no small-string special case; the empty string hashes to 0).
//
// The secret (CPython's _Py_HashSecret; its first 16 bytes are SipHash's key k0 || k1, read
// little-endian) comes from PYTHONHASHSEED at start-up:
//   unset, empty, ignored (-E/-I), "random", or -R given  ->  bytes from the OS random source;
//   "0"                                                   ->  all zero (randomisation disabled);
//   N in 1..4294967295                                    ->  the bytes of a 32-bit linear
//       congruential generator seeded with N: x = x*214013 + 2531011 (mod 2^32), byte = x>>16.
// The text is read as C's strtoul(base 10) does (leading blanks and a sign accepted, nothing may
// follow the digits), so the same strings are accepted and refused as in CPython.
//
// SipHash (Aumasson & Bernstein, "SipHash: a fast short-input PRF", 2012) with c=1 compression
// round per 8-byte message word and d=3 finalisation rounds: the four-word state starts as the
// key xored with "somepseudorandomlygeneratedbytes"; each little-endian word m is absorbed as
// v3 ^= m, round, v0 ^= m; the last word holds the 0..7 leftover bytes and the length (mod 256)
// in its top byte; then v2 ^= 0xff, three rounds, and the result is v0^v1^v2^v3.
//
// Invariants / threads: the secret is written once by hash_seed_init() before the runtime creates
// any object (so no cached hash predates it) and is read-only afterwards; no lock is needed.
#include "core/pyhash.h"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace gilpy {

namespace {

uint64_t g_k0 = 0, g_k1 = 0;     // the SipHash key (zero until hash_seed_init: seed 0)
int g_randomization = 0;         // sys.flags.hash_randomization

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

inline uint64_t le64(uint64_t v) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return __builtin_bswap64(v);
#else
  return v;
#endif
}

inline uint64_t load64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return le64(v);
}

inline uint64_t load32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap32(v);
#endif
  return v;
}

// The 0..7 bytes at p as a little-endian integer, without reading outside [p, p+n) and without a
// byte loop: two overlapping 4-byte loads for 4..7 bytes, three (possibly repeated) bytes for 1..3.
inline uint64_t load_tail(const uint8_t* p, size_t n) {
  if (n >= 4) return load32(p) | (load32(p + n - 4) << (8 * (n - 4)));
  if (n == 0) return 0;
  return uint64_t(p[0]) | (uint64_t(p[n >> 1]) << (8 * (n >> 1))) | (uint64_t(p[n - 1]) << (8 * (n - 1)));
}

struct SipState {
  uint64_t v0, v1, v2, v3;

  SipState(uint64_t k0, uint64_t k1)
      : v0(k0 ^ 0x736f6d6570736575ull),   // "somepseu"
        v1(k1 ^ 0x646f72616e646f6dull),   // "dorandom"
        v2(k0 ^ 0x6c7967656e657261ull),   // "lygenera"
        v3(k1 ^ 0x7465646279746573ull) {} // "tedbytes"

  void round() {
    v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
    v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
  }

  void absorb(uint64_t m) {  // c = 1
    v3 ^= m;
    round();
    v0 ^= m;
  }

  uint64_t finish() {  // d = 3
    v2 ^= 0xff;
    round();
    round();
    round();
    return v0 ^ v1 ^ v2 ^ v3;
  }
};

uint64_t siphash13(uint64_t k0, uint64_t k1, const uint8_t* p, size_t len) {
  SipState s(k0, k1);
  const uint8_t* end = p + (len & ~size_t(7));
  for (; p != end; p += 8) s.absorb(load64(p));
  s.absorb((uint64_t(len) << 56) | load_tail(p, len & 7));
  return s.finish();
}

// CPython's generator for a numeric PYTHONHASHSEED (Microsoft C's rand() constants).
void lcg_fill(uint32_t x, uint8_t* out, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    x = x * 214013u + 2531011u;
    out[i] = uint8_t(x >> 16);
  }
}

// The OS random source: getrandom() without blocking on an uninitialised pool (as CPython's
// start-up does), falling back to /dev/urandom.
bool os_random(uint8_t* out, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t r = ::getrandom(out + done, n - done, GRND_NONBLOCK);
    if (r > 0) {
      done += size_t(r);
    } else if (r < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  if (done == n) return true;
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  while (done < n) {
    ssize_t r = ::read(fd, out + done, n - done);
    if (r > 0) {
      done += size_t(r);
    } else if (!(r < 0 && errno == EINTR)) {
      break;
    }
  }
  ::close(fd);
  return done == n;
}

}  // namespace

hash_t hash_bytes(const void* data, size_t len) {
  if (len == 0) return 0;
  hash_t h = hash_t(siphash13(g_k0, g_k1, static_cast<const uint8_t*>(data), len));
  return h == -1 ? -2 : h;
}

bool hash_seed_init(const char* seed_text, bool force_random, const char** error) {
  bool use_seed = false;
  unsigned long seed = 0;
  if (!force_random && seed_text && *seed_text && std::strcmp(seed_text, "random") != 0) {
    char* endp = nullptr;
    errno = 0;
    seed = std::strtoul(seed_text, &endp, 10);
    if (*endp != '\0' || seed > 4294967295ul || errno == ERANGE) {
      *error = "config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range "
               "[0; 4294967295]";
      return false;
    }
    use_seed = true;
  }
  uint8_t key[16] = {};
  if (!use_seed) {
    if (!os_random(key, sizeof key)) {
      *error = "_Py_HashRandomization_Init: failed to get random numbers to initialize Python";
      return false;
    }
  } else if (seed != 0) {
    lcg_fill(uint32_t(seed), key, sizeof key);
  }
  g_k0 = load64(key);
  g_k1 = load64(key + 8);
  g_randomization = !use_seed || seed != 0;
  return true;
}

int hash_randomization() { return g_randomization; }

}  // namespace gilpy
