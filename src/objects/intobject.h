// int and bool (objects/intobject.cpp, objects/boolobject.cpp).
//
// Representation: a value that fits in int64_t is stored inline (`big == nullptr`), which is what
// the eval loop's fast paths test for; larger values use a GMP integer (`big`, owned). Results are
// always normalized: a value that fits in int64_t is never stored as a GMP integer, so "small" is
// a property of the value, not of how it was computed. Ints in [GILPY_SMALL_INT_MIN,
// GILPY_SMALL_INT_MAX] are preallocated immortal objects. bool is a subtype of int with exactly two
// immortal instances, True and False (value 1 and 0).
#pragma once

#include <cstdint>
#include <string>

#include <gmp.h>

#include "core/type.h"

namespace gilpy {

struct IntObject : Object {
  int64_t value;     // the value, when big == nullptr
  __mpz_struct* big; // owned GMP integer, when the value does not fit int64_t
};

extern TypeObject IntType;
extern TypeObject BoolType;
extern IntObject TrueStruct, FalseStruct;
inline Object* const True = &TrueStruct;
inline Object* const False = &FalseStruct;

inline bool int_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_LONG_SUBCLASS); }
inline bool int_check_exact(Object* o) { return type_of(o) == &IntType; }
inline bool bool_check(Object* o) { return type_of(o) == &BoolType; }
inline bool int_is_small(Object* o) { return static_cast<IntObject*>(o)->big == nullptr; }
inline int64_t int_small_value(Object* o) { return static_cast<IntObject*>(o)->value; }

inline Object* bool_from(bool b) { return newref(b ? True : False); }

Object* int_from_i64(int64_t v);
Object* int_from_u64(uint64_t v);
inline Object* int_from_ssize(ssize v) { return int_from_i64(v); }
Object* int_from_mpz(const mpz_t v);      // copies
Object* int_from_double(double d);        // int(float): OverflowError/ValueError for inf/nan
// Parse like int(text, base): base 0 means "literal rules" (prefixes, no leading zeros), and
// underscores are allowed as in literals. Raises ValueError "invalid literal for int() with base
// 10: 'x'" (message uses the original text) on bad input.
Object* int_from_string(const char* s, ssize len, int base);

// Conversions. Each raises OverflowError with CPython's message when the value does not fit, and
// TypeError for non-ints (after trying __index__ where CPython does).
int64_t int_as_i64(Object* o, bool* overflow);  // no exception: *overflow set instead
ssize int_as_ssize(Object* o);                  // -1 + exception on error
double int_as_double(Object* o);                // -1.0 + exception ("int too large to convert to float")
// Read any int (small or big) into a GMP integer (caller initialised).
void int_to_mpz(Object* o, mpz_t out);
int int_sign(Object* o);  // -1, 0, 1
hash_t int_hash_value(Object* o);
std::string int_to_decimal(Object* o);
Object* int_to_base_string(Object* o, int base);  // bin/oct/hex with prefixes: "0b101", "-0x1f"

// Arithmetic on ints, used by the eval loop's fast paths (both operands exact or subclass ints).
Object* int_add(Object* a, Object* b);
Object* int_sub(Object* a, Object* b);
Object* int_mul(Object* a, Object* b);
Object* int_floordiv(Object* a, Object* b);
Object* int_mod(Object* a, Object* b);
int int_compare(Object* a, Object* b);  // -1, 0, 1
Object* int_true_divide(Object* a, Object* b);          // a / b, a float (correctly rounded)
Object* int_pow(Object* a, Object* b, Object* mod);     // mod: nullptr or None for two-arg pow

// sys.get_int_max_str_digits() / sys.set_int_max_str_digits(n) (0 = no limit; default 4300).
int int_max_str_digits();
void int_set_max_str_digits(int n);

}  // namespace gilpy
