// `_decimal`, part 2: decimal.Decimal on libmpdec. Construction (str, int, float, tuple,
// Decimal) with CPython's exactness rules, str/repr/format, the number protocol, comparisons
// with int/float/complex/Fraction, CPython's numeric hash, and the operations shared with
// Context (one libmpdec function per operation; a template makes the Decimal method, taking
// `context=None`, and the Context method, taking positional operands).
//
// Exactness: Decimal(x) converts exactly under a maximal context (a result that would need
// rounding becomes NaN + InvalidOperation, as CPython); Context.create_decimal(x) rounds to the
// context. Operands of arithmetic are Decimals or ints (converted exactly); everything else is
// NotImplemented for operators and TypeError for methods. Results are plain Decimals.
// The conditions of each operation go through dec_addstatus (decimal_context.cpp), which raises
// the first trapped signal. The GIL is held throughout (libmpdec is reentrant).
#include <gmp.h>

#include <cmath>
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/decimal_internal.h"
#include "modules/modules.h"
#include "objects/complexobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/import.h"
#include "vm/state.h"

namespace gilpy {

TypeObject DecimalType;
Object* dec_float(Object* self);  // float(d)

namespace {

Object* g_decimal_tuple = nullptr;  // collections.namedtuple('DecimalTuple', ...)

constexpr hash_t kHashModulus = (hash_t(1) << 61) - 1;
constexpr hash_t kHashInf = 314159;
constexpr hash_t kHashInv10 = 2075258708292324556LL;  // pow(10, P-2, P): the inverse of 10

mpd_context_t max_context() {
  mpd_context_t c;
  mpd_maxcontext(&c);
  return c;
}

// ---- Arguments (PyArg_ParseTupleAndKeywords' messages, as _decimal's methods give) ---------------
}  // namespace

bool dec_kw_args(const char* const* names, int nmin, Object* const* args, ssize nargs,
             Object* kwnames, Object** out) {
  int n = 0;
  while (names[n]) ++n;
  for (int i = 0; i < n; ++i) out[i] = i < nargs ? args[i] : nullptr;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs + nkw > n) {
    err_format(&Exc_TypeError, "function takes at most %d argument%s (%zd given)", n,
               n == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  for (ssize k = 0; k < nkw; ++k) {
    Object* key = tuple_get_borrowed(kwnames, k);
    int i = 0;
    while (i < n && !str_equal_cstr(key, names[i])) ++i;
    if (i == n) {
      err_format(&Exc_TypeError, "'%S' is an invalid keyword argument for this function", key);
      return false;
    }
    if (i < nargs) {
      err_format(&Exc_TypeError, "argument for function given by name ('%s') and position (%d)",
                 names[i], i + 1);
      return false;
    }
    out[i] = args[nargs + k];
  }
  for (int i = 0; i < nmin; ++i) {
    if (!out[i]) {
      err_format(&Exc_TypeError, "function missing required argument '%s' (pos %d)", names[i], i + 1);
      return false;
    }
  }
  return true;
}

namespace {

constexpr auto kw_args = dec_kw_args;

// PyArg_ParseTuple's count check for METH_VARARGS methods ("function takes exactly 2 arguments").
bool tuple_args(const char* name, int nmin, int nmax, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  if (nargs < nmin || nargs > nmax) {
    const char* how = nmin == nmax ? "exactly" : nargs < nmin ? "at least" : "at most";
    int count = nargs < nmin ? nmin : nmax;
    err_format(&Exc_TypeError, "function takes %s %d argument%s (%zd given)", how, count,
               count == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

// A C++20 string usable as a template argument (method names in messages).
template <size_t N>
struct Name {
  char s[N];
  constexpr Name(const char (&a)[N]) {
    for (size_t i = 0; i < N; ++i) s[i] = a[i];
  }
};

// ---- Allocation and string conversion ------------------------------------------------------------
void dec_dealloc(Object* o) {
  mpd_del(MPD(o));
  object_free(o);  // a heap subclass's subtype_dealloc releases the class
}

std::string to_sci(const mpd_t* d, int caps) {
  char* s = mpd_to_sci(d, caps);
  if (!s) return std::string();
  std::string r(s);
  mpd_free(s);
  return r;
}

int current_caps() {
  Object* c = current_context_borrowed();
  return c ? as_ctx(c)->capitals : 1;
}

// The ASCII form of a numeric string as CPython's numeric_as_ascii: Unicode digits become ASCII,
// other non-ASCII characters make it invalid (empty), whitespace optionally stripped.
std::string numeric_ascii(Object* u, bool strip_ws, bool ignore_underscores) {
  std::string out;
  ssize n = str_length(u);
  for (ssize i = 0; i < n; ++i) {
    uint32_t ch = str_read(u, i);
    if (ignore_underscores && ch == '_') continue;
    if (ch > 0 && ch <= 127) {
      out += char(ch);
    } else if (unicode_isspace(ch)) {
      out += ' ';
    } else {
      int d = unicode_decimal_value(ch);
      if (d < 0) return std::string();
      out += char('0' + d);
    }
  }
  if (strip_ws) {
    size_t b = out.find_first_not_of(" \t\n\r\v\f");
    if (b == std::string::npos) return std::string();
    size_t e = out.find_last_not_of(" \t\n\r\v\f");
    out = out.substr(b, e - b + 1);
  }
  return out;
}

// Set `r` from ASCII text: exactly (maximal context) or rounded to `context`.
bool set_from_string(Object* r, const std::string& s, Object* context, bool exact) {
  uint32_t status = 0;
  if (exact) {
    mpd_context_t maxc = max_context();
    mpd_qset_string(MPD(r), s.c_str(), &maxc, &status);
    if (status & (MPD_Inexact | MPD_Rounded | MPD_Clamped)) {
      mpd_seterror(MPD(r), MPD_Invalid_operation, &status);
    }
    status &= MPD_Errors;
  } else {
    mpd_qset_string(MPD(r), s.c_str(), CTX(context), &status);
  }
  return !dec_addstatus(context, status);
}

Object* dec_from_string(TypeObject* type, const std::string& s, Object* context, bool exact) {
  Ref r = Ref::steal(dec_alloc(type));
  if (!r || !set_from_string(r.get(), s, context, exact)) return nullptr;
  return r.release();
}

Object* dec_from_int(TypeObject* type, Object* v, Object* context, bool exact) {
  if (int_is_small(v)) {
    Ref r = Ref::steal(dec_alloc(type));
    if (!r) return nullptr;
    uint32_t status = 0;
    if (exact) {
      mpd_qset_i64_exact(MPD(r.get()), int_small_value(v), &status);
      status &= MPD_Errors;
    } else {
      mpd_qset_i64(MPD(r.get()), int_small_value(v), CTX(context), &status);
    }
    if (dec_addstatus(context, status)) return nullptr;
    return r.release();
  }
  return dec_from_string(type, int_to_decimal(v), context, exact);
}

std::string mpz_string(const mpz_t z) {
  std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(std::strlen(s.c_str()));
  return s;
}

// The exact decimal digits of a finite double: m * 2**e = (m * 5**-e) * 10**e.
std::string float_exact_string(double x) {
  int e2 = 0;
  double m = std::frexp(std::fabs(x), &e2);
  int64_t mant = int64_t(std::ldexp(m, 53));
  e2 -= 53;
  while (mant && !(mant & 1) && e2 < 0) {
    mant >>= 1;
    ++e2;
  }
  if (mant == 0) e2 = 0;
  mpz_t z;
  mpz_init_set_si(z, mant);
  std::string s;
  if (e2 >= 0) {
    mpz_mul_2exp(z, z, mp_bitcnt_t(e2));
    s = mpz_string(z);
  } else {
    mpz_t five;
    mpz_init(five);
    mpz_ui_pow_ui(five, 5, unsigned(-e2));
    mpz_mul(z, z, five);
    mpz_clear(five);
    s = mpz_string(z) + "E" + std::to_string(e2);
  }
  mpz_clear(z);
  return (std::signbit(x) ? "-" : "") + s;
}

// Decimal from (sign, digits, exponent): the string CPython's dectuple_as_str builds.
bool tuple_as_string(Object* v, std::string* out) {
  Ref t = Ref::borrow(v);
  if (list_check(v)) t = Ref::steal(list_as_tuple(v));
  if (!t) return false;
  if (tuple_size(t.get()) != 3) {
    err_format(&Exc_ValueError, "argument must be a sequence of length 3");
    return false;
  }
  Object* sign = tuple_get_borrowed(t.get(), 0);
  bool ovf = false;
  int64_t sv = int_check(sign) ? int_as_i64(sign, &ovf) : -1;
  if (!int_check(sign) || ovf || (sv != 0 && sv != 1)) {
    err_format(&Exc_ValueError, "sign must be an integer with the value 0 or 1");
    return false;
  }
  Object* exp = tuple_get_borrowed(t.get(), 2);
  std::string special;
  int64_t e = 0;
  if (str_check(exp)) {
    if (str_equal_cstr(exp, "F")) special = "Inf";
    else if (str_equal_cstr(exp, "n")) special = "NaN";
    else if (str_equal_cstr(exp, "N")) special = "sNaN";
    else {
      err_format(&Exc_ValueError, "string argument in the third position must be 'F', 'n' or 'N'");
      return false;
    }
  } else if (int_check(exp)) {
    e = int_as_ssize(exp);
    if (e == -1 && err_occurred()) return false;
  } else {
    err_format(&Exc_ValueError, "exponent must be an integer");
    return false;
  }
  Ref digits = Ref::borrow(tuple_get_borrowed(t.get(), 1));
  if (list_check(digits.get())) digits = Ref::steal(list_as_tuple(digits.get()));
  if (!digits) return false;
  if (!tuple_check(digits.get())) {
    err_format(&Exc_ValueError, "coefficient must be a tuple of digits");
    return false;
  }
  std::string s = sv ? "-" : "";
  std::string coeff;
  for (ssize i = 0; i < tuple_size(digits.get()); ++i) {
    Object* d = tuple_get_borrowed(digits.get(), i);
    int64_t dv = int_check(d) ? int_as_i64(d, &ovf) : -1;
    if (!int_check(d) || ovf || dv < 0 || dv > 9) {
      err_format(&Exc_ValueError, "coefficient must be a tuple of digits");
      return false;
    }
    if (!coeff.empty() || dv != 0 || special.empty()) coeff += char('0' + dv);
  }
  if (special == "Inf") {
    s += "Inf";
  } else if (!special.empty()) {
    s += special;
    // Leading zeros of a payload are dropped; an all-zero payload is no payload.
    size_t nz = coeff.find_first_not_of('0');
    s += nz == std::string::npos ? "" : coeff.substr(nz);
  } else {
    s += coeff.empty() ? "0" : coeff;
    s += "E" + std::to_string(e);
  }
  *out = s;
  return true;
}

// The coefficient of a finite decimal as an mpz (sign and exponent ignored).
void coeff_to_mpz(const mpd_t* d, mpz_t out) {
  mpd_t c = *d;  // shallow: only the header changes
  c.exp = 0;
  c.flags = uint8_t(c.flags & ~(MPD_NEG | MPD_SPECIAL));
  char* s = mpd_to_sci(&c, 0);
  mpz_set_str(out, s ? s : "0", 10);
  if (s) mpd_free(s);
}

// The integer value of an integral finite decimal.
Object* integral_to_int(const mpd_t* d) {
  mpz_t z;
  mpz_init(z);
  coeff_to_mpz(d, z);
  if (d->exp > 0) {
    mpz_t p;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, (unsigned long)d->exp);
    mpz_mul(z, z, p);
    mpz_clear(p);
  }
  if (mpd_isnegative(d)) mpz_neg(z, z);
  Object* r = int_from_mpz(z);
  mpz_clear(z);
  return r;
}

// int(d) rounded with `round`: ValueError for NaN, OverflowError for infinity.
Object* dec_to_int(Object* self, int round) {
  const mpd_t* d = MPD(self);
  if (mpd_isspecial(d)) {
    if (mpd_isnan(d)) return err_format(&Exc_ValueError, "cannot convert NaN to integer");
    return err_format(&Exc_OverflowError, "cannot convert Infinity to integer");
  }
  Object* context = current_context_borrowed();
  if (!context) return nullptr;
  mpd_context_t c = *CTX(context);
  c.round = round;
  mpd_t* tmp = mpd_qnew();
  if (!tmp) return err_no_memory();
  uint32_t status = 0;
  mpd_qround_to_int(tmp, d, &c, &status);
  Object* r = nullptr;
  if (status & MPD_Malloc_error) err_no_memory();
  else r = integral_to_int(tmp);
  mpd_del(tmp);
  return r;
}

// ---- Conversion of operands ---------------------------------------------------------------------
// numbers.Rational / fractions.Fraction when those modules are loaded (no import otherwise: an
// object cannot be an instance of a class that was never created).
int is_rational(Object* w) {
  Object* modules = tstate()->interp->modules;
  const char* const pairs[][2] = {{"numbers", "Rational"}, {"fractions", "Fraction"}};
  for (auto& p : pairs) {
    Object* m = dict_get_str_borrowed(modules, p[0]);
    if (!m) continue;
    Ref cls;
    Object* found = nullptr;
    Ref nm = Ref::steal(str_from_cstr(p[1]));
    if (!nm) return -1;
    int rc = object_lookup_attr(m, nm.get(), &found);
    if (rc < 0) return -1;
    cls = Ref::steal(found);
    if (!cls) continue;
    int r = object_isinstance(w, cls.get());
    if (r != 0) return r;
  }
  return 0;
}

// ---- Hash ---------------------------------------------------------------------------------------
hash_t dec_hash(Object* self) {
  DecObject* d = as_dec(self);
  if (d->hash != -1) return d->hash;
  const mpd_t* v = MPD(self);
  if (mpd_isspecial(v)) {
    if (mpd_issnan(v)) {
      err_format(&Exc_TypeError, "Cannot hash a signaling NaN value");
      return -1;
    }
    if (mpd_isnan(v)) return hash_pointer(self);
    return mpd_isnegative(v) ? -kHashInf : kHashInf;
  }
  mpz_t z, m, p;
  mpz_inits(z, m, p, nullptr);
  coeff_to_mpz(v, z);
  mpz_set_si(m, kHashModulus);
  mpz_mod(z, z, m);
  if (v->exp >= 0) {
    mpz_set_ui(p, 10);
    mpz_t e;
    mpz_init_set_si(e, v->exp);
    mpz_powm(p, p, e, m);
    mpz_clear(e);
  } else {
    mpz_set_si(p, kHashInv10);
    mpz_t e;
    mpz_init_set_si(e, -v->exp);
    mpz_powm(p, p, e, m);
    mpz_clear(e);
  }
  mpz_mul(z, z, p);
  mpz_mod(z, z, m);
  hash_t h = hash_t(mpz_get_si(z));
  mpz_clears(z, m, p, nullptr);
  if (mpd_isnegative(v)) h = -h;
  if (h == -1) h = -2;
  d->hash = h;
  return h;
}

// ---- repr / str / format ------------------------------------------------------------------------
Object* dec_str(Object* self) { return str_from_utf8(to_sci(MPD(self), current_caps())); }

Object* dec_repr(Object* self) {
  return str_from_utf8("Decimal('" + to_sci(MPD(self), current_caps()) + "')");
}

// ---- Results ------------------------------------------------------------------------------------
using UnFn = void (*)(mpd_t*, const mpd_t*, const mpd_context_t*, uint32_t*);
using BinFn = void (*)(mpd_t*, const mpd_t*, const mpd_t*, const mpd_context_t*, uint32_t*);
using TernFn = void (*)(mpd_t*, const mpd_t*, const mpd_t*, const mpd_t*, const mpd_context_t*,
                        uint32_t*);
using BoolFn = int (*)(const mpd_t*);
using BoolCtxFn = int (*)(const mpd_t*, const mpd_context_t*);

Object* run_un(UnFn f, Object* a, Object* ctx) {
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  f(MPD(r.get()), MPD(a), CTX(ctx), &status);
  if (dec_addstatus(ctx, status)) return nullptr;
  return r.release();
}

Object* run_bin(BinFn f, Object* a, Object* b, Object* ctx) {
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  f(MPD(r.get()), MPD(a), MPD(b), CTX(ctx), &status);
  if (dec_addstatus(ctx, status)) return nullptr;
  return r.release();
}

Object* run_tern(TernFn f, Object* a, Object* b, Object* c, Object* ctx) {
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  f(MPD(r.get()), MPD(a), MPD(b), MPD(c), CTX(ctx), &status);
  if (dec_addstatus(ctx, status)) return nullptr;
  return r.release();
}

// Adapters giving context-free libmpdec functions the common signatures.
void f_copy_abs(mpd_t* r, const mpd_t* a, const mpd_context_t*, uint32_t* s) { mpd_qcopy_abs(r, a, s); }
void f_copy_negate(mpd_t* r, const mpd_t* a, const mpd_context_t*, uint32_t* s) {
  mpd_qcopy_negate(r, a, s);
}
void f_copy(mpd_t* r, const mpd_t* a, const mpd_context_t*, uint32_t* s) { mpd_qcopy(r, a, s); }
void f_copy_sign(mpd_t* r, const mpd_t* a, const mpd_t* b, const mpd_context_t*, uint32_t* s) {
  mpd_qcopy_sign(r, a, b, s);
}
void f_compare_total(mpd_t* r, const mpd_t* a, const mpd_t* b, const mpd_context_t*, uint32_t*) {
  mpd_compare_total(r, a, b);
}
void f_compare_total_mag(mpd_t* r, const mpd_t* a, const mpd_t* b, const mpd_context_t*, uint32_t*) {
  mpd_compare_total_mag(r, a, b);
}
void f_compare(mpd_t* r, const mpd_t* a, const mpd_t* b, const mpd_context_t* c, uint32_t* s) {
  mpd_qcompare(r, a, b, c, s);
}
void f_compare_signal(mpd_t* r, const mpd_t* a, const mpd_t* b, const mpd_context_t* c, uint32_t* s) {
  mpd_qcompare_signal(r, a, b, c, s);
}
void f_pow(mpd_t* r, const mpd_t* a, const mpd_t* b, const mpd_context_t* c, uint32_t* s) {
  mpd_qpow(r, a, b, c, s);
}
int f_is_canonical(const mpd_t* a) { return mpd_iscanonical(a); }
int f_is_signed(const mpd_t* a) { return mpd_isnegative(a); }

// ---- Decimal methods from the tables ------------------------------------------------------------
const char* const kCtxNames[] = {"context", nullptr};
const char* const kOtherNames[] = {"other", "context", nullptr};
const char* const kThirdNames[] = {"other", "third", "context", nullptr};
const char* const kRoundingNames[] = {"rounding", "context", nullptr};

template <UnFn F>
Object* dm_un(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (!kw_args(kCtxNames, 0, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[0]);
  return ctx ? run_un(F, self, ctx) : nullptr;
}

template <UnFn F, Name N>
Object* dm_un_noargs(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args(N.s, nargs, kwnames)) return nullptr;
  Object* ctx = current_context_borrowed();
  return ctx ? run_un(F, self, ctx) : nullptr;
}

template <BinFn F>
Object* dm_bin(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (!kw_args(kOtherNames, 1, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[1]);
  if (!ctx) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(a[0], ctx, true));
  return b ? run_bin(F, self, b.get(), ctx) : nullptr;
}

template <TernFn F>
Object* dm_tern(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[3];
  if (!kw_args(kThirdNames, 2, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[2]);
  if (!ctx) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(a[0], ctx, true));
  if (!b) return nullptr;
  Ref c = Ref::steal(dec_convert_operand(a[1], ctx, true));
  return c ? run_tern(F, self, b.get(), c.get(), ctx) : nullptr;
}

template <BoolFn F, Name N>
Object* dm_bool(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args(N.s, nargs, kwnames)) return nullptr;
  return bool_from(F(MPD(self)));
}

template <BoolCtxFn F>
Object* dm_bool_ctx(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (!kw_args(kCtxNames, 0, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[0]);
  return ctx ? bool_from(F(MPD(self), CTX(ctx))) : nullptr;
}

// ---- Context methods from the tables ------------------------------------------------------------
template <Name N>
Object* ctx_operand(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  std::string q = std::string("Context.") + N.s;
  if (!check_one_arg(q.c_str(), nargs, kwnames)) return nullptr;
  return dec_convert_operand(args[0], self, true);
}

template <UnFn F, Name N>
Object* cm_un(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref a = Ref::steal(ctx_operand<N>(self, args, nargs, kwnames));
  return a ? run_un(F, a.get(), self) : nullptr;
}

template <BinFn F, Name N>
Object* cm_bin(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!tuple_args(N.s, 2, 2, nargs, kwnames)) return nullptr;
  Ref a = Ref::steal(dec_convert_operand(args[0], self, true));
  if (!a) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(args[1], self, true));
  return b ? run_bin(F, a.get(), b.get(), self) : nullptr;
}

template <TernFn F, Name N>
Object* cm_tern(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!tuple_args(N.s, 3, 3, nargs, kwnames)) return nullptr;
  Ref a = Ref::steal(dec_convert_operand(args[0], self, true));
  if (!a) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(args[1], self, true));
  if (!b) return nullptr;
  Ref c = Ref::steal(dec_convert_operand(args[2], self, true));
  return c ? run_tern(F, a.get(), b.get(), c.get(), self) : nullptr;
}

template <BoolFn F, Name N>
Object* cm_bool(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref a = Ref::steal(ctx_operand<N>(self, args, nargs, kwnames));
  return a ? bool_from(F(MPD(a.get()))) : nullptr;
}

template <BoolCtxFn F, Name N>
Object* cm_bool_ctx(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref a = Ref::steal(ctx_operand<N>(self, args, nargs, kwnames));
  return a ? bool_from(F(MPD(a.get()), CTX(self))) : nullptr;
}

// ---- Operations with their own shapes -----------------------------------------------------------
Object* divmod_of(Object* a, Object* b, Object* ctx) {
  Ref q = Ref::steal(dec_alloc());
  Ref r = Ref::steal(dec_alloc());
  if (!q || !r) return nullptr;
  uint32_t status = 0;
  mpd_qdivmod(MPD(q.get()), MPD(r.get()), MPD(a), MPD(b), CTX(ctx), &status);
  if (dec_addstatus(ctx, status)) return nullptr;
  return tuple_pack(2, q.get(), r.get());
}

Object* power_of(Object* a, Object* b, Object* mod, Object* ctx) {
  if (!mod || mod == None) return run_bin(f_pow, a, b, ctx);
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  mpd_qpowmod(MPD(r.get()), MPD(a), MPD(b), MPD(mod), CTX(ctx), &status);
  if (dec_addstatus(ctx, status)) return nullptr;
  return r.release();
}

Object* number_class_of(Object* a, Object* ctx) { return str_from_cstr(mpd_class(MPD(a), CTX(ctx))); }

Object* quantize_of(Object* a, Object* b, int round, Object* ctx) {
  mpd_context_t c = *CTX(ctx);
  if (round >= 0) c.round = round;
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  mpd_qquantize(MPD(r.get()), MPD(a), MPD(b), &c, &status);
  if (dec_addstatus(ctx, status)) return nullptr;
  return r.release();
}

Object* to_integral_of(Object* a, int round, Object* ctx, bool exact) {
  mpd_context_t c = *CTX(ctx);
  if (round >= 0) c.round = round;
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  if (exact) mpd_qround_to_intx(MPD(r.get()), MPD(a), &c, &status);
  else mpd_qround_to_int(MPD(r.get()), MPD(a), &c, &status);
  if (dec_addstatus(ctx, status)) return nullptr;
  return r.release();
}

Object* radix_value() {
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  mpd_context_t c = max_context();
  mpd_qset_i64(MPD(r.get()), 10, &c, &status);
  return r.release();
}

int rounding_arg(Object* o) {
  if (!o || o == None) return -2;
  return rounding_from_object(o);
}

Object* dm_quantize(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"exp", "rounding", "context", nullptr};
  Object* a[3];
  if (!kw_args(names, 1, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[2]);
  if (!ctx) return nullptr;
  int round = rounding_arg(a[1]);
  if (round == -1) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(a[0], ctx, true));
  return b ? quantize_of(self, b.get(), round, ctx) : nullptr;
}

