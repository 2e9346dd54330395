// The `math` module, following CPython 3.12's Modules/mathmodule.c.
//
// One-argument float functions go through math_1 (CPython's math_1): a NaN result from a non-NaN
// argument is "math domain error" (ValueError); an infinite result from a finite argument is
// "math range error" (OverflowError) for functions that can overflow and a domain error
// otherwise. Functions with IEEE special cases of their own (pow, fmod, ldexp, gamma, log) handle
// them explicitly as mathmodule.c does rather than trusting libm's errno. Integer functions (gcd,
// lcm, factorial, comb, perm, isqrt) use __index__ and GMP. log/log2/log10 accept ints of any
// size (log of a huge int goes through frexp-style scaling). hypot/dist use CPython 3.12's
// vector_norm (error-free squaring with fma and compensated summation) and fsum its exact
// partials algorithm, so results match CPython to the last bit.
#include <bit>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/number_impl.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

Object* domain_error() {
  return err_format(&Exc_ValueError, "math domain error");
}
Object* range_error() {
  return err_format(&Exc_OverflowError, "math range error");
}

// PyFloat_AsDouble with a fast path; false with an exception set on error.
inline bool as_double(Object* o, double* out) {
  if (float_check(o)) {
    *out = float_value(o);
    return true;
  }
  double d = float_as_double(o);
  if (d == -1.0 && err_occurred()) return false;
  *out = d;
  return true;
}

// CPython's is_error(): errno set by a computation -> exception (returns true) or not.
bool is_error(double x) {
  if (errno == EDOM) {
    domain_error();
    return true;
  }
  if (errno == ERANGE) {
    if (std::fabs(x) < 1.5) return false;  // underflow: not an error
    range_error();
    return true;
  }
  return false;
}

Object* math_1(Object* arg, double (*func)(double), bool can_overflow) {
  double x;
  if (!as_double(arg, &x)) return nullptr;
  double r = func(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_from_double(r);
}

#define MATH_FUNC1(name, func, can_overflow)                                        \
  Object* math_##name(Object*, Object* const* args, ssize nargs, Object* kwnames) { \
    if (!check_one_arg("math." #name, nargs, kwnames)) return nullptr;              \
    return math_1(                                                                  \
        args[0], [](double x) { return func(x); }, can_overflow);                   \
  }

MATH_FUNC1(acos, std::acos, false)
MATH_FUNC1(acosh, std::acosh, false)
MATH_FUNC1(asin, std::asin, false)
MATH_FUNC1(asinh, std::asinh, false)
MATH_FUNC1(atan, std::atan, false)
MATH_FUNC1(atanh, std::atanh, false)
MATH_FUNC1(cbrt, std::cbrt, false)
MATH_FUNC1(cos, std::cos, false)
MATH_FUNC1(cosh, std::cosh, true)
MATH_FUNC1(erf, std::erf, false)
MATH_FUNC1(erfc, std::erfc, false)
MATH_FUNC1(exp, std::exp, true)
MATH_FUNC1(exp2, std::exp2, true)
MATH_FUNC1(expm1, std::expm1, true)
MATH_FUNC1(fabs, std::fabs, false)
MATH_FUNC1(log1p, std::log1p, false)
MATH_FUNC1(sin, std::sin, false)
MATH_FUNC1(sinh, std::sinh, true)
MATH_FUNC1(sqrt, std::sqrt, false)
MATH_FUNC1(tan, std::tan, false)
MATH_FUNC1(tanh, std::tanh, false)

#define CHECK_NARGS(name, n)                           \
  if (!check_no_kwargs(name, kwnames)) return nullptr; \
  if (!check_positional(name, nargs, n, n)) return nullptr

// CPython's own gamma/lgamma (Lanczos approximation, mathmodule.c), not libm's, so that results
// agree to the last bit.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {23531376880.410759688572007674451636754734846804940,
                                           42919803642.649098768957899047001988850926355848959,
                                           35711959237.355668049440185451547166705960488635843,
                                           17921034426.037209699919755754458931112671403265390,
                                           6039542586.3520280050642916443072979210699388420708,
                                           1439720407.3117216736632230727949123939715485786772,
                                           248874557.86205415651146038641322942321632125127801,
                                           31426415.585400194380614231628318205362874684987640,
                                           2876370.6289353724412254090516208496135991145378768,
                                           186056.26539522349504029498971604569928220784236328,
                                           8071.6720023658162106380029022722506138218516325024,
                                           210.82427775157934587250973392071336271166969580291,
                                           2.5066282746310002701649081771338373386264310793408};
constexpr double kLanczosDen[kLanczosN] = {
    0.0,       39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,   32670.0,     1925.0,      66.0,        1.0};
constexpr int kNGammaIntegral = 23;
constexpr double kGammaIntegral[kNGammaIntegral] = {1.0,
                                                    1.0,
                                                    2.0,
                                                    6.0,
                                                    24.0,
                                                    120.0,
                                                    720.0,
                                                    5040.0,
                                                    40320.0,
                                                    362880.0,
                                                    3628800.0,
                                                    39916800.0,
                                                    479001600.0,
                                                    6227020800.0,
                                                    87178291200.0,
                                                    1307674368000.0,
                                                    20922789888000.0,
                                                    355687428096000.0,
                                                    6402373705728000.0,
                                                    121645100408832000.0,
                                                    2432902008176640000.0,
                                                    51090942171709440000.0,
                                                    1124000727777607680000.0};
constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double m_sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = int(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0:
      r = std::sin(kPi * y);
      break;
    case 1:
      r = std::cos(kPi * (y - 0.5));
      break;
    case 2:
      r = std::sin(kPi * (1.0 - y));
      break;
    case 3:
      r = -std::cos(kPi * (y - 1.5));
      break;
    default:
      r = std::sin(kPi * (y - 2.0));
      break;
  }
  return std::copysign(1.0, x) * r;
}

