// Type objects: the slot table every object's behaviour is dispatched through.
//
// A TypeObject is itself an object (its type is `type`). Built-in types are static TypeObjects,
// immortal, filled in by an init function of their module (objects/*.cpp) and finished by
// type_ready(), which computes __mro__, inherits unset slots from the base, and fills the type's
// __dict__ with descriptors for the MethodDef / MemberDef / GetSetDef tables. Classes created by a
// `class` statement are heap types (flag HEAPTYPE): reference counted, with slots that call the
// Python-level dunder methods found along the MRO (core/typeobject.cpp keeps them in sync on
// assignment to a class attribute).
//
// The calling convention everywhere is "vectorcall": positional arguments in a contiguous array,
// `nargs` of them, followed by the values of keyword arguments whose names are in the tuple
// `kwnames` (nullptr when there are none). So args[nargs + i] is the value of kwnames[i].
//
// Slots returning Object* return a new reference, or nullptr with an exception set. A binary
// number slot returns NotImplemented (a new reference to it) when it does not handle the operand
// types; core/abstract.cpp then tries the reflected operand, as CPython does.
#pragma once

#include <cstdint>

#include "core/object.h"

namespace gilpy {

using destructor = void (*)(Object*);
using unaryfunc = Object* (*)(Object*);
using binaryfunc = Object* (*)(Object*, Object*);
using ternaryfunc = Object* (*)(Object*, Object*, Object*);
using inquiry = int (*)(Object*);
using lenfunc = ssize (*)(Object*);
using hashfunc = hash_t (*)(Object*);
using richcmpfunc = Object* (*)(Object* a, Object* b, int op);  // op: CompareOp
using getattrofunc = Object* (*)(Object* self, Object* name);
using setattrofunc = int (*)(Object* self, Object* name, Object* value);  // value null: delete
using objobjproc = int (*)(Object*, Object*);
using objobjargproc = int (*)(Object*, Object*, Object*);             // value null: delete
using descrgetfunc = Object* (*)(Object* descr, Object* obj, Object* type);  // obj may be null
using descrsetfunc = int (*)(Object* descr, Object* obj, Object* value);     // value null: delete
using vectorcallfunc = Object* (*)(Object* callable, Object* const* args, ssize nargs,
                                   Object* kwnames);
using newfunc = Object* (*)(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames);
using initproc = int (*)(Object* self, Object* const* args, ssize nargs, Object* kwnames);
using visitproc = int (*)(Object* o, void* arg);
using traverseproc = int (*)(Object* self, visitproc visit, void* arg);

// Rich comparison operators, in CPython's order (COMPARE_OP's argument uses the same numbers).
enum CompareOp : int { CMP_LT = 0, CMP_LE = 1, CMP_EQ = 2, CMP_NE = 3, CMP_GT = 4, CMP_GE = 5 };

// Type flags.
enum : uint32_t {
  TPFLAG_HEAPTYPE = 1u << 0,       // created at run time (class statement, type(...)); refcounted
  TPFLAG_BASETYPE = 1u << 1,       // may be subclassed
  TPFLAG_HAVE_GC = 1u << 2,        // instances can take part in cycles; have a GC header
  TPFLAG_READY = 1u << 3,          // type_ready() has run
  TPFLAG_IMMUTABLETYPE = 1u << 4,  // attributes cannot be set (built-in types)
  TPFLAG_ABSTRACT = 1u << 5,
  // Instances are descriptors that bind like functions (a Python function, a method descriptor):
  // object_get_method may call them unbound with the instance as the first argument instead of
  // creating a bound method (CPython's Py_TPFLAGS_METHOD_DESCRIPTOR).
  TPFLAG_METHOD_DESCRIPTOR = 1u << 6,
  // Fast subclass checks (set by type_ready on the type and inherited by subclasses):
  TPFLAG_LONG_SUBCLASS = 1u << 10,
  TPFLAG_LIST_SUBCLASS = 1u << 11,
  TPFLAG_TUPLE_SUBCLASS = 1u << 12,
  TPFLAG_BYTES_SUBCLASS = 1u << 13,
  TPFLAG_UNICODE_SUBCLASS = 1u << 14,
  TPFLAG_DICT_SUBCLASS = 1u << 15,
  TPFLAG_BASE_EXC_SUBCLASS = 1u << 16,
  TPFLAG_TYPE_SUBCLASS = 1u << 17,
  TPFLAG_FLOAT_SUBCLASS = 1u << 18,
};

// Built-in functions and methods. One signature for all of them (vectorcall-style).
using CFunction = Object* (*)(Object* self, Object* const* args, ssize nargs, Object* kwnames);

enum : int {
  METH_DEFAULT = 0,
  METH_CLASS = 1,   // becomes a classmethod: self is the type
  METH_STATIC = 2,  // becomes a staticmethod: self is nullptr
};

struct MethodDef {
  const char* name;
  CFunction fn;
  int flags;
  const char* doc;
};

enum MemberType : int {
  MEMBER_OBJECT,      // Object*, None when null
  MEMBER_OBJECT_EX,   // Object*, AttributeError when null
  MEMBER_SSIZE,
  MEMBER_INT,
  MEMBER_BOOL,
  MEMBER_DOUBLE,
};
enum : int { MEMBER_READONLY = 1 };

struct MemberDef {
  const char* name;
  MemberType type;
  ssize offset;
  int flags;
  const char* doc;
};

using getter = Object* (*)(Object* self);
using setter = int (*)(Object* self, Object* value);  // value null: delete

struct GetSetDef {
  const char* name;
  getter get;
  setter set;
  const char* doc;
};

struct SharedKeys;  // objects/dict_instance.h

struct TypeObject : VarObject {
  const char* name = nullptr;  // for static types: "int", or "module.Name" (tp_name)
  ssize basicsize = 0;
  ssize itemsize = 0;
  uint32_t flags = 0;
  const char* doc = nullptr;