template <bool Exact>
Object* dm_to_integral(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (!kw_args(kRoundingNames, 0, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[1]);
  if (!ctx) return nullptr;
  int round = rounding_arg(a[0]);
  if (round == -1) return nullptr;
  return to_integral_of(self, round, ctx, Exact);
}

Object* dm_number_class(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (!kw_args(kCtxNames, 0, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[0]);
  return ctx ? number_class_of(self, ctx) : nullptr;
}

Object* dm_to_eng_string(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[1];
  if (!kw_args(kCtxNames, 0, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[0]);
  return ctx ? dec_to_sci_string(self, ctx, true) : nullptr;
}

Object* dm_same_quantum(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* a[2];
  if (!kw_args(kOtherNames, 1, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[1]);
  if (!ctx) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(a[0], ctx, true));
  return b ? bool_from(mpd_same_quantum(MPD(self), MPD(b.get()))) : nullptr;
}

Object* dm_adjusted(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.adjusted", nargs, kwnames)) return nullptr;
  return int_from_i64(mpd_isspecial(MPD(self)) ? 0 : mpd_adjexp(MPD(self)));
}

Object* dm_radix(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.radix", nargs, kwnames)) return nullptr;
  return radix_value();
}

Object* dm_identity(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.canonical", nargs, kwnames)) return nullptr;
  return newref(self);
}

Object* dm_conjugate(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.conjugate", nargs, kwnames)) return nullptr;
  return newref(self);
}

Object* dm_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.__copy__", nargs, kwnames)) return nullptr;
  return newref(self);
}

Object* dm_deepcopy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_one_arg("Decimal.__deepcopy__", nargs, kwnames)) return nullptr;
  return newref(self);
}

