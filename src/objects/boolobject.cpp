// bool: the subtype of int with exactly two instances, True and False.
//
// Both are statically initialised immortal IntObjects (value 1 and 0, inline), so they exist
// before types_init and incref/decref never free them. bool inherits every int slot except repr
// ("True"/"False") and the bitwise operators, which return bools when both operands are bools.
// bool(x) is object_is_true(x); the type is not subclassable (no BASETYPE flag, so the class
// statement reports "type 'bool' is not an acceptable base type").
#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/intobject.h"
#include "objects/number_impl.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject BoolType;
constinit IntObject TrueStruct{{kImmortalRefcnt, &BoolType}, 1, nullptr};
constinit IntObject FalseStruct{{kImmortalRefcnt, &BoolType}, 0, nullptr};

static Object* bool_repr(Object* o) {
  return newref(str_intern_cstr_borrowed(o == True ? "True" : "False"));
}

static Object* bool_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("bool", kwnames)) return nullptr;
  if (nargs > 1) {
    return err_format(&Exc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
  }
  if (nargs == 0) return bool_from(false);
  int t = object_is_true(args[0]);
  if (t < 0) return nullptr;
  return bool_from(t);
}

static Object* bool_vectorcall(Object* callable, Object* const* args, ssize nargs,
                               Object* kwnames) {
  return bool_new(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static Object* bool_and(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return bool_from(a == True && b == True);
  return int_nb_and(a, b);
}
static Object* bool_or(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return bool_from(a == True || b == True);
  return int_nb_or(a, b);
}
static Object* bool_xor(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return bool_from((a == True) != (b == True));
  return int_nb_xor(a, b);
}

void init_bool_type() {
  TypeObject& t = BoolType;
  t.name = "bool";
  t.basicsize = sizeof(IntObject);
  t.flags = TPFLAG_IMMUTABLETYPE | TPFLAG_LONG_SUBCLASS;
  t.doc =
      "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins "
      "True and False are the only two instances of the class bool.\nThe class bool is a subclass "
      "of the class int, and cannot be subclassed.";
  t.base = &IntType;
  t.repr = bool_repr;
  t.new_ = bool_new;
  t.vectorcall = bool_vectorcall;
  t.nb_and = bool_and;
  t.nb_or = bool_or;
  t.nb_xor = bool_xor;
  register_static_type(&BoolType);
}

}  // namespace gilpy
