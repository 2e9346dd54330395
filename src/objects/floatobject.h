// float (objects/floatobject.cpp).
#pragma once

#include <string>

#include "core/type.h"

namespace gilpy {

struct FloatObject : Object {
  double value;
};

extern TypeObject FloatType;

inline bool float_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_FLOAT_SUBCLASS); }
inline bool float_check_exact(Object* o) { return type_of(o) == &FloatType; }
inline double float_value(Object* o) { return static_cast<FloatObject*>(o)->value; }

Object* float_from_double(double v);
// float(o) semantics for C++: float, int (OverflowError if too large), __float__, __index__.
// Returns -1.0 with an exception set on error (check err_occurred()).
double float_as_double(Object* o);
// repr(float): the shortest string that round-trips, in CPython's layout ("1.0", "1e+16", "inf").
std::string float_repr_string(double v);
hash_t float_hash_value(double v);  // CPython's numeric hash, consistent with int's
// Parse like float(text): accepts whitespace, underscores between digits, inf/nan/infinity.
Object* float_from_string(Object* str_or_bytes);

}  // namespace gilpy