double m_tgamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errno = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      errno = EDOM;
      return NAN;
    }
    if (x <= kNGammaIntegral) return kGammaIntegral[int(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) errno = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / m_sinpi(x);
    errno = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  double z;
  if (absx > kLanczosGMinusHalf) {
    volatile double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    volatile double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / m_sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

double m_lgamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x)) return x;
    return HUGE_VAL;
  }
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(m_sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) errno = ERANGE;
  return r;
}

// math_1a: errno-based errors.
Object* math_1a(Object* arg, double (*func)(double)) {
  double x;
  if (!as_double(arg, &x)) return nullptr;
  errno = 0;
  double r = func(x);
  if (errno && is_error(r)) return nullptr;
  return float_from_double(r);
}

Object* math_gamma(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.gamma", nargs, kwnames)) return nullptr;
  return math_1a(args[0], m_tgamma);
}

Object* math_lgamma(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.lgamma", nargs, kwnames)) return nullptr;
  return math_1a(args[0], m_lgamma);
}

// ---- floor / ceil / trunc -----------------------------------------------------------------------
Object* call_special(Object* o, const char* name, bool* found) {
  Object* m = type_lookup_borrowed(type_of(o), str_intern_cstr_borrowed(name));
  *found = m != nullptr;
  if (!m) return nullptr;
  return call1(m, o);
}

Object* math_floor(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.floor", nargs, kwnames)) return nullptr;
  Object* x = args[0];
  double d;
  if (float_check_exact(x)) {
    d = float_value(x);
  } else {
    if (int_check_exact(x)) return newref(x);
    bool found;
    Object* r = call_special(x, "__floor__", &found);
    if (found) return r;
    if (!as_double(x, &d)) return nullptr;
  }
  return int_from_double(std::floor(d));
}

Object* math_ceil(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.ceil", nargs, kwnames)) return nullptr;
  Object* x = args[0];
  double d;
  if (float_check_exact(x)) {
    d = float_value(x);
  } else {
    bool found;
    Object* r = call_special(x, "__ceil__", &found);
    if (found) return r;
    if (!as_double(x, &d)) return nullptr;
  }
  return int_from_double(std::ceil(d));
}

Object* math_trunc(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.trunc", nargs, kwnames)) return nullptr;
  Object* x = args[0];
  if (float_check_exact(x)) return int_from_double(std::trunc(float_value(x)));
  bool found;
  Object* r = call_special(x, "__trunc__", &found);
  if (found) return r;
  return err_format(&Exc_TypeError, "type %s doesn't define __trunc__ method",
                    type_name(type_of(x)));
}

// ---- two-argument float functions ---------------------------------------------------------------
Object* math_pow(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("pow", 2);
  double x, y, r = 0.0;
  if (!as_double(args[0], &x) || !as_double(args[1], &y)) return nullptr;
  errno = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0. ? 1. : x;
    } else if (std::isnan(y)) {
      r = x == 1. ? 1. : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.) {
        r = odd_y ? x : std::fabs(x);
      } else if (y == 0.) {
        r = 1.;
      } else {
        r = odd_y ? std::copysign(0., x) : 0.;
      }
    } else {
      if (std::fabs(x) == 1.0) {
        r = 1.;
      } else if (y > 0. && std::fabs(x) > 1.0) {
        r = y;
      } else if (y < 0. && std::fabs(x) < 1.0) {
        r = -y;
      } else {
        r = 0.;
      }
    }
  } else {
    r = std::pow(x, y);
    errno = 0;
    if (!std::isfinite(r)) {
      if (std::isnan(r)) {
        errno = EDOM;
      } else if (x == 0.) {
        errno = EDOM;
      } else {
        errno = ERANGE;
      }
    }
  }
  if (errno && is_error(r)) return nullptr;
  return float_from_double(r);
}

