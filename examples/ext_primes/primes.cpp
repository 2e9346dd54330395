// `primes`: an example gilpy extension (docs/extending.md explains it line by line).
//
// count_primes(lo, hi) counts the primes in [lo, hi) by trial division with the GIL released,
// so several Python threads calling it run in parallel on several cores. The other functions
// show the rest of the API: keyword arguments (primes_between), raising (is_prime, nth_prime and
// the module's own exception PrimeError), catching a Python exception in C++ (safe_call), a new
// type with methods and a property (Sieve), and a native thread calling back into Python
// (call_from_thread).
#include <gilpy/gilpy.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <cstdint>
#include <thread>
#include <vector>

namespace gp = gilpy::api;

namespace {

gp::Handle g_prime_error;  // primes.PrimeError (a ValueError subclass)

bool is_prime_u64(uint64_t n) {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  if (n % 3 == 0) return n == 3;
  for (uint64_t d = 5; d * d <= n; d += 6) {
    if (n % d == 0 || n % (d + 2) == 0) return false;
  }
  return true;
}

uint64_t count_range(int64_t lo, int64_t hi) {
  uint64_t n = 0;
  for (int64_t i = lo < 0 ? 0 : lo; i < hi; i++) n += is_prime_u64(uint64_t(i));
  return n;
}

// count_primes(lo, hi, /) -> int: primes p with lo <= p < hi.
uint64_t count_primes(gp::Args& args) {
  args.expect_positional(2, 2);
  int64_t lo = args.get<int64_t>(0);
  int64_t hi = args.get<int64_t>(1);
  uint64_t result;
  {
    gp::ReleaseGil nogil;  // pure C++ from here: other Python threads run meanwhile
    result = count_range(lo, hi);
  }
  return result;
}

// is_prime(n, /) -> bool; ValueError for negative numbers.
bool is_prime(gp::Args& args) {
  args.expect_positional(1, 1);
  int64_t n = args.get<int64_t>(0);
  if (n < 0) gp::raise(gp::exc::ValueError(), "is_prime() argument must be non-negative");
  return is_prime_u64(uint64_t(n));
}

// nth_prime(n, /) -> int: the n-th prime (1-based); PrimeError for n < 1.
uint64_t nth_prime(gp::Args& args) {
  args.expect_positional(1, 1);
  int64_t n = args.get<int64_t>(0);
  if (n < 1) gp::raise(g_prime_error, "there is no prime number " + std::to_string(n));
  uint64_t found = 0, candidate = 1;
  gp::ReleaseGil nogil;
  while (found < uint64_t(n)) found += is_prime_u64(++candidate);
  return candidate;
}

// primes_between(lo, hi, *, limit=None, reverse=False) -> list of int
std::vector<int64_t> primes_between(gp::Args& args) {
  static const gp::Signature sig("primes_between", {"lo", "hi", "*", "limit", "reverse"}, 2);
  gp::Bound b = args.bind(sig);
  int64_t lo = b.get<int64_t>(0), hi = b.get<int64_t>(1);
  std::optional<int64_t> limit = b.get_or<std::optional<int64_t>>(2, std::nullopt);
  bool reverse = b.get_or<bool>(3, false);
  if (limit && *limit < 0) gp::raise(gp::exc::ValueError(), "limit must be non-negative");
  std::vector<int64_t> out;
  for (int64_t i = std::max<int64_t>(lo, 0); i < hi; i++) {
    if (is_prime_u64(uint64_t(i))) out.push_back(i);
  }
  if (reverse) std::reverse(out.begin(), out.end());
  if (limit && int64_t(out.size()) > *limit) out.resize(size_t(*limit));
  return out;
}

// safe_call(fn, *args) -> (True, result) or (False, "ExcType: message"): catching in C++.
gp::Handle safe_call(gp::Args& args) {
  if (args.size() < 1) gp::raise(gp::exc::TypeError(), "safe_call() needs a callable");
  std::vector<gp::Handle> rest;
  for (gp::ssize i = 1; i < args.size(); i++) rest.emplace_back(args[i]);
  try {
    gp::Handle r = args[0].call(rest);
    return gp::tuple(true, r);
  } catch (gp::Error& e) {
    if (e.matches(gp::exc::KeyboardInterrupt())) throw;  // let that one through
    return gp::tuple(false, std::string(e.what()));
  }
}

// call_from_thread(fn, arg) -> fn(arg), called on a new native (non-Python) thread.
gp::Handle call_from_thread(gp::Args& args) {
  args.expect_positional(2, 2);
  gp::Handle fn = args[0], arg = args[1];
  gp::Handle result;
  std::string error;
  {
    gp::ReleaseGil nogil;  // the native thread needs the GIL
    std::thread t([&] {
      gp::AcquireGil gil;  // a Python thread for this block
      try {
        result = fn(arg);
      } catch (gp::Error& e) {
        error = e.what();
      }
    });
    t.join();
  }
  if (!error.empty()) gp::raise(gp::exc::RuntimeError(), "callback failed: " + error);
  return result;
}

// Sieve(limit): a sieve of Eratosthenes over [0, limit], built with the GIL released.
struct Sieve {
  std::vector<bool> composite;
  int64_t limit = 0;
};

Sieve sieve_new(gp::Args& args) {
  static const gp::Signature sig("Sieve", {"limit"}, 1);
  int64_t limit = args.bind(sig).get<int64_t>(0);
  if (limit < 0) gp::raise(gp::exc::ValueError(), "limit must be non-negative");
  Sieve s;
  s.limit = limit;
  gp::ReleaseGil nogil;
  s.composite.assign(size_t(limit) + 1, false);
  for (int64_t i = 2; i * i <= limit; i++) {
    if (!s.composite[size_t(i)]) {
      for (int64_t j = i * i; j <= limit; j += i) s.composite[size_t(j)] = true;
    }
  }
  return s;
}

bool sieve_is_prime(Sieve& self, gp::Args& args) {
  args.expect_positional(1, 1);
  int64_t n = args.get<int64_t>(0);
  if (n < 0 || n > self.limit) {
    gp::raise(gp::exc::IndexError(), "sieve index out of range");
  }
  return n >= 2 && !self.composite[size_t(n)];
}

int64_t sieve_count(Sieve& self, gp::Args& args) {
  args.expect_positional(0, 0);
  int64_t n = 0;
  for (int64_t i = 2; i <= self.limit; i++) n += !self.composite[size_t(i)];
  return n;
}

int64_t sieve_limit(Sieve& self) { return self.limit; }

}  // namespace

