// Internals shared by the numbers files (intobject.cpp, int_arith.cpp, boolobject.cpp,
// floatobject.cpp, complexobject.cpp, format_number.cpp, modules/math.cpp). Not an interface for
// other subsystems: use intobject.h / floatobject.h / complexobject.h instead.
//
// What lives here:
//  - MpzArg: a read-only GMP view of any int (small ints are wrapped without allocating, with
//    mpz_roinit_n over a stack limb), so mixed small/big arithmetic calls mpz functions directly.
//  - int_from_mpz_steal: normalizing constructor that takes over an initialised mpz_t.
//  - exact int/float comparison, correctly rounded int -> double, the float layout engine that
//    reproduces CPython's PyOS_double_to_string (used by repr, format() and complex repr).
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>

#include "core/args.h"
#include "objects/intobject.h"

namespace gilpy {

// ---- ints ---------------------------------------------------------------------------------------
class MpzArg {
 public:
  explicit MpzArg(Object* o) {
    auto* io = static_cast<IntObject*>(o);
    if (io->big) {
      p_ = io->big;
    } else {
      int64_t v = io->value;
      limb_ = v < 0 ? mp_limb_t(0) - mp_limb_t(v) : mp_limb_t(v);
      p_ = mpz_roinit_n(&tmp_, &limb_, v < 0 ? -1 : (v > 0 ? 1 : 0));
    }
  }
  MpzArg(const MpzArg&) = delete;
  MpzArg& operator=(const MpzArg&) = delete;
  mpz_srcptr get() const { return p_; }
  operator mpz_srcptr() const { return p_; }

 private:
  mp_limb_t limb_ = 0;
  __mpz_struct tmp_;
  mpz_srcptr p_;
};

// Takes over `z` (which must have been mpz_init'ed; it is cleared or moved, never usable after).
Object* int_from_mpz_steal(mpz_ptr z);
// A new int of `type` (int subclass) with the value of the int `v` (used by __new__ of subclasses).
Object* int_subtype_copy(TypeObject* type, Object* v);

// Compare int `i` with double `d` exactly: -1, 0, 1, or 2 when d is a NaN.
int int_compare_double(Object* i, double d);
// Correctly rounded conversion (round-half-even) of an mpz to double; false on overflow.
bool mpz_to_double_checked(mpz_srcptr z, double* out);
// Exact float -> int for finite d.
Object* int_from_finite_double(double d);
// True division of two ints, correctly rounded (CPython's algorithm).
Object* int_true_divide_values(Object* a, Object* b);
// int ** int (third argument: None or nullptr, or an int).
Object* int_power(Object* a, Object* b, Object* mod);
// str() of an int obeying sys.set_int_max_str_digits; nullptr + ValueError when too long.
Object* int_repr_object(Object* o);
// int(x) for an arbitrary object, int(x, base); `type` may be a subclass.
Object* int_from_object(Object* x);
Object* int_from_str_or_bytes(Object* x, int base);
// The value of an int as an exact Python int (for subclass instances / bool -> plain int).
Object* int_exact_copy(Object* o);

// Number slots shared with bool (which inherits most of them).
Object* int_nb_and(Object* a, Object* b);
Object* int_nb_or(Object* a, Object* b);
Object* int_nb_xor(Object* a, Object* b);
Object* int_repr(Object* o);
void install_int_number_slots(TypeObject* t);  // int_arith.cpp

// ---- floats -------------------------------------------------------------------------------------
enum : int {
  DTSF_SIGN = 1,       // always add the sign
  DTSF_ADD_DOT_0 = 2,  // "1.0" rather than "1" when the result looks like an int
  DTSF_ALT = 4,        // '#': keep the trailing '.' and zeros
  DTSF_NO_NEG_0 = 8,   // 'z': -0.0 -> 0.0 after rounding
};
// CPython's PyOS_double_to_string: code is one of 'e','E','f','F','g','G','r'.
std::string double_to_string(double v, char code, int precision, int flags);
// Parse a float from ASCII text (whitespace already stripped, underscores allowed between digits).
// Returns false when the text is not a float literal.
bool parse_float_ascii(const char* s, size_t n, double* out);
// float(o) with the float() builtin's TypeError message when `for_float_call`.
double float_as_double_msg(Object* o, bool for_float_call);
// x ** y for floats (CPython's float_pow); may return a complex for a negative base.
Object* float_pow_values(double x, double y);
double float_round_half_even(double x);

}  // namespace gilpy