Object* dm_as_tuple(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.as_tuple", nargs, kwnames)) return nullptr;
  const mpd_t* d = MPD(self);
  Ref sign = Ref::steal(int_from_i64(mpd_isnegative(d) ? 1 : 0));
  Ref exp;
  std::string coeff;
  if (mpd_isinfinite(d)) {
    exp = Ref::steal(str_from_cstr("F"));
    coeff = "0";
  } else {
    if (mpd_isnan(d)) exp = Ref::steal(str_from_cstr(mpd_isqnan(d) ? "n" : "N"));
    else exp = Ref::steal(int_from_i64(d->exp));
    if (!mpd_isnan(d) || d->len > 0) {
      mpz_t z;
      mpz_init(z);
      coeff_to_mpz(d, z);
      coeff = mpz_string(z);
      mpz_clear(z);
      if (mpd_isnan(d) && coeff == "0") coeff.clear();
    }
  }
  Ref digits = Ref::steal(tuple_new(ssize(coeff.size())));
  if (!sign || !exp || !digits) return nullptr;
  for (size_t i = 0; i < coeff.size(); ++i) {
    tuple_set_steal(digits.get(), ssize(i), int_from_i64(coeff[i] - '0'));
  }
  Object* argv[3] = {sign.get(), digits.get(), exp.get()};
  return call(g_decimal_tuple, argv, 3);
}