Object* math_fmod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("fmod", 2);
  double x, y;
  if (!as_double(args[0], &x) || !as_double(args[1], &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_from_double(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_from_double(r);
}

Object* math_remainder(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("remainder", 2);
  double x, y;
  if (!as_double(args[0], &x) || !as_double(args[1], &y)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  if (std::isnan(y)) return float_from_double(y);
  if (std::isinf(x) || y == 0.0) return domain_error();
  if (std::isinf(y)) return float_from_double(x);
  return float_from_double(std::remainder(x, y));
}

Object* math_copysign(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("copysign", 2);
  double x, y;
  if (!as_double(args[0], &x) || !as_double(args[1], &y)) return nullptr;
  return float_from_double(std::copysign(x, y));
}

Object* math_atan2(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("atan2", 2);
  double y, x;
  if (!as_double(args[0], &y) || !as_double(args[1], &x)) return nullptr;
  return float_from_double(std::atan2(y, x));
}

Object* math_ldexp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("ldexp", 2);
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  if (!int_check(args[1])) {
    return err_format(&Exc_TypeError, "Expected an int as second argument to ldexp.");
  }
  bool overflow;
  int64_t e = int_as_i64(args[1], &overflow);
  double r;
  errno = 0;
  if (x == 0. || !std::isfinite(x)) {
    r = x;
  } else if (e > INT_MAX) {
    r = std::copysign(HUGE_VAL, x);
    errno = ERANGE;
  } else if (e < INT_MIN) {
    r = std::copysign(0., x);
  } else {
    r = std::ldexp(x, int(e));
    errno = std::isinf(r) ? ERANGE : 0;
  }
  if (errno && is_error(r)) return nullptr;
  return float_from_double(r);
}

Object* math_frexp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.frexp", nargs, kwnames)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  int e = 0;
  if (std::isfinite(x) && x != 0.0) x = std::frexp(x, &e);
  Ref m = Ref::steal(float_from_double(x));
  Ref ei = Ref::steal(int_from_i64(e));
  if (!m || !ei) return nullptr;
  return tuple_pack(2, m.get(), ei.get());
}

Object* math_modf(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.modf", nargs, kwnames)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  double ip, fp;
  if (std::isinf(x)) {
    fp = std::copysign(0., x);
    ip = x;
  } else if (std::isnan(x)) {
    fp = ip = x;
  } else {
    fp = std::modf(x, &ip);
  }
  Ref a = Ref::steal(float_from_double(fp));
  Ref b = Ref::steal(float_from_double(ip));
  if (!a || !b) return nullptr;
  return tuple_pack(2, a.get(), b.get());
}

// ---- predicates and conversions -----------------------------------------------------------------
#define MATH_PRED(name, expr)                                                       \
  Object* math_##name(Object*, Object* const* args, ssize nargs, Object* kwnames) { \
    if (!check_one_arg("math." #name, nargs, kwnames)) return nullptr;              \
    double x;                                                                       \
    if (!as_double(args[0], &x)) return nullptr;                                    \
    return bool_from(expr);                                                         \
  }
MATH_PRED(isfinite, std::isfinite(x))
MATH_PRED(isinf, std::isinf(x))
MATH_PRED(isnan, std::isnan(x))

Object* math_degrees(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.degrees", nargs, kwnames)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  return float_from_double(x * (180.0 / M_PI));
}

Object* math_radians(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.radians", nargs, kwnames)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  return float_from_double(x * (M_PI / 180.0));
}

Object* math_isclose(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"a", "b", "rel_tol", "abs_tol", nullptr};
  static const ArgSpec spec{"isclose", names, 2, 2};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!as_double(a[0], &x) || !as_double(a[1], &y)) return nullptr;
  if (a[2] && !as_double(a[2], &rel_tol)) return nullptr;
  if (a[3] && !as_double(a[3], &abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) {
    return err_format(&Exc_ValueError, "tolerances must be non-negative");
  }
  if (x == y) return bool_from(true);
  if (std::isinf(x) || std::isinf(y)) return bool_from(false);
  double diff = std::fabs(y - x);
  return bool_from(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) ||
                   diff <= abs_tol);
}