GILPY_MODULE(primes, m) {
  m.doc("Prime numbers in C++: an example gilpy extension.");
  g_prime_error = m.add_exception("PrimeError", gp::exc::ValueError(), "No such prime.");
  m.def<count_primes>("count_primes", "count_primes(lo, hi, /)\n--\n\nCount the primes in [lo, hi).");
  m.def<is_prime>("is_prime", "is_prime(n, /)\n--\n\nIs n prime?");
  m.def<nth_prime>("nth_prime", "nth_prime(n, /)\n--\n\nThe n-th prime number.");
  m.def<primes_between>("primes_between",
                        "primes_between(lo, hi, *, limit=None, reverse=False)\n--\n\n"
                        "The primes in [lo, hi).");
  m.def<safe_call>("safe_call", "safe_call(fn, *args)\n--\n\nCall fn; report an exception.");
  m.def<call_from_thread>("call_from_thread",
                          "call_from_thread(fn, arg, /)\n--\n\nfn(arg) on a native thread.");
  gp::Class<Sieve>(m, "Sieve", "Sieve(limit): the primes up to limit.")
      .init<sieve_new>()
      .def<sieve_is_prime>("is_prime", "is_prime(n): is n prime?")
      .def<sieve_count>("count", "count(): the number of primes up to limit.")
      .property<sieve_limit>("limit", "The upper bound.")
      .finish();
  m.add("__version__", "1.0");
}
