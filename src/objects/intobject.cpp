// int: representation, construction, conversions, hashing, comparison, str/repr, parsing, the
// constructor, methods and the type object. Arithmetic slots live in int_arith.cpp, bool in
// boolobject.cpp.
//
// Design (see intobject.h): a value that fits int64_t is stored inline (`big == nullptr`);
// larger values own a heap-allocated GMP integer. Every constructor normalizes, so "small" is a
// property of the value. Values in [GILPY_SMALL_INT_MIN, GILPY_SMALL_INT_MAX] are the immortal
// objects of `g_small_ints`, constant-initialised (no start-up code, usable before types_init).
// Mixed small/big operations read small values through MpzArg (objects/number_impl.h), a
// read-only mpz view over a stack limb, so GMP is called directly without temporary allocation.
//
// CPython 3.12 semantics reproduced here: the 2**61-1 numeric hash (hash(-1) == -2), exact int /
// float comparison, correctly rounded int -> float, int(str, base) parsing (underscores, base
// prefixes, Unicode digits and whitespace, the 4300-digit limit of PEP 651's successor
// sys.set_int_max_str_digits) and the error messages, to_bytes/from_bytes, __round__.
#include "objects/intobject.h"

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/format_spec.h"
#include "objects/number_impl.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject IntType;
void init_bool_type();  // boolobject.cpp

// ---- small ints ---------------------------------------------------------------------------------
namespace {
constexpr int kNumSmall = GILPY_SMALL_INT_MAX - GILPY_SMALL_INT_MIN + 1;

constexpr std::array<IntObject, kNumSmall> make_small_ints() {
  std::array<IntObject, kNumSmall> a{};
  for (int i = 0; i < kNumSmall; ++i) {
    a[i].refcnt = kImmortalRefcnt;
    a[i].ob_type = &IntType;
    a[i].value = GILPY_SMALL_INT_MIN + i;
    a[i].big = nullptr;
  }
  return a;
}
constinit std::array<IntObject, kNumSmall> g_small_ints = make_small_ints();

int g_max_str_digits = 4300;  // sys.set_int_max_str_digits (0: unlimited)

inline bool is_small_value(int64_t v) {
  return v >= GILPY_SMALL_INT_MIN && v <= GILPY_SMALL_INT_MAX;
}
inline Object* small_int(int64_t v) {
  return &g_small_ints[size_t(v - GILPY_SMALL_INT_MIN)];  // immortal: no incref needed
}

// Free list of exact int objects (inline or big: the mpz is freed first), as for floats; protected
// by the GIL, disabled under sanitizers.
#if defined(GILPY_SANITIZER)
constexpr int kIntFreeMax = 0;
#else
constexpr int kIntFreeMax = 100;
#endif
IntObject* g_int_free[kIntFreeMax > 0 ? kIntFreeMax : 1];
int g_int_nfree = 0;

IntObject* alloc_int() {
  if (g_int_nfree > 0) {
    IntObject* o = g_int_free[--g_int_nfree];
    o->refcnt = 1;
    o->ob_type = &IntType;
    o->big = nullptr;
#if GILPY_DEBUG_REFS
    ++g_live_objects;
#endif
    return o;
  }
  return alloc_object<IntObject>(&IntType);
}

void int_dealloc(Object* o) {
  auto* io = static_cast<IntObject*>(o);
  if (io->big) {
    mpz_clear(io->big);
    std::free(io->big);
    io->big = nullptr;
  }
  if (type_of(o) == &IntType && g_int_nfree < kIntFreeMax) {
    g_int_free[g_int_nfree++] = io;
#if GILPY_DEBUG_REFS
    --g_live_objects;
#endif
    return;
  }
  object_free(o);
}
}  // namespace

int int_max_str_digits() {
  return g_max_str_digits;
}
void int_set_max_str_digits(int n) {
  g_max_str_digits = n;
}

// ---- construction -------------------------------------------------------------------------------
Object* int_from_i64(int64_t v) {
  if (is_small_value(v)) return small_int(v);
  IntObject* o = alloc_int();
  if (!o) return nullptr;
  o->value = v;
  o->big = nullptr;
  return o;
}

