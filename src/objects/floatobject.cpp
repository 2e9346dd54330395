// float: IEEE-754 double precision, with CPython 3.12's repr, parsing, arithmetic and methods.
//
// Digits: CPython uses David Gay's dtoa; we get the same digit strings from std::to_chars, which
// is exact: the shortest round-tripping digits for repr (dtoa mode 0), N significant digits
// correctly rounded (mode 2: to_chars scientific with precision N-1) and N digits after the point
// (mode 3: to_chars fixed). double_to_string() then lays the digits out exactly as CPython's
// format_float_short does (exponent thresholds, "1e+16", "1e-05", ".0" for integral values,
// '#' alternate form, 'z' negative-zero coercion). Parsing validates CPython's grammar
// (underscores only between digits, inf/infinity/nan in any case) and converts with
// std::from_chars, which is correctly rounded.
//
// Arithmetic follows floatobject.c: floor division and modulo via fmod with the sign rules,
// divmod's "float divmod()" message, float_pow's special cases (complex results for negative
// bases with fractional exponents), ints are converted with OverflowError when too large and
// compared exactly (int_compare_double). The hash is CPython's (2**61-1 modulus), consistent with
// int's; NaNs hash by identity as in 3.10+.
#include "objects/floatobject.h"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/complexobject.h"
#include "objects/containers.h"
#include "objects/format_spec.h"
#include "objects/intobject.h"
#include "objects/number_impl.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject FloatType;

// ---- allocation ---------------------------------------------------------------------------------
// A free list of exact float objects, as CPython's: loops producing floats recycle them instead of
// going through object_alloc (calloc). Protected by the GIL; disabled under sanitizers so that
// use-after-free is still detected.
namespace {
#if defined(GILPY_SANITIZER)
constexpr int kFloatFreeMax = 0;
#else
constexpr int kFloatFreeMax = 100;
#endif
FloatObject* g_float_free[kFloatFreeMax > 0 ? kFloatFreeMax : 1];
int g_float_nfree = 0;
}  // namespace

Object* float_from_double(double v) {
  FloatObject* o;
  if (g_float_nfree > 0) {
    o = g_float_free[--g_float_nfree];
    o->refcnt = 1;
    o->ob_type = &FloatType;
#if GILPY_DEBUG_REFS
    ++g_live_objects;
#endif
  } else {
    o = alloc_object<FloatObject>(&FloatType);
    if (!o) return nullptr;
  }
  o->value = v;
  return o;
}

static void float_dealloc(Object* o) {
  if (type_of(o) == &FloatType && g_float_nfree < kFloatFreeMax) {
    g_float_free[g_float_nfree++] = static_cast<FloatObject*>(o);
#if GILPY_DEBUG_REFS
    --g_live_objects;
#endif
    return;
  }
  object_free(o);
}

double float_as_double_msg(Object* o, bool for_float_call) {
  if (float_check(o)) return float_value(o);
  if (int_check(o)) return int_as_double(o);
  TypeObject* t = type_of(o);
  if (t->nb_float) {
    Ref r = Ref::steal(t->nb_float(o));
    if (!r) return -1.0;
    if (!float_check(r.get())) {
      err_format(&Exc_TypeError, "%s.__float__ returned non-float (type %s)", type_name(t),
                 type_name(type_of(r.get())));
      return -1.0;
    }
    return float_value(r.get());
  }
  if (t->nb_index) {
    Ref i = Ref::steal(number_index(o));
    if (!i) return -1.0;
    return int_as_double(i.get());
  }
  if (for_float_call) {
    err_format(&Exc_TypeError, "float() argument must be a string or a real number, not '%s'",
               type_name(t));
  } else {
    err_format(&Exc_TypeError, "must be real number, not %s", type_name(t));
  }
  return -1.0;
}

double float_as_double(Object* o) {
  return float_as_double_msg(o, false);
}

