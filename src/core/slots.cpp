// Slots <-> dunder methods (CPython's slotdefs): both directions.
//
//  - Python -> C: every C slot a static type defines gets a slot wrapper in the type's dict
//    (`int.__add__`, `list.__len__`), created by add_slot_wrappers() during type_ready. The
//    WrapperFunc of the slot's SlotDef converts the Python-level call into the slot's C call.
//  - C -> Python: a heap type (class statement) whose MRO defines a dunder gets that slot filled
//    with a generic dispatcher (slot_nb_add, slot_tp_repr, ...) that looks the dunder up on the
//    type of the instance and calls it. fixup_slots_from_dict() does this at class creation; when
//    a class attribute is (re)bound or deleted, update_slot_after_setattr() recomputes the slots
//    for that name in the class and its subclasses. When the dunder found is the slot wrapper of
//    the very same C slot (a heap subclass of int that does not override __add__), the C function
//    is used directly (no dispatch overhead), as CPython's update_one_slot does.
//
// The binary-operator dispatchers implement CPython's SLOT1BINFULL: a heap type's nb_add handles
// both `self + other` (__add__) and `other + self` (__radd__), trying the reflected method first
// when the right operand's type is a subclass overriding it. The eval loop looks __enter__/__exit__
// up itself; they have no slots.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <vector>

#include "core/abstract.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/internal.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gilpy {

