// int arithmetic: the number slots of int (and, by inheritance, bool).
//
// Every operation first tries the int64 fast path (both operands inline, `__builtin_*_overflow`
// for the result); small results come from the immortal cache without allocating. Otherwise the
// operands are read through MpzArg (no allocation for inline values) and GMP computes into a
// fresh mpz_t that int_from_mpz_steal normalizes back to inline form when it fits.
//
// CPython 3.12 semantics: floor division and modulo round toward negative infinity (mpz_fdiv_*),
// true division is correctly rounded for any size (CPython's long_true_divide algorithm),
// negative exponents give floats, three-argument pow computes modular inverses for negative
// exponents and takes the modulus' sign, shifts raise "negative shift count", huge left shifts
// raise OverflowError/MemoryError rather than aborting inside GMP. Messages match CPython's.
#include <cfloat>
#include <cmath>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/number_impl.h"
#include "objects/singletons.h"

namespace gilpy {

namespace {
inline IntObject* I(Object* o) {
  return static_cast<IntObject*>(o);
}
inline bool both_small(Object* a, Object* b) {
  return !I(a)->big && !I(b)->big;
}

// Refuse results whose size would make GMP abort (or take absurd memory): CPython raises
// MemoryError for these.
constexpr uint64_t kMaxResultBits = uint64_t(1) << 37;

Object* new_mpz_result(void (*fn)(mpz_ptr, mpz_srcptr, mpz_srcptr), Object* a, Object* b) {
  MpzArg za(a), zb(b);
  mpz_t r;
  mpz_init(r);
  fn(r, za, zb);
  return int_from_mpz_steal(r);
}

bool is_zero(Object* o) {
  return !I(o)->big && I(o)->value == 0;
}
}  // namespace

#define CHECK_BINOP(a, b) \
  if (!int_check(a) || !int_check(b)) return not_implemented_ref()

// ---- + - *
// ---------------------------------------------------------------------------------------
Object* int_add(Object* a, Object* b) {
  if (GILPY_LIKELY(both_small(a, b))) {
    int64_t r;
    if (!__builtin_add_overflow(I(a)->value, I(b)->value, &r)) return int_from_i64(r);
  }
  return new_mpz_result(mpz_add, a, b);
}

Object* int_sub(Object* a, Object* b) {
  if (GILPY_LIKELY(both_small(a, b))) {
    int64_t r;
    if (!__builtin_sub_overflow(I(a)->value, I(b)->value, &r)) return int_from_i64(r);
  }
  return new_mpz_result(mpz_sub, a, b);
}

Object* int_mul(Object* a, Object* b) {
  if (GILPY_LIKELY(both_small(a, b))) {
    int64_t r;
    if (!__builtin_mul_overflow(I(a)->value, I(b)->value, &r)) return int_from_i64(r);
  }
  return new_mpz_result(mpz_mul, a, b);
}

// ---- // % divmod
// ---------------------------------------------------------------------------------
Object* int_floordiv(Object* a, Object* b) {
  if (is_zero(b)) {
    return err_format(&Exc_ZeroDivisionError, "integer division or modulo by zero");
  }
  if (both_small(a, b)) {
    int64_t x = I(a)->value, y = I(b)->value;
    if (!(x == INT64_MIN && y == -1)) {
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
      return int_from_i64(q);
    }
  }
  return new_mpz_result(mpz_fdiv_q, a, b);
}

Object* int_mod(Object* a, Object* b) {
  if (is_zero(b)) return err_format(&Exc_ZeroDivisionError, "integer modulo by zero");
  if (both_small(a, b)) {
    int64_t x = I(a)->value, y = I(b)->value;
    if (y == -1) return int_from_i64(0);
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return int_from_i64(r);
  }
  return new_mpz_result(mpz_fdiv_r, a, b);
}

static Object* int_divmod(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (is_zero(b)) {
    return err_format(&Exc_ZeroDivisionError, "integer division or modulo by zero");
  }
  Ref q, r;
  if (both_small(a, b) && !(I(a)->value == INT64_MIN && I(b)->value == -1)) {
    int64_t x = I(a)->value, y = I(b)->value;
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
      rr += y;
      --qq;
    }
    q = Ref::steal(int_from_i64(qq));
    r = Ref::steal(int_from_i64(rr));
  } else {
    MpzArg za(a), zb(b);
    mpz_t mq, mr;
    mpz_init(mq);
    mpz_init(mr);
    mpz_fdiv_qr(mq, mr, za, zb);
    q = Ref::steal(int_from_mpz_steal(mq));
    r = Ref::steal(int_from_mpz_steal(mr));
  }
  if (!q || !r) return nullptr;
  return tuple_pack(2, q.get(), r.get());
}