// ---- double -> string ---------------------------------------------------------------------------
namespace {
// Decimal digits of |v| (finite, nonzero or zero) without trailing zeros, and decpt such that
// |v| ~= 0.DIGITS * 10**decpt. mode 0: shortest; 2: `ndigits` significant; 3: `ndigits` after
// the point (ndigits >= 0).
void dtoa_digits(double v, int mode, int ndigits, std::string& digits, int& decpt) {
  v = std::fabs(v);
  digits.clear();
  if (v == 0.0) {
    digits = "0";
    decpt = 1;
    return;
  }
  std::string buf;
  if (mode == 3) {
    buf.resize(size_t(ndigits) + 330);
    auto r =
        std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, ndigits);
    buf.resize(size_t(r.ptr - buf.data()));
    size_t dot = buf.find('.');
    std::string all = dot == std::string::npos ? buf : buf.substr(0, dot) + buf.substr(dot + 1);
    decpt = int(dot == std::string::npos ? buf.size() : dot);
    size_t lead = 0;
    while (lead < all.size() && all[lead] == '0') ++lead;
    decpt -= int(lead);
    digits = all.substr(lead);
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) decpt = -ndigits;
    return;
  }
  char tmp[64];
  std::to_chars_result r;
  if (mode == 0) {
    r = std::to_chars(tmp, tmp + sizeof tmp, v, std::chars_format::scientific);
  } else {
    buf.resize(size_t(ndigits) + 16);
    r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::scientific,
                      ndigits - 1);
    buf.resize(size_t(r.ptr - buf.data()));
  }
  std::string_view s = mode == 0 ? std::string_view(tmp, size_t(r.ptr - tmp)) : buf;
  size_t e = s.find('e');
  for (size_t i = 0; i < e; ++i) {
    if (s[i] != '.') digits.push_back(s[i]);
  }
  int exp10 = 0;
  std::from_chars(s.data() + e + 1 + (s[e + 1] == '+' ? 1 : 0), s.data() + s.size(), exp10);
  decpt = exp10 + 1;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}
}  // namespace

std::string double_to_string(double val, char format_code, int precision, int flags) {
  bool upper = false;
  char code = format_code;
  if (code == 'E' || code == 'F' || code == 'G') {
    upper = true;
    code = char(code + ('a' - 'A'));
  }
  int mode;
  switch (code) {
    case 'e':
      mode = 2;
      ++precision;
      break;
    case 'f':
      mode = 3;
      break;
    case 'g':
      mode = 2;
      if (precision == 0) precision = 1;
      break;
    default:  // 'r'
      mode = 0;
      break;
  }
  bool sign_neg = std::signbit(val);
  std::string out;
  if (std::isnan(val)) {
    if (flags & DTSF_SIGN) out.push_back('+');
    out += upper ? "NAN" : "nan";
    return out;
  }
  if (std::isinf(val)) {
    if (sign_neg) {
      out.push_back('-');
    } else if (flags & DTSF_SIGN) {
      out.push_back('+');
    }
    out += upper ? "INF" : "inf";
    return out;
  }
  bool add_dot_0_if_integer = flags & DTSF_ADD_DOT_0;
  bool use_alt_formatting = flags & DTSF_ALT;
  std::string digits;
  int decpt;
  dtoa_digits(val, mode, precision, digits, decpt);
  int digits_len = int(digits.size());
  if ((flags & DTSF_NO_NEG_0) && sign_neg &&
      (digits_len == 0 || (digits_len == 1 && digits[0] == '0'))) {
    sign_neg = false;
  }
  if (sign_neg) {
    out.push_back('-');
  } else if (flags & DTSF_SIGN) {
    out.push_back('+');
  }
  int vdigits_end = digits_len;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0_if_integer ? precision - 1 : precision)) use_exp = true;
      if (use_alt_formatting) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0_if_integer) {
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
  } else {
    vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;
  }
  if (decpt <= 0) {
    out.append(size_t(decpt - vdigits_start), '0');
    out.push_back('.');
    out.append(size_t(-decpt), '0');
  } else {
    out.append(size_t(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(digits, 0, size_t(decpt));
    out.push_back('.');
    out.append(digits, size_t(decpt), std::string::npos);
  } else {
    out += digits;
  }
  if (digits_len < decpt) {
    out.append(size_t(decpt - digits_len), '0');
    out.push_back('.');
    out.append(size_t(vdigits_end - decpt), '0');
  } else {
    out.append(size_t(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !use_alt_formatting) out.pop_back();
  if (use_exp) {
    out.push_back(upper ? 'E' : 'e');
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "%+.02d", exp);
    out.append(buf, size_t(n));
  }
  return out;
}

std::string float_repr_string(double v) {
  return double_to_string(v, 'r', 0, DTSF_ADD_DOT_0);
}

static Object* float_repr(Object* o) {
  return str_from_utf8(float_repr_string(float_value(o)));
}

// ---- hashing ------------------------------------------------------------------------------------
hash_t float_hash_value(double v) {
  constexpr int kBits = 61;
  constexpr uint64_t kMod = (uint64_t(1) << kBits) - 1;
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? 314159 : -314159;
    return 0;
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kMod) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = uint64_t(m);
    m -= double(y);
    x += y;
    if (x >= kMod) x -= kMod;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kMod) | x >> (kBits - e);
  x = x * uint64_t(int64_t(sign));
  if (x == uint64_t(-1)) x = uint64_t(-2);
  return hash_t(x);
}