Object* int_from_u64(uint64_t v) {
  if (v <= uint64_t(INT64_MAX)) return int_from_i64(int64_t(v));
  mpz_t z;
  mpz_init_set_ui(z, v);
  return int_from_mpz_steal(z);
}

Object* int_from_mpz_steal(mpz_ptr z) {
  if (mpz_fits_slong_p(z)) {
    int64_t v = mpz_get_si(z);
    mpz_clear(z);
    return int_from_i64(v);
  }
  IntObject* o = alloc_int();
  if (!o) {
    mpz_clear(z);
    return nullptr;
  }
  auto* big = static_cast<__mpz_struct*>(std::malloc(sizeof(__mpz_struct)));
  if (!big) {
    mpz_clear(z);
    decref(o);
    return err_no_memory();
  }
  *big = *z;  // take over the limbs
  o->big = big;
  o->value = 0;
  return o;
}

Object* int_from_mpz(const mpz_t v) {
  if (mpz_fits_slong_p(v)) return int_from_i64(mpz_get_si(v));
  mpz_t z;
  mpz_init_set(z, v);
  return int_from_mpz_steal(z);
}

Object* int_subtype_copy(TypeObject* type, Object* v) {
  auto* o = static_cast<IntObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!o) return nullptr;
  auto* src = static_cast<IntObject*>(v);
  if (src->big) {
    auto* big = static_cast<__mpz_struct*>(std::malloc(sizeof(__mpz_struct)));
    if (!big) {
      decref(o);
      return err_no_memory();
    }
    mpz_init_set(big, src->big);
    o->big = big;
  } else {
    o->value = src->value;
  }
  return o;
}

Object* int_exact_copy(Object* o) {
  if (int_check_exact(o)) return newref(o);
  auto* io = static_cast<IntObject*>(o);
  if (!io->big) return int_from_i64(io->value);
  return int_from_mpz(io->big);
}

Object* int_from_finite_double(double d) {
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
    return int_from_i64(int64_t(d));
  }
  mpz_t z;
  mpz_init_set_d(z, d);  // truncates; exact for |d| >= 2**63 (d is integral there)
  return int_from_mpz_steal(z);
}

Object* int_from_double(double d) {
  if (std::isinf(d)) {
    return err_format(&Exc_OverflowError, "cannot convert float infinity to integer");
  }
  if (std::isnan(d)) return err_format(&Exc_ValueError, "cannot convert float NaN to integer");
  return int_from_finite_double(d);
}

// ---- conversions --------------------------------------------------------------------------------
int64_t int_as_i64(Object* o, bool* overflow) {
  auto* io = static_cast<IntObject*>(o);
  if (!io->big) {
    *overflow = false;
    return io->value;
  }
  *overflow = true;  // normalized: a big value never fits
  return mpz_sgn(io->big) < 0 ? INT64_MIN : INT64_MAX;
}

ssize int_as_ssize(Object* o) {
  if (!int_check(o)) {
    Ref idx = Ref::steal(number_index(o));
    if (!idx) return -1;
    return int_as_ssize(idx.get());
  }
  auto* io = static_cast<IntObject*>(o);
  if (!io->big) return ssize(io->value);
  err_format(&Exc_OverflowError, "Python int too large to convert to C ssize_t");
  return -1;
}

bool mpz_to_double_checked(mpz_srcptr z, double* out) {
  int sign = mpz_sgn(z);
  if (sign == 0) {
    *out = 0.0;
    return true;
  }
  size_t nbits = mpz_sizeinbase(z, 2);
  if (nbits <= 63) {
    *out = double(mpz_get_si(z));  // hardware rounding is round-half-even
    return true;
  }
  if (nbits > 1024) return false;
  // Keep the top 55 bits plus a sticky bit for everything below, then round to 53 bits.
  size_t shift = nbits - 55;
  mpz_t t;
  mpz_init(t);
  mpz_tdiv_q_2exp(t, z, shift);
  uint64_t m = mpz_getlimbn(t, 0);  // |top 55 bits|
  mpz_clear(t);
  bool sticky =
      mpz_scan1(z, 0) < shift;  // scan1 on negative z: two's complement, same lowest set bit
  m |= sticky ? 1 : 0;
  uint64_t low = m & 3;
  m >>= 2;
  if (low > 2 || (low == 2 && (m & 1))) ++m;
  double r = std::ldexp(double(m), int(shift + 2));
  if (std::isinf(r)) return false;
  *out = sign < 0 ? -r : r;
  return true;
}