// ---- true division ------------------------------------------------------------------------------
Object* int_true_divide_values(Object* a, Object* b) {
  if (is_zero(b)) return err_format(&Exc_ZeroDivisionError, "division by zero");
  constexpr int64_t kExact = int64_t(1) << DBL_MANT_DIG;
  if (both_small(a, b)) {
    int64_t x = I(a)->value, y = I(b)->value;
    if (x >= -kExact && x <= kExact && y >= -kExact && y <= kExact) {
      return float_from_double(double(x) / double(y));
    }
  }
  // CPython's long_true_divide: compute a 55/56-bit quotient plus a sticky bit, round by hand.
  MpzArg za(a), zb(b);
  bool negate = (mpz_sgn(za.get()) < 0) != (mpz_sgn(zb.get()) < 0);
  if (mpz_sgn(za.get()) == 0) return float_from_double(negate ? -0.0 : 0.0);
  mpz_t x, babs;
  mpz_init(x);
  mpz_init(babs);
  mpz_abs(x, za.get());
  mpz_abs(babs, zb.get());
  int64_t a_bits = int64_t(mpz_sizeinbase(x, 2));
  int64_t b_bits = int64_t(mpz_sizeinbase(babs, 2));
  int64_t diff = a_bits - b_bits;
  double result;
  if (diff > DBL_MAX_EXP) {
    mpz_clear(x);
    mpz_clear(babs);
    return err_format(&Exc_OverflowError, "integer division result too large for a float");
  }
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
    mpz_clear(x);
    mpz_clear(babs);
    return float_from_double(negate ? -0.0 : 0.0);
  }
  int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  if (shift <= 0) {
    mpz_mul_2exp(x, x, mp_bitcnt_t(-shift));
  } else {
    if (mpz_scan1(x, 0) < mp_bitcnt_t(shift)) inexact = true;
    mpz_fdiv_q_2exp(x, x, mp_bitcnt_t(shift));
  }
  mpz_t rem;
  mpz_init(rem);
  mpz_fdiv_qr(x, rem, x, babs);
  if (mpz_sgn(rem) != 0) inexact = true;
  mpz_clear(rem);
  int64_t x_bits = int64_t(mpz_sizeinbase(x, 2));
  uint64_t q = mpz_getlimbn(x, 0);  // x has at most DBL_MANT_DIG + 3 bits
  mpz_clear(x);
  mpz_clear(babs);
  int64_t extra_bits = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  uint64_t mask = uint64_t(1) << (extra_bits - 1);
  uint64_t low = q | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  q = low & ~(2 * mask - 1);
  double dx = double(q);  // exact
  if (shift + x_bits >= DBL_MAX_EXP &&
      (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, int(x_bits)))) {
    return err_format(&Exc_OverflowError, "integer division result too large for a float");
  }
  result = std::ldexp(dx, int(shift));
  return float_from_double(negate ? -result : result);
}