Object* dm_as_integer_ratio(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.as_integer_ratio", nargs, kwnames)) return nullptr;
  const mpd_t* d = MPD(self);
  if (mpd_isspecial(d)) {
    if (mpd_isnan(d)) return err_format(&Exc_ValueError, "cannot convert NaN to integer ratio");
    return err_format(&Exc_OverflowError, "cannot convert Infinity to integer ratio");
  }
  mpz_t num, den, g;
  mpz_inits(num, den, g, nullptr);
  coeff_to_mpz(d, num);
  mpz_set_ui(den, 1);
  if (d->exp >= 0) {
    mpz_ui_pow_ui(g, 10, (unsigned long)d->exp);
    mpz_mul(num, num, g);
  } else {
    mpz_ui_pow_ui(den, 10, (unsigned long)-d->exp);
    mpz_gcd(g, num, den);
    if (mpz_sgn(g) != 0) {
      mpz_divexact(num, num, g);
      mpz_divexact(den, den, g);
    }
    if (mpz_sgn(num) == 0) mpz_set_ui(den, 1);
  }
  if (mpd_isnegative(d)) mpz_neg(num, num);
  Ref n = Ref::steal(int_from_mpz(num));
  Ref q = Ref::steal(int_from_mpz(den));
  mpz_clears(num, den, g, nullptr);
  if (!n || !q) return nullptr;
  return tuple_pack(2, n.get(), q.get());
}

Object* dm_from_float(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("Decimal.from_float", nargs, kwnames)) return nullptr;
  Object* v = args[0];
  Object* ctx = current_context_borrowed();
  if (!ctx) return nullptr;
  Ref r;
  if (int_check(v)) r = Ref::steal(dec_from_int(&DecimalType, v, ctx, true));
  else if (float_check(v)) r = Ref::steal(dec_from_float_exact(&DecimalType, v, ctx));
  else return err_format(&Exc_TypeError, "argument must be int or float");
  if (!r || cls == as_object(&DecimalType)) return r.release();
  return call1(cls, r.get());
}