static hash_t float_hash(Object* o) {
  double v = float_value(o);
  if (std::isnan(v)) {
    uintptr_t y = reinterpret_cast<uintptr_t>(o);
    y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
    hash_t h = hash_t(y);
    return h == -1 ? -2 : h;
  }
  return float_hash_value(v);
}

// ---- parsing ------------------------------------------------------------------------------------
namespace {
inline bool ascii_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool ieq(const char* s, size_t n, const char* lit) {
  size_t m = std::strlen(lit);
  if (n != m) return false;
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = char(c + 32);
    if (c != lit[i]) return false;
  }
  return true;
}
}  // namespace

bool parse_float_ascii(const char* s, size_t n, double* out) {
  size_t i = 0;
  bool neg = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) {
    neg = s[i] == '-';
    ++i;
  }
  const char* body = s + i;
  size_t blen = n - i;
  if (ieq(body, blen, "inf") || ieq(body, blen, "infinity")) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (ieq(body, blen, "nan")) {
    *out = neg ? -std::nan("") : std::nan("");
    return true;
  }
  // digits [. digits] [e [sign] digits], underscores only between two digits.
  std::string clean;
  clean.reserve(blen + 1);
  size_t j = 0;
  size_t int_digits = 0, frac_digits = 0;
  auto digit_run = [&](size_t& count) -> bool {
    while (j < blen) {
      char c = body[j];
      if (is_digit(c)) {
        clean.push_back(c);
        ++count;
        ++j;
      } else if (c == '_') {
        if (j == 0 || !is_digit(body[j - 1]) || j + 1 >= blen || !is_digit(body[j + 1])) {
          return false;
        }
        ++j;
      } else {
        break;
      }
    }
    return true;
  };
  if (!digit_run(int_digits)) return false;
  if (j < blen && body[j] == '.') {
    clean.push_back('.');
    ++j;
    if (!digit_run(frac_digits)) return false;
  }
  if (int_digits + frac_digits == 0) return false;
  if (j < blen && (body[j] == 'e' || body[j] == 'E')) {
    clean.push_back('e');
    ++j;
    if (j < blen && (body[j] == '+' || body[j] == '-')) clean.push_back(body[j++]);
    size_t exp_digits = 0;
    if (!digit_run(exp_digits)) return false;
    if (exp_digits == 0) return false;
  }
  if (j != blen) return false;
  double v = 0.0;
  auto r =
      std::from_chars(clean.data(), clean.data() + clean.size(), v, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) {
    v = std::strtod(clean.c_str(), nullptr);  // inf or 0 with the right rounding
  } else if (r.ec != std::errc() || r.ptr != clean.data() + clean.size()) {
    return false;
  }
  *out = neg ? -v : v;
  return true;
}

static Object* float_parse_error(Object* original) {
  return err_format(&Exc_ValueError, "could not convert string to float: %R", original);
}

Object* float_from_string(Object* obj) {
  std::string buf;
  if (str_check(obj)) {
    ssize n = str_length(obj);
    buf.resize(size_t(n));
    for (ssize i = 0; i < n; ++i) {
      uint32_t cp = str_read(obj, i);
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
  } else {
    ByteView view;
    if (!get_byte_view(obj, &view)) return nullptr;
    buf.assign(view.data, size_t(view.size));
  }
  size_t b = 0, e = buf.size();
  while (b < e && ascii_space(static_cast<unsigned char>(buf[b]))) ++b;
  while (e > b && ascii_space(static_cast<unsigned char>(buf[e - 1]))) --e;
  double v;
  if (b == e || !parse_float_ascii(buf.data() + b, e - b, &v)) return float_parse_error(obj);
  return float_from_double(v);
}

// ---- comparison ---------------------------------------------------------------------------------
static Object* float_richcompare(Object* a, Object* b, int op) {
  if (!float_check(a)) return not_implemented_ref();
  double x = float_value(a);
  int c;  // -1, 0, 1, or 2 for unordered
  if (float_check(b)) {
    double y = float_value(b);
    if (std::isnan(x) || std::isnan(y)) {
      c = 2;
    } else {
      c = (x > y) - (x < y);
    }
  } else if (int_check(b)) {
    c = int_compare_double(b, x);
    if (c != 2) c = -c;
  } else {
    return not_implemented_ref();
  }
  bool r;
  if (c == 2) {
    r = op == CMP_NE;
  } else {
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
      default:
        r = c >= 0;
        break;
    }
  }
  return bool_from(r);
}