// ---- ** -----------------------------------------------------------------------------------------
static Object* int_pow_nomod(Object* a, Object* b) {
  if (int_sign(b) < 0) {
    double x = int_as_double(a);
    if (x == -1.0 && err_occurred()) return nullptr;
    double y = int_as_double(b);
    if (y == -1.0 && err_occurred()) return nullptr;
    return float_pow_values(x, y);
  }
  if (both_small(a, b)) {
    int64_t base = I(a)->value;
    int64_t e = I(b)->value;
    int64_t result = 1;
    int64_t sq = base;
    bool overflow = false;
    while (e > 0) {
      if (e & 1) {
        if (__builtin_mul_overflow(result, sq, &result)) {
          overflow = true;
          break;
        }
      }
      e >>= 1;
      if (e > 0 && __builtin_mul_overflow(sq, sq, &sq)) {
        overflow = true;
        break;
      }
    }
    if (!overflow) return int_from_i64(result);
  }
  MpzArg za(a);
  // Bases 0, 1, -1 with any exponent.
  if (!I(a)->big && I(a)->value >= -1 && I(a)->value <= 1) {
    int64_t v = I(a)->value;
    if (v == 0) return int_from_i64(int_sign(b) == 0 ? 1 : 0);
    if (v == 1) return int_from_i64(1);
    bool odd = I(b)->big ? mpz_odd_p(I(b)->big) : (I(b)->value & 1);
    return int_from_i64(odd ? -1 : 1);
  }
  if (I(b)->big) return err_no_memory();
  uint64_t e = uint64_t(I(b)->value);
  uint64_t bits = mpz_sizeinbase(za.get(), 2);
  if (bits > 1 && e > kMaxResultBits / (bits - 1)) return err_no_memory();
  mpz_t r;
  mpz_init(r);
  mpz_pow_ui(r, za, e);
  return int_from_mpz_steal(r);
}

Object* int_power(Object* a, Object* b, Object* mod) {
  if (!mod || mod == None) return int_pow_nomod(a, b);
  if (!int_check(mod)) return not_implemented_ref();
  if (is_zero(mod)) return err_format(&Exc_ValueError, "pow() 3rd argument cannot be 0");
  MpzArg za(a), zb(b), zm(mod);
  mpz_t m, base, e, r;
  mpz_inits(m, base, e, r, nullptr);
  mpz_abs(m, zm.get());
  mpz_set(base, za.get());
  mpz_set(e, zb.get());
  if (mpz_sgn(e) < 0) {
    if (mpz_invert(base, base, m) == 0) {
      mpz_clears(m, base, e, r, nullptr);
      return err_format(&Exc_ValueError, "base is not invertible for the given modulus");
    }
    mpz_neg(e, e);
  }
  if (mpz_cmp_ui(m, 1) == 0) {
    mpz_set_ui(r, 0);
  } else {
    mpz_powm(r, base, e, m);
  }
  if (mpz_sgn(zm.get()) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, m);
  mpz_clears(m, base, e, nullptr);
  return int_from_mpz_steal(r);
}

// ---- shifts -------------------------------------------------------------------------------------
static Object* int_lshift_values(Object* a, Object* b) {
  if (int_sign(b) < 0) return err_format(&Exc_ValueError, "negative shift count");
  if (is_zero(a)) return int_from_i64(0);
  if (I(b)->big) return err_format(&Exc_OverflowError, "too many digits in integer");
  int64_t n = I(b)->value;
  if (!I(a)->big && n < 63) {
    int64_t r;
    if (!__builtin_mul_overflow(I(a)->value, int64_t(1) << n, &r)) return int_from_i64(r);
  }
  MpzArg za(a);
  if (uint64_t(n) > kMaxResultBits) return err_no_memory();
  mpz_t r;
  mpz_init(r);
  mpz_mul_2exp(r, za, mp_bitcnt_t(n));
  return int_from_mpz_steal(r);
}

static Object* int_rshift_values(Object* a, Object* b) {
  if (int_sign(b) < 0) return err_format(&Exc_ValueError, "negative shift count");
  int sa = int_sign(a);
  if (I(b)->big) return int_from_i64(sa < 0 ? -1 : 0);
  int64_t n = I(b)->value;
  if (!I(a)->big) {
    if (n >= 64) return int_from_i64(sa < 0 ? -1 : 0);
    return int_from_i64(I(a)->value >> n);  // arithmetic shift (C++20): floor
  }
  mpz_t r;
  mpz_init(r);
  mpz_fdiv_q_2exp(r, I(a)->big, mp_bitcnt_t(n));
  return int_from_mpz_steal(r);
}