Object* dm_round(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"", nullptr};
  Object* a[1];
  if (!kw_args(names, 0, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = current_context_borrowed();
  if (!ctx) return nullptr;
  if (!a[0]) return dec_to_int(self, MPD_ROUND_HALF_EVEN);
  if (!int_check(a[0])) return err_format(&Exc_TypeError, "optional arg must be an integer");
  ssize n = int_as_ssize(a[0]);
  if (n == -1 && err_occurred()) return nullptr;
  // round(d, n): quantize to 1E-n with the current context.
  Ref q = Ref::steal(dec_alloc());
  if (!q) return nullptr;
  uint32_t status = 0;
  mpd_context_t maxc = max_context();
  mpd_qset_i64(MPD(q.get()), 1, &maxc, &status);
  MPD(q.get())->exp = n == MPD_SSIZE_MIN ? MPD_SSIZE_MAX : -n;
  return quantize_of(self, q.get(), -2, ctx);
}

Object* dm_floor(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.__floor__", nargs, kwnames)) return nullptr;
  return dec_to_int(self, MPD_ROUND_FLOOR);
}

Object* dm_ceil(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.__ceil__", nargs, kwnames)) return nullptr;
  return dec_to_int(self, MPD_ROUND_CEILING);
}

Object* dm_trunc(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.__trunc__", nargs, kwnames)) return nullptr;
  return dec_to_int(self, MPD_ROUND_DOWN);
}

Object* dm_complex(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.__complex__", nargs, kwnames)) return nullptr;
  Ref f = Ref::steal(dec_float(self));
  if (!f) return nullptr;
  return complex_from_doubles(float_value(f.get()), 0.0);
}

Object* dm_sizeof(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.__sizeof__", nargs, kwnames)) return nullptr;
  ssize n = ssize(sizeof(DecObject));
  if (mpd_isdynamic_data(MPD(self))) n += ssize(MPD(self)->alloc * sizeof(mpd_uint_t));
  return int_from_i64(n);
}

Object* dm_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Decimal.__reduce__", nargs, kwnames)) return nullptr;
  Ref s = Ref::steal(dec_str(self));
  if (!s) return nullptr;
  Ref args = Ref::steal(tuple_pack(1, s.get()));
  if (!args) return nullptr;
  return tuple_pack(2, as_object(type_of(self)), args.get());
}

Object* dm_format(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!tuple_args("__format__", 1, 2, nargs, kwnames)) return nullptr;
  return dec_format_with_context(self, args[0], nargs > 1 ? args[1] : nullptr);
}

Object* get_real(Object* self) { return newref(self); }
Object* get_imag(Object*) { return dec_alloc(); }

const GetSetDef kDecimalGetSet[] = {
    {"real", get_real, nullptr, nullptr},
    {"imag", get_imag, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

// ---- Decimal method table -----------------------------------------------------------------------
#define UN(name, fn) {name, dm_un<fn>, METH_DEFAULT, nullptr}
#define BIN(name, fn) {name, dm_bin<fn>, METH_DEFAULT, nullptr}
#define BOOL(name, fn) {name, dm_bool<fn, "Decimal." name>, METH_DEFAULT, nullptr}

const MethodDef kDecimalOpMethods[] = {
    UN("exp", mpd_qexp), UN("ln", mpd_qln), UN("log10", mpd_qlog10),
    UN("next_minus", mpd_qnext_minus), UN("next_plus", mpd_qnext_plus),
    UN("normalize", mpd_qreduce), UN("sqrt", mpd_qsqrt), UN("logb", mpd_qlogb),
    UN("logical_invert", mpd_qinvert),
    {"to_integral", dm_to_integral<false>, METH_DEFAULT, nullptr},
    {"to_integral_value", dm_to_integral<false>, METH_DEFAULT, nullptr},
    {"to_integral_exact", dm_to_integral<true>, METH_DEFAULT, nullptr},
    BIN("compare", f_compare), BIN("compare_signal", f_compare_signal), BIN("max", mpd_qmax),
    BIN("max_mag", mpd_qmax_mag), BIN("min", mpd_qmin), BIN("min_mag", mpd_qmin_mag),
    BIN("next_toward", mpd_qnext_toward), BIN("remainder_near", mpd_qrem_near),
    BIN("compare_total", f_compare_total), BIN("compare_total_mag", f_compare_total_mag),
    BIN("copy_sign", f_copy_sign), BIN("logical_and", mpd_qand), BIN("logical_or", mpd_qor),
    BIN("logical_xor", mpd_qxor), BIN("rotate", mpd_qrotate), BIN("scaleb", mpd_qscaleb),
    BIN("shift", mpd_qshift),
    {"fma", dm_tern<mpd_qfma>, METH_DEFAULT, nullptr},
    BOOL("is_canonical", f_is_canonical), BOOL("is_finite", mpd_isfinite),
    BOOL("is_infinite", mpd_isinfinite), BOOL("is_nan", mpd_isnan), BOOL("is_qnan", mpd_isqnan),
    BOOL("is_snan", mpd_issnan), BOOL("is_signed", f_is_signed), BOOL("is_zero", mpd_iszero),
    {"is_normal", dm_bool_ctx<mpd_isnormal>, METH_DEFAULT, nullptr},
    {"is_subnormal", dm_bool_ctx<mpd_issubnormal>, METH_DEFAULT, nullptr},
    {"copy_abs", dm_un_noargs<f_copy_abs, "Decimal.copy_abs">, METH_DEFAULT, nullptr},
    {"copy_negate", dm_un_noargs<f_copy_negate, "Decimal.copy_negate">, METH_DEFAULT, nullptr},
    {"canonical", dm_identity, METH_DEFAULT, nullptr},
    {"conjugate", dm_conjugate, METH_DEFAULT, nullptr},
    {"radix", dm_radix, METH_DEFAULT, nullptr},
    {"adjusted", dm_adjusted, METH_DEFAULT, nullptr},
    {"number_class", dm_number_class, METH_DEFAULT, nullptr},
    {"to_eng_string", dm_to_eng_string, METH_DEFAULT, nullptr},
    {"same_quantum", dm_same_quantum, METH_DEFAULT, nullptr},
    {"quantize", dm_quantize, METH_DEFAULT, nullptr},
    {"as_tuple", dm_as_tuple, METH_DEFAULT, nullptr},
    {"as_integer_ratio", dm_as_integer_ratio, METH_DEFAULT, nullptr},
    {"from_float", dm_from_float, METH_CLASS, nullptr},
    {"__round__", dm_round, METH_DEFAULT, nullptr},
    {"__floor__", dm_floor, METH_DEFAULT, nullptr},
    {"__ceil__", dm_ceil, METH_DEFAULT, nullptr},
    {"__trunc__", dm_trunc, METH_DEFAULT, nullptr},
    {"__complex__", dm_complex, METH_DEFAULT, nullptr},
    {"__sizeof__", dm_sizeof, METH_DEFAULT, nullptr},
    {"__reduce__", dm_reduce, METH_DEFAULT, nullptr},
    {"__copy__", dm_copy, METH_DEFAULT, nullptr},
    {"__deepcopy__", dm_deepcopy, METH_DEFAULT, nullptr},
    {"__format__", dm_format, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
#undef UN
#undef BIN
#undef BOOL

// ---- Context method table (operands positional, converted exactly; the context is self) ------
namespace {

template <Name N, bool Exact>
Object* cm_to_integral(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref a = Ref::steal(ctx_operand<N>(self, args, nargs, kwnames));
  return a ? to_integral_of(a.get(), -2, self, Exact) : nullptr;
}

Object* cm_divmod(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!tuple_args("divmod", 2, 2, nargs, kwnames)) return nullptr;
  Ref a = Ref::steal(dec_convert_operand(args[0], self, true));
  if (!a) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(args[1], self, true));
  return b ? divmod_of(a.get(), b.get(), self) : nullptr;
}

Object* cm_power(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"a", "b", "modulo", nullptr};
  Object* v[3];
  if (!kw_args(names, 2, args, nargs, kwnames, v)) return nullptr;
  Ref a = Ref::steal(dec_convert_operand(v[0], self, true));
  if (!a) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(v[1], self, true));
  if (!b) return nullptr;
  Ref m;
  if (v[2] && v[2] != None) {
    m = Ref::steal(dec_convert_operand(v[2], self, true));
    if (!m) return nullptr;
  }
  return power_of(a.get(), b.get(), m.get(), self);
}

Object* cm_quantize(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!tuple_args("quantize", 2, 2, nargs, kwnames)) return nullptr;
  Ref a = Ref::steal(dec_convert_operand(args[0], self, true));
  if (!a) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(args[1], self, true));
  return b ? quantize_of(a.get(), b.get(), -2, self) : nullptr;
}