// ---- arithmetic ---------------------------------------------------------------------------------
namespace {
// CONVERT_TO_DOUBLE: 1 ok, 0 not a number we handle (NotImplemented), -1 error.
inline int to_double(Object* o, double* out) {
  if (float_check(o)) {
    *out = float_value(o);
    return 1;
  }
  if (int_check(o)) {
    if (int_is_small(o)) {
      *out = double(int_small_value(o));
      return 1;
    }
    double d = int_as_double(o);
    if (d == -1.0 && err_occurred()) return -1;
    *out = d;
    return 1;
  }
  return 0;
}
}  // namespace

#define CONVERT_BOTH(a, b, x, y)               \
  double x, y;                                 \
  {                                            \
    int ca = to_double(a, &x);                 \
    if (ca < 0) return nullptr;                \
    if (ca == 0) return not_implemented_ref(); \
    int cb = to_double(b, &y);                 \
    if (cb < 0) return nullptr;                \
    if (cb == 0) return not_implemented_ref(); \
  }

static Object* float_add(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y);
  return float_from_double(x + y);
}
static Object* float_sub(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y);
  return float_from_double(x - y);
}
static Object* float_mul(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y);
  return float_from_double(x * y);
}
static Object* float_div(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return err_format(&Exc_ZeroDivisionError, "float division by zero");
  return float_from_double(x / y);
}

static double float_mod_value(double vx, double wx) {
  double mod = std::fmod(vx, wx);
  if (mod) {
    if ((wx < 0) != (mod < 0)) mod += wx;
  } else {
    mod = std::copysign(0.0, wx);
  }
  return mod;
}

static void float_divmod_values(double vx, double wx, double* floordiv, double* modp) {
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double fd;
  if (div) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *modp = mod;
}

static Object* float_rem(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return err_format(&Exc_ZeroDivisionError, "float modulo");
  return float_from_double(float_mod_value(x, y));
}
static Object* float_floordiv(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return err_format(&Exc_ZeroDivisionError, "float floor division by zero");
  double fd, m;
  float_divmod_values(x, y, &fd, &m);
  return float_from_double(fd);
}
static Object* float_divmod(Object* a, Object* b) {
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return err_format(&Exc_ZeroDivisionError, "float divmod()");
  double fd, m;
  float_divmod_values(x, y, &fd, &m);
  Ref q = Ref::steal(float_from_double(fd));
  Ref r = Ref::steal(float_from_double(m));
  if (!q || !r) return nullptr;
  return tuple_pack(2, q.get(), r.get());
}

static bool double_is_odd_integer(double x) {
  return std::fmod(std::fabs(x), 2.0) == 1.0;
}