namespace {

// ---- Calling a dunder found on the type ------------------------------------------------------------

// Look `name` up on type(self) and call it with (self, *args). *found = false (and nullptr, no
// exception) when the type has no such attribute.
Object* call_special(Object* self, Object* name, Object* const* args, ssize nargs, bool* found,
                     Object* kwnames = nullptr) {
  Object* f = type_lookup_borrowed(type_of(self), name);
  if (!f) {
    *found = false;
    return nullptr;
  }
  *found = true;
  Ref func = Ref::borrow(f);
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  TypeObject* ft = type_of(f);
  if (ft->flags & TPFLAG_METHOD_DESCRIPTOR) {
    Object* small[8];
    std::vector<Object*> big;
    Object** stack = small;
    if (nargs + nkw + 1 > 8) {
      big.resize(size_t(nargs + nkw + 1));
      stack = big.data();
    }
    stack[0] = self;
    for (ssize i = 0; i < nargs + nkw; ++i) stack[i + 1] = args[i];
    return call(f, stack, nargs + 1, kwnames);
  }
  if (ft->descr_get) {
    Ref bound = Ref::steal(ft->descr_get(f, self, as_object(type_of(self))));
    if (!bound) return nullptr;
    return call(bound.get(), args, nargs, kwnames);
  }
  return call(f, args, nargs, kwnames);
}

// Like call_special, but a missing method is an AttributeError naming it (vectorcall_method).
Object* call_method_req(Object* self, Object* name, Object* const* args, ssize nargs,
                        Object* kwnames = nullptr) {
  bool found;
  Object* r = call_special(self, name, args, nargs, &found, kwnames);
  if (!found) {
    err_set(&Exc_AttributeError, name);
    return nullptr;
  }
  return r;
}

// A missing method gives NotImplemented (vectorcall_maybe).
Object* call_maybe(Object* self, Object* name, Object* const* args, ssize nargs) {
  bool found;
  Object* r = call_special(self, name, args, nargs, &found);
  if (!found) return not_implemented_ref();
  return r;
}

#define NAME(s) str_intern_cstr_borrowed(s)

// ---- Generic dispatchers for heap types ------------------------------------------------------------

// Is `name` overridden in type(other) with respect to type(self)? (method_is_overloaded)
int method_is_overloaded(Object* left, Object* right, Object* name) {
  Object* a = type_lookup_borrowed(type_of(right), name);
  if (!a) return 0;
  Object* b = type_lookup_borrowed(type_of(left), name);
  if (!b) return 1;
  return a != b;
}

template <size_t Off>
binaryfunc& nb_slot(TypeObject* t) {
  return *reinterpret_cast<binaryfunc*>(reinterpret_cast<char*>(t) + Off);
}

template <size_t Off>
Object* binary_full(Object* self, Object* other, const char* op, const char* rop, binaryfunc me) {
  bool do_other = type_of(self) != type_of(other) && nb_slot<Off>(type_of(other)) == me;
  if (nb_slot<Off>(type_of(self)) == me) {
    if (do_other && type_is_subtype(type_of(other), type_of(self))) {
      int ok = method_is_overloaded(self, other, NAME(rop));
      if (ok) {
        Object* r = call_maybe(other, NAME(rop), &self, 1);
        if (r != NotImplemented) return r;
        decref(r);
        do_other = false;
      }
    }
    Object* r = call_maybe(self, NAME(op), &other, 1);
    if (r != NotImplemented || type_of(other) == type_of(self)) return r;
    decref(r);
  }
  if (do_other) return call_maybe(other, NAME(rop), &self, 1);
  return not_implemented_ref();
}

#define SLOT_BINFULL(fname, field, op, rop)                                                   \
  Object* fname(Object* self, Object* other) {                                                \
    return binary_full<offsetof(TypeObject, field)>(self, other, op, rop, fname);             \
  }
SLOT_BINFULL(slot_nb_add, nb_add, "__add__", "__radd__")
SLOT_BINFULL(slot_nb_subtract, nb_subtract, "__sub__", "__rsub__")
SLOT_BINFULL(slot_nb_multiply, nb_multiply, "__mul__", "__rmul__")
SLOT_BINFULL(slot_nb_remainder, nb_remainder, "__mod__", "__rmod__")
SLOT_BINFULL(slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__")
SLOT_BINFULL(slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__")
SLOT_BINFULL(slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__")
SLOT_BINFULL(slot_nb_and, nb_and, "__and__", "__rand__")
SLOT_BINFULL(slot_nb_xor, nb_xor, "__xor__", "__rxor__")
SLOT_BINFULL(slot_nb_or, nb_or, "__or__", "__ror__")
SLOT_BINFULL(slot_nb_floor_divide, nb_floor_divide, "__floordiv__", "__rfloordiv__")
SLOT_BINFULL(slot_nb_true_divide, nb_true_divide, "__truediv__", "__rtruediv__")
SLOT_BINFULL(slot_nb_matrix_multiply, nb_matrix_multiply, "__matmul__", "__rmatmul__")
#undef SLOT_BINFULL

Object* slot_nb_power(Object* self, Object* other, Object* mod);

Object* pow_binary(Object* self, Object* other) {
  bool do_other = type_of(self) != type_of(other) && type_of(other)->nb_power == slot_nb_power;
  if (type_of(self)->nb_power == slot_nb_power) {
    if (do_other && type_is_subtype(type_of(other), type_of(self))) {
      if (method_is_overloaded(self, other, NAME("__rpow__"))) {
        Object* r = call_maybe(other, NAME("__rpow__"), &self, 1);
        if (r != NotImplemented) return r;
        decref(r);
        do_other = false;
      }
    }
    Object* r = call_maybe(self, NAME("__pow__"), &other, 1);
    if (r != NotImplemented || type_of(other) == type_of(self)) return r;
    decref(r);
  }
  if (do_other) return call_maybe(other, NAME("__rpow__"), &self, 1);
  return not_implemented_ref();
}

Object* slot_nb_power(Object* self, Object* other, Object* mod) {
  if (!mod || mod == None) return pow_binary(self, other);
  // Three-argument power never tries __rpow__.
  if (type_of(self)->nb_power == slot_nb_power) {
    Object* args[2] = {other, mod};
    return call_maybe(self, NAME("__pow__"), args, 2);
  }
  return not_implemented_ref();
}

#define SLOT_INPLACE(fname, name)                                      \
  Object* fname(Object* self, Object* other) {                         \
    return call_maybe(self, NAME(name), &other, 1);                    \
  }
SLOT_INPLACE(slot_nb_inplace_add, "__iadd__")
SLOT_INPLACE(slot_nb_inplace_subtract, "__isub__")
SLOT_INPLACE(slot_nb_inplace_multiply, "__imul__")
SLOT_INPLACE(slot_nb_inplace_remainder, "__imod__")
SLOT_INPLACE(slot_nb_inplace_lshift, "__ilshift__")
SLOT_INPLACE(slot_nb_inplace_rshift, "__irshift__")
SLOT_INPLACE(slot_nb_inplace_and, "__iand__")
SLOT_INPLACE(slot_nb_inplace_xor, "__ixor__")
SLOT_INPLACE(slot_nb_inplace_or, "__ior__")
SLOT_INPLACE(slot_nb_inplace_floor_divide, "__ifloordiv__")
SLOT_INPLACE(slot_nb_inplace_true_divide, "__itruediv__")
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, "__imatmul__")
#undef SLOT_INPLACE

Object* slot_nb_inplace_power(Object* self, Object* other, Object* mod) {
  Object* args[2] = {other, mod ? mod : None};
  return call_maybe(self, NAME("__ipow__"), args, 1);
}

#define SLOT_UNARY(fname, name)                                   \
  Object* fname(Object* self) { return call_method_req(self, NAME(name), nullptr, 0); }
SLOT_UNARY(slot_nb_negative, "__neg__")
SLOT_UNARY(slot_nb_positive, "__pos__")
SLOT_UNARY(slot_nb_absolute, "__abs__")
SLOT_UNARY(slot_nb_invert, "__invert__")
SLOT_UNARY(slot_nb_int, "__int__")
SLOT_UNARY(slot_nb_float, "__float__")
SLOT_UNARY(slot_nb_index, "__index__")
#undef SLOT_UNARY

// __len__ result -> ssize with CPython's checks.
ssize len_result(Object* res) {
  Ref r = Ref::steal(res);
  if (!r) return -1;
  Ref idx = Ref::steal(number_index(r.get()));
  if (!idx) return -1;
  if (int_sign(idx.get()) < 0) {
    err_format(&Exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  ssize n = number_as_ssize(idx.get(), &Exc_OverflowError);
  if (n == -1 && err_occurred()) return -1;
  return n;
}

int slot_nb_bool(Object* self) {
  bool found;
  Object* r = call_special(self, NAME("__bool__"), nullptr, 0, &found);
  if (found) {
    if (!r) return -1;
    Ref res = Ref::steal(r);
    if (r == True) return 1;
    if (r == False) return 0;
    err_format(&Exc_TypeError, "__bool__ should return bool, returned %s", type_of(r)->name);
    return -1;
  }
  r = call_special(self, NAME("__len__"), nullptr, 0, &found);
  if (!found) return 1;
  ssize n = len_result(r);
  if (n < 0) return -1;
  return n > 0;
}

ssize slot_sq_length(Object* self) {
  return len_result(call_method_req(self, NAME("__len__"), nullptr, 0));
}

Object* slot_sq_item(Object* self, ssize i) {
  Ref idx = Ref::steal(int_from_ssize(i));
  if (!idx) return nullptr;
  Object* key = idx.get();
  return call_method_req(self, NAME("__getitem__"), &key, 1);
}

Object* slot_mp_subscript(Object* self, Object* key) {
  return call_method_req(self, NAME("__getitem__"), &key, 1);
}

int slot_mp_ass_subscript(Object* self, Object* key, Object* value) {
  Object* r;
  if (value) {
    Object* args[2] = {key, value};
    r = call_method_req(self, NAME("__setitem__"), args, 2);
  } else {
    r = call_method_req(self, NAME("__delitem__"), &key, 1);
  }
  if (!r) return -1;
  decref(r);
  return 0;
}

int slot_sq_contains(Object* self, Object* value) {
  Object* f = type_lookup_borrowed(type_of(self), NAME("__contains__"));
  if (f == None) {
    err_format(&Exc_TypeError, "'%s' object is not a container", type_of(self)->name);
    return -1;
  }
  if (f) {
    bool found;
    Ref r = Ref::steal(call_special(self, NAME("__contains__"), &value, 1, &found));
    if (!r) return -1;
    return object_is_true(r.get());
  }
  // Fall back to iteration.
  Ref it = Ref::steal(object_getiter(self));
  if (!it) return -1;
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) return err_occurred() ? -1 : 0;
    int eq = object_richcompare_bool(item.get(), value, CMP_EQ);
    if (eq != 0) return eq;
  }
}

Object* slot_tp_repr(Object* self) {
  bool found;
  Object* r = call_special(self, NAME("__repr__"), nullptr, 0, &found);
  if (found) return r;
  return err_format(&Exc_TypeError, "<%s object at %p>", type_of(self)->name,
                    static_cast<void*>(self));
}

Object* slot_tp_str(Object* self) { return call_method_req(self, NAME("__str__"), nullptr, 0); }

hash_t slot_tp_hash(Object* self) {
  Object* f = type_lookup_borrowed(type_of(self), NAME("__hash__"));
  if (!f || f == None) return object_hash_not_implemented(self);
  bool found;
  Ref r = Ref::steal(call_special(self, NAME("__hash__"), nullptr, 0, &found));
  if (!r) return -1;
  if (!int_check(r.get())) {
    err_format(&Exc_TypeError, "__hash__ method should return an integer");
    return -1;
  }
  // As CPython: a result that fits in a machine word is the hash itself; a larger int is hashed.
  bool overflow = false;
  int64_t v = int_as_i64(r.get(), &overflow);
  hash_t h = overflow ? int_hash_value(r.get()) : hash_t(v);
  if (h == -1) h = -2;
  return h;
}

const char* const kRichNames[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

Object* slot_tp_richcompare(Object* self, Object* other, int op) {
  bool found;
  Object* r = call_special(self, NAME(kRichNames[op]), &other, 1, &found);
  if (!found) return not_implemented_ref();
  return r;
}

Object* slot_tp_getattr_hook(Object* self, Object* name) {
  TypeObject* tp = type_of(self);
  Ref getattr = Ref::borrow(type_lookup_borrowed(tp, NAME("__getattr__")));
  Ref getattribute = Ref::borrow(type_lookup_borrowed(tp, NAME("__getattribute__")));
  Object* res;
  if (!getattribute || (type_of(getattribute.get()) == &WrapperDescrType &&
                        static_cast<WrapperDescrObject*>(getattribute.get())->wrapped ==
                            reinterpret_cast<void*>(&generic_getattr))) {
    res = generic_getattr(self, name);
  } else {
    bool found;
    res = call_special(self, NAME("__getattribute__"), &name, 1, &found);
  }
  if (!res && getattr && err_matches(&Exc_AttributeError)) {
    err_clear();
    bool found;
    res = call_special(self, NAME("__getattr__"), &name, 1, &found);
  }
  return res;
}

int slot_tp_setattro(Object* self, Object* name, Object* value) {
  Object* r;
  if (value) {
    Object* args[2] = {name, value};
    r = call_method_req(self, NAME("__setattr__"), args, 2);
  } else {
    r = call_method_req(self, NAME("__delattr__"), &name, 1);
  }
  if (!r) return -1;
  decref(r);
  return 0;
}

Object* slot_tp_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  bool found;
  Object* r = call_special(self, NAME("__call__"), args, nargs, &found, kwnames);
  if (!found) {
    return err_format(&Exc_TypeError, "'%s' object is not callable", type_of(self)->name);
  }
  return r;
}

Object* slot_tp_iter(Object* self) {
  Object* f = type_lookup_borrowed(type_of(self), NAME("__iter__"));
  if (f == None) {
    return err_format(&Exc_TypeError, "'%s' object is not iterable", type_of(self)->name);
  }
  if (f) {
    bool found;
    return call_special(self, NAME("__iter__"), nullptr, 0, &found);
  }
  if (type_lookup_borrowed(type_of(self), NAME("__getitem__"))) return seq_iter_new(self);
  return err_format(&Exc_TypeError, "'%s' object is not iterable", type_of(self)->name);
}

Object* slot_tp_iternext(Object* self) {
  Object* r = call_method_req(self, NAME("__next__"), nullptr, 0);
  if (!r && err_matches(&Exc_StopIteration)) err_clear();
  return r;
}

Object* slot_tp_descr_get(Object* self, Object* obj, Object* type) {
  Object* f = type_lookup_borrowed(type_of(self), NAME("__get__"));
  if (!f) return newref(self);
  Object* args[2] = {obj ? obj : None, type ? type : None};
  bool found;
  return call_special(self, NAME("__get__"), args, 2, &found);
}

int slot_tp_descr_set(Object* self, Object* obj, Object* value) {
  Object* r;
  if (value) {
    Object* args[2] = {obj, value};
    r = call_method_req(self, NAME("__set__"), args, 2);
  } else {
    r = call_method_req(self, NAME("__delete__"), &obj, 1);
  }
  if (!r) return -1;
  decref(r);
  return 0;
}

int slot_tp_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref r = Ref::steal(call_method_req(self, NAME("__init__"), args, nargs, kwnames));
  if (!r) return -1;
  if (r.get() != None) {
    err_format(&Exc_TypeError, "__init__() should return None, not '%T'", r.get());
    return -1;
  }
  return 0;
}

Object* slot_tp_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  Ref func = Ref::steal(object_getattr(type, NAME("__new__")));
  if (!func) return nullptr;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  std::vector<Object*> stack(size_t(nargs + nkw + 1));
  stack[0] = type;
  for (ssize i = 0; i < nargs + nkw; ++i) stack[size_t(i + 1)] = args[i];
  return call(func.get(), stack.data(), nargs + 1, kwnames);
}

void slot_tp_finalize(Object* self) {
  Object* saved = err_fetch();
  Object* f = type_lookup_borrowed(type_of(self), NAME("__del__"));
  if (f) {
    Ref func = Ref::borrow(f);
    bool found;
    Object* r = call_special(self, NAME("__del__"), nullptr, 0, &found);
    if (r) decref(r);
    else err_write_unraisable(func.get());
  }
  err_restore(saved);
}

// ---- Wrappers: calling C slots from Python -----------------------------------------------------------

bool check_args(ssize nargs, ssize n, Object* kwnames, const SlotDef* def) {
  if (kwnames && tuple_size(kwnames)) {
    err_format(&Exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
    return false;
  }
  if (nargs != n) {
    err_format(&Exc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", nargs);
    return false;
  }
  return true;
}

Object* wrap_unaryfunc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                       const SlotDef* def) {
  if (!check_args(nargs, 0, kw, def)) return nullptr;
  return reinterpret_cast<unaryfunc>(w)(self);
}
Object* wrap_binaryfunc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                        const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  return reinterpret_cast<binaryfunc>(w)(self, args[0]);
}
Object* wrap_binaryfunc_l(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                          const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  return reinterpret_cast<binaryfunc>(w)(self, args[0]);
}
Object* wrap_binaryfunc_r(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                          const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  return reinterpret_cast<binaryfunc>(w)(args[0], self);
}
bool check_ternary(ssize nargs, Object* kw, const SlotDef* def) {
  if (kw && tuple_size(kw)) {
    err_format(&Exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
    return false;
  }
  if (nargs < 1 || nargs > 2) {
    if (nargs < 1) err_format(&Exc_TypeError, " expected at least 1 argument, got %zd", nargs);
    else err_format(&Exc_TypeError, " expected at most 2 arguments, got %zd", nargs);
    return false;
  }
  return true;
}
Object* wrap_ternaryfunc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                         const SlotDef* def) {
  if (!check_ternary(nargs, kw, def)) return nullptr;
  return reinterpret_cast<ternaryfunc>(w)(self, args[0], nargs > 1 ? args[1] : None);
}
Object* wrap_ternaryfunc_r(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                           const SlotDef* def) {
  if (!check_ternary(nargs, kw, def)) return nullptr;
  return reinterpret_cast<ternaryfunc>(w)(args[0], self, nargs > 1 ? args[1] : None);
}
Object* wrap_inquirypred(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                         const SlotDef* def) {
  if (!check_args(nargs, 0, kw, def)) return nullptr;
  int r = reinterpret_cast<inquiry>(w)(self);
  if (r < 0) return nullptr;
  return bool_from(r != 0);
}
Object* wrap_lenfunc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                     const SlotDef* def) {
  if (!check_args(nargs, 0, kw, def)) return nullptr;
  ssize r = reinterpret_cast<lenfunc>(w)(self);
  if (r < 0 && err_occurred()) return nullptr;
  return int_from_ssize(r);
}
Object* wrap_hashfunc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                      const SlotDef* def) {
  if (!check_args(nargs, 0, kw, def)) return nullptr;
  hash_t r = reinterpret_cast<hashfunc>(w)(self);
  if (r == -1 && err_occurred()) return nullptr;
  return int_from_i64(r);
}
Object* wrap_objobjargproc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                           const SlotDef* def) {
  if (!check_args(nargs, 2, kw, def)) return nullptr;
  if (reinterpret_cast<objobjargproc>(w)(self, args[0], args[1]) < 0) return nullptr;
  return none_ref();
}
Object* wrap_delitem(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                     const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  if (reinterpret_cast<objobjargproc>(w)(self, args[0], nullptr) < 0) return nullptr;
  return none_ref();
}
Object* wrap_objobjproc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                        const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  int r = reinterpret_cast<objobjproc>(w)(self, args[0]);
  if (r < 0) return nullptr;
  return bool_from(r != 0);
}
Object* wrap_richcmp(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                     const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  return reinterpret_cast<richcmpfunc>(w)(self, args[0], def->op);
}
Object* wrap_setattr(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                     const SlotDef* def) {
  if (!check_args(nargs, 2, kw, def)) return nullptr;
  if (reinterpret_cast<setattrofunc>(w)(self, args[0], args[1]) < 0) return nullptr;
  return none_ref();
}
Object* wrap_delattr(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                     const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  if (reinterpret_cast<setattrofunc>(w)(self, args[0], nullptr) < 0) return nullptr;
  return none_ref();
}
Object* wrap_call(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                  const SlotDef* def) {
  return reinterpret_cast<vectorcallfunc>(w)(self, args, nargs, kw);
}
Object* wrap_init(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                  const SlotDef* def) {
  if (reinterpret_cast<initproc>(w)(self, args, nargs, kw) < 0) return nullptr;
  return none_ref();
}
Object* wrap_next(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                  const SlotDef* def) {
  if (!check_args(nargs, 0, kw, def)) return nullptr;
  Object* r = reinterpret_cast<unaryfunc>(w)(self);
  if (!r && !err_occurred()) err_set(&Exc_StopIteration, nullptr);
  return r;
}
Object* wrap_descr_get(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                       const SlotDef* def) {
  if (kw && tuple_size(kw)) {
    return err_format(&Exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
  }
  if (nargs < 1 || nargs > 2) {
    return err_format(&Exc_TypeError, "expected 1 or 2 arguments, got %zd", nargs);
  }
  Object* obj = args[0] == None ? nullptr : args[0];
  Object* type = nargs > 1 && args[1] != None ? args[1] : nullptr;
  if (!obj && !type) return err_format(&Exc_TypeError, "__get__(None, None) is invalid");
  return reinterpret_cast<descrgetfunc>(w)(self, obj, type);
}
Object* wrap_descr_set(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                       const SlotDef* def) {
  if (!check_args(nargs, 2, kw, def)) return nullptr;
  if (reinterpret_cast<descrsetfunc>(w)(self, args[0], args[1]) < 0) return nullptr;
  return none_ref();
}
Object* wrap_descr_delete(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                          const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  if (reinterpret_cast<descrsetfunc>(w)(self, args[0], nullptr) < 0) return nullptr;
  return none_ref();
}
Object* wrap_del(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                 const SlotDef* def) {
  if (!check_args(nargs, 0, kw, def)) return nullptr;
  reinterpret_cast<destructor>(w)(self);
  if (err_occurred()) return nullptr;
  return none_ref();
}
Object* wrap_indexargfunc(Object* self, Object* const* args, ssize nargs, Object* kw, void* w,
                          const SlotDef* def) {
  if (!check_args(nargs, 1, kw, def)) return nullptr;
  ssize n = number_as_ssize(args[0], &Exc_OverflowError);
  if (n == -1 && err_occurred()) return nullptr;
  using repeatfunc = Object* (*)(Object*, ssize);
  return reinterpret_cast<repeatfunc>(w)(self, n);
}

// ---- The table -------------------------------------------------------------------------------------------
#define OFF(f) offsetof(TypeObject, f)
#define FN(f) reinterpret_cast<void*>(f)

const SlotDef kSlotDefs[] = {
    {"__repr__", OFF(repr), FN(slot_tp_repr), wrap_unaryfunc, 0, "Return repr(self)."},
    {"__hash__", OFF(hash), FN(slot_tp_hash), wrap_hashfunc, 0, "Return hash(self)."},
    {"__call__", OFF(call), FN(slot_tp_call), wrap_call, 0, "Call self as a function."},
    {"__str__", OFF(str), FN(slot_tp_str), wrap_unaryfunc, 0, "Return str(self)."},
    {"__getattribute__", OFF(getattro), FN(slot_tp_getattr_hook), wrap_binaryfunc, 0,
     "Return getattr(self, name)."},
    {"__getattr__", OFF(getattro), FN(slot_tp_getattr_hook), nullptr, 0, nullptr},
    {"__setattr__", OFF(setattro), FN(slot_tp_setattro), wrap_setattr, 0,
     "Implement setattr(self, name, value)."},
    {"__delattr__", OFF(setattro), FN(slot_tp_setattro), wrap_delattr, 0,
     "Implement delattr(self, name)."},
    {"__lt__", OFF(richcompare), FN(slot_tp_richcompare), wrap_richcmp, CMP_LT,
     "Return self<value."},
    {"__le__", OFF(richcompare), FN(slot_tp_richcompare), wrap_richcmp, CMP_LE,
     "Return self<=value."},
    {"__eq__", OFF(richcompare), FN(slot_tp_richcompare), wrap_richcmp, CMP_EQ,
     "Return self==value."},
    {"__ne__", OFF(richcompare), FN(slot_tp_richcompare), wrap_richcmp, CMP_NE,
     "Return self!=value."},
    {"__gt__", OFF(richcompare), FN(slot_tp_richcompare), wrap_richcmp, CMP_GT,
     "Return self>value."},
    {"__ge__", OFF(richcompare), FN(slot_tp_richcompare), wrap_richcmp, CMP_GE,
     "Return self>=value."},
    {"__iter__", OFF(iter), FN(slot_tp_iter), wrap_unaryfunc, 0, "Implement iter(self)."},
    {"__next__", OFF(iternext), FN(slot_tp_iternext), wrap_next, 0, "Implement next(self)."},
    {"__get__", OFF(descr_get), FN(slot_tp_descr_get), wrap_descr_get, 0,
     "Return an attribute of instance, which is of type owner."},
    {"__set__", OFF(descr_set), FN(slot_tp_descr_set), wrap_descr_set, 0,
     "Set an attribute of instance to value."},
    {"__delete__", OFF(descr_set), FN(slot_tp_descr_set), wrap_descr_delete, 0,
     "Delete an attribute of instance."},
    {"__init__", OFF(init), FN(slot_tp_init), wrap_init, 0,
     "Initialize self.  See help(type(self)) for accurate signature."},
    {"__new__", OFF(new_), FN(slot_tp_new), nullptr, 0, nullptr},
    {"__del__", OFF(finalize), FN(slot_tp_finalize), wrap_del, 0,
     "Called when the instance is about to be destroyed."},

    {"__add__", OFF(nb_add), FN(slot_nb_add), wrap_binaryfunc_l, 0, "Return self+value."},
    {"__radd__", OFF(nb_add), FN(slot_nb_add), wrap_binaryfunc_r, 0, "Return value+self."},
    {"__sub__", OFF(nb_subtract), FN(slot_nb_subtract), wrap_binaryfunc_l, 0, "Return self-value."},
    {"__rsub__", OFF(nb_subtract), FN(slot_nb_subtract), wrap_binaryfunc_r, 0, "Return value-self."},
    {"__mul__", OFF(nb_multiply), FN(slot_nb_multiply), wrap_binaryfunc_l, 0, "Return self*value."},
    {"__rmul__", OFF(nb_multiply), FN(slot_nb_multiply), wrap_binaryfunc_r, 0, "Return value*self."},
    {"__mod__", OFF(nb_remainder), FN(slot_nb_remainder), wrap_binaryfunc_l, 0, "Return self%value."},
    {"__rmod__", OFF(nb_remainder), FN(slot_nb_remainder), wrap_binaryfunc_r, 0, "Return value%self."},
    {"__divmod__", OFF(nb_divmod), FN(slot_nb_divmod), wrap_binaryfunc_l, 0, "Return divmod(self, value)."},
    {"__rdivmod__", OFF(nb_divmod), FN(slot_nb_divmod), wrap_binaryfunc_r, 0, "Return divmod(value, self)."},
    {"__pow__", OFF(nb_power), FN(slot_nb_power), wrap_ternaryfunc, 0, "Return pow(self, value, mod)."},
    {"__rpow__", OFF(nb_power), FN(slot_nb_power), wrap_ternaryfunc_r, 0, "Return pow(value, self, mod)."},
    {"__neg__", OFF(nb_negative), FN(slot_nb_negative), wrap_unaryfunc, 0, "-self"},
    {"__pos__", OFF(nb_positive), FN(slot_nb_positive), wrap_unaryfunc, 0, "+self"},
    {"__abs__", OFF(nb_absolute), FN(slot_nb_absolute), wrap_unaryfunc, 0, "abs(self)"},
    {"__bool__", OFF(nb_bool), FN(slot_nb_bool), wrap_inquirypred, 0, "True if self else False"},
    {"__invert__", OFF(nb_invert), FN(slot_nb_invert), wrap_unaryfunc, 0, "~self"},
    {"__lshift__", OFF(nb_lshift), FN(slot_nb_lshift), wrap_binaryfunc_l, 0, "Return self<<value."},
    {"__rlshift__", OFF(nb_lshift), FN(slot_nb_lshift), wrap_binaryfunc_r, 0, "Return value<<self."},
    {"__rshift__", OFF(nb_rshift), FN(slot_nb_rshift), wrap_binaryfunc_l, 0, "Return self>>value."},
    {"__rrshift__", OFF(nb_rshift), FN(slot_nb_rshift), wrap_binaryfunc_r, 0, "Return value>>self."},
    {"__and__", OFF(nb_and), FN(slot_nb_and), wrap_binaryfunc_l, 0, "Return self&value."},
    {"__rand__", OFF(nb_and), FN(slot_nb_and), wrap_binaryfunc_r, 0, "Return value&self."},
    {"__xor__", OFF(nb_xor), FN(slot_nb_xor), wrap_binaryfunc_l, 0, "Return self^value."},
    {"__rxor__", OFF(nb_xor), FN(slot_nb_xor), wrap_binaryfunc_r, 0, "Return value^self."},
    {"__or__", OFF(nb_or), FN(slot_nb_or), wrap_binaryfunc_l, 0, "Return self|value."},
    {"__ror__", OFF(nb_or), FN(slot_nb_or), wrap_binaryfunc_r, 0, "Return value|self."},
    {"__int__", OFF(nb_int), FN(slot_nb_int), wrap_unaryfunc, 0, "int(self)"},
    {"__float__", OFF(nb_float), FN(slot_nb_float), wrap_unaryfunc, 0, "float(self)"},
    {"__iadd__", OFF(nb_inplace_add), FN(slot_nb_inplace_add), wrap_binaryfunc, 0, "Return self+=value."},
    {"__isub__", OFF(nb_inplace_subtract), FN(slot_nb_inplace_subtract), wrap_binaryfunc, 0, "Return self-=value."},
    {"__imul__", OFF(nb_inplace_multiply), FN(slot_nb_inplace_multiply), wrap_binaryfunc, 0, "Return self*=value."},
    {"__imod__", OFF(nb_inplace_remainder), FN(slot_nb_inplace_remainder), wrap_binaryfunc, 0, "Return self%=value."},
    {"__ipow__", OFF(nb_inplace_power), FN(slot_nb_inplace_power), wrap_ternaryfunc, 0, "Return self**=value."},
    {"__ilshift__", OFF(nb_inplace_lshift), FN(slot_nb_inplace_lshift), wrap_binaryfunc, 0, "Return self<<=value."},
    {"__irshift__", OFF(nb_inplace_rshift), FN(slot_nb_inplace_rshift), wrap_binaryfunc, 0, "Return self>>=value."},
    {"__iand__", OFF(nb_inplace_and), FN(slot_nb_inplace_and), wrap_binaryfunc, 0, "Return self&=value."},
    {"__ixor__", OFF(nb_inplace_xor), FN(slot_nb_inplace_xor), wrap_binaryfunc, 0, "Return self^=value."},
    {"__ior__", OFF(nb_inplace_or), FN(slot_nb_inplace_or), wrap_binaryfunc, 0, "Return self|=value."},
    {"__floordiv__", OFF(nb_floor_divide), FN(slot_nb_floor_divide), wrap_binaryfunc_l, 0, "Return self//value."},
    {"__rfloordiv__", OFF(nb_floor_divide), FN(slot_nb_floor_divide), wrap_binaryfunc_r, 0, "Return value//self."},
    {"__truediv__", OFF(nb_true_divide), FN(slot_nb_true_divide), wrap_binaryfunc_l, 0, "Return self/value."},
    {"__rtruediv__", OFF(nb_true_divide), FN(slot_nb_true_divide), wrap_binaryfunc_r, 0, "Return value/self."},
    {"__ifloordiv__", OFF(nb_inplace_floor_divide), FN(slot_nb_inplace_floor_divide), wrap_binaryfunc, 0, "Return self//=value."},
    {"__itruediv__", OFF(nb_inplace_true_divide), FN(slot_nb_inplace_true_divide), wrap_binaryfunc, 0, "Return self/=value."},
    {"__index__", OFF(nb_index), FN(slot_nb_index), wrap_unaryfunc, 0, "Return self converted to an integer, if self is suitable for use as an index into a list."},
    {"__matmul__", OFF(nb_matrix_multiply), FN(slot_nb_matrix_multiply), wrap_binaryfunc_l, 0, "Return self@value."},
    {"__rmatmul__", OFF(nb_matrix_multiply), FN(slot_nb_matrix_multiply), wrap_binaryfunc_r, 0, "Return value@self."},
    {"__imatmul__", OFF(nb_inplace_matrix_multiply), FN(slot_nb_inplace_matrix_multiply), wrap_binaryfunc, 0, "Return self@=value."},

    {"__len__", OFF(len), FN(slot_sq_length), wrap_lenfunc, 0, "Return len(self)."},
    {"__getitem__", OFF(getitem), FN(slot_mp_subscript), wrap_binaryfunc, 0, "Return self[key]."},
    {"__setitem__", OFF(setitem), FN(slot_mp_ass_subscript), wrap_objobjargproc, 0, "Set self[key] to value."},
    {"__delitem__", OFF(setitem), FN(slot_mp_ass_subscript), wrap_delitem, 0, "Delete self[key]."},
    // Sequence fallbacks: exposed as __add__/__mul__ on static types without the number slots;
    // never installed as generic dispatchers on heap types.
    {"__getitem__", OFF(sq_item), FN(slot_sq_item), nullptr, 0, nullptr},
    {"__add__", OFF(sq_concat), nullptr, wrap_binaryfunc, 0, "Return self+value."},
    {"__mul__", OFF(sq_repeat), nullptr, wrap_indexargfunc, 0, "Return self*value."},
    {"__rmul__", OFF(sq_repeat), nullptr, wrap_indexargfunc, 0, "Return value*self."},
    {"__contains__", OFF(contains), FN(slot_sq_contains), wrap_objobjproc, 0, "Return bool(key in self)."},
    {nullptr, 0, nullptr, nullptr, 0, nullptr},
};

inline void*& slot_ref(TypeObject* t, size_t off) {
  return *reinterpret_cast<void**>(reinterpret_cast<char*>(t) + off);
}

// Recompute the slot at `off` of a heap type from the dunders found along its MRO.
void update_one_slot(TypeObject* type, size_t off) {
  void* specific = nullptr;
  void* generic = nullptr;
  bool use_generic = false;
  bool any = false;
  for (const SlotDef* p = kSlotDefs; p->name; ++p) {
    if (p->offset != off) continue;
    Object* descr = type_lookup_borrowed(type, NAME(p->name));
    if (!descr) continue;
    any = true;
    if (p->slot_fn) generic = p->slot_fn;
    if (type_of(descr) == &WrapperDescrType) {
      auto* w = static_cast<WrapperDescrObject*>(descr);
      if (w->def->offset == off && (!specific || specific == w->wrapped)) {
        specific = w->wrapped;
        continue;
      }
      use_generic = true;
      continue;
    }
    if (descr == None && off == OFF(hash)) {
      specific = reinterpret_cast<void*>(&object_hash_not_implemented);
      continue;
    }
    TypeObject* newtype;
    if (off == OFF(new_) && is_tp_new_wrapper(descr, &newtype)) {
      specific = reinterpret_cast<void*>(newtype->new_);
      continue;
    }
    use_generic = true;
  }
  if (!any) {
    // Nothing along the MRO: no slot (a slot that no dunder defines keeps its inherited value
    // only for entries without a generic function, e.g. sq_concat).
    bool has_generic = false;
    for (const SlotDef* p = kSlotDefs; p->name; ++p) {
      if (p->offset == off && p->slot_fn) has_generic = true;
    }
    if (has_generic) slot_ref(type, off) = nullptr;
    return;
  }
  if (specific && !use_generic) slot_ref(type, off) = specific;
  else if (generic) slot_ref(type, off) = generic;
}

void update_slot_recursive(TypeObject* type, size_t off, Object* name) {
  update_one_slot(type, off);
  ssize pos = 0;
  TypeObject* sub;
  while (type_next_subclass(type, &pos, &sub)) {
    // A subclass defining the name itself keeps its own definition.
    if (sub->dict && dict_get_borrowed(sub->dict, name)) continue;
    if (err_occurred()) err_clear();
    update_slot_recursive(sub, off, name);
  }
}

}  // namespace