double int_as_double(Object* o) {
  if (!int_check(o)) {
    double d = float_as_double(o);
    return d;
  }
  auto* io = static_cast<IntObject*>(o);
  if (!io->big) return double(io->value);
  double r;
  if (!mpz_to_double_checked(io->big, &r)) {
    err_format(&Exc_OverflowError, "int too large to convert to float");
    return -1.0;
  }
  return r;
}

void int_to_mpz(Object* o, mpz_t out) {
  auto* io = static_cast<IntObject*>(o);
  if (io->big) {
    mpz_set(out, io->big);
  } else {
    mpz_set_si(out, io->value);
  }
}

int int_sign(Object* o) {
  auto* io = static_cast<IntObject*>(o);
  if (io->big) return mpz_sgn(io->big);
  return io->value < 0 ? -1 : (io->value > 0 ? 1 : 0);
}

// ---- hashing ------------------------------------------------------------------------------------
namespace {
constexpr uint64_t kHashModulus = (uint64_t(1) << 61) - 1;
}

hash_t int_hash_value(Object* o) {
  auto* io = static_cast<IntObject*>(o);
  hash_t h;
  if (!io->big) {
    int64_t v = io->value;
    uint64_t a = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    a %= kHashModulus;
    h = v < 0 ? -hash_t(a) : hash_t(a);
  } else {
    uint64_t a = mpz_tdiv_ui(io->big, kHashModulus);  // |x| mod P
    h = mpz_sgn(io->big) < 0 ? -hash_t(a) : hash_t(a);
  }
  return h == -1 ? -2 : h;
}

// ---- str / repr ---------------------------------------------------------------------------------
std::string int_to_decimal(Object* o) {
  auto* io = static_cast<IntObject*>(o);
  if (!io->big) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, io->value);
    return std::string(buf, r.ptr);
  }
  std::string s(mpz_sizeinbase(io->big, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, io->big);
  s.resize(std::strlen(s.c_str()));
  return s;
}

static Object* digits_limit_error() {
  return err_format(&Exc_ValueError,
                    "Exceeds the limit (%d digits) for integer string conversion; use "
                    "sys.set_int_max_str_digits() to increase the limit",
                    g_max_str_digits);
}

Object* int_repr_object(Object* o) {
  auto* io = static_cast<IntObject*>(o);
  if (!io->big) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, io->value);
    return str_from_utf8(buf, r.ptr - buf);
  }
  if (g_max_str_digits > 0) {
    // sizeinbase is exact or one too big: a cheap early rejection before the conversion.
    if (mpz_sizeinbase(io->big, 10) > size_t(g_max_str_digits) + 1) return digits_limit_error();
  }
  std::string s = int_to_decimal(o);
  size_t ndigits = s.size() - (s[0] == '-' ? 1 : 0);
  if (g_max_str_digits > 0 && ndigits > size_t(g_max_str_digits)) return digits_limit_error();
  return str_from_utf8(s);
}

Object* int_repr(Object* o) {
  return int_repr_object(o);
}

Object* int_to_base_string(Object* o, int base) {
  const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
  std::string out;
  auto* io = static_cast<IntObject*>(o);
  if (base == 10) {
    return int_repr_object(o);
  }
  if (!io->big) {
    int64_t v = io->value;
    uint64_t a = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, a, base);
    if (v < 0) out.push_back('-');
    out += prefix;
    out.append(buf, r.ptr);
  } else {
    std::string digits(mpz_sizeinbase(io->big, base) + 2, '\0');
    mpz_get_str(digits.data(), base, io->big);
    digits.resize(std::strlen(digits.c_str()));
    if (digits[0] == '-') {
      out = "-";
      out += prefix;
      out.append(digits, 1);
    } else {
      out = prefix;
      out += digits;
    }
  }
  return str_from_utf8(out);
}