Object* cm_same_quantum(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!tuple_args("same_quantum", 2, 2, nargs, kwnames)) return nullptr;
  Ref a = Ref::steal(dec_convert_operand(args[0], self, true));
  if (!a) return nullptr;
  Ref b = Ref::steal(dec_convert_operand(args[1], self, true));
  return b ? bool_from(mpd_same_quantum(MPD(a.get()), MPD(b.get()))) : nullptr;
}

template <Name N>
Object* cm_number_class(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref a = Ref::steal(ctx_operand<N>(self, args, nargs, kwnames));
  return a ? number_class_of(a.get(), self) : nullptr;
}

template <Name N, bool Eng>
Object* cm_to_string(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref a = Ref::steal(ctx_operand<N>(self, args, nargs, kwnames));
  return a ? dec_to_sci_string(a.get(), self, Eng) : nullptr;
}

// canonical / is_canonical take a Decimal only ("argument must be a Decimal").
template <Name N, bool Predicate>
Object* cm_canonical(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  std::string q = std::string("Context.") + N.s;
  if (!check_one_arg(q.c_str(), nargs, kwnames)) return nullptr;
  if (!dec_check(args[0])) return err_format(&Exc_TypeError, "argument must be a Decimal");
  return Predicate ? bool_from(mpd_iscanonical(MPD(args[0]))) : newref(args[0]);
}

Object* cm_radix(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("Context.radix", nargs, kwnames)) return nullptr;
  return radix_value();
}

Object* cm_apply(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("Context._apply", nargs, kwnames)) return nullptr;
  Ref a = Ref::steal(dec_convert_operand(args[0], self, true));
  if (!a) return nullptr;
  Ref r = Ref::steal(dec_alloc());
  if (!r) return nullptr;
  uint32_t status = 0;
  mpd_qcopy(MPD(r.get()), MPD(a.get()), &status);
  mpd_qfinalize(MPD(r.get()), CTX(self), &status);
  if (dec_addstatus(self, status)) return nullptr;
  return r.release();
}

}  // namespace

#define CUN(name, fn) {name, cm_un<fn, name>, METH_DEFAULT, nullptr}
#define CBIN(name, fn) {name, cm_bin<fn, name>, METH_DEFAULT, nullptr}
#define CBOOL(name, fn) {name, cm_bool<fn, name>, METH_DEFAULT, nullptr}