Object* float_pow_values(double iv, double iw) {
  bool negate_result = false;
  if (iw == 0) return float_from_double(1.0);
  if (std::isnan(iv)) return float_from_double(iv);
  if (std::isnan(iw)) return float_from_double(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return float_from_double(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return float_from_double(std::fabs(iw));
    return float_from_double(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = double_is_odd_integer(iw);
    if (iw > 0.0) return float_from_double(odd ? iv : std::fabs(iv));
    return float_from_double(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = double_is_odd_integer(iw);
    if (iw < 0.0) {
      return err_format(&Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    }
    return float_from_double(odd ? iv : 0.0);
  }
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return complex_pow_doubles(iv, 0.0, iw, 0.0);
    iv = -iv;
    negate_result = double_is_odd_integer(iw);
  }
  if (iv == 1.0) return float_from_double(negate_result ? -1.0 : 1.0);
  errno = 0;
  double ix = std::pow(iv, iw);
  if (errno == 0 && std::isinf(ix)) {
    errno = ERANGE;
  } else if (errno == ERANGE && ix == 0.0) {
    errno = 0;
  }
  if (negate_result) ix = -ix;
  if (errno != 0) {
    return err_set_from_errno(errno == ERANGE ? &Exc_OverflowError : &Exc_ValueError);
  }
  return float_from_double(ix);
}

static Object* float_pow(Object* a, Object* b, Object* m) {
  if (m && m != None) {
    return err_format(&Exc_TypeError,
                      "pow() 3rd argument not allowed unless all arguments are integers");
  }
  CONVERT_BOTH(a, b, x, y);
  return float_pow_values(x, y);
}

static Object* float_neg(Object* a) {
  return float_from_double(-float_value(a));
}
static Object* float_pos(Object* a) {
  if (float_check_exact(a)) return newref(a);
  return float_from_double(float_value(a));
}
static Object* float_abs(Object* a) {
  return float_from_double(std::fabs(float_value(a)));
}
static int float_bool(Object* a) {
  return float_value(a) != 0.0;
}
static Object* float_int(Object* a) {
  return int_from_double(float_value(a));
}

// ---- constructor --------------------------------------------------------------------------------
static Object* float_from_object(Object* x) {
  if (float_check_exact(x)) return newref(x);
  if (str_check(x) || bytes_check(x) || bytearray_check(x)) return float_from_string(x);
  if (float_check(x)) return float_from_double(float_value(x));
  double d = float_as_double_msg(x, true);
  if (d == -1.0 && err_occurred()) return nullptr;
  return float_from_double(d);
}

static Object* float_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("float", kwnames)) return nullptr;
  if (nargs > 1) {
    return err_format(&Exc_TypeError, "float expected at most 1 argument, got %zd", nargs);
  }
  Ref r = Ref::steal(nargs == 0 ? float_from_double(0.0) : float_from_object(args[0]));
  if (!r || type == &FloatType) return r.release();
  auto* o = static_cast<FloatObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!o) return nullptr;
  o->value = float_value(r.get());
  return o;
}