// ---- parsing ------------------------------------------------------------------------------------
namespace {
inline bool ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
inline int digit_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

enum ParseStatus { PARSE_OK, PARSE_INVALID, PARSE_ERROR };

// PyLong_FromString on a length-delimited ASCII buffer. On PARSE_INVALID, *msg_base is the base
// to report (0 for base-0 parses).
Object* parse_int_ascii(const char* s, ssize n, int base, ParseStatus* status) {
  const char* p = s;
  const char* end = s + n;
  *status = PARSE_INVALID;
  while (p < end && ascii_space(*p)) ++p;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) {
    neg = *p == '-';
    ++p;
  }
  bool error_if_nonzero = false;
  auto at = [&](const char* q) -> char { return q < end ? *q : '\0'; };
  if (base == 0) {
    char c1 = at(p + 1);
    if (at(p) != '0') {
      base = 10;
    } else if (c1 == 'x' || c1 == 'X') {
      base = 16;
    } else if (c1 == 'o' || c1 == 'O') {
      base = 8;
    } else if (c1 == 'b' || c1 == 'B') {
      base = 2;
    } else {
      error_if_nonzero = true;
      base = 10;
    }
  }
  if (at(p) == '0') {
    char c1 = at(p + 1);
    if ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
        (base == 2 && (c1 == 'b' || c1 == 'B'))) {
      p += 2;
      if (at(p) == '_') ++p;  // one underscore allowed after the prefix
    }
  }
  if (at(p) == '_') return nullptr;
  const char* start = p;
  ssize ndigits = 0;
  bool prev_us = false;
  bool acc_overflow = false;
  uint64_t acc = 0;
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '_') {
      if (prev_us) return nullptr;
      prev_us = true;
      ++p;
      continue;
    }
    int d = digit_value(c);
    if (d >= base) break;
    prev_us = false;
    ++ndigits;
    if (!acc_overflow) {
      if (__builtin_mul_overflow(acc, uint64_t(base), &acc) ||
          __builtin_add_overflow(acc, uint64_t(d), &acc)) {
        acc_overflow = true;
      }
    }
    ++p;
  }
  if (prev_us || ndigits == 0) return nullptr;
  const char* digits_end = p;
  while (p < end && ascii_space(*p)) ++p;
  if (p != end) return nullptr;
  if (error_if_nonzero && (acc_overflow || acc != 0)) return nullptr;
  if (!acc_overflow) {
    *status = PARSE_OK;
    if (!neg) return int_from_u64(acc);
    if (acc <= uint64_t(INT64_MAX) + 1) return int_from_i64(int64_t(0 - acc));
    mpz_t z;
    mpz_init_set_ui(z, acc);
    mpz_neg(z, z);
    return int_from_mpz_steal(z);
  }
  if ((base & (base - 1)) != 0 && g_max_str_digits > 0 && ndigits > g_max_str_digits) {
    *status = PARSE_ERROR;
    return err_format(&Exc_ValueError,
                      "Exceeds the limit (%d digits) for integer string conversion: value has "
                      "%zd digits; use sys.set_int_max_str_digits() to increase the limit",
                      g_max_str_digits, ndigits);
  }
  std::string buf;
  buf.reserve(size_t(ndigits) + 1);
  for (const char* q = start; q < digits_end; ++q) {
    if (*q != '_') buf.push_back(*q);
  }
  mpz_t z;
  mpz_init(z);
  mpz_set_str(z, buf.c_str(), base);
  if (neg) mpz_neg(z, z);
  *status = PARSE_OK;
  return int_from_mpz_steal(z);
}

Object* invalid_literal(int base, Object* text_obj_repr_source) {
  Ref r = Ref::steal(object_repr(text_obj_repr_source));
  if (!r) return nullptr;
  if (str_check(r.get()) && str_length(r.get()) > 200) {
    r = Ref::steal(str_substring(r.get(), 0, 200));
    if (!r) return nullptr;
  }
  return err_format(&Exc_ValueError, "invalid literal for int() with base %d: %U", base, r.get());
}
}  // namespace

Object* int_from_string(const char* s, ssize len, int base) {
  ParseStatus st;
  Object* r = parse_int_ascii(s, len, base, &st);
  if (st != PARSE_INVALID) return r;
  Ref text = Ref::steal(str_decode_utf8(s, len < 200 ? len : 200, "replace"));
  if (!text) return nullptr;
  return invalid_literal(base, text.get());
}