const MethodDef kContextOpMethods[] = {
    CUN("abs", mpd_qabs), CUN("exp", mpd_qexp), CUN("ln", mpd_qln), CUN("log10", mpd_qlog10),
    CUN("minus", mpd_qminus), CUN("plus", mpd_qplus), CUN("next_minus", mpd_qnext_minus),
    CUN("next_plus", mpd_qnext_plus), CUN("normalize", mpd_qreduce), CUN("sqrt", mpd_qsqrt),
    CUN("logb", mpd_qlogb), CUN("logical_invert", mpd_qinvert), CUN("copy_abs", f_copy_abs),
    CUN("copy_negate", f_copy_negate), CUN("copy_decimal", f_copy),
    {"to_integral", cm_to_integral<"to_integral", false>, METH_DEFAULT, nullptr},
    {"to_integral_value", cm_to_integral<"to_integral_value", false>, METH_DEFAULT, nullptr},
    {"to_integral_exact", cm_to_integral<"to_integral_exact", true>, METH_DEFAULT, nullptr},
    CBIN("add", mpd_qadd), CBIN("subtract", mpd_qsub), CBIN("multiply", mpd_qmul),
    CBIN("divide", mpd_qdiv), CBIN("divide_int", mpd_qdivint), CBIN("remainder", mpd_qrem),
    CBIN("remainder_near", mpd_qrem_near), CBIN("compare", f_compare),
    CBIN("compare_signal", f_compare_signal), CBIN("max", mpd_qmax), CBIN("max_mag", mpd_qmax_mag),
    CBIN("min", mpd_qmin), CBIN("min_mag", mpd_qmin_mag), CBIN("next_toward", mpd_qnext_toward),
    CBIN("compare_total", f_compare_total), CBIN("compare_total_mag", f_compare_total_mag),
    CBIN("copy_sign", f_copy_sign), CBIN("logical_and", mpd_qand), CBIN("logical_or", mpd_qor),
    CBIN("logical_xor", mpd_qxor), CBIN("rotate", mpd_qrotate), CBIN("scaleb", mpd_qscaleb),
    CBIN("shift", mpd_qshift),
    {"fma", cm_tern<mpd_qfma, "fma">, METH_DEFAULT, nullptr},
    {"divmod", cm_divmod, METH_DEFAULT, nullptr},
    {"power", cm_power, METH_DEFAULT, nullptr},
    {"quantize", cm_quantize, METH_DEFAULT, nullptr},
    {"same_quantum", cm_same_quantum, METH_DEFAULT, nullptr},
    CBOOL("is_finite", mpd_isfinite), CBOOL("is_infinite", mpd_isinfinite),
    CBOOL("is_nan", mpd_isnan), CBOOL("is_qnan", mpd_isqnan), CBOOL("is_snan", mpd_issnan),
    CBOOL("is_signed", f_is_signed), CBOOL("is_zero", mpd_iszero),
    {"is_normal", cm_bool_ctx<mpd_isnormal, "is_normal">, METH_DEFAULT, nullptr},
    {"is_subnormal", cm_bool_ctx<mpd_issubnormal, "is_subnormal">, METH_DEFAULT, nullptr},
    {"is_canonical", cm_canonical<"is_canonical", true>, METH_DEFAULT, nullptr},
    {"canonical", cm_canonical<"canonical", false>, METH_DEFAULT, nullptr},
    {"number_class", cm_number_class<"number_class">, METH_DEFAULT, nullptr},
    {"to_sci_string", cm_to_string<"to_sci_string", false>, METH_DEFAULT, nullptr},
    {"to_eng_string", cm_to_string<"to_eng_string", true>, METH_DEFAULT, nullptr},
    {"radix", cm_radix, METH_DEFAULT, nullptr},
    {"_apply", cm_apply, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
#undef CUN
#undef CBIN
#undef CBOOL

// ---- Construction and conversions (shared with decimal_context.cpp) -----------------------------
Object* dec_alloc(TypeObject* type) {
  auto* d = alloc_object<DecObject>(type);
  if (!d) return nullptr;
  d->hash = -1;
  d->dec.flags = MPD_STATIC | MPD_STATIC_DATA;
  d->dec.exp = 0;
  d->dec.digits = 1;
  d->dec.len = 1;
  d->dec.alloc = kDecInlineWords;
  d->dec.data = d->data;
  d->data[0] = 0;
  return d;
}

Object* dec_from_float_exact(TypeObject* type, Object* f, Object* context) {
  double x = float_as_double(f);
  if (x == -1.0 && err_occurred()) return nullptr;
  if (std::isnan(x) || std::isinf(x)) {
    Ref r = Ref::steal(dec_alloc(type));
    if (!r) return nullptr;
    mpd_setspecial(MPD(r.get()), std::isnan(x) ? MPD_POS : (std::signbit(x) ? MPD_NEG : MPD_POS),
                   std::isnan(x) ? MPD_NAN : MPD_INF);
    return r.release();
  }
  return dec_from_string(type, float_exact_string(x), context, true);
}

Object* dec_convert_operand(Object* v, Object* context, bool raise) {
  if (dec_check(v)) return newref(v);
  if (int_check(v)) return dec_from_int(&DecimalType, v, context, true);
  if (!raise) return not_implemented_ref();
  return err_format(&Exc_TypeError, "conversion from %s to Decimal is not supported",
                    type_name(type_of(v)));
}

Object* dec_from_object(TypeObject* type, Object* v, Object* context, bool exact) {
  if (dec_check(v)) {
    if (exact) {
      if (type == &DecimalType && type_of(v) == &DecimalType) return newref(v);
      Ref r = Ref::steal(dec_alloc(type));
      if (!r) return nullptr;
      uint32_t status = 0;
      mpd_qcopy(MPD(r.get()), MPD(v), &status);
      if (dec_addstatus(context, status)) return nullptr;
      return r.release();
    }
    Ref r = Ref::steal(dec_alloc(type));
    if (!r) return nullptr;
    uint32_t status = 0;
    const mpd_t* d = MPD(v);
    mpd_context_t* c = CTX(context);
    if (mpd_isnan(d) && d->digits > c->prec - c->clamp) {
      // Too many payload digits for the context.
      mpd_setspecial(MPD(r.get()), MPD_POS, MPD_NAN);
      status = MPD_Conversion_syntax;
    } else {
      mpd_qcopy(MPD(r.get()), d, &status);
      mpd_qfinalize(MPD(r.get()), c, &status);
    }
    if (dec_addstatus(context, status)) return nullptr;
    return r.release();
  }
  if (str_check(v)) {
    return dec_from_string(type, numeric_ascii(v, exact, exact), context, exact);
  }
  if (int_check(v)) return dec_from_int(type, v, context, exact);
  if (tuple_check(v) || list_check(v)) {
    std::string s;
    if (!tuple_as_string(v, &s)) return nullptr;
    return dec_from_string(type, s, context, exact);
  }
  if (float_check(v)) {
    if (dec_addstatus(context, kFloatOperation)) return nullptr;
    Ref r = Ref::steal(dec_from_float_exact(type, v, context));
    if (!r || exact) return r.release();
    return dec_from_object(type, r.get(), context, false);
  }
  return err_format(&Exc_TypeError, "conversion from %s to Decimal is not supported",
                    type_name(type_of(v)));
}

Object* dec_to_sci_string(Object* dec, Object* context, bool eng) {
  char* s = eng ? mpd_to_eng(MPD(dec), as_ctx(context)->capitals)
                : mpd_to_sci(MPD(dec), as_ctx(context)->capitals);
  if (!s) return err_no_memory();
  Object* r = str_from_cstr(s);
  mpd_free(s);
  return r;
}

// format(d, spec): the format mini-language as libmpdec implements it for decimals (fill, align,
// sign, 'z', '#'... , width, ',' and '_' grouping, precision, types e E f F g G n %). `override_`
// is the locale dict CPython's _pydecimal accepts (decimal_point, thousands_sep, grouping).
Object* dec_format_with_context(Object* dec, Object* spec_obj, Object* override_) {
  Object* context = current_context_borrowed();
  if (!context) return nullptr;
  if (!str_check(spec_obj)) return err_format(&Exc_TypeError, "format arg must be str");
  ssize size = 0;
  const char* fmt = str_as_utf8(spec_obj, &size);
  if (!fmt) return nullptr;
  std::string f(fmt, size_t(size));
  // A NUL fill character cannot pass through C strings: format with \x01 (which no formatted
  // decimal contains) and put the NULs back.
  bool nul_fill = size > 0 && f[0] == '\0';
  if (nul_fill) f[0] = '\x01';
  mpd_spec_t spec;
  if (!mpd_parse_fmt_str(&spec, f.c_str(), as_ctx(context)->capitals)) {
    return err_format(&Exc_ValueError, "invalid format string");
  }
  std::string dot, sep, grouping;
  if (override_ && override_ != None) {
    if (!dict_check(override_)) return err_format(&Exc_TypeError, "optional argument must be a dict");
    const char* keys[] = {"decimal_point", "thousands_sep", "grouping"};
    std::string* outs[] = {&dot, &sep, &grouping};
    for (int i = 0; i < 3; ++i) {
      Object* v = dict_get_str_borrowed(override_, keys[i]);
      if (!v) continue;
      if (str_check(v)) {
        *outs[i] = std::string(str_view(v));
      } else if (i == 2 && list_check(v)) {
        for (ssize k = 0; k < list_size(v); ++k) {
          ssize g = int_check(list_get_borrowed(v, k)) ? int_as_ssize(list_get_borrowed(v, k)) : 0;
          grouping += char(g);
        }
      }
    }
    if (!dot.empty()) spec.dot = dot.c_str();
    if (!sep.empty() || dict_get_str_borrowed(override_, "thousands_sep")) spec.sep = sep.c_str();
    if (dict_get_str_borrowed(override_, "grouping")) spec.grouping = grouping.c_str();
  }
  uint32_t status = 0;
  char* out = mpd_qformat_spec(MPD(dec), &spec, CTX(context), &status);
  if (!out) {
    if (status & MPD_Malloc_error) return err_no_memory();
    return err_format(&Exc_ValueError, "format specification exceeds internal limits of _decimal");
  }
  std::string res(out);
  mpd_free(out);
  if (nul_fill) {
    for (char& ch : res) {
      if (ch == '\x01') ch = '\0';
    }
  }
  return str_from_utf8(res);
}

namespace {

// ---- Number protocol ----------------------------------------------------------------------------
// Both operands as Decimals for an operator; NotImplemented (returned in *ni) for other types.
bool binop_operands(Object* a, Object* b, Object** ctx, Ref* da, Ref* db, Object** ni) {
  *ni = nullptr;
  *ctx = current_context_borrowed();
  if (!*ctx) return false;
  *da = Ref::steal(dec_convert_operand(a, *ctx, false));
  if (!*da) return false;
  if (da->get() == NotImplemented) {
    *ni = da->release();
    return false;
  }
  *db = Ref::steal(dec_convert_operand(b, *ctx, false));
  if (!*db) return false;
  if (db->get() == NotImplemented) {
    *ni = db->release();
    return false;
  }
  return true;
}

template <BinFn F>
Object* nb_bin(Object* a, Object* b) {
  Object *ctx, *ni;
  Ref da, db;
  if (!binop_operands(a, b, &ctx, &da, &db, &ni)) return ni;
  return run_bin(F, da.get(), db.get(), ctx);
}

Object* nb_divmod(Object* a, Object* b) {
  Object *ctx, *ni;
  Ref da, db;
  if (!binop_operands(a, b, &ctx, &da, &db, &ni)) return ni;
  return divmod_of(da.get(), db.get(), ctx);
}

Object* nb_power(Object* a, Object* b, Object* mod) {
  Object *ctx, *ni;
  Ref da, db, dm;
  if (!binop_operands(a, b, &ctx, &da, &db, &ni)) return ni;
  if (mod && mod != None) {
    dm = Ref::steal(dec_convert_operand(mod, ctx, false));
    if (!dm || dm.get() == NotImplemented) return dm.release();
  }
  return power_of(da.get(), db.get(), dm.get(), ctx);
}

template <UnFn F>
Object* nb_un(Object* a) {
  Object* ctx = current_context_borrowed();
  return ctx ? run_un(F, a, ctx) : nullptr;
}

int nb_bool(Object* a) { return !mpd_iszero(MPD(a)); }

Object* nb_int(Object* a) { return dec_to_int(a, MPD_ROUND_DOWN); }

}  // namespace

Object* dec_float(Object* self) {
  const mpd_t* d = MPD(self);
  if (mpd_isnan(d)) {
    if (mpd_issnan(d)) return err_format(&Exc_ValueError, "cannot convert signaling NaN to float");
    return float_from_double(mpd_isnegative(d) ? -NAN : NAN);
  }
  Ref s = Ref::steal(str_from_utf8(to_sci(d, 1)));
  return s ? float_from_string(s.get()) : nullptr;
}

namespace {

// ---- Comparisons --------------------------------------------------------------------------------
// The other operand of a comparison as a Decimal (self possibly scaled for a Rational);
// NotImplemented in *ni for incomparable types.
Object* multiply_by_denominator(Object* v, Object* r, Object* context) {
  Ref den = Ref::steal(object_getattr_str(r, "denominator"));
  if (!den) return nullptr;
  Ref dd = Ref::steal(dec_from_int(&DecimalType, den.get(), context, true));
  if (!dd) return nullptr;
  if (mpd_isspecial(MPD(v))) return newref(v);
  Ref res = Ref::steal(dec_alloc());
  if (!res) return nullptr;
  mpd_context_t maxc = max_context();
  uint32_t status = 0;
  mpd_qmul(MPD(res.get()), MPD(v), MPD(dd.get()), &maxc, &status);
  if (status & MPD_Malloc_error) return err_no_memory();
  return res.release();
}

Object* dec_richcompare(Object* v, Object* w, int op) {
  Object* context = current_context_borrowed();
  if (!context) return nullptr;
  Ref a = Ref::borrow(v), b;
  bool eq = op == CMP_EQ || op == CMP_NE;
  if (dec_check(w)) {
    b = Ref::borrow(w);
  } else if (int_check(w)) {
    b = Ref::steal(dec_from_int(&DecimalType, w, context, true));
  } else if (float_check(w) || (eq && complex_check(w))) {
    double x;
    if (complex_check(w)) {
      if (complex_imag(w) != 0.0) return not_implemented_ref();
      x = complex_real(w);
    } else {
      x = float_as_double(w);
    }
    if (eq) CTX(context)->status |= kFloatOperation;
    else if (dec_addstatus(context, kFloatOperation)) return nullptr;
    Ref f = Ref::steal(float_from_double(x));
    if (!f) return nullptr;
    b = Ref::steal(dec_from_float_exact(&DecimalType, f.get(), context));
  } else {
    int rat = is_rational(w);
    if (rat < 0) return nullptr;
    if (!rat) return not_implemented_ref();
    Ref num = Ref::steal(object_getattr_str(w, "numerator"));
    if (!num) return nullptr;
    b = Ref::steal(dec_from_int(&DecimalType, num.get(), context, true));
    if (!b) return nullptr;
    a = Ref::steal(multiply_by_denominator(v, w, context));
  }
  if (!a || !b) return nullptr;
  uint32_t status = 0;
  int r = mpd_qcmp(MPD(a.get()), MPD(b.get()), &status);
  if (r == INT_MAX) {
    // NaNs: sNaN always signals, a quiet NaN only for ordering.
    if (mpd_issnan(MPD(a.get())) || mpd_issnan(MPD(b.get())) || !eq) {
      if (dec_addstatus(context, status)) return nullptr;
    }
    return bool_from(op == CMP_NE);
  }
  bool res = false;
  switch (op) {
    case CMP_LT: res = r < 0; break;
    case CMP_LE: res = r <= 0; break;
    case CMP_EQ: res = r == 0; break;
    case CMP_NE: res = r != 0; break;
    case CMP_GT: res = r > 0; break;
    case CMP_GE: res = r >= 0; break;
  }
  return bool_from(res);
}

Object* dec_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"value", "context", nullptr};
  Object* a[2];
  if (!kw_args(names, 0, args, nargs, kwnames, a)) return nullptr;
  Object* ctx = context_arg(a[1]);
  if (!ctx) return nullptr;
  if (!a[0]) return dec_alloc(type);
  return dec_from_object(type, a[0], ctx, true);
}

Object* dec_vectorcall(Object* type, Object* const* args, ssize nargs, Object* kwnames) {
  return dec_new(reinterpret_cast<TypeObject*>(type), args, nargs, kwnames);
}

}  // namespace

