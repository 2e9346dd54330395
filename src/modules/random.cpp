// `_random`: the Mersenne Twister (MT19937) core generator under lib/random.py.
//
// Bit-for-bit CPython's Modules/_randommodule.c behaviour (the documented algorithm of Matsumoto
// and Nishimura, seeded the way CPython seeds it), so that `random.seed(42)` followed by any of
// random.py's methods gives CPython's numbers:
//  - seed(n) for an int: init_by_array() over the 32-bit words of abs(n), least significant first
//    (one zero word for 0); None seeds from the OS (/dev/urandom) or the time; any other object
//    seeds from (size_t)hash(obj).
//  - random(): genrand_res53 — (a >> 5, b >> 6) of two outputs into a 53-bit float in [0, 1).
//  - getrandbits(k): k <= 32 takes the top k bits of one output; larger k fills 32-bit words
//    least significant first, the last word shifted right to keep k bits.
//  - getstate()/setstate(): a tuple of the 624 state words followed by the index.
// Random is subclassable (random.Random derives from it); __new__ seeds from the OS so an
// instance is usable before __init__ reseeds it.
#include <gmp.h>

#include <cstdio>
#include <ctime>
#include <vector>
#include <unistd.h>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"

namespace gilpy {

namespace {

constexpr int N = 624;
constexpr int M = 397;
constexpr uint32_t MATRIX_A = 0x9908b0dfU;
constexpr uint32_t UPPER_MASK = 0x80000000U;
constexpr uint32_t LOWER_MASK = 0x7fffffffU;

TypeObject RandomType;

struct RandomObject : Object {
  int index;
  uint32_t state[N];
};

RandomObject* as_random(Object* o) { return static_cast<RandomObject*>(o); }

uint32_t genrand_uint32(RandomObject* self) {
  static const uint32_t mag01[2] = {0x0U, MATRIX_A};
  uint32_t* mt = self->state;
  uint32_t y;
  if (self->index >= N) {
    int kk;
    for (kk = 0; kk < N - M; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
    }
    y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
    self->index = 0;
  }
  y = mt[self->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

void init_genrand(RandomObject* self, uint32_t s) {
  uint32_t* mt = self->state;
  mt[0] = s;
  for (int mti = 1; mti < N; mti++) {
    mt[mti] = (1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + uint32_t(mti));
  }
  self->index = N;
}

void init_by_array(RandomObject* self, const uint32_t* init_key, size_t key_length) {
  uint32_t* mt = self->state;
  init_genrand(self, 19650218U);
  size_t i = 1, j = 0;
  size_t k = (N > key_length ? N : key_length);
  for (; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + init_key[j] + uint32_t(j);
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key_length) j = 0;
  }
  for (k = N - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - uint32_t(i);
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;
}

void seed_from_os(RandomObject* self) {
  uint32_t key[N];
  bool ok = false;
  if (FILE* f = std::fopen("/dev/urandom", "rb")) {
    ok = std::fread(key, sizeof key, 1, f) == 1;
    std::fclose(f);
  }
  if (!ok) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    key[0] = uint32_t(ts.tv_sec);
    key[1] = uint32_t(ts.tv_nsec);
    key[2] = uint32_t(getpid());
    init_by_array(self, key, 3);
    return;
  }
  init_by_array(self, key, N);
}

// Seed from a non-negative int (GMP export of its 32-bit words, least significant first).
bool seed_from_int(RandomObject* self, Object* n) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_abs(z, z);
  size_t count = 0;
  size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
  std::vector<uint32_t> key(words ? words : 1, 0);
  if (mpz_sgn(z) != 0) mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
  mpz_clear(z);
  init_by_array(self, key.data(), key.size());
  return true;
}

bool do_seed(RandomObject* self, Object* arg) {
  if (!arg || arg == None) {
    seed_from_os(self);
    return true;
  }
  if (int_check(arg)) return seed_from_int(self, arg);
  hash_t h = object_hash(arg);
  if (h == -1 && err_occurred()) return false;
  Ref n = Ref::steal(int_from_u64(uint64_t(h)));  // (size_t)hash, as CPython
  if (!n) return false;
  return seed_from_int(self, n.get());
}

Object* random_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &RandomType) {
    if (!check_no_kwargs("Random", kwnames) || !check_positional("Random", nargs, 0, 1)) {
      return nullptr;
    }
  }
  auto* r = alloc_object<RandomObject>(type);
  if (!r) return nullptr;
  Ref ref = Ref::steal(r);
  if (!do_seed(r, type == &RandomType && nargs == 1 ? args[0] : nullptr)) return nullptr;
  return ref.release();
}