Object* int_from_str_or_bytes(Object* x, int base) {
  if (str_check(x)) {
    // CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode decimal digits become ASCII
    // digits, Unicode whitespace becomes ' ', other non-ASCII characters become '?' (invalid).
    ssize n = str_length(x);
    std::string buf;
    buf.resize(size_t(n));
    for (ssize i = 0; i < n; ++i) {
      uint32_t cp = str_read(x, i);
      char c;
      if (cp < 128) {
        c = char(cp);
      } else if (unicode_isspace(cp)) {
        c = ' ';
      } else {
        int d = unicode_decimal_value(cp);
        c = d >= 0 ? char('0' + d) : '?';
      }
      buf[size_t(i)] = c;
    }
    ParseStatus st;
    Object* r = parse_int_ascii(buf.data(), ssize(buf.size()), base, &st);
    if (st != PARSE_INVALID) return r;
    return invalid_literal(base, x);
  }
  ByteView view;
  if (!get_byte_view(x, &view)) return nullptr;
  ParseStatus st;
  Object* r = parse_int_ascii(view.data, view.size, base, &st);
  if (st != PARSE_INVALID) return r;
  Ref shown = Ref::steal(bytes_from(view.data, view.size < 200 ? view.size : 200));
  if (!shown) return nullptr;
  return invalid_literal(base, shown.get());
}

// ---- comparison ---------------------------------------------------------------------------------
int int_compare(Object* a, Object* b) {
  auto* x = static_cast<IntObject*>(a);
  auto* y = static_cast<IntObject*>(b);
  if (!x->big && !y->big) return (x->value > y->value) - (x->value < y->value);
  MpzArg za(a), zb(b);
  int c = mpz_cmp(za, zb);
  return (c > 0) - (c < 0);
}

int int_compare_double(Object* i, double d) {
  if (std::isnan(d)) return 2;
  auto* io = static_cast<IntObject*>(i);
  if (io->big) {
    int c = mpz_cmp_d(io->big, d);  // exact, handles infinities
    return (c > 0) - (c < 0);
  }
  int64_t v = io->value;
  if (v >= -(int64_t(1) << 53) && v <= (int64_t(1) << 53)) {
    double dv = double(v);
    return (dv > d) - (dv < d);
  }
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  int64_t t = int64_t(d);  // truncation, exact for |d| < 2**63
  if (v != t) return (v > t) - (v < t);
  double frac = d - double(t);  // exact
  return (0.0 > frac) - (0.0 < frac);
}

static Object* int_richcompare(Object* a, Object* b, int op) {
  if (!int_check(a) || !int_check(b)) return not_implemented_ref();
  int c = int_compare(a, b);
  bool r = false;
  switch (op) {
    case CMP_LT:
      r = c < 0;
      break;
    case CMP_LE:
      r = c <= 0;
      break;
    case CMP_EQ:
      r = c == 0;
      break;
    case CMP_NE:
      r = c != 0;
      break;
    case CMP_GT:
      r = c > 0;
      break;
    case CMP_GE:
      r = c >= 0;
      break;
  }
  return bool_from(r);
}

static hash_t int_hash(Object* o) {
  return int_hash_value(o);
}

// ---- int(x), int(x, base) -----------------------------------------------------------------------
Object* int_from_object(Object* x) {
  if (int_check_exact(x)) return newref(x);
  TypeObject* t = type_of(x);
  if (t->nb_int) {
    Ref r = Ref::steal(t->nb_int(x));
    if (!r) return nullptr;
    if (int_check_exact(r.get())) return r.release();
    if (!int_check(r.get())) {
      return err_format(&Exc_TypeError, "__int__ returned non-int (type %s)",
                        type_name(type_of(r.get())));
    }
    return int_exact_copy(r.get());
  }
  if (t->nb_index) {
    Ref r = Ref::steal(number_index(x));
    if (!r) return nullptr;
    return int_exact_copy(r.get());
  }
  Object* trunc = type_lookup_borrowed(t, str_intern_cstr_borrowed("__trunc__"));
  if (trunc) {
    Ref r = Ref::steal(call1(trunc, x));
    if (!r) return nullptr;
    if (int_check(r.get())) return int_exact_copy(r.get());
    if (!index_check(r.get())) {
      return err_format(&Exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                        type_name(type_of(r.get())));
    }
    Ref i = Ref::steal(number_index(r.get()));
    if (!i) return nullptr;
    return int_exact_copy(i.get());
  }
  if (str_check(x)) return int_from_str_or_bytes(x, 10);
  if (bytes_check(x) || bytearray_check(x)) return int_from_str_or_bytes(x, 10);
  return err_format(&Exc_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, "
                    "not '%s'",
                    type_name(type_of(x)));
}