bool decimal_number_init_module(Object* module) {
  if (!(DecimalType.flags & TPFLAG_READY)) {
    DecimalType.ob_type = &TypeType;
    make_immortal(&DecimalType);
    DecimalType.name = "decimal.Decimal";
    DecimalType.basicsize = sizeof(DecObject);
    DecimalType.flags = TPFLAG_BASETYPE;
    DecimalType.doc =
        "Decimal(value='0', context=None)\n--\n\nConstruct a new Decimal object. 'value' can be "
        "an integer, string, tuple, or another Decimal object. If no value is given, return "
        "Decimal('0'). The context does not affect the conversion and is only passed to "
        "determine if the InvalidOperation trap is active.";
    DecimalType.dealloc = dec_dealloc;
    DecimalType.new_ = dec_new;
    DecimalType.vectorcall = dec_vectorcall;
    DecimalType.repr = dec_repr;
    DecimalType.str = dec_str;
    DecimalType.hash = dec_hash;
    DecimalType.richcompare = dec_richcompare;
    DecimalType.nb_add = nb_bin<mpd_qadd>;
    DecimalType.nb_subtract = nb_bin<mpd_qsub>;
    DecimalType.nb_multiply = nb_bin<mpd_qmul>;
    DecimalType.nb_true_divide = nb_bin<mpd_qdiv>;
    DecimalType.nb_floor_divide = nb_bin<mpd_qdivint>;
    DecimalType.nb_remainder = nb_bin<mpd_qrem>;
    DecimalType.nb_divmod = nb_divmod;
    DecimalType.nb_power = nb_power;
    DecimalType.nb_negative = nb_un<mpd_qminus>;
    DecimalType.nb_positive = nb_un<mpd_qplus>;
    DecimalType.nb_absolute = nb_un<mpd_qabs>;
    DecimalType.nb_bool = nb_bool;
    DecimalType.nb_int = nb_int;
    DecimalType.nb_float = dec_float;
    DecimalType.methods = kDecimalOpMethods;
    DecimalType.getset = kDecimalGetSet;
    if (type_ready(&DecimalType) < 0) return false;
  }
  if (!g_decimal_tuple) {
    Ref collections = Ref::steal(import_module("collections"));
    if (!collections) return false;
    Ref nt = Ref::steal(object_getattr_str(collections.get(), "namedtuple"));
    Ref name = Ref::steal(str_from_cstr("DecimalTuple"));
    Ref fields = Ref::steal(str_from_cstr("sign digits exponent"));
    Ref mod = Ref::steal(str_from_cstr("decimal"));
    Ref kw = Ref::steal(tuple_pack(1, Ref::steal(str_from_cstr("module")).get()));
    if (!nt || !name || !fields || !mod || !kw) return false;
    Object* argv[3] = {name.get(), fields.get(), mod.get()};
    g_decimal_tuple = call(nt.get(), argv, 2, kw.get());
    if (!g_decimal_tuple) return false;
  }
  if (module_add_object(module, "Decimal", as_object(&DecimalType)) < 0 ||
      module_add_object(module, "DecimalTuple", g_decimal_tuple) < 0 ||
      module_add_int(module, "MAX_PREC", MPD_MAX_PREC) < 0 ||
      module_add_int(module, "MAX_EMAX", MPD_MAX_EMAX) < 0 ||
      module_add_int(module, "MIN_EMIN", MPD_MIN_EMIN) < 0 ||
      module_add_int(module, "MIN_ETINY", MPD_MIN_ETINY) < 0 ||
      module_add_object(module, "HAVE_THREADS", True) < 0 ||
      module_add_object(module, "HAVE_CONTEXTVAR", False) < 0 ||
      module_add_string(module, "__version__", "1.70") < 0 ||
      module_add_string(module, "__libmpdec_version__", mpd_version()) < 0) {
    return false;
  }
  return true;
}

}  // namespace gilpy
