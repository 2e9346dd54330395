// complex: CPython 3.12's complexobject.c, on two doubles.
//
// Arithmetic mirrors _Py_c_sum/_Py_c_diff/_Py_c_prod and Smith's division (_Py_c_quot), and
// complex_pow's two paths (repeated squaring for small integral exponents, polar form otherwise)
// with its errno-based errors. Mixed operands (int, float) are converted to complex with
// OverflowError for huge ints. Only == and != are defined (ordering returns NotImplemented, so
// the abstract layer raises "'<' not supported ..."). repr follows complex_repr: "1j" when the
// real part is +0.0, otherwise "(re+imj)" with each part in float repr style but without ".0".
// complex(str) accepts the forms of complex_from_string_inner ("1+2j", "(1-j)", " 3j ", "inf",
// underscores between digits); complex(real, imag) handles complex arguments as CPython does.
#include "objects/complexobject.h"

#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/number_impl.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject ComplexType;

namespace {
struct Cx {
  double real, imag;
};

Cx c_prod(Cx a, Cx b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

Cx c_quot(Cx a, Cx b) {
  Cx r;
  const double abs_breal = b.real < 0 ? -b.real : b.real;
  const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      errno = EDOM;
      r.real = r.imag = 0.0;
    } else {
      const double ratio = b.imag / b.real;
      const double denom = b.real + b.imag * ratio;
      r.real = (a.real + a.imag * ratio) / denom;
      r.imag = (a.imag - a.real * ratio) / denom;
    }
  } else if (abs_bimag >= abs_breal) {
    const double ratio = b.real / b.imag;
    const double denom = b.real * ratio + b.imag;
    r.real = (a.real * ratio + a.imag) / denom;
    r.imag = (a.imag * ratio - a.real) / denom;
  } else {
    r.real = r.imag = NAN;
  }
  return r;
}

Cx c_pow(Cx a, Cx b) {
  Cx r;
  if (b.real == 0. && b.imag == 0.) {
    r = {1., 0.};
  } else if (a.real == 0. && a.imag == 0.) {
    if (b.imag != 0. || b.real < 0.) errno = EDOM;
    r = {0., 0.};
  } else {
    double vabs = std::hypot(a.real, a.imag);
    double len = std::pow(vabs, b.real);
    double at = std::atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
      len /= std::exp(at * b.imag);
      phase += b.imag * std::log(vabs);
    }
    r.real = len * std::cos(phase);
    r.imag = len * std::sin(phase);
  }
  return r;
}

Cx c_powu(Cx x, long n) {
  Cx r{1., 0.};
  Cx p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = c_prod(r, p);
    mask <<= 1;
    p = c_prod(p, p);
  }
  return r;
}

Cx c_powi(Cx x, long n) {
  if (n > 0) return c_powu(x, n);
  return c_quot(Cx{1., 0.}, c_powu(x, -n));
}

Object* from_cx(Cx c) {
  return complex_from_doubles(c.real, c.imag);
}

// TO_COMPLEX: 1 ok, 0 NotImplemented, -1 error.
int to_complex(Object* o, Cx* out) {
  if (complex_check(o)) {
    *out = {complex_real(o), complex_imag(o)};
    return 1;
  }
  if (float_check(o)) {
    *out = {float_value(o), 0.0};
    return 1;
  }
  if (int_check(o)) {
    double d = int_as_double(o);
    if (d == -1.0 && err_occurred()) return -1;
    *out = {d, 0.0};
    return 1;
  }
  return 0;
}
}  // namespace

#define TO_COMPLEX_BOTH(a, b, x, y)            \
  Cx x, y;                                     \
  {                                            \
    int ca = to_complex(a, &x);                \
    if (ca < 0) return nullptr;                \
    if (ca == 0) return not_implemented_ref(); \
    int cb = to_complex(b, &y);                \
    if (cb < 0) return nullptr;                \
    if (cb == 0) return not_implemented_ref(); \
  }