int add_slot_wrappers(TypeObject* type) {
  for (const SlotDef* p = kSlotDefs; p->name; ++p) {
    if (!p->wrapper) continue;
    void* fn = slot_ref(type, p->offset);
    if (!fn) continue;
    if (p->offset == OFF(hash) && fn == reinterpret_cast<void*>(&object_hash_not_implemented)) {
      if (dict_setitem_str(type->dict, p->name, None) < 0) return -1;
      continue;
    }
    Object* name = NAME(p->name);
    int has = dict_contains(type->dict, name);
    if (has < 0) return -1;
    if (has) continue;
    Ref w = Ref::steal(wrapper_descr_new(type, p, fn));
    if (!w || dict_setitem(type->dict, name, w.get()) < 0) return -1;
  }
  return 0;
}

void fixup_slots_from_dict(TypeObject* type) {
  size_t last = size_t(-1);
  for (const SlotDef* p = kSlotDefs; p->name; ++p) {
    if (p->offset == last) continue;
    last = p->offset;
    update_one_slot(type, p->offset);
  }
  if (err_occurred()) err_clear();
}

void update_slot_after_setattr(TypeObject* type, Object* name) {
  if (!(type->flags & TPFLAG_HEAPTYPE) || !str_check(name)) return;
  std::string_view n = str_view(name);
  if (n.size() < 5 || n.substr(0, 2) != "__" || n.substr(n.size() - 2) != "__") return;
  std::vector<size_t> offs;
  for (const SlotDef* p = kSlotDefs; p->name; ++p) {
    if (n == p->name && std::find(offs.begin(), offs.end(), p->offset) == offs.end())
      offs.push_back(p->offset);
  }
  for (size_t off : offs) update_slot_recursive(type, off, name);
  if (err_occurred()) err_clear();
}

}  // namespace gilpy