// ---- slots --------------------------------------------------------------------------------------
static Object* nb_add(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_add(a, b);
}
static Object* nb_sub(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_sub(a, b);
}
static Object* nb_mul(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_mul(a, b);
}
static Object* nb_floordiv(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_floordiv(a, b);
}
static Object* nb_mod(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_mod(a, b);
}
static Object* nb_truediv(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_true_divide_values(a, b);
}
static Object* nb_pow(Object* a, Object* b, Object* m) {
  CHECK_BINOP(a, b);
  return int_power(a, b, m);
}
static Object* nb_lshift(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_lshift_values(a, b);
}
static Object* nb_rshift(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  return int_rshift_values(a, b);
}
Object* int_nb_and(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_small(a, b)) return int_from_i64(I(a)->value & I(b)->value);
  return new_mpz_result(mpz_and, a, b);
}
Object* int_nb_or(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_small(a, b)) return int_from_i64(I(a)->value | I(b)->value);
  return new_mpz_result(mpz_ior, a, b);
}
Object* int_nb_xor(Object* a, Object* b) {
  CHECK_BINOP(a, b);
  if (both_small(a, b)) return int_from_i64(I(a)->value ^ I(b)->value);
  return new_mpz_result(mpz_xor, a, b);
}

static Object* nb_neg(Object* a) {
  if (!I(a)->big && I(a)->value != INT64_MIN) return int_from_i64(-I(a)->value);
  MpzArg za(a);
  mpz_t r;
  mpz_init(r);
  mpz_neg(r, za);
  return int_from_mpz_steal(r);
}
static Object* nb_abs(Object* a) {
  if (!I(a)->big) {
    int64_t v = I(a)->value;
    if (v >= 0 && int_check_exact(a)) return newref(a);
    if (v != INT64_MIN) return int_from_i64(v < 0 ? -v : v);
  }
  if (I(a)->big && mpz_sgn(I(a)->big) > 0) return int_exact_copy(a);
  MpzArg za(a);
  mpz_t r;
  mpz_init(r);
  mpz_abs(r, za);
  return int_from_mpz_steal(r);
}
static Object* nb_invert(Object* a) {
  if (!I(a)->big) return int_from_i64(~I(a)->value);
  mpz_t r;
  mpz_init(r);
  mpz_com(r, I(a)->big);
  return int_from_mpz_steal(r);
}
static Object* nb_pos(Object* a) {
  return int_exact_copy(a);
}
static int nb_bool(Object* a) {
  return I(a)->big ? 1 : (I(a)->value != 0);
}
static Object* nb_float(Object* a) {
  double d = int_as_double(a);
  if (d == -1.0 && err_occurred()) return nullptr;
  return float_from_double(d);
}

Object* int_true_divide(Object* a, Object* b) {
  return int_true_divide_values(a, b);
}
Object* int_pow(Object* a, Object* b, Object* mod) {
  return int_power(a, b, mod);
}

void install_int_number_slots(TypeObject* t) {
  t->nb_add = nb_add;
  t->nb_subtract = nb_sub;
  t->nb_multiply = nb_mul;
  t->nb_remainder = nb_mod;
  t->nb_divmod = int_divmod;
  t->nb_power = nb_pow;
  t->nb_negative = nb_neg;
  t->nb_positive = nb_pos;
  t->nb_absolute = nb_abs;
  t->nb_bool = nb_bool;
  t->nb_invert = nb_invert;
  t->nb_lshift = nb_lshift;
  t->nb_rshift = nb_rshift;
  t->nb_and = int_nb_and;
  t->nb_xor = int_nb_xor;
  t->nb_or = int_nb_or;
  t->nb_int = nb_pos;
  t->nb_float = nb_float;
  t->nb_floor_divide = nb_floordiv;
  t->nb_true_divide = nb_truediv;
  t->nb_index = nb_pos;
}

}  // namespace gilpy