Object* complex_from_doubles(double real, double imag) {
  auto* o = alloc_object<ComplexObject>(&ComplexType);
  if (!o) return nullptr;
  o->real = real;
  o->imag = imag;
  return o;
}

static Object* complex_subtype_from_doubles(TypeObject* type, double re, double im) {
  if (type == &ComplexType) return complex_from_doubles(re, im);
  auto* o = static_cast<ComplexObject*>(object_alloc(type, size_t(type->basicsize)));
  if (!o) return nullptr;
  o->real = re;
  o->imag = im;
  return o;
}

static void complex_dealloc(Object* o) {
  object_free(o);
}

static Object* complex_pow_cx(Cx a, Cx b) {
  Cx p;
  errno = 0;
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
    p = c_powi(a, long(b.real));
  } else {
    p = c_pow(a, b);
  }
  if (std::isinf(p.real) || std::isinf(p.imag)) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;
  }
  if (errno == EDOM) {
    return err_format(&Exc_ZeroDivisionError, "0.0 to a negative or complex power");
  }
  if (errno == ERANGE) return err_format(&Exc_OverflowError, "complex exponentiation");
  return from_cx(p);
}

Object* complex_pow_doubles(double ar, double ai, double br, double bi) {
  return complex_pow_cx(Cx{ar, ai}, Cx{br, bi});
}

// ---- slots --------------------------------------------------------------------------------------
static Object* complex_add(Object* a, Object* b) {
  TO_COMPLEX_BOTH(a, b, x, y);
  return complex_from_doubles(x.real + y.real, x.imag + y.imag);
}
static Object* complex_sub(Object* a, Object* b) {
  TO_COMPLEX_BOTH(a, b, x, y);
  return complex_from_doubles(x.real - y.real, x.imag - y.imag);
}
static Object* complex_mul(Object* a, Object* b) {
  TO_COMPLEX_BOTH(a, b, x, y);
  return from_cx(c_prod(x, y));
}
static Object* complex_div(Object* a, Object* b) {
  TO_COMPLEX_BOTH(a, b, x, y);
  errno = 0;
  Cx q = c_quot(x, y);
  if (errno == EDOM) return err_format(&Exc_ZeroDivisionError, "complex division by zero");
  return from_cx(q);
}
static Object* complex_pow(Object* a, Object* b, Object* m) {
  TO_COMPLEX_BOTH(a, b, x, y);
  if (m && m != None) return err_format(&Exc_ValueError, "complex modulo");
  return complex_pow_cx(x, y);
}
static Object* complex_neg(Object* a) {
  return complex_from_doubles(-complex_real(a), -complex_imag(a));
}
static Object* complex_pos(Object* a) {
  if (complex_check_exact(a)) return newref(a);
  return complex_from_doubles(complex_real(a), complex_imag(a));
}
static Object* complex_abs(Object* a) {
  double re = complex_real(a), im = complex_imag(a);
  double result;
  if (!std::isfinite(re) || !std::isfinite(im)) {
    if (std::isinf(re)) {
      result = std::fabs(re);
    } else if (std::isinf(im)) {
      result = std::fabs(im);
    } else {
      result = NAN;
    }
    return float_from_double(result);
  }
  result = std::hypot(re, im);
  if (!std::isfinite(result)) return err_format(&Exc_OverflowError, "absolute value too large");
  return float_from_double(result);
}
static int complex_bool(Object* a) {
  return complex_real(a) != 0.0 || complex_imag(a) != 0.0;
}