static Object* int_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"", "base", nullptr};
  static const ArgSpec spec{"int", kwlist, 0, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* x = a[0];
  Object* obase = a[1];
  Ref result;
  if (!x) {
    if (obase) return err_format(&Exc_TypeError, "int() missing string argument");
    result = Ref::steal(int_from_i64(0));
  } else if (!obase) {
    result = Ref::steal(int_from_object(x));
  } else {
    ssize base = number_as_ssize(obase, nullptr);
    if (base == -1 && err_occurred()) return nullptr;
    if ((base != 0 && base < 2) || base > 36) {
      return err_format(&Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    if (str_check(x) || bytes_check(x) || bytearray_check(x)) {
      result = Ref::steal(int_from_str_or_bytes(x, int(base)));
    } else {
      return err_format(&Exc_TypeError, "int() can't convert non-string with explicit base");
    }
  }
  if (!result) return nullptr;
  if (type == &IntType) return result.release();
  return int_subtype_copy(type, result.get());
}

static Object* int_vectorcall(Object* callable, Object* const* args, ssize nargs, Object* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  if (type == &IntType && nargs == 1 && !kwnames) return int_from_object(args[0]);
  return int_new(type, args, nargs, kwnames);
}

// ---- methods ------------------------------------------------------------------------------------
static Object* int_bit_length(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("int.bit_length", kwnames)) return nullptr;
  auto* io = static_cast<IntObject*>(self);
  if (!io->big) {
    int64_t v = io->value;
    uint64_t a = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    return int_from_i64(64 - (a ? __builtin_clzll(a) : 64));
  }
  return int_from_u64(mpz_sizeinbase(io->big, 2));
}

static Object* int_bit_count(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("int.bit_count", kwnames)) return nullptr;
  auto* io = static_cast<IntObject*>(self);
  if (!io->big) {
    int64_t v = io->value;
    uint64_t a = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
    return int_from_i64(std::popcount(a));
  }
  mpz_t a;
  mpz_init(a);
  mpz_abs(a, io->big);
  uint64_t c = mpz_popcount(a);
  mpz_clear(a);
  return int_from_u64(c);
}