static Object* float_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                Object* kwnames) {
  return float_new(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

// ---- methods ------------------------------------------------------------------------------------
double float_round_half_even(double x) {
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return rounded;
}

static Object* float_round_ndigits(double x, ssize ndigits) {
  if (ndigits >= 0) {
    std::string buf(size_t(ndigits) + 330, '\0');
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed,
                           int(ndigits));
    double v = 0.0;
    std::from_chars(buf.data(), r.ptr, v);
    if (v == 0.0) v = std::copysign(0.0, x);
    return float_from_double(v);
  }
  // Round |x| to a multiple of 10**k exactly (half to even), then convert correctly rounded.
  uint64_t k = uint64_t(-ndigits);
  int e;
  double m = std::frexp(std::fabs(x), &e);
  mpz_t num, den, q, r, p;
  mpz_inits(num, den, q, r, p, nullptr);
  mpz_set_d(num, std::ldexp(m, 53));  // exact integer mantissa
  e -= 53;
  mpz_ui_pow_ui(p, 10, k);
  mpz_set(den, p);
  if (e >= 0) {
    mpz_mul_2exp(num, num, mp_bitcnt_t(e));
  } else {
    mpz_mul_2exp(den, den, mp_bitcnt_t(-e));
  }
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  double v;
  bool ok = mpz_to_double_checked(q, &v);
  mpz_clears(num, den, q, r, p, nullptr);
  if (!ok) return err_format(&Exc_OverflowError, "rounded value too large to represent");
  return float_from_double(std::copysign(v, x));
}

static Object* float_round_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"", nullptr};
  static const ArgSpec spec{"__round__", kwlist, 0, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  double x = float_value(self);
  if (!a[0] || a[0] == None) return int_from_double(float_round_half_even(x));
  ssize ndigits = number_as_ssize(a[0], nullptr);
  if (ndigits == -1 && err_occurred()) return nullptr;
  if (!std::isfinite(x)) return float_from_double(x);
  constexpr int kMax = int((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  constexpr int kMin = -int((DBL_MAX_EXP + 1) * 0.30103);
  if (ndigits > kMax) return float_from_double(x);
  if (ndigits < kMin) return float_from_double(0.0 * x);
  return float_round_ndigits(x, ndigits);
}

static Object* float_trunc_meth(Object* self, Object* const*, ssize, Object*) {
  return int_from_double(float_value(self));
}
static Object* float_floor_meth(Object* self, Object* const*, ssize, Object*) {
  return int_from_double(std::floor(float_value(self)));
}
static Object* float_ceil_meth(Object* self, Object* const*, ssize, Object*) {
  return int_from_double(std::ceil(float_value(self)));
}
static Object* float_is_integer(Object* self, Object* const*, ssize, Object*) {
  double x = float_value(self);
  if (!std::isfinite(x)) return bool_from(false);
  return bool_from(std::floor(x) == x);
}
static Object* float_conjugate(Object* self, Object* const*, ssize, Object*) {
  return float_pos(self);
}

static Object* float_as_integer_ratio(Object* self, Object* const*, ssize, Object*) {
  double x = float_value(self);
  if (std::isinf(x)) {
    return err_format(&Exc_OverflowError, "cannot convert Infinity to integer ratio");
  }
  if (std::isnan(x)) return err_format(&Exc_ValueError, "cannot convert NaN to integer ratio");
  int exponent;
  double fp = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && fp != std::floor(fp); ++i) {
    fp *= 2.0;
    exponent--;
  }
  mpz_t n, d;
  mpz_init_set_d(n, fp);
  mpz_init_set_ui(d, 1);
  if (exponent > 0) {
    mpz_mul_2exp(n, n, mp_bitcnt_t(exponent));
  } else {
    mpz_mul_2exp(d, d, mp_bitcnt_t(-exponent));
  }
  Ref num = Ref::steal(int_from_mpz_steal(n));
  Ref den = Ref::steal(int_from_mpz_steal(d));
  if (!num || !den) return nullptr;
  return tuple_pack(2, num.get(), den.get());
}

static Object* float_hex(Object* self, Object* const*, ssize, Object*) {
  double x = float_value(self);
  if (std::isnan(x) || std::isinf(x)) return float_repr(self);
  if (x == 0.0) return str_from_cstr(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static const char hexd[] = "0123456789abcdef";
  std::string s;
  s.push_back(hexd[int(m)]);
  m -= int(m);
  s.push_back('.');
  for (int i = 0; i < (DBL_MANT_DIG + 3 - (DBL_MANT_DIG + 2) % 4 - 1) / 4; ++i) {
    m *= 16.0;
    s.push_back(hexd[int(m)]);
    m -= int(m);
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0 ? "-" : "", s.c_str(), e < 0 ? '-' : '+',
                e < 0 ? -e : e);
  return str_from_cstr(buf);
}

static int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static Object* float_fromhex(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("fromhex", kwnames)) return nullptr;
  if (nargs != 1) {
    return err_format(&Exc_TypeError, "float.fromhex() takes exactly one argument (%zd given)",
                      nargs);
  }
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "fromhex() argument must be str, not %s",
                      type_name(type_of(args[0])));
  }
  std::string_view text = str_view(args[0]);
  if (!text.data() && err_occurred()) return nullptr;
  auto parse_error = [] {
    return err_format(&Exc_ValueError, "invalid hexadecimal floating-point string");
  };
  size_t b = 0, e = text.size();
  while (b < e && ascii_space(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && ascii_space(static_cast<unsigned char>(text[e - 1]))) --e;
  std::string_view s = text.substr(b, e - b);
  double result;
  double special;
  if (!s.empty() && (s[0] == '-' || s[0] == '+' || hex_digit(s[0]) < 0) && s.find('.') == s.npos &&
      parse_float_ascii(s.data(), s.size(), &special) && !std::isfinite(special)) {
    result = special;
  } else {
    size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
    std::string norm = "0x";
    size_t ndigits = 0;
    while (i < s.size() && hex_digit(s[i]) >= 0) {
      norm.push_back(s[i++]);
      ++ndigits;
    }
    if (i < s.size() && s[i] == '.') {
      norm.push_back(s[i++]);
      while (i < s.size() && hex_digit(s[i]) >= 0) {
        norm.push_back(s[i++]);
        ++ndigits;
      }
    }
    if (ndigits == 0) return parse_error();
    norm.push_back('p');
    if (i < s.size() && (s[i] == 'p' || s[i] == 'P')) {
      ++i;
      if (i < s.size() && (s[i] == '-' || s[i] == '+')) norm.push_back(s[i++]);
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return parse_error();
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') norm.push_back(s[i++]);
    } else {
      norm.push_back('0');
    }
    if (i != s.size()) return parse_error();
    errno = 0;
    result = std::strtod(norm.c_str(), nullptr);
    if (std::isinf(result)) {
      return err_format(&Exc_OverflowError, "hexadecimal value too large to represent as a float");
    }
    if (neg) result = -result;
  }
  Ref r = Ref::steal(float_from_double(result));
  if (!r) return nullptr;
  if (static_cast<TypeObject*>(cls) == &FloatType) return r.release();
  return call1(cls, r.get());
}