static Object* complex_richcompare(Object* a, Object* b, int op) {
  if (op != CMP_EQ && op != CMP_NE) return not_implemented_ref();
  if (!complex_check(a)) return not_implemented_ref();
  double re = complex_real(a), im = complex_imag(a);
  bool equal;
  if (int_check(b)) {
    if (im != 0.0) {
      equal = false;
    } else {
      equal = int_compare_double(b, re) == 0;
    }
  } else if (float_check(b)) {
    equal = re == float_value(b) && im == 0.0;
  } else if (complex_check(b)) {
    equal = re == complex_real(b) && im == complex_imag(b);
  } else {
    return not_implemented_ref();
  }
  return bool_from(op == CMP_EQ ? equal : !equal);
}

static hash_t complex_hash(Object* o) {
  auto part = [o](double v) -> uint64_t {
    if (std::isnan(v)) {
      uintptr_t y = reinterpret_cast<uintptr_t>(o);
      y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
      return uint64_t(y);
    }
    return uint64_t(float_hash_value(v));
  };
  uint64_t combined = part(complex_real(o)) + 1000003u * part(complex_imag(o));
  if (combined == uint64_t(-1)) combined = uint64_t(-2);
  return hash_t(combined);
}

static Object* complex_repr(Object* o) {
  double re = complex_real(o), im = complex_imag(o);
  std::string s;
  if (re == 0.0 && !std::signbit(re)) {
    s = double_to_string(im, 'r', 0, 0);
    s += 'j';
  } else {
    s = "(";
    s += double_to_string(re, 'r', 0, 0);
    s += double_to_string(im, 'r', 0, DTSF_SIGN);
    s += "j)";
  }
  return str_from_utf8(s);
}