static bool parse_byteorder(Object* o, bool* little) {
  if (!o) {
    *little = false;
    return true;
  }
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
               type_name(type_of(o)));
    return false;
  }
  if (str_equal_cstr(o, "little")) {
    *little = true;
  } else if (str_equal_cstr(o, "big")) {
    *little = false;
  } else {
    err_format(&Exc_ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

static Object* int_to_bytes(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"length", "byteorder", "signed", nullptr};
  static const ArgSpec spec{"to_bytes", kwlist, 0, 2};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize length = 1;
  if (a[0]) {
    length = number_as_ssize(a[0], &Exc_OverflowError);
    if (length == -1 && err_occurred()) return nullptr;
    if (length < 0) return err_format(&Exc_ValueError, "length argument must be non-negative");
  }
  bool little;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  bool is_signed;
  if (!bool_arg(a[2], false, &is_signed)) return nullptr;
  MpzArg z(self);
  int sign = mpz_sgn(z.get());
  if (sign < 0 && !is_signed) {
    return err_format(&Exc_OverflowError, "can't convert negative int to unsigned");
  }
  mpz_t v;
  mpz_init_set(v, z.get());
  size_t nbits = 8 * size_t(length);
  bool fits;
  if (!is_signed) {
    fits = mpz_sizeinbase(v, 2) <= nbits || sign == 0;
  } else if (sign >= 0) {
    fits = sign == 0 || (nbits > 0 && mpz_sizeinbase(v, 2) <= nbits - 1);
  } else {
    // v >= -2**(nbits-1)  <=>  (-v - 1) < 2**(nbits-1)
    mpz_t t;
    mpz_init(t);
    mpz_neg(t, v);
    mpz_sub_ui(t, t, 1);
    // CPython (_PyLong_AsByteArray) accepts -1 in zero bytes: it is all sign extension.
    fits = mpz_sgn(t) == 0 || (nbits > 0 && mpz_sizeinbase(t, 2) <= nbits - 1);
    mpz_clear(t);
    if (fits && nbits > 0) {
      mpz_t m;
      mpz_init(m);
      mpz_ui_pow_ui(m, 2, nbits);
      mpz_add(v, v, m);  // two's complement
      mpz_clear(m);
    }
  }
  if (!fits) {
    mpz_clear(v);
    return err_format(&Exc_OverflowError, "int too big to convert");
  }
  Object* res = bytes_new_uninit(length);
  if (!res) {
    mpz_clear(v);
    return nullptr;
  }
  char* data = bytes_data(res);
  std::memset(data, 0, size_t(length));
  if (length > 0 && mpz_sgn(v) != 0) {
    size_t count = 0;
    size_t need = (mpz_sizeinbase(v, 2) + 7) / 8;
    // Export into the low-order end of the buffer.
    if (little) {
      mpz_export(data, &count, -1, 1, 0, 0, v);
    } else {
      mpz_export(data + (size_t(length) - need), &count, 1, 1, 0, 0, v);
    }
  }
  mpz_clear(v);
  return res;
}

static Object* int_from_bytes(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"bytes", "byteorder", "signed", nullptr};
  static const ArgSpec spec{"from_bytes", kwlist, 1, 2};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool little;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  bool is_signed;
  if (!bool_arg(a[2], false, &is_signed)) return nullptr;
  Ref bytes;
  Object* src = a[0];
  if (!bytes_check(src) && !bytearray_check(src)) {
    if (str_check(src)) {
      return err_format(&Exc_TypeError, "cannot convert '%s' object to bytes",
                        type_name(type_of(src)));
    }
    bytes = Ref::steal(call1(as_object(&BytesType), src));
    if (!bytes) return nullptr;
    src = bytes.get();
  }
  ByteView view;
  if (!get_byte_view(src, &view)) return nullptr;
  mpz_t z;
  mpz_init(z);
  if (view.size > 0) {
    mpz_import(z, size_t(view.size), little ? -1 : 1, 1, 0, 0, view.data);
    unsigned char top =
        static_cast<unsigned char>(little ? view.data[view.size - 1] : view.data[0]);
    if (is_signed && (top & 0x80)) {
      mpz_t m;
      mpz_init(m);
      mpz_ui_pow_ui(m, 2, 8 * size_t(view.size));
      mpz_sub(z, z, m);
      mpz_clear(m);
    }
  }
  Ref r = Ref::steal(int_from_mpz_steal(z));
  if (!r) return nullptr;
  if (static_cast<TypeObject*>(cls) == &IntType) return r.release();
  return call1(cls, r.get());
}

static Object* int_as_integer_ratio(Object* self, Object* const*, ssize nargs, Object* kw) {
  Ref n = Ref::steal(int_exact_copy(self));
  if (!n) return nullptr;
  return tuple_pack(2, n.get(), small_int(1));
}

static Object* int_self_copy_meth(Object* self, Object* const*, ssize, Object*) {
  return int_exact_copy(self);
}

static Object* int_is_integer(Object* self, Object* const*, ssize, Object*) {
  return bool_from(true);
}

static Object* int_round(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"", nullptr};
  static const ArgSpec spec{"__round__", kwlist, 0, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!a[0]) return int_exact_copy(self);
  Ref nd = Ref::steal(number_index(a[0]));
  if (!nd) return nullptr;
  if (int_sign(nd.get()) >= 0) return int_exact_copy(self);
  // Round half to even to a multiple of 10**-ndigits.
  MpzArg x(self);
  size_t xdigits = mpz_sizeinbase(x.get(), 10);
  bool overflow;
  int64_t n = int_as_i64(nd.get(), &overflow);
  if (overflow || uint64_t(-(n + 1)) + 1 > xdigits + 1) return int_from_i64(0);
  mpz_t q, r, half;
  mpz_inits(q, r, half, nullptr);
  mpz_ui_pow_ui(q, 10, uint64_t(-n));
  mpz_fdiv_r(r, x.get(), q);  // 0 <= r < q
  mpz_mul_2exp(half, r, 1);
  int c = mpz_cmp(half, q);
  mpz_t res;
  mpz_init(res);
  mpz_sub(res, x.get(), r);  // floor multiple
  bool up = c > 0;
  if (c == 0) {
    mpz_t quo;
    mpz_init(quo);
    mpz_fdiv_q(quo, res, q);
    up = mpz_odd_p(quo);
    mpz_clear(quo);
  }
  if (up) mpz_add(res, res, q);
  mpz_clears(q, r, half, nullptr);
  return int_from_mpz_steal(res);
}

