// The abstract object protocols: what `a + b`, `a[i]`, `a.x`, `f(x)`, `repr(a)` mean for any object.
//
// These are the functions the eval loop, the builtins and the object implementations call; they
// dispatch through type slots (core/type.h) and raise CPython's TypeErrors when a slot is missing
// (e.g. "unsupported operand type(s) for +: 'int' and 'str'", "'int' object is not subscriptable",
// "'int' object is not callable", "object of type 'int' has no len()").
//
// Conventions: see core/object.h. Object* results are new references; nullptr means an exception
// is set. int results: -1 on error.
#pragma once

#include <cstdarg>
#include <string>
#include <string_view>

#include "core/type.h"

namespace gilpy {

// ---- The object protocol ------------------------------------------------------------------------
Object* object_repr(Object* o);
Object* object_str(Object* o);
Object* object_ascii(Object* o);
hash_t object_hash(Object* o);  // -1 on error ("unhashable type: 'list'")
Object* object_richcompare(Object* a, Object* b, int op);
int object_richcompare_bool(Object* a, Object* b, int op);  // identity implies equality for EQ/NE
int object_is_true(Object* o);                              // 1 / 0 / -1
int object_not(Object* o);

Object* object_getattr(Object* o, Object* name);  // name: str
Object* object_getattr_str(Object* o, const char* name);
// Like getattr, but a missing attribute is not an error: returns 0 and *result = nullptr.
// Returns 1 with *result set (new ref) when found, -1 on another error.
int object_lookup_attr(Object* o, Object* name, Object** result);
int object_setattr(Object* o, Object* name, Object* value);  // value null: delete
int object_setattr_str(Object* o, const char* name, Object* value);
int object_delattr(Object* o, Object* name);
int object_hasattr(Object* o, Object* name);  // 1 / 0 / -1 (only AttributeError means 0)
// object.__getattribute__ / __setattr__: instance dict + descriptors along the MRO.
Object* generic_getattr(Object* o, Object* name);
// generic_getattr that, with `suppress`, reports a missing attribute by returning nullptr with no
// exception set instead of building an AttributeError (CPython's suppress=1), for
// object_lookup_attr. Errors raised by descriptors are still set.
Object* generic_getattr_opt(Object* o, Object* name, bool suppress);
int generic_setattr(Object* o, Object* name, Object* value);
Object* object_dir(Object* o);  // sorted list

// `name` for the method-call fast path (LOAD_METHOD): if `name` resolves to a plain function or
// method descriptor on the type (and not shadowed by the instance), returns 1 with *method set to
// the unbound function (caller passes `o` as the first argument); otherwise 0 with *method set to
// the bound attribute. -1 on error.
int object_get_method(Object* o, Object* name, Object** method);

// Address of o's instance __dict__ slot (null if its type has none); *result is a dict or null (no
// dict created yet). Attributes stored without a dict (objects/dict_instance.h) are first turned
// into one (null when there is no memory for it, as CPython's _PyObject_GetDictPtr).
Object** object_dict_ptr(Object* o);
// CPython's hash of an address (object.__hash__).
hash_t hash_pointer(const void* p);
// The `hash` slot of unhashable types: raises "unhashable type: 'list'".
hash_t object_hash_not_implemented(Object* o);

bool object_is_instance_of(Object* o, TypeObject* t);
int object_isinstance(Object* o, Object* cls_or_tuple);    // isinstance(): 1/0/-1
int object_issubclass(Object* cls, Object* cls_or_tuple);  // issubclass(): 1/0/-1
bool callable_check(Object* o);

// ---- Calls --------------------------------------------------------------------------------------
Object* call(Object* callable, Object* const* args, ssize nargs, Object* kwnames = nullptr);
Object* call0(Object* callable);
Object* call1(Object* callable, Object* arg);
Object* call2(Object* callable, Object* a, Object* b);
// f(*args_tuple, **kwargs_dict): kwargs may be null.
Object* call_tuple_dict(Object* callable, Object* args, Object* kwargs);
// obj.name(*args)
// The special method `name` looked up on type(o) (not on o) and bound to o: a new reference,
// or nullptr without an exception when the type has none (CPython's _PyObject_LookupSpecial).
Object* lookup_special(Object* o, const char* name);
Object* call_method(Object* obj, const char* name, Object* const* args, ssize nargs);
Object* call_method0(Object* obj, const char* name);
Object* call_method1(Object* obj, const char* name, Object* arg);

// ---- Numbers ------------------------------------------------------------------------------------
// The binary operators, in the order of CPython's NB_* codes (BINARY_OP's argument).
enum BinaryOp : int {
  NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3, NB_MATRIX_MULTIPLY = 4,
  NB_MULTIPLY = 5, NB_REMAINDER = 6, NB_OR = 7, NB_POWER = 8, NB_RSHIFT = 9, NB_SUBTRACT = 10,
  NB_TRUE_DIVIDE = 11, NB_XOR = 12,
  NB_INPLACE_ADD = 13, NB_INPLACE_AND = 14, NB_INPLACE_FLOOR_DIVIDE = 15, NB_INPLACE_LSHIFT = 16,
  NB_INPLACE_MATRIX_MULTIPLY = 17, NB_INPLACE_MULTIPLY = 18, NB_INPLACE_REMAINDER = 19,
  NB_INPLACE_OR = 20, NB_INPLACE_POWER = 21, NB_INPLACE_RSHIFT = 22, NB_INPLACE_SUBTRACT = 23,
  NB_INPLACE_TRUE_DIVIDE = 24, NB_INPLACE_XOR = 25,
};
// Symbol of a BinaryOp for messages and dis ("+", "+=", ...).
const char* binary_op_symbol(int op);
Object* number_binary_op(Object* a, Object* b, int op);  // any BinaryOp, in-place ones included
Object* number_add(Object* a, Object* b);
Object* number_subtract(Object* a, Object* b);
Object* number_multiply(Object* a, Object* b);
Object* number_power(Object* a, Object* b, Object* mod);  // mod: None or a number
Object* number_divmod(Object* a, Object* b);
Object* number_negative(Object* o);
Object* number_positive(Object* o);
Object* number_invert(Object* o);
Object* number_absolute(Object* o);
Object* number_index(Object* o);  // __index__, result is an int ("... cannot be interpreted as an integer")
Object* number_long(Object* o);   // int(o)
Object* number_float(Object* o);  // float(o)
// __index__ then clamp to ssize; on overflow raise `overflow_exc` (or clamp if it is null).
ssize number_as_ssize(Object* o, TypeObject* overflow_exc);
bool index_check(Object* o);  // has __index__

// ---- Containers ---------------------------------------------------------------------------------
ssize object_length(Object* o);  // -1 on error; "object of type 'X' has no len()"
// len() if available, else __length_hint__, else `dflt`.
ssize object_length_hint(Object* o, ssize dflt);
Object* object_getitem(Object* o, Object* key);
int object_setitem(Object* o, Object* key, Object* value);
int object_delitem(Object* o, Object* key);
Object* sequence_getitem(Object* o, ssize i);
int sequence_contains(Object* container, Object* item);  // `in`: 1/0/-1
Object* sequence_tuple(Object* iterable);  // tuple(iterable)
Object* sequence_list(Object* iterable);   // list(iterable)

// ---- Iteration ----------------------------------------------------------------------------------
Object* object_getiter(Object* o);  // iter(o); "'int' object is not iterable"
// next(it): returns nullptr with NO exception set when exhausted (StopIteration is swallowed and
// cleared here), nullptr with an exception set on error.
Object* iter_next(Object* it);
bool iter_check(Object* o);  // has __next__

// ---- Formatting ---------------------------------------------------------------------------------
Object* object_format(Object* o, Object* format_spec);  // format(o, spec); spec: str or null

// A str built like err_format's message (printf conversions plus %R %S %A %T %U), as CPython's
// PyUnicode_FromFormat. New reference or nullptr.
Object* str_from_format(const char* fmt, ...);
Object* str_from_vformat(const char* fmt, va_list ap);

// Convenience for C++ code: repr/str as UTF-8 std::string (empty + exception set on error).
bool repr_utf8(Object* o, std::string& out);
bool str_utf8(Object* o, std::string& out);

}  // namespace gilpy