  TypeObject* base = nullptr;  // primary base (tp_base); null only for `object`
  Object* bases = nullptr;     // tuple
  Object* mro = nullptr;       // tuple, computed by type_ready (C3 linearisation)
  Object* dict = nullptr;      // dict: the type's namespace (methods, descriptors, attributes)
  Object* ht_name = nullptr;   // heap types: str __name__
  Object* ht_qualname = nullptr;
  Object* ht_module = nullptr;  // heap types: __module__ str
  Object* subclasses = nullptr; // dict id -> weakref, maintained by typeobject.cpp (may be null)
  uint64_t version_tag = 0;     // bumped on any change to the type's dict (for inline caches)

  // -- object protocol
  destructor dealloc = nullptr;
  unaryfunc repr = nullptr;
  unaryfunc str = nullptr;
  hashfunc hash = nullptr;
  richcmpfunc richcompare = nullptr;
  getattrofunc getattro = nullptr;
  setattrofunc setattro = nullptr;
  vectorcallfunc call = nullptr;
  unaryfunc iter = nullptr;
  unaryfunc iternext = nullptr;  // returns nullptr without an exception set when exhausted
  descrgetfunc descr_get = nullptr;
  descrsetfunc descr_set = nullptr;
  newfunc new_ = nullptr;
  initproc init = nullptr;
  traverseproc traverse = nullptr;  // visit every owned reference (cycle collector)
  inquiry clear = nullptr;          // drop owned references to break cycles
  destructor finalize = nullptr;    // __del__ (PEP 442)