// ---- parsing ------------------------------------------------------------------------------------
namespace {
inline bool ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The longest prefix of s that strtod would accept as a decimal float, inf or nan; returns its
// length (0 if none) and the value.
size_t float_prefix(const char* s, size_t n, double* out) {
  size_t i = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  auto ci = [&](size_t k, const char* lit) {
    size_t m = std::strlen(lit);
    if (k + m > n) return false;
    for (size_t j = 0; j < m; ++j) {
      char c = s[k + j];
      if (c >= 'A' && c <= 'Z') c = char(c + 32);
      if (c != lit[j]) return false;
    }
    return true;
  };
  size_t end;
  if (ci(i, "inf")) {
    end = ci(i, "infinity") ? i + 8 : i + 3;
  } else if (ci(i, "nan")) {
    end = i + 3;
  } else {
    size_t j = i, nd = 0;
    while (j < n && is_digit(s[j])) ++j, ++nd;
    if (j < n && s[j] == '.') {
      ++j;
      while (j < n && is_digit(s[j])) ++j, ++nd;
    }
    if (nd == 0) return 0;
    if (j < n && (s[j] == 'e' || s[j] == 'E')) {
      size_t k = j + 1;
      if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
      if (k < n && is_digit(s[k])) {
        while (k < n && is_digit(s[k])) ++k;
        j = k;
      }
    }
    end = j;
  }
  if (!parse_float_ascii(s, end, out)) return 0;
  return end;
}

// 1: ok, 0: malformed, -1: misplaced underscore.
int parse_complex_ascii(std::string s, double* re, double* im) {
  if (s.find('_') != std::string::npos) {
    std::string dup;
    char prev = '\0';
    for (char c : s) {
      if (c == '_') {
        if (!is_digit(prev)) return -1;
      } else {
        dup.push_back(c);
        if (prev == '_' && !is_digit(c)) return -1;
      }
      prev = c;
    }
    if (prev == '_') return -1;
    s = dup;
  }
  const char* p = s.data();
  size_t n = s.size(), i = 0;
  double x = 0.0, y = 0.0;
  bool got_bracket = false;
  while (i < n && ascii_space(p[i])) ++i;
  if (i < n && p[i] == '(') {
    got_bracket = true;
    ++i;
    while (i < n && ascii_space(p[i])) ++i;
  }
  double z;
  size_t len = float_prefix(p + i, n - i, &z);
  auto at = [&](size_t k) -> char { return k < n ? p[k] : '\0'; };
  if (len > 0) {
    i += len;
    if (at(i) == '+' || at(i) == '-') {
      x = z;
      size_t len2 = float_prefix(p + i, n - i, &y);
      if (len2 > 0) {
        i += len2;
      } else {
        y = at(i) == '+' ? 1.0 : -1.0;
        ++i;
      }
      if (!(at(i) == 'j' || at(i) == 'J')) return 0;
      ++i;
    } else if (at(i) == 'j' || at(i) == 'J') {
      ++i;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (at(i) == '+' || at(i) == '-') {
      y = at(i) == '+' ? 1.0 : -1.0;
      ++i;
    } else {
      y = 1.0;
    }
    if (!(at(i) == 'j' || at(i) == 'J')) return 0;
    ++i;
  }
  while (i < n && ascii_space(p[i])) ++i;
  if (got_bracket) {
    if (at(i) != ')') return 0;
    ++i;
    while (i < n && ascii_space(p[i])) ++i;
  }
  if (i != n) return 0;
  *re = x;
  *im = y;
  return 1;
}
}  // namespace

static Object* complex_from_str(TypeObject* type, Object* v) {
  ssize n = str_length(v);
  std::string buf(size_t(n), '\0');
  for (ssize i = 0; i < n; ++i) {
    uint32_t cp = str_read(v, i);
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
  double re, im;
  int ok = parse_complex_ascii(buf, &re, &im);
  if (ok < 0) return err_format(&Exc_ValueError, "could not convert string to complex: %R", v);
  if (ok == 0) return err_format(&Exc_ValueError, "complex() arg is a malformed string");
  return complex_subtype_from_doubles(type, re, im);
}

// __complex__ lookup: 1 with *out set, 0 if absent, -1 on error.
static int try_complex_special_method(Object* op, Object** out) {
  Object* f = type_lookup_borrowed(type_of(op), str_intern_cstr_borrowed("__complex__"));
  if (!f) return 0;
  Object* res = call1(f, op);
  if (!res) return -1;
  if (!complex_check(res)) {
    err_format(&Exc_TypeError, "__complex__ returned non-complex (type %s)",
               type_name(type_of(res)));
    decref(res);
    return -1;
  }
  *out = res;
  return 1;
}

static Object* complex_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"real", "imag", nullptr};
  static const ArgSpec spec{"complex", kwlist, 0, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* r = a[0];
  Object* i = a[1];
  if (!r) {
    if (!i) return complex_subtype_from_doubles(type, 0.0, 0.0);
    r = int_from_i64(0);  // immortal small int
  }
  if (complex_check_exact(r) && !i && type == &ComplexType) return newref(r);
  if (str_check(r)) {
    if (i) {
      return err_format(&Exc_TypeError, "complex() can't take second arg if first is a string");
    }
    return complex_from_str(type, r);
  }
  if (i && str_check(i)) {
    return err_format(&Exc_TypeError, "complex() second arg can't be a string");
  }
  Ref own_r;
  Object* tmp = nullptr;
  int got = try_complex_special_method(r, &tmp);
  if (got < 0) return nullptr;
  if (got) {
    own_r = Ref::steal(tmp);
    r = tmp;
  }
  TypeObject* tr = type_of(r);
  if (!complex_check(r) && !tr->nb_float && !tr->nb_index) {
    return err_format(&Exc_TypeError,
                      "complex() first argument must be a string or a number, not '%s'",
                      type_name(tr));
  }
  if (i) {
    TypeObject* ti = type_of(i);
    if (!complex_check(i) && !ti->nb_float && !ti->nb_index) {
      return err_format(&Exc_TypeError, "complex() second argument must be a number, not '%s'",
                        type_name(ti));
    }
  }
  Cx cr{0, 0}, ci{0, 0};
  bool cr_is_complex = false, ci_is_complex = false;
  if (complex_check(r)) {
    cr = {complex_real(r), complex_imag(r)};
    cr_is_complex = true;
  } else {
    double d = float_as_double_msg(r, true);
    if (d == -1.0 && err_occurred()) return nullptr;
    cr = {d, 0.0};
  }
  if (!i) {
    ci.real = cr.imag;
  } else if (complex_check(i)) {
    ci = {complex_real(i), complex_imag(i)};
    ci_is_complex = true;
  } else {
    double d = float_as_double_msg(i, true);
    if (d == -1.0 && err_occurred()) return nullptr;
    ci.real = d;
  }
  if (ci_is_complex) cr.real -= ci.imag;
  if (cr_is_complex && i) ci.real += cr.imag;
  return complex_subtype_from_doubles(type, cr.real, ci.real);
}

static Object* complex_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                  Object* kwnames) {
  return complex_new(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

// ---- methods ------------------------------------------------------------------------------------
static Object* complex_conjugate(Object* self, Object* const*, ssize, Object*) {
  return complex_from_doubles(complex_real(self), -complex_imag(self));
}
static Object* complex_getnewargs(Object* self, Object* const*, ssize, Object*) {
  Ref re = Ref::steal(float_from_double(complex_real(self)));
  Ref im = Ref::steal(float_from_double(complex_imag(self)));
  if (!re || !im) return nullptr;
  return tuple_pack(2, re.get(), im.get());
}
static Object* complex_format_meth(Object* self, Object* const* args, ssize nargs,
                                   Object* kwnames) {
  if (!check_no_kwargs("__format__", kwnames)) return nullptr;
  if (nargs != 1) {
    return err_format(&Exc_TypeError, "__format__() takes exactly one argument (%zd given)", nargs);
  }
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "__format__() argument must be str, not %s",
                      type_name(type_of(args[0])));
  }
  if (str_length(args[0]) == 0) return object_str(self);
  return format_complex(complex_real(self), complex_imag(self), args[0]);
}
static Object* complex_complex_meth(Object* self, Object* const*, ssize, Object*) {
  return complex_pos(self);
}
static Object* complex_get_real(Object* self) {
  return float_from_double(complex_real(self));
}
static Object* complex_get_imag(Object* self) {
  return float_from_double(complex_imag(self));
}