// ---- logarithms ---------------------------------------------------------------------------------
double m_log(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0) return x;
  errno = EDOM;
  return NAN;
}
double m_log2(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x > 0.0) return std::log2(x);
  errno = EDOM;
  return x == 0.0 ? -HUGE_VAL : NAN;
}
double m_log10(double x) {
  if (std::isfinite(x)) {
    if (x > 0.0) return std::log10(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (std::isnan(x) || x > 0) return x;
  errno = EDOM;
  return NAN;
}

// loghelper: ints of any size, else floats through func with errno-based errors.
Object* loghelper(Object* arg, double (*func)(double)) {
  if (int_check(arg)) {
    if (int_sign(arg) <= 0) return domain_error();
    double x = int_as_double(arg);
    if (x == -1.0 && err_occurred()) {
      if (!err_matches(&Exc_OverflowError)) return nullptr;
      err_clear();
      // x = m * 2**e with 0.5 <= m < 1: func(m) + e * func(2).
      MpzArg z(arg);
      long exp;
      double m = mpz_get_d_2exp(&exp, z.get());
      return float_from_double(func(m) + func(2.0) * double(exp));
    }
    return float_from_double(func(x));
  }
  double x;
  if (!as_double(arg, &x)) return nullptr;
  errno = 0;
  double r = func(x);
  if (errno && is_error(r)) return nullptr;
  return float_from_double(r);
}

Object* math_log(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("log", kwnames)) return nullptr;
  if (!check_positional("log", nargs, 1, 2)) return nullptr;
  Ref num = Ref::steal(loghelper(args[0], m_log));
  if (!num || nargs == 1) return num.release();
  Ref den = Ref::steal(loghelper(args[1], m_log));
  if (!den) return nullptr;
  double d = float_value(den.get());
  if (d == 0.0) return err_format(&Exc_ZeroDivisionError, "float division by zero");
  return float_from_double(float_value(num.get()) / d);
}

Object* math_log2(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.log2", nargs, kwnames)) return nullptr;
  return loghelper(args[0], m_log2);
}

Object* math_log10(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.log10", nargs, kwnames)) return nullptr;
  return loghelper(args[0], m_log10);
}

// ---- hypot / dist (vector_norm) -----------------------------------------------------------------
struct DoubleLength {
  double hi, lo;
};
DoubleLength dl_fast_sum(double a, double b) {
  double x = a + b;
  double y = (a - x) + b;
  return {x, y};
}
DoubleLength dl_mul(double x, double y) {
  double z = x * y;
  double zz = std::fma(x, y, -z);
  return {z, zz};
}

double vector_norm(ssize n, double* vec, double max, bool found_nan) {
  double x, h, scale, csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  DoubleLength pr, sm;
  int max_e;
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (ssize i = 0; i < n; i++) vec[i] /= DBL_MIN;
    return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
  }
  scale = std::ldexp(1.0, -max_e);
  for (ssize i = 0; i < n; i++) {
    x = vec[i];
    x *= scale;
    pr = dl_mul(x, x);
    sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
  }
  h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  pr = dl_mul(-h, h);
  sm = dl_fast_sum(csum, pr.hi);
  csum = sm.hi;
  frac1 += pr.lo;
  frac2 += sm.lo;
  x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Object* math_hypot(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("hypot", kwnames)) return nullptr;
  std::vector<double> coords(static_cast<size_t>(nargs));
  double max = 0.0;
  bool found_nan = false;
  for (ssize i = 0; i < nargs; ++i) {
    double x;
    if (!as_double(args[i], &x)) return nullptr;
    x = std::fabs(x);
    coords[size_t(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from_double(vector_norm(nargs, coords.data(), max, found_nan));
}

Object* math_dist(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("dist", 2);
  Ref p = Ref::steal(tuple_check(args[0]) ? newref(args[0]) : sequence_tuple(args[0]));
  if (!p) return nullptr;
  Ref q = Ref::steal(tuple_check(args[1]) ? newref(args[1]) : sequence_tuple(args[1]));
  if (!q) return nullptr;
  ssize m = tuple_size(p.get()), n = tuple_size(q.get());
  if (m != n) {
    return err_format(&Exc_ValueError, "both points must have the same number of dimensions");
  }
  std::vector<double> diffs(static_cast<size_t>(n));
  double max = 0.0;
  bool found_nan = false;
  for (ssize i = 0; i < n; ++i) {
    double px, qx;
    if (!as_double(tuple_get_borrowed(p.get(), i), &px)) return nullptr;
    if (!as_double(tuple_get_borrowed(q.get(), i), &qx)) return nullptr;
    double x = std::fabs(px - qx);
    diffs[size_t(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from_double(vector_norm(n, diffs.data(), max, found_nan));
}

// ---- fsum / prod --------------------------------------------------------------------------------
Object* math_fsum(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.fsum", nargs, kwnames)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return nullptr;
      break;
    }
    double x;
    if (!as_double(item.get(), &x)) return nullptr;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double yr = hi - x;
      double lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) {
          return err_format(&Exc_OverflowError, "intermediate overflow in fsum");
        }
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return err_format(&Exc_ValueError, "-inf + inf in fsum");
    return float_from_double(special_sum);
  }
  double hi = 0.0;
  size_t n = p.size();
  if (n > 0) {
    double lo = 0.0;
    hi = p[--n];
    while (n > 0) {
      double x = hi;
      double y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return float_from_double(hi);
}

Object* math_prod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "start", nullptr};
  static const ArgSpec spec{"prod", names, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref result = Ref::borrow(a[1] ? a[1] : int_from_i64(1));
  Ref it = Ref::steal(object_getiter(a[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return nullptr;
      break;
    }
    Ref r = Ref::steal(number_multiply(result.get(), item.get()));
    if (!r) return nullptr;
    result = std::move(r);
  }
  return result.release();
}

// math.sumprod(p, q): the sum of products, with CPython 3.12's three paths: exact ints while
// they fit in 64 bits, floats (and float/int pairs) accumulated in twice the working precision,
// then the generic `total + p * q`. A path, once left, is never re-entered, so the order in which
// partial sums are folded into the total is CPython's. The float path is Ogita, Rump and Oishi's
// Dot2 (error-free products through fma, compensated sums), which rounds like CPython's
// triple-length accumulation for all but contrived inputs.
struct Dot2 {
  double hi = 0.0, lo = 0.0;
  void add_product(double p, double q) {
    double prod = p * q;
    double prod_err = std::fma(p, q, -prod);
    double sum = hi + prod;
    double bv = sum - hi;
    double sum_err = (hi - (sum - bv)) + (prod - bv);
    hi = sum;
    lo += prod_err + sum_err;
  }
  double value() const { return hi + lo; }
};

// The double of an exact int or bool for the float path; false when it doesn't convert exactly
// enough (CPython's PyLong_AsDouble failing: too large).
bool float_path_operand(Object* o, double* out) {
  if (float_check_exact(o)) {
    *out = float_value(o);
    return true;
  }
  if (int_check_exact(o) || bool_check(o)) {
    double d = int_as_double(o);
    if (d == -1.0 && err_occurred()) {
      err_clear();
      return false;
    }
    *out = d;
    return true;
  }
  return false;
}

Object* math_sumprod(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("sumprod", kwnames) || !check_positional("sumprod", nargs, 2, 2)) {
    return nullptr;
  }
  Ref p_it = Ref::steal(object_getiter(args[0]));
  if (!p_it) return nullptr;
  Ref q_it = Ref::steal(object_getiter(args[1]));
  if (!q_it) return nullptr;
  Ref total = Ref::steal(int_from_i64(0));
  bool int_path = true, flt_path = true;
  int64_t int_total = 0;
  bool int_in_use = false;
  Dot2 flt_total;
  bool flt_in_use = false;
  for (;;) {
    Ref p = Ref::steal(iter_next(p_it.get()));
    if (!p && err_occurred()) return nullptr;
    Ref q = Ref::steal(iter_next(q_it.get()));
    if (!q && err_occurred()) return nullptr;
    if (bool(p) != bool(q)) return err_format(&Exc_ValueError, "Inputs are not the same length");
    bool finished = !p;
    if (int_path) {
      if (!finished && int_check_exact(p.get()) && int_check_exact(q.get()) &&
          int_is_small(p.get()) && int_is_small(q.get())) {
        int64_t prod, sum;
        if (!__builtin_mul_overflow(int_small_value(p.get()), int_small_value(q.get()), &prod) &&
            !__builtin_add_overflow(int_total, prod, &sum)) {
          int_total = sum;
          int_in_use = true;
          continue;
        }
      }
      int_path = false;
      if (int_in_use) {
        Ref term = Ref::steal(int_from_i64(int_total));
        if (!term) return nullptr;
        total = Ref::steal(number_add(total.get(), term.get()));
        if (!total) return nullptr;
        int_in_use = false;
      }
    }
    if (flt_path) {
      double fp, fq;
      if (!finished && (float_check_exact(p.get()) || float_check_exact(q.get())) &&
          float_path_operand(p.get(), &fp) && float_path_operand(q.get(), &fq)) {
        Dot2 next = flt_total;
        next.add_product(fp, fq);
        if (std::isfinite(next.hi)) {
          flt_total = next;
          flt_in_use = true;
          continue;
        }
      }
      flt_path = false;
      if (flt_in_use) {
        Ref term = Ref::steal(float_from_double(flt_total.value()));
        if (!term) return nullptr;
        total = Ref::steal(number_add(total.get(), term.get()));
        if (!total) return nullptr;
        flt_in_use = false;
      }
    }
    if (finished) return total.release();
    Ref term = Ref::steal(number_multiply(p.get(), q.get()));
    if (!term) return nullptr;
    total = Ref::steal(number_add(total.get(), term.get()));
    if (!total) return nullptr;
  }
}

// ---- integer functions --------------------------------------------------------------------------
Object* math_gcd(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("gcd", kwnames)) return nullptr;
  if (nargs == 0) return int_from_i64(0);
  mpz_t g;
  mpz_init(g);
  for (ssize i = 0; i < nargs; ++i) {
    Ref v = Ref::steal(number_index(args[i]));
    if (!v) {
      mpz_clear(g);
      return nullptr;
    }
    MpzArg z(v.get());
    mpz_gcd(g, g, z);
  }
  return int_from_mpz_steal(g);
}

Object* math_lcm(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("lcm", kwnames)) return nullptr;
  if (nargs == 0) return int_from_i64(1);
  mpz_t l;
  mpz_init_set_ui(l, 1);
  bool first = true;
  for (ssize i = 0; i < nargs; ++i) {
    Ref v = Ref::steal(number_index(args[i]));
    if (!v) {
      mpz_clear(l);
      return nullptr;
    }
    MpzArg z(v.get());
    if (first) {
      mpz_abs(l, z);
      first = false;
    } else {
      mpz_lcm(l, l, z);
    }
  }
  return int_from_mpz_steal(l);
}

Object* math_factorial(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.factorial", nargs, kwnames)) return nullptr;
  Ref v = Ref::steal(number_index(args[0]));
  if (!v) return nullptr;
  bool overflow;
  int64_t n = int_as_i64(v.get(), &overflow);
  if (overflow && int_sign(v.get()) > 0) {
    return err_format(&Exc_OverflowError, "factorial() argument should not exceed %ld",
                      long(LONG_MAX));
  }
  if (n < 0) return err_format(&Exc_ValueError, "factorial() not defined for negative values");
  mpz_t r;
  mpz_init(r);
  mpz_fac_ui(r, uint64_t(n));
  return int_from_mpz_steal(r);
}

Object* math_isqrt(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.isqrt", nargs, kwnames)) return nullptr;
  Ref v = Ref::steal(number_index(args[0]));
  if (!v) return nullptr;
  if (int_sign(v.get()) < 0) {
    return err_format(&Exc_ValueError, "isqrt() argument must be nonnegative");
  }
  MpzArg z(v.get());
  mpz_t r;
  mpz_init(r);
  mpz_sqrt(r, z);
  return int_from_mpz_steal(r);
}

Object* math_comb(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  CHECK_NARGS("comb", 2);
  Ref n = Ref::steal(number_index(args[0]));
  if (!n) return nullptr;
  Ref k = Ref::steal(number_index(args[1]));
  if (!k) return nullptr;
  if (int_sign(n.get()) < 0) return err_format(&Exc_ValueError, "n must be a non-negative integer");
  if (int_sign(k.get()) < 0) return err_format(&Exc_ValueError, "k must be a non-negative integer");
  MpzArg zn(n.get()), zk(k.get());
  if (mpz_cmp(zk, zn) > 0) return int_from_i64(0);
  mpz_t kk;
  mpz_init(kk);
  mpz_sub(kk, zn, zk);
  if (mpz_cmp(kk, zk) > 0) mpz_set(kk, zk);  // min(k, n - k)
  if (!mpz_fits_slong_p(kk)) {
    mpz_clear(kk);
    return err_format(&Exc_OverflowError, "min(n - k, k) must not exceed %lld",
                      (long long)LLONG_MAX);
  }
  unsigned long kv = mpz_get_ui(kk);
  mpz_t r;
  mpz_init(r);
  mpz_bin_ui(r, zn, kv);
  mpz_clear(kk);
  return int_from_mpz_steal(r);
}

Object* math_perm(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("perm", kwnames)) return nullptr;
  if (!check_positional("perm", nargs, 1, 2)) return nullptr;
  Ref n = Ref::steal(number_index(args[0]));
  if (!n) return nullptr;
  if (nargs == 1 || args[1] == None) {
    Object* a[1] = {n.get()};
    return math_factorial(nullptr, a, 1, nullptr);
  }
  Ref k = Ref::steal(number_index(args[1]));
  if (!k) return nullptr;
  if (int_sign(n.get()) < 0) return err_format(&Exc_ValueError, "n must be a non-negative integer");
  if (int_sign(k.get()) < 0) return err_format(&Exc_ValueError, "k must be a non-negative integer");
  MpzArg zn(n.get()), zk(k.get());
  if (mpz_cmp(zk, zn) > 0) return int_from_i64(0);
  if (!mpz_fits_slong_p(zk)) {
    return err_format(&Exc_OverflowError, "k must not exceed %lld", (long long)LLONG_MAX);
  }
  unsigned long kv = mpz_get_ui(zk);
  mpz_t r, f;
  mpz_init_set_ui(r, 1);
  mpz_init(f);
  for (unsigned long i = 0; i < kv; ++i) {
    mpz_sub_ui(f, zn, i);
    mpz_mul(r, r, f);
  }
  mpz_clear(f);
  return int_from_mpz_steal(r);
}

// ---- nextafter / ulp ----------------------------------------------------------------------------
Object* math_nextafter(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", "", "steps", nullptr};
  static const ArgSpec spec{"nextafter", names, 2, 2};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  double x, y;
  if (!as_double(a[0], &x) || !as_double(a[1], &y)) return nullptr;
  if (!a[2] || a[2] == None) return float_from_double(std::nextafter(x, y));
  Ref s = Ref::steal(number_index(a[2]));
  if (!s) return nullptr;
  if (int_sign(s.get()) < 0)
    return err_format(&Exc_ValueError, "steps must be a non-negative integer");
  bool overflow;
  int64_t steps = int_as_i64(s.get(), &overflow);
  uint64_t usteps = overflow ? UINT64_MAX : uint64_t(steps);
  if (usteps == 0) return float_from_double(x);
  if (std::isnan(x)) return float_from_double(x);
  if (std::isnan(y)) return float_from_double(y);
  uint64_t ux = std::bit_cast<uint64_t>(x), uy = std::bit_cast<uint64_t>(y);
  if (ux == uy) return float_from_double(x);
  const uint64_t sign_bit = uint64_t(1) << 63;
  uint64_t ax = ux & ~sign_bit, ay = uy & ~sign_bit;
  if ((ux ^ uy) & sign_bit) {
    if (ax + ay <= usteps) return float_from_double(y);
    if (ax < usteps) {
      return float_from_double(std::bit_cast<double>((uy & sign_bit) | (usteps - ax)));
    }
    return float_from_double(std::bit_cast<double>(ux - usteps));
  }
  if (ax > ay) {
    if (ax - ay >= usteps) return float_from_double(std::bit_cast<double>(ux - usteps));
    return float_from_double(y);
  }
  if (ay - ax >= usteps) return float_from_double(std::bit_cast<double>(ux + usteps));
  return float_from_double(y);
}

Object* math_ulp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("math.ulp", nargs, kwnames)) return nullptr;
  double x;
  if (!as_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from_double(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_from_double(x);
  double x2 = std::nextafter(x, HUGE_VAL);
  if (std::isinf(x2)) {
    x2 = std::nextafter(x, -HUGE_VAL);
    return float_from_double(x - x2);
  }
  return float_from_double(x2 - x);
}

const MethodDef math_methods[] = {
    {"acos", math_acos, METH_DEFAULT, "Return the arc cosine (measured in radians) of x."},
    {"acosh", math_acosh, METH_DEFAULT, "Return the inverse hyperbolic cosine of x."},
    {"asin", math_asin, METH_DEFAULT, "Return the arc sine (measured in radians) of x."},
    {"asinh", math_asinh, METH_DEFAULT, "Return the inverse hyperbolic sine of x."},
    {"atan", math_atan, METH_DEFAULT, "Return the arc tangent (measured in radians) of x."},
    {"atan2", math_atan2, METH_DEFAULT, "Return the arc tangent (measured in radians) of y/x."},
    {"atanh", math_atanh, METH_DEFAULT, "Return the inverse hyperbolic tangent of x."},
    {"cbrt", math_cbrt, METH_DEFAULT, "Return the cube root of x."},
    {"ceil", math_ceil, METH_DEFAULT, "Return the ceiling of x as an Integral."},
    {"comb", math_comb, METH_DEFAULT,
     "Number of ways to choose k items from n items without repetition and without order."},
    {"copysign", math_copysign, METH_DEFAULT,
     "Return a float with the magnitude (absolute value) of x but the sign of y."},
    {"cos", math_cos, METH_DEFAULT, "Return the cosine of x (measured in radians)."},
    {"cosh", math_cosh, METH_DEFAULT, "Return the hyperbolic cosine of x."},
    {"degrees", math_degrees, METH_DEFAULT, "Convert angle x from radians to degrees."},
    {"dist", math_dist, METH_DEFAULT, "Return the Euclidean distance between two points p and q."},
    {"erf", math_erf, METH_DEFAULT, "Error function at x."},
    {"erfc", math_erfc, METH_DEFAULT, "Complementary error function at x."},
    {"exp", math_exp, METH_DEFAULT, "Return e raised to the power of x."},
    {"exp2", math_exp2, METH_DEFAULT, "Return 2 raised to the power of x."},
    {"expm1", math_expm1, METH_DEFAULT, "Return exp(x)-1."},
    {"fabs", math_fabs, METH_DEFAULT, "Return the absolute value of the float x."},
    {"factorial", math_factorial, METH_DEFAULT, "Find n!."},
    {"floor", math_floor, METH_DEFAULT, "Return the floor of x as an Integral."},
    {"fmod", math_fmod, METH_DEFAULT, "Return fmod(x, y), according to platform C."},
    {"frexp", math_frexp, METH_DEFAULT, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"fsum", math_fsum, METH_DEFAULT,
     "Return an accurate floating point sum of values in the iterable seq."},
    {"gamma", math_gamma, METH_DEFAULT, "Gamma function at x."},
    {"gcd", math_gcd, METH_DEFAULT, "Greatest Common Divisor."},
    {"hypot", math_hypot, METH_DEFAULT,
     "Multidimensional Euclidean distance from the origin to a point."},
    {"isclose", math_isclose, METH_DEFAULT,
     "Determine whether two floating point numbers are close in value."},
    {"isfinite", math_isfinite, METH_DEFAULT,
     "Return True if x is neither an infinity nor a NaN, and False otherwise."},
    {"isinf", math_isinf, METH_DEFAULT,
     "Return True if x is a positive or negative infinity, and False otherwise."},
    {"isnan", math_isnan, METH_DEFAULT,
     "Return True if x is a NaN (not a number), and False otherwise."},
    {"isqrt", math_isqrt, METH_DEFAULT, "Return the integer part of the square root of the input."},
    {"lcm", math_lcm, METH_DEFAULT, "Least Common Multiple."},
    {"ldexp", math_ldexp, METH_DEFAULT, "Return x * (2**i)."},
    {"lgamma", math_lgamma, METH_DEFAULT,
     "Natural logarithm of absolute value of Gamma function at x."},
    {"log", math_log, METH_DEFAULT,
     "log(x, [base=math.e])\nReturn the logarithm of x to the given base."},
    {"log10", math_log10, METH_DEFAULT, "Return the base 10 logarithm of x."},
    {"log1p", math_log1p, METH_DEFAULT, "Return the natural logarithm of 1+x (base e)."},
    {"log2", math_log2, METH_DEFAULT, "Return the base 2 logarithm of x."},
    {"modf", math_modf, METH_DEFAULT, "Return the fractional and integer parts of x."},
    {"nextafter", math_nextafter, METH_DEFAULT,
     "Return the floating-point value the given number of steps after x towards y."},
    {"perm", math_perm, METH_DEFAULT,
     "Number of ways to choose k items from n items without repetition and with order."},
    {"pow", math_pow, METH_DEFAULT, "Return x**y (x to the power of y)."},
    {"sumprod", math_sumprod, METH_DEFAULT, "Return the sum of products of values from two iterables p and q."},
    {"prod", math_prod, METH_DEFAULT,
     "Calculate the product of all the elements in the input iterable."},
    {"radians", math_radians, METH_DEFAULT, "Convert angle x from degrees to radians."},
    {"remainder", math_remainder, METH_DEFAULT,
     "Difference between x and the closest integer multiple of y."},
    {"sin", math_sin, METH_DEFAULT, "Return the sine of x (measured in radians)."},
    {"sinh", math_sinh, METH_DEFAULT, "Return the hyperbolic sine of x."},
    {"sqrt", math_sqrt, METH_DEFAULT, "Return the square root of x."},
    {"tan", math_tan, METH_DEFAULT, "Return the tangent of x (measured in radians)."},
    {"tanh", math_tanh, METH_DEFAULT, "Return the hyperbolic tangent of x."},
    {"trunc", math_trunc, METH_DEFAULT, "Truncates the Real x to the nearest Integral toward 0."},
    {"ulp", math_ulp, METH_DEFAULT,
     "Return the value of the least significant bit of the float x."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* math_module_init() {
  Ref m = Ref::steal(module_new("math"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), math_methods) < 0) return nullptr;
  struct {
    const char* name;
    double value;
  } constants[] = {{"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", HUGE_VAL}, {"nan", NAN}};
  for (auto& c : constants) {
    Ref v = Ref::steal(float_from_double(c.value));
    if (!v || module_add_object(m.get(), c.name, v.get()) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