static Object* int_format_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("__format__", kwnames)) return nullptr;
  if (nargs != 1) {
    return err_format(&Exc_TypeError, "__format__() takes exactly one argument (%zd given)", nargs);
  }
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "__format__() argument must be str, not %s",
                      type_name(type_of(args[0])));
  }
  return format_int(self, args[0]);
}

static Object* int_getnewargs(Object* self, Object* const*, ssize, Object*) {
  Ref v = Ref::steal(int_exact_copy(self));
  if (!v) return nullptr;
  return tuple_pack(1, v.get());
}

static Object* int_sizeof(Object* self, Object* const*, ssize, Object*) {
  auto* io = static_cast<IntObject*>(self);
  size_t n = size_t(type_of(self)->basicsize);
  if (io->big) n += sizeof(__mpz_struct) + size_t(io->big->_mp_alloc) * sizeof(mp_limb_t);
  return int_from_u64(n);
}

static Object* int_get_self(Object* self) {
  return int_exact_copy(self);
}
static Object* int_get_zero(Object*) {
  return small_int(0);
}
static Object* int_get_one(Object*) {
  return small_int(1);
}

static const MethodDef int_methods[] = {
    {"bit_length", int_bit_length, METH_DEFAULT,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, METH_DEFAULT,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", int_to_bytes, METH_DEFAULT, "Return an array of bytes representing an integer."},
    {"from_bytes", int_from_bytes, METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", int_as_integer_ratio, METH_DEFAULT, "Return integer ratio."},
    {"conjugate", int_self_copy_meth, METH_DEFAULT,
     "Returns self, the complex conjugate of any int."},
    {"is_integer", int_is_integer, METH_DEFAULT,
     "Returns True. Exists for duck type compatibility with float.is_integer."},
    {"__trunc__", int_self_copy_meth, METH_DEFAULT, "Truncating an Integral returns itself."},
    {"__floor__", int_self_copy_meth, METH_DEFAULT, "Flooring an Integral returns itself."},
    {"__ceil__", int_self_copy_meth, METH_DEFAULT, "Ceiling of an Integral returns itself."},
    {"__round__", int_round, METH_DEFAULT, "Rounding an Integral returns itself."},
    {"__format__", int_format_meth, METH_DEFAULT, "Convert to a string according to format_spec."},
    {"__getnewargs__", int_getnewargs, METH_DEFAULT, nullptr},
    {"__sizeof__", int_sizeof, METH_DEFAULT, "Returns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef int_getset[] = {
    {"real", int_get_self, nullptr, "the real part of a complex number"},
    {"imag", int_get_zero, nullptr, "the imaginary part of a complex number"},
    {"numerator", int_get_self, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", int_get_one, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- the type -----------------------------------------------------------------------------------
void init_int_types() {
  TypeObject& t = IntType;
  t.name = "int";
  t.basicsize = sizeof(IntObject);
  t.flags = TPFLAG_BASETYPE | TPFLAG_IMMUTABLETYPE | TPFLAG_LONG_SUBCLASS;
  t.doc =
      "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an "
      "integer, or return 0 if no arguments\nare given.";
  t.base = &ObjectType;
  t.dealloc = int_dealloc;
  t.repr = int_repr;
  t.hash = int_hash;
  t.richcompare = int_richcompare;
  t.new_ = int_new;
  t.vectorcall = int_vectorcall;
  t.methods = int_methods;
  t.getset = int_getset;
  install_int_number_slots(&t);
  register_static_type(&IntType);
  init_bool_type();
}

}  // namespace gilpy
