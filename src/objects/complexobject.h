// complex (objects/complexobject.cpp): a pair of doubles with CPython 3.12's arithmetic, repr,
// hashing, parsing and formatting. Imaginary literals are built by the compiler with
// complex_from_doubles(0.0, v).
#pragma once

#include "core/type.h"

namespace gilpy {

struct ComplexObject : Object {
  double real;
  double imag;
};

extern TypeObject ComplexType;

inline bool complex_check(Object* o) {
  return object_type_check(o, &ComplexType);
}
inline bool complex_check_exact(Object* o) {
  return type_of(o) == &ComplexType;
}
inline double complex_real(Object* o) {
  return static_cast<ComplexObject*>(o)->real;
}
inline double complex_imag(Object* o) {
  return static_cast<ComplexObject*>(o)->imag;
}

Object* complex_from_doubles(double real, double imag);
// (ar + ai j) ** (br + bi j) with CPython's rules (ZeroDivisionError "0.0 to a negative or complex
// power", OverflowError "complex exponentiation"); used by float ** float for negative bases.
Object* complex_pow_doubles(double ar, double ai, double br, double bi);
// format(z, spec) (objects/format_number.cpp).
Object* format_complex(double real, double imag, Object* spec);

void init_complex_type();  // called by init_float_types()

}  // namespace gilpy