static Object* float_format_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("__format__", kwnames)) return nullptr;
  if (nargs != 1) {
    return err_format(&Exc_TypeError, "__format__() takes exactly one argument (%zd given)", nargs);
  }
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "__format__() argument must be str, not %s",
                      type_name(type_of(args[0])));
  }
  if (str_length(args[0]) == 0) return object_str(self);
  return format_float(float_value(self), args[0]);
}

static Object* float_getnewargs(Object* self, Object* const*, ssize, Object*) {
  Ref v = Ref::steal(float_from_double(float_value(self)));
  if (!v) return nullptr;
  return tuple_pack(1, v.get());
}

static Object* float_getformat(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs != 1 || !str_check(args[0])) {
    return err_format(&Exc_TypeError, "__getformat__() argument must be str");
  }
  if (!str_equal_cstr(args[0], "double") && !str_equal_cstr(args[0], "float")) {
    return err_format(&Exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return str_from_cstr("IEEE, little-endian");
}

static Object* float_get_real(Object* self) {
  return float_pos(self);
}
static Object* float_get_imag(Object*) {
  return float_from_double(0.0);
}

static const MethodDef float_methods[] = {
    {"conjugate", float_conjugate, METH_DEFAULT,
     "Return self, the complex conjugate of any float."},
    {"__trunc__", float_trunc_meth, METH_DEFAULT,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_meth, METH_DEFAULT, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_meth, METH_DEFAULT, "Return the ceiling as an Integral."},
    {"__round__", float_round_meth, METH_DEFAULT,
     "Return the Integral closest to x, rounding half toward even."},
    {"as_integer_ratio", float_as_integer_ratio, METH_DEFAULT, "Return integer ratio."},
    {"fromhex", float_fromhex, METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", float_hex, METH_DEFAULT,
     "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", float_is_integer, METH_DEFAULT, "Return True if the float is an integer."},
    {"__getnewargs__", float_getnewargs, METH_DEFAULT, nullptr},
    {"__getformat__", float_getformat, METH_CLASS, "You probably don't want to use this function."},
    {"__format__", float_format_meth, METH_DEFAULT, "Formats the float according to format_spec."},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef float_getset[] = {
    {"real", float_get_real, nullptr, "the real part of a complex number"},
    {"imag", float_get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr, nullptr, nullptr},
};

void init_float_types() {
  TypeObject& t = FloatType;
  t.name = "float";
  t.basicsize = sizeof(FloatObject);
  t.flags = TPFLAG_BASETYPE | TPFLAG_IMMUTABLETYPE | TPFLAG_FLOAT_SUBCLASS;
  t.doc = "Convert a string or number to a floating point number, if possible.";
  t.base = &ObjectType;
  t.dealloc = float_dealloc;
  t.repr = float_repr;
  t.hash = float_hash;
  t.richcompare = float_richcompare;
  t.new_ = float_new;
  t.vectorcall = float_vectorcall;
  t.methods = float_methods;
  t.getset = float_getset;
  t.nb_add = float_add;
  t.nb_subtract = float_sub;
  t.nb_multiply = float_mul;
  t.nb_remainder = float_rem;
  t.nb_divmod = float_divmod;
  t.nb_power = float_pow;
  t.nb_negative = float_neg;
  t.nb_positive = float_pos;
  t.nb_absolute = float_abs;
  t.nb_bool = float_bool;
  t.nb_int = float_int;
  t.nb_float = float_pos;
  t.nb_floor_divide = float_floordiv;
  t.nb_true_divide = float_div;
  register_static_type(&FloatType);
  init_complex_type();
}

}  // namespace gilpy