void random_dealloc(Object* self) { object_free(self); }

Object* random_seed(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("seed", kwnames) || !check_positional("seed", nargs, 0, 1)) return nullptr;
  if (!do_seed(as_random(self), nargs ? args[0] : nullptr)) return nullptr;
  return none_ref();
}

Object* random_random(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("random", nargs, kwnames)) return nullptr;
  RandomObject* r = as_random(self);
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Object* random_getrandbits(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("getrandbits", nargs, kwnames)) return nullptr;
  if (!int_check(args[0])) {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
  }
  ssize k = int_as_ssize(args[0]);
  if (k == -1 && err_occurred()) return nullptr;
  if (k < 0) return err_format(&Exc_ValueError, "number of bits must be non-negative");
  RandomObject* r = as_random(self);
  if (k == 0) return int_from_i64(0);
  if (k <= 32) return int_from_u64(genrand_uint32(r) >> (32 - k));
  size_t words = size_t((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  for (size_t i = 0; i < words; ++i, k -= 32) {
    uint32_t v = genrand_uint32(r);
    if (k < 32) v >>= (32 - k);
    w[i] = v;
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w.data());
  Object* res = int_from_mpz(z);
  mpz_clear(z);
  return res;
}

Object* random_getstate(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("getstate", nargs, kwnames)) return nullptr;
  RandomObject* r = as_random(self);
  Ref t = Ref::steal(tuple_new(N + 1));
  if (!t) return nullptr;
  for (int i = 0; i < N; ++i) {
    Object* v = int_from_u64(r->state[i]);
    if (!v) return nullptr;
    tuple_set_steal(t.get(), i, v);
  }
  Object* v = int_from_i64(r->index);
  if (!v) return nullptr;
  tuple_set_steal(t.get(), N, v);
  return t.release();
}

Object* random_setstate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("setstate", nargs, kwnames)) return nullptr;
  Object* st = args[0];
  if (!tuple_check(st)) return err_format(&Exc_TypeError, "state vector must be a tuple");
  if (tuple_size(st) != N + 1) return err_format(&Exc_ValueError, "state vector is the wrong size");
  RandomObject* r = as_random(self);
  uint32_t tmp[N];
  for (int i = 0; i < N; ++i) {
    Object* item = tuple_get_borrowed(st, i);
    if (!int_check(item)) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", item);
    }
    bool ovf = false;
    int64_t v = int_as_i64(item, &ovf);
    if (ovf || v < 0 || v > 0xffffffffLL) {
      return err_format(&Exc_OverflowError, "Python int too large to convert to C unsigned long");
    }
    tmp[i] = uint32_t(v);
  }
  bool ovf = false;
  int64_t index = int_as_i64(tuple_get_borrowed(st, N), &ovf);
  if (ovf || index < 0 || index > N) return err_format(&Exc_ValueError, "invalid state");
  for (int i = 0; i < N; ++i) r->state[i] = tmp[i];
  r->index = int(index);
  return none_ref();
}

const MethodDef kRandomMethods[] = {
    {"random", random_random, METH_DEFAULT, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, METH_DEFAULT, "seed([n]) -> None."},
    {"getstate", random_getstate, METH_DEFAULT, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, METH_DEFAULT, "setstate(state) -> None."},
    {"getrandbits", random_getrandbits, METH_DEFAULT, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* random_module_init() {
  if (!(RandomType.flags & TPFLAG_READY)) {
    RandomType.ob_type = &TypeType;
    make_immortal(&RandomType);
    RandomType.name = "_random.Random";
    RandomType.basicsize = sizeof(RandomObject);
    RandomType.flags = TPFLAG_BASETYPE;
    RandomType.dealloc = random_dealloc;
    RandomType.new_ = random_new;
    RandomType.methods = kRandomMethods;
    RandomType.doc = "Random() -> create a random number generator with its own internal state.";
    if (type_ready(&RandomType) < 0) return nullptr;
  }
  Ref m = Ref::steal(module_new("_random"));
  if (!m || module_add_object(m.get(), "Random", as_object(&RandomType)) < 0) return nullptr;
  return m.release();
}

}  // namespace gilpy