  // -- number protocol
  binaryfunc nb_add = nullptr, nb_subtract = nullptr, nb_multiply = nullptr,
             nb_remainder = nullptr, nb_divmod = nullptr, nb_lshift = nullptr,
             nb_rshift = nullptr, nb_and = nullptr, nb_xor = nullptr, nb_or = nullptr,
             nb_floor_divide = nullptr, nb_true_divide = nullptr, nb_matrix_multiply = nullptr;
  ternaryfunc nb_power = nullptr;
  binaryfunc nb_inplace_add = nullptr, nb_inplace_subtract = nullptr,
             nb_inplace_multiply = nullptr, nb_inplace_remainder = nullptr,
             nb_inplace_lshift = nullptr, nb_inplace_rshift = nullptr, nb_inplace_and = nullptr,
             nb_inplace_xor = nullptr, nb_inplace_or = nullptr,
             nb_inplace_floor_divide = nullptr, nb_inplace_true_divide = nullptr,
             nb_inplace_matrix_multiply = nullptr;
  ternaryfunc nb_inplace_power = nullptr;
  unaryfunc nb_negative = nullptr, nb_positive = nullptr, nb_absolute = nullptr,
            nb_invert = nullptr, nb_int = nullptr, nb_float = nullptr, nb_index = nullptr;
  inquiry nb_bool = nullptr;

  // -- sequence / mapping protocol (one set: Python-level __getitem__ covers both)
  lenfunc len = nullptr;            // __len__
  binaryfunc getitem = nullptr;     // __getitem__ (mp_subscript)
  objobjargproc setitem = nullptr;  // __setitem__ / __delitem__ (value null)
  objobjproc contains = nullptr;    // __contains__: 1 / 0 / -1
  binaryfunc sq_concat = nullptr;   // sequence `+` fallback when nb_add is absent (list, str...)
  // sequence `*` with an int count; core/abstract.cpp converts the other operand via __index__
  Object* (*sq_repeat)(Object* seq, ssize count) = nullptr;
  Object* (*sq_item)(Object* seq, ssize index) = nullptr;  // fast integer indexing (optional)

  // -- tables turned into descriptors in `dict` by type_ready
  const MethodDef* methods = nullptr;  // terminated by {nullptr}
  const MemberDef* members = nullptr;
  const GetSetDef* getset = nullptr;

  ssize dictoffset = 0;      // offset of the instance __dict__ pointer, 0 if none
  ssize weaklistoffset = 0;  // offset of the weakref list head, 0 if none
  vectorcallfunc vectorcall = nullptr;  // fast path for calling the type itself (int(x), list())

  // Heap types: bytes of per-instance storage the class adds (instance __dict__, __weakref__,
  // __slots__). It lives IN FRONT of the object (before its GC header), so the base type's layout
  // and allocation code never need to know about subclasses (a tuple or str subclass works with
  // tuple's and str's own allocation); the offsets of that storage (dictoffset, slot members) are
  // negative. object_alloc/object_free account for it. 0 for static types.
  ssize prefix_size = 0;
  // Heap types with a prefix __dict__: the attribute names their instances share, made on the
  // first attribute stored (objects/dict_instance.h); owned by the type, never inherited.
  SharedKeys* cached_keys = nullptr;
};

extern TypeObject TypeType;    // `type`
extern TypeObject ObjectType;  // `object`

inline Object* as_object(TypeObject* t) { return t; }
inline bool type_has_flag(const TypeObject* t, uint32_t f) { return (t->flags & f) != 0; }

// Finish a type: compute mro, inherit slots and flags from the base, create the descriptors of its
// tables in its dict. Returns -1 on error. Idempotent.
int type_ready(TypeObject* type);

// Is `a` a subtype of `b` (walks a's mro)?
bool type_is_subtype(TypeObject* a, TypeObject* b);
inline bool object_type_check(Object* o, TypeObject* t) {
  return type_of(o) == t || type_is_subtype(type_of(o), t);
}

// Look `name` (a str) up along type's MRO; returns a BORROWED reference or nullptr (no exception).
Object* type_lookup_borrowed(TypeObject* type, Object* name);

// type.__name__ / __qualname__ as a C string (static types: the part after the last dot).
const char* type_name(const TypeObject* type);

// The most derived metaclass among `meta` and the types of `bases` (a tuple); TypeError "metaclass
// conflict: ..." if there is none. Borrowed result. (__build_class__ uses it.)
TypeObject* type_calculate_metaclass(TypeObject* meta, Object* bases);

// Create a heap type (class statement / type(name, bases, dict)). `meta` is the metaclass.
Object* type_new_heap(TypeObject* meta, Object* name, Object* bases, Object* dict, Object* kwds);

}  // namespace gilpy