static const MethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_DEFAULT,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", complex_complex_meth, METH_DEFAULT, "Convert complex to complex."},
    {"__getnewargs__", complex_getnewargs, METH_DEFAULT, nullptr},
    {"__format__", complex_format_meth, METH_DEFAULT,
     "Convert to a string according to format_spec."},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef complex_getset[] = {
    {"real", complex_get_real, nullptr, "the real part of a complex number"},
    {"imag", complex_get_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr, nullptr, nullptr, nullptr},
};

void init_complex_type() {
  TypeObject& t = ComplexType;
  t.name = "complex";
  t.basicsize = sizeof(ComplexObject);
  t.flags = TPFLAG_BASETYPE | TPFLAG_IMMUTABLETYPE;
  t.doc =
      "Create a complex number from a real part and an optional imaginary part.\n\nThis is "
      "equivalent to (real + imag*1j) where imag defaults to 0.";
  t.base = &ObjectType;
  t.dealloc = complex_dealloc;
  t.repr = complex_repr;
  t.hash = complex_hash;
  t.richcompare = complex_richcompare;
  t.new_ = complex_new;
  t.vectorcall = complex_vectorcall;
  t.methods = complex_methods;
  t.getset = complex_getset;
  t.nb_add = complex_add;
  t.nb_subtract = complex_sub;
  t.nb_multiply = complex_mul;
  t.nb_true_divide = complex_div;
  t.nb_power = complex_pow;
  t.nb_negative = complex_neg;
  t.nb_positive = complex_pos;
  t.nb_absolute = complex_abs;
  t.nb_bool = complex_bool;
  register_static_type(&ComplexType);
}

}  // namespace gilpy
