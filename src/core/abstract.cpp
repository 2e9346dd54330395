// The abstract object protocols (core/abstract.h): what `a + b`, `a[i]`, `a.x`, `f(x)`, `repr(a)`
// mean for any object, dispatched through type slots with CPython's rules:
//  - binary operators try the left operand's slot, then the right operand's (first when the right
//    operand's type is a proper subclass of the left's), with the sequence concat/repeat fallbacks
//    for `+` and `*`; in-place operators try the in-place slot first;
//  - rich comparisons try the reflected operation first for a subclass on the right, fall back to
//    identity for == and !=, and raise "'<' not supported between instances of 'int' and 'str'";
//  - isinstance/issubclass honour __instancecheck__/__subclasscheck__ and tuples;
//  - calls dispatch to a type's own `vectorcall` fast path (calling a static type) or to the
//    `call` slot of the callable's type.
// No state lives here. All results follow core/object.h's ownership rules.
#include "core/abstract.h"

#include <cstring>
#include <vector>

#include "core/descr.h"
#include "core/error.h"
#include "core/internal.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gilpy {

namespace {

inline TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
inline bool type_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS); }
inline Object* name_of(const char* s) { return str_intern_cstr_borrowed(s); }

struct RecursionGuard {
  bool ok;
  explicit RecursionGuard(const char* where) {
    ok = !tstate() || enter_native_recursion(where);
    active = ok && tstate();
  }
  ~RecursionGuard() {
    if (active) leave_native_recursion();
  }
  bool active;
};

}  // namespace

Object* lookup_special(Object* o, const char* name) {
  Object* f = type_lookup_borrowed(type_of(o), name_of(name));
  if (!f) return nullptr;
  descrgetfunc g = type_of(f)->descr_get;
  if (g) return g(f, o, as_object(type_of(o)));
  return newref(f);
}

// =====================================================================================================
// Object protocol
// =====================================================================================================
Object* object_repr(Object* o) {
  TypeObject* t = type_of(o);
  if (!t->repr) return err_format(&Exc_TypeError, "<%s object at %p>", t->name, (void*)o);
  RecursionGuard g(" while getting the repr of an object");
  if (!g.ok) return nullptr;
  Object* r = t->repr(o);
  if (r && !str_check(r)) {
    err_format(&Exc_TypeError, "__repr__ returned non-string (type %s)", type_of(r)->name);
    decref(r);
    return nullptr;
  }
  return r;
}

Object* object_str(Object* o) {
  if (str_check_exact(o)) return newref(o);
  TypeObject* t = type_of(o);
  if (!t->str) return object_repr(o);
  RecursionGuard g(" while getting the str of an object");
  if (!g.ok) return nullptr;
  Object* r = t->str(o);
  if (r && !str_check(r)) {
    err_format(&Exc_TypeError, "__str__ returned non-string (type %s)", type_of(r)->name);
    decref(r);
    return nullptr;
  }
  return r;
}

Object* object_ascii(Object* o) {
  Ref r = Ref::steal(object_repr(o));
  if (!r) return nullptr;
  auto* s = static_cast<StrObject*>(r.get());
  if (s->ascii) return r.release();
  StrWriter w;
  ssize n = str_length(r.get());
  char buf[16];
  for (ssize i = 0; i < n; ++i) {
    uint32_t c = str_read(r.get(), i);
    if (c < 128) {
      w.append_char(c);
    } else if (c < 0x100) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      w.append(buf);
    } else if (c < 0x10000) {
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      w.append(buf);
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", c);
      w.append(buf);
    }
  }
  return w.finish();
}

hash_t object_hash(Object* o) {
  hashfunc h = type_of(o)->hash;
  if (GILPY_LIKELY(h != nullptr)) return h(o);
  return object_hash_not_implemented(o);
}

namespace {
constexpr int kSwappedOp[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
constexpr const char* kOpStrings[] = {"<", "<=", "==", "!=", ">", ">="};

Object* do_richcompare(Object* v, Object* w, int op) {
  richcmpfunc f;
  bool checked_reverse = false;
  TypeObject* tv = type_of(v);
  TypeObject* tw = type_of(w);
  if (tv != tw && type_is_subtype(tw, tv) && (f = tw->richcompare) != nullptr) {
    checked_reverse = true;
    Object* res = f(w, v, kSwappedOp[op]);
    if (res != NotImplemented) return res;
    decref(res);
  }
  if ((f = tv->richcompare) != nullptr) {
    Object* res = f(v, w, op);
    if (res != NotImplemented) return res;
    decref(res);
  }
  if (!checked_reverse && (f = tw->richcompare) != nullptr) {
    Object* res = f(w, v, kSwappedOp[op]);
    if (res != NotImplemented) return res;
    decref(res);
  }
  switch (op) {
    case CMP_EQ: return bool_from(v == w);
    case CMP_NE: return bool_from(v != w);
    default:
      return err_format(&Exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                        kOpStrings[op], tv->name, tw->name);
  }
}
}  // namespace

Object* object_richcompare(Object* a, Object* b, int op) {
  RecursionGuard g(" in comparison");
  if (!g.ok) return nullptr;
  return do_richcompare(a, b, op);
}

int object_richcompare_bool(Object* a, Object* b, int op) {
  if (a == b) {
    if (op == CMP_EQ) return 1;
    if (op == CMP_NE) return 0;
  }
  // Two exact ints, strs or floats: their comparison runs no Python code and answers True or
  // False, so it needs neither the recursion guard nor the reflected-operand dance (sorts and
  // tuple comparisons spend their time here).
  TypeObject* t = type_of(a);
  if (t == type_of(b) && (t == &IntType || t == &StrType || t == &FloatType)) {
    Object* r = t->richcompare(a, b, op);
    if (!r) return -1;
    int ok = r == True;
    decref(r);
    return ok;
  }
  Object* r = object_richcompare(a, b, op);
  if (!r) return -1;
  int ok = r == True ? 1 : r == False ? 0 : object_is_true(r);
  decref(r);
  return ok;
}

int object_is_true(Object* o) {
  if (o == True) return 1;
  if (o == False || o == None) return 0;
  TypeObject* t = type_of(o);
  if (t->nb_bool) return t->nb_bool(o);
  if (t->len) {
    ssize n = t->len(o);
    if (n < 0) return -1;
    return n > 0;
  }
  return 1;
}

int object_not(Object* o) {
  int r = object_is_true(o);
  return r < 0 ? r : !r;
}

// ---- attributes ---------------------------------------------------------------------------------------
Object* object_getattr(Object* o, Object* name) {
  if (GILPY_UNLIKELY(!str_check(name))) {
    return err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
  }
  getattrofunc f = type_of(o)->getattro;
  if (!f) f = generic_getattr;
  return f(o, name);
}

Object* object_getattr_str(Object* o, const char* name) {
  return object_getattr(o, str_intern_cstr_borrowed(name));
}

int object_lookup_attr(Object* o, Object* name, Object** result) {
  // The two common getattro functions can say "missing" without building an AttributeError.
  getattrofunc f = type_of(o)->getattro;
  if (f == generic_getattr || !f) {
    *result = generic_getattr_opt(o, name, true);
  } else if (f == ModuleType.getattro) {
    *result = module_getattr_opt(o, name, true);
  } else {
    *result = object_getattr(o, name);
  }
  if (*result) return 1;
  if (!err_occurred()) return 0;
  if (err_matches(&Exc_AttributeError)) {
    err_clear();
    return 0;
  }
  return -1;
}

int object_setattr(Object* o, Object* name, Object* value) {
  if (GILPY_UNLIKELY(!str_check(name))) {
    err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
  }
  setattrofunc f = type_of(o)->setattro;
  if (!f) {
    err_format(&Exc_TypeError, "'%T' object has no attributes (%s .%U)", o,
               value ? "assign to" : "del", name);
    return -1;
  }
  return f(o, name, value);
}

int object_setattr_str(Object* o, const char* name, Object* value) {
  return object_setattr(o, str_intern_cstr_borrowed(name), value);
}

int object_delattr(Object* o, Object* name) { return object_setattr(o, name, nullptr); }

int object_hasattr(Object* o, Object* name) {
  Object* r;
  int found = object_lookup_attr(o, name, &r);
  xdecref(r);
  return found;
}

Object* object_dir(Object* o) {
  Ref f = Ref::steal(lookup_special(o, "__dir__"));
  if (!f) {
    if (err_occurred()) return nullptr;
    return err_format(&Exc_TypeError, "object does not provide __dir__");
  }
  Ref r = Ref::steal(call0(f.get()));
  if (!r) return nullptr;
  Ref list = Ref::steal(sequence_list(r.get()));
  if (!list) return nullptr;
  if (list_sort(list.get(), nullptr, false) < 0) return nullptr;
  return list.release();
}

// ---- isinstance / issubclass ------------------------------------------------------------------------------
bool object_is_instance_of(Object* o, TypeObject* t) { return object_type_check(o, t); }

namespace {

// __bases__ of an object acting as a class (new ref), or nullptr without exception.
Object* abstract_get_bases(Object* cls) {
  Object* bases = nullptr;
  if (object_lookup_attr(cls, name_of("__bases__"), &bases) <= 0) return nullptr;
  if (!tuple_check(bases)) {
    decref(bases);
    return nullptr;
  }
  return bases;
}

int abstract_issubclass(Object* derived, Object* cls) {
  for (;;) {
    if (derived == cls) return 1;
    Ref bases = Ref::steal(abstract_get_bases(derived));
    if (!bases) return err_occurred() ? -1 : 0;
    ssize n = tuple_size(bases.get());
    if (n == 0) return 0;
    if (n == 1) {
      derived = tuple_get_borrowed(bases.get(), 0);
      // Keep derived alive through the loop: bases holds it.
      int r = abstract_issubclass(derived, cls);
      return r;
    }
    RecursionGuard g(" in __issubclass__");
    if (!g.ok) return -1;
    for (ssize i = 0; i < n; ++i) {
      int r = abstract_issubclass(tuple_get_borrowed(bases.get(), i), cls);
      if (r != 0) return r;
    }
    return 0;
  }
}

bool check_class(Object* cls, const char* error) {
  Ref bases = Ref::steal(abstract_get_bases(cls));
  if (!bases) {
    if (!err_occurred() || err_matches(&Exc_AttributeError)) {
      err_clear();
      err_format(&Exc_TypeError, "%s", error);
    }
    return false;
  }
  return true;
}

int recursive_isinstance(Object* inst, Object* cls) {
  if (type_check(cls)) {
    if (type_is_subtype(type_of(inst), as_type(cls))) return 1;
    Object* c = nullptr;
    if (object_lookup_attr(inst, name_of("__class__"), &c) < 0) return -1;
    Ref icls = Ref::steal(c);
    if (icls && icls.get() != as_object(type_of(inst)) && type_check(icls.get())) {
      return type_is_subtype(as_type(icls.get()), as_type(cls));
    }
    return 0;
  }
  if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
    return -1;
  Object* c = nullptr;
  if (object_lookup_attr(inst, name_of("__class__"), &c) < 0) return -1;
  if (!c) return 0;
  Ref icls = Ref::steal(c);
  return abstract_issubclass(icls.get(), cls);
}

int recursive_issubclass(Object* derived, Object* cls) {
  if (type_check(cls) && type_check(derived)) {
    return type_is_subtype(as_type(derived), as_type(cls));
  }
  if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return -1;
  return abstract_issubclass(derived, cls);
}

}  // namespace

int object_isinstance(Object* inst, Object* cls) {
  if (as_object(type_of(inst)) == cls) return 1;
  if (union_check(cls)) cls = union_args_borrowed(cls);
  if (type_of(cls) == &TypeType) return recursive_isinstance(inst, cls);
  if (tuple_check(cls)) {
    RecursionGuard g(" in __instancecheck__");
    if (!g.ok) return -1;
    ssize n = tuple_size(cls);
    for (ssize i = 0; i < n; ++i) {
      int r = object_isinstance(inst, tuple_get_borrowed(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  Ref checker = Ref::steal(lookup_special(cls, "__instancecheck__"));
  if (checker) {
    RecursionGuard g(" in __instancecheck__");
    if (!g.ok) return -1;
    Ref res = Ref::steal(call1(checker.get(), inst));
    if (!res) return -1;
    return object_is_true(res.get());
  }
  if (err_occurred()) return -1;
  return recursive_isinstance(inst, cls);
}

int object_issubclass(Object* derived, Object* cls) {
  if (union_check(cls)) cls = union_args_borrowed(cls);
  if (type_of(cls) == &TypeType) {
    if (derived == cls) return 1;
    return recursive_issubclass(derived, cls);
  }
  if (tuple_check(cls)) {
    RecursionGuard g(" in __subclasscheck__");
    if (!g.ok) return -1;
    ssize n = tuple_size(cls);
    for (ssize i = 0; i < n; ++i) {
      int r = object_issubclass(derived, tuple_get_borrowed(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  Ref checker = Ref::steal(lookup_special(cls, "__subclasscheck__"));
  if (checker) {
    RecursionGuard g(" in __subclasscheck__");
    if (!g.ok) return -1;
    Ref res = Ref::steal(call1(checker.get(), derived));
    if (!res) return -1;
    return object_is_true(res.get());
  }
  if (err_occurred()) return -1;
  return recursive_issubclass(derived, cls);
}

bool callable_check(Object* o) { return type_of(o)->call != nullptr; }

// =====================================================================================================
// Calls
// =====================================================================================================
Object* call(Object* callable, Object* const* args, ssize nargs, Object* kwnames) {
  TypeObject* t = type_of(callable);
  Object* r;
  if (t == &TypeType && as_type(callable)->vectorcall) {
    r = as_type(callable)->vectorcall(callable, args, nargs, kwnames);
  } else if (t->call) {
    r = t->call(callable, args, nargs, kwnames);
  } else {
    return err_format(&Exc_TypeError, "'%s' object is not callable", t->name);
  }
  if (GILPY_UNLIKELY(!r && !err_occurred())) {
    return err_format(&Exc_SystemError, "%R returned NULL without setting an exception", callable);
  }
  return r;
}

Object* call0(Object* callable) { return call(callable, nullptr, 0, nullptr); }
Object* call1(Object* callable, Object* arg) { return call(callable, &arg, 1, nullptr); }
Object* call2(Object* callable, Object* a, Object* b) {
  Object* args[2] = {a, b};
  return call(callable, args, 2, nullptr);
}

Object* call_tuple_dict(Object* callable, Object* args, Object* kwargs) {
  ssize n = args ? tuple_size(args) : 0;
  ssize nkw = kwargs ? dict_size(kwargs) : 0;
  if (nkw == 0) return call(callable, n ? tuple_items(args) : nullptr, n, nullptr);
  std::vector<Object*> stack(size_t(n + nkw));
  for (ssize i = 0; i < n; ++i) stack[size_t(i)] = tuple_get_borrowed(args, i);
  Ref kwnames = Ref::steal(tuple_new(nkw));
  if (!kwnames) return nullptr;
  ssize pos = 0, i = 0;
  Object *k, *v;
  // Hold the dict alive and its values while calling (the callee might mutate the dict).
  Ref kwcopy = Ref::steal(dict_copy(kwargs));
  if (!kwcopy) return nullptr;
  while (dict_next(kwcopy.get(), &pos, &k, &v)) {
    if (!str_check(k)) {
      for (ssize j = i; j < nkw; ++j) tuple_set_steal(kwnames.get(), j, none_ref());
      return err_format(&Exc_TypeError, "keywords must be strings");
    }
    tuple_set_steal(kwnames.get(), i, newref(k));
    stack[size_t(n + i)] = v;
    ++i;
  }
  return call(callable, stack.data(), n, kwnames.get());
}

Object* call_method(Object* obj, const char* name, Object* const* args, ssize nargs) {
  Object* m = nullptr;
  int unbound = object_get_method(obj, str_intern_cstr_borrowed(name), &m);
  if (unbound < 0) return nullptr;
  Ref meth = Ref::steal(m);
  if (unbound) {
    Object* small[8];
    std::vector<Object*> big;
    Object** stack = small;
    if (nargs + 1 > 8) {
      big.resize(size_t(nargs + 1));
      stack = big.data();
    }
    stack[0] = obj;
    for (ssize i = 0; i < nargs; ++i) stack[i + 1] = args[i];
    return call(meth.get(), stack, nargs + 1, nullptr);
  }
  return call(meth.get(), args, nargs, nullptr);
}

Object* call_method0(Object* obj, const char* name) { return call_method(obj, name, nullptr, 0); }
Object* call_method1(Object* obj, const char* name, Object* arg) {
  return call_method(obj, name, &arg, 1);
}

// =====================================================================================================
// Numbers
// =====================================================================================================
namespace {

const char* const kBinarySymbols[] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

// Slot offsets of each BinaryOp (in-place ops: their in-place slot).
const size_t kBinarySlot[] = {
    offsetof(TypeObject, nb_add), offsetof(TypeObject, nb_and),
    offsetof(TypeObject, nb_floor_divide), offsetof(TypeObject, nb_lshift),
    offsetof(TypeObject, nb_matrix_multiply), offsetof(TypeObject, nb_multiply),
    offsetof(TypeObject, nb_remainder), offsetof(TypeObject, nb_or),
    offsetof(TypeObject, nb_power), offsetof(TypeObject, nb_rshift),
    offsetof(TypeObject, nb_subtract), offsetof(TypeObject, nb_true_divide),
    offsetof(TypeObject, nb_xor),
    offsetof(TypeObject, nb_inplace_add), offsetof(TypeObject, nb_inplace_and),
    offsetof(TypeObject, nb_inplace_floor_divide), offsetof(TypeObject, nb_inplace_lshift),
    offsetof(TypeObject, nb_inplace_matrix_multiply), offsetof(TypeObject, nb_inplace_multiply),
    offsetof(TypeObject, nb_inplace_remainder), offsetof(TypeObject, nb_inplace_or),
    offsetof(TypeObject, nb_inplace_power), offsetof(TypeObject, nb_inplace_rshift),
    offsetof(TypeObject, nb_inplace_subtract), offsetof(TypeObject, nb_inplace_true_divide),
    offsetof(TypeObject, nb_inplace_xor),
};

inline binaryfunc get_binary_slot(TypeObject* t, size_t off) {
  return *reinterpret_cast<binaryfunc*>(reinterpret_cast<char*>(t) + off);
}

Object* binary_op1(Object* v, Object* w, size_t off) {
  binaryfunc slotv = get_binary_slot(type_of(v), off);
  binaryfunc slotw = nullptr;
  if (type_of(w) != type_of(v)) {
    slotw = get_binary_slot(type_of(w), off);
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && type_is_subtype(type_of(w), type_of(v))) {
      Object* x = slotw(v, w);
      if (x != NotImplemented) return x;
      decref(x);
      slotw = nullptr;
    }
    Object* x = slotv(v, w);
    if (x != NotImplemented) return x;
    decref(x);
  }
  if (slotw) return slotw(v, w);
  return not_implemented_ref();
}

Object* binop_type_error(Object* v, Object* w, const char* opname) {
  return err_format(&Exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", opname,
                    type_of(v)->name, type_of(w)->name);
}

bool is_print_builtin(Object* o) {
  return type_of(o) == &CFunctionType &&
         std::strcmp(static_cast<CFunctionObject*>(o)->def->name, "print") == 0 &&
         static_cast<CFunctionObject*>(o)->self && module_check(static_cast<CFunctionObject*>(o)->self);
}

Object* binary_op(Object* v, Object* w, size_t off, const char* opname) {
  Object* r = binary_op1(v, w, off);
  if (r != NotImplemented) return r;
  decref(r);
  if (off == offsetof(TypeObject, nb_rshift) && is_print_builtin(v)) {
    return err_format(&Exc_TypeError,
                      "unsupported operand type(s) for %s: '%s' and '%s'. Did you mean "
                      "\"print(<message>, file=<output_stream>)\"?",
                      opname, type_of(v)->name, type_of(w)->name);
  }
  return binop_type_error(v, w, opname);
}

Object* sequence_repeat(Object* seq, Object* n) {
  if (!index_check(n)) {
    return err_format(&Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                      type_of(n)->name);
  }
  ssize count = number_as_ssize(n, &Exc_OverflowError);
  if (count == -1 && err_occurred()) return nullptr;
  return type_of(seq)->sq_repeat(seq, count);
}

Object* ternary_op(Object* v, Object* w, Object* z, bool inplace, const char* opname) {
  ternaryfunc slotv = inplace ? type_of(v)->nb_inplace_power : nullptr;
  if (slotv) {
    Object* x = slotv(v, w, z);
    if (x != NotImplemented) return x;
    decref(x);
  }
  slotv = type_of(v)->nb_power;
  ternaryfunc slotw = nullptr;
  if (type_of(w) != type_of(v)) {
    slotw = type_of(w)->nb_power;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv) {
    if (slotw && type_is_subtype(type_of(w), type_of(v))) {
      Object* x = slotw(v, w, z);
      if (x != NotImplemented) return x;
      decref(x);
      slotw = nullptr;
    }
    Object* x = slotv(v, w, z);
    if (x != NotImplemented) return x;
    decref(x);
  }
  if (slotw) {
    Object* x = slotw(v, w, z);
    if (x != NotImplemented) return x;
    decref(x);
  }
  if (z != None) {
    ternaryfunc slotz = type_of(z)->nb_power;
    if (slotz && slotz != slotv && slotz != slotw) {
      Object* x = slotz(v, w, z);
      if (x != NotImplemented) return x;
      decref(x);
    }
    return err_format(&Exc_TypeError,
                      "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                      type_of(v)->name, type_of(w)->name, type_of(z)->name);
  }
  return err_format(&Exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", opname,
                    type_of(v)->name, type_of(w)->name);
}

}  // namespace

const char* binary_op_symbol(int op) {
  if (op < 0 || op > NB_INPLACE_XOR) return "?";
  return kBinarySymbols[op];
}

Object* number_binary_op(Object* a, Object* b, int op) {
  switch (op) {
    case NB_ADD: return number_add(a, b);
    case NB_MULTIPLY: return number_multiply(a, b);
    case NB_POWER: return number_power(a, b, None);
    case NB_INPLACE_POWER: return ternary_op(a, b, None, true, "**=");
    default: break;
  }
  if (op < NB_INPLACE_ADD) return binary_op(a, b, kBinarySlot[op], kBinarySymbols[op]);
  if (op > NB_INPLACE_XOR) {
    err_bad_internal_call("number_binary_op");
    return nullptr;
  }
  // In-place: the in-place slot of the left operand, then the binary operation.
  int base_op = op - NB_INPLACE_ADD;
  binaryfunc islot = get_binary_slot(type_of(a), kBinarySlot[op]);
  if (islot) {
    Object* x = islot(a, b);
    if (x != NotImplemented) return x;
    decref(x);
  }
  Object* x = binary_op1(a, b, kBinarySlot[base_op]);
  if (x != NotImplemented) return x;
  decref(x);
  if (base_op == NB_ADD && type_of(a)->sq_concat) return type_of(a)->sq_concat(a, b);
  if (base_op == NB_MULTIPLY) {
    if (type_of(a)->sq_repeat) return sequence_repeat(a, b);
    if (type_of(b)->sq_repeat) return sequence_repeat(b, a);
  }
  return binop_type_error(a, b, kBinarySymbols[op]);
}

Object* number_add(Object* a, Object* b) {
  Object* r = binary_op1(a, b, offsetof(TypeObject, nb_add));
  if (r != NotImplemented) return r;
  decref(r);
  if (type_of(a)->sq_concat) return type_of(a)->sq_concat(a, b);
  return binop_type_error(a, b, "+");
}

Object* number_subtract(Object* a, Object* b) {
  return binary_op(a, b, offsetof(TypeObject, nb_subtract), "-");
}

Object* number_multiply(Object* a, Object* b) {
  Object* r = binary_op1(a, b, offsetof(TypeObject, nb_multiply));
  if (r != NotImplemented) return r;
  decref(r);
  if (type_of(a)->sq_repeat) return sequence_repeat(a, b);
  if (type_of(b)->sq_repeat) return sequence_repeat(b, a);
  return binop_type_error(a, b, "*");
}

Object* number_power(Object* a, Object* b, Object* mod) {
  return ternary_op(a, b, mod ? mod : None, false, "** or pow()");
}

Object* number_divmod(Object* a, Object* b) {
  return binary_op(a, b, offsetof(TypeObject, nb_divmod), "divmod()");
}

namespace {
Object* unary_op(Object* o, unaryfunc f, const char* what) {
  if (f) return f(o);
  return err_format(&Exc_TypeError, "bad operand type for %s: '%s'", what, type_of(o)->name);
}
}  // namespace

Object* number_negative(Object* o) { return unary_op(o, type_of(o)->nb_negative, "unary -"); }
Object* number_positive(Object* o) { return unary_op(o, type_of(o)->nb_positive, "unary +"); }
Object* number_invert(Object* o) { return unary_op(o, type_of(o)->nb_invert, "unary ~"); }
Object* number_absolute(Object* o) { return unary_op(o, type_of(o)->nb_absolute, "abs()"); }

bool index_check(Object* o) { return type_of(o)->nb_index != nullptr; }

Object* number_index(Object* o) {
  if (int_check(o)) return newref(o);
  unaryfunc f = type_of(o)->nb_index;
  if (!f) {
    return err_format(&Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      type_of(o)->name);
  }
  Object* r = f(o);
  if (!r || int_check_exact(r)) return r;
  if (!int_check(r)) {
    err_format(&Exc_TypeError, "__index__ returned non-int (type %s)", type_of(r)->name);
    decref(r);
    return nullptr;
  }
  return r;
}

ssize number_as_ssize(Object* o, TypeObject* overflow_exc) {
  Ref idx = Ref::steal(number_index(o));
  if (!idx) return -1;
  if (int_is_small(idx.get())) return ssize(int_small_value(idx.get()));
  bool overflow = false;
  int64_t v = int_as_i64(idx.get(), &overflow);
  if (!overflow) return ssize(v);
  if (!overflow_exc) return int_sign(idx.get()) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
  err_format(overflow_exc, "cannot fit '%s' into an index-sized integer", type_of(o)->name);
  return -1;
}

Object* number_long(Object* o) {
  if (int_check_exact(o)) return newref(o);
  TypeObject* t = type_of(o);
  if (t->nb_int) {
    Object* r = t->nb_int(o);
    if (!r || int_check_exact(r)) return r;
    if (!int_check(r)) {
      err_format(&Exc_TypeError, "__int__ returned non-int (type %s)", type_of(r)->name);
      decref(r);
      return nullptr;
    }
    Ref rr = Ref::steal(r);
    Ref zero = Ref::steal(int_from_i64(0));
    return int_add(rr.get(), zero.get());  // an exact int with the same value
  }
  if (t->nb_index) {
    Ref r = Ref::steal(number_index(o));
    if (!r) return nullptr;
    if (int_check_exact(r.get())) return r.release();
    Ref zero = Ref::steal(int_from_i64(0));
    return int_add(r.get(), zero.get());
  }
  Ref trunc = Ref::steal(lookup_special(o, "__trunc__"));
  if (trunc) {
    Ref r = Ref::steal(call0(trunc.get()));
    if (!r) return nullptr;
    if (int_check_exact(r.get())) return r.release();
    if (int_check(r.get())) {
      Ref zero = Ref::steal(int_from_i64(0));
      return int_add(r.get(), zero.get());
    }
    if (!index_check(r.get())) {
      return err_format(&Exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                        type_of(r.get())->name);
    }
    return number_index(r.get());
  }
  if (err_occurred()) return nullptr;
  if (str_check(o)) {
    ssize n = 0;
    const char* s = str_as_utf8(o, &n);
    if (!s) return nullptr;
    return int_from_string(s, n, 10);
  }
  if (bytes_check(o)) return int_from_string(bytes_data(o), bytes_size(o), 10);
  if (bytearray_check(o)) {
    auto* ba = static_cast<ByteArrayObject*>(o);
    return int_from_string(ba->data ? ba->data : "", ba->size, 10);
  }
  return err_format(&Exc_TypeError,
                    "int() argument must be a string, a bytes-like object or a real number, not "
                    "'%s'",
                    t->name);
}

Object* number_float(Object* o) {
  if (float_check_exact(o)) return newref(o);
  TypeObject* t = type_of(o);
  if (t->nb_float) {
    Object* r = t->nb_float(o);
    if (!r || float_check_exact(r)) return r;
    if (!float_check(r)) {
      err_format(&Exc_TypeError, "%s.__float__ returned non-float (type %s)", t->name,
                 type_of(r)->name);
      decref(r);
      return nullptr;
    }
    double v = float_value(r);
    decref(r);
    return float_from_double(v);
  }
  if (t->nb_index) {
    Ref i = Ref::steal(number_index(o));
    if (!i) return nullptr;
    double v = int_as_double(i.get());
    if (v == -1.0 && err_occurred()) return nullptr;
    return float_from_double(v);
  }
  if (float_check(o)) return float_from_double(float_value(o));
  if (str_check(o) || bytes_check(o) || bytearray_check(o)) return float_from_string(o);
  return err_format(&Exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                    t->name);
}

// =====================================================================================================
// Containers
// =====================================================================================================
ssize object_length(Object* o) {
  lenfunc f = type_of(o)->len;
  if (f) return f(o);
  err_format(&Exc_TypeError, "object of type '%s' has no len()", type_of(o)->name);
  return -1;
}

ssize object_length_hint(Object* o, ssize dflt) {
  if (type_of(o)->len) {
    ssize n = type_of(o)->len(o);
    if (n >= 0) return n;
    if (!err_matches(&Exc_TypeError)) return -1;
    err_clear();
  }
  Ref hint = Ref::steal(lookup_special(o, "__length_hint__"));
  if (!hint) return err_occurred() ? -1 : dflt;
  Ref r = Ref::steal(call0(hint.get()));
  if (!r) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      return dflt;
    }
    return -1;
  }
  if (r.get() == NotImplemented) return dflt;
  if (!int_check(r.get())) {
    err_format(&Exc_TypeError, "__length_hint__ must be an integer, not %s",
               type_of(r.get())->name);
    return -1;
  }
  ssize n = int_as_ssize(r.get());
  if (n == -1 && err_occurred()) return -1;
  if (n < 0) {
    err_format(&Exc_ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

Object* object_getitem(Object* o, Object* key) {
  TypeObject* t = type_of(o);
  if (t->getitem) return t->getitem(o, key);
  if (t->sq_item) {
    if (index_check(key)) {
      ssize i = number_as_ssize(key, &Exc_IndexError);
      if (i == -1 && err_occurred()) return nullptr;
      return sequence_getitem(o, i);
    }
    return err_format(&Exc_TypeError, "sequence index must be integer, not '%s'",
                      type_of(key)->name);
  }
  if (type_check(o)) {
    if (o == as_object(&TypeType)) return generic_alias_new(o, key);
    Object* meth = nullptr;
    if (object_lookup_attr(o, name_of("__class_getitem__"), &meth) < 0) return nullptr;
    if (meth) {
      Ref m = Ref::steal(meth);
      return call1(m.get(), key);
    }
    return err_format(&Exc_TypeError, "type '%s' is not subscriptable", as_type(o)->name);
  }
  return err_format(&Exc_TypeError, "'%s' object is not subscriptable", t->name);
}

int object_setitem(Object* o, Object* key, Object* value) {
  objobjargproc f = type_of(o)->setitem;
  if (f) return f(o, key, value);
  err_format(&Exc_TypeError, "'%s' object does not support item assignment",
             type_of(o)->name);
  return -1;
}

int object_delitem(Object* o, Object* key) {
  objobjargproc f = type_of(o)->setitem;
  if (f) return f(o, key, nullptr);
  err_format(&Exc_TypeError, "'%s' object doesn't support item deletion", type_of(o)->name);
  return -1;
}

Object* sequence_getitem(Object* o, ssize i) {
  TypeObject* t = type_of(o);
  if (t->sq_item) {
    if (i < 0 && t->len) {
      ssize n = t->len(o);
      if (n < 0) return nullptr;
      i += n;
    }
    return t->sq_item(o, i);
  }
  if (t->getitem) {
    Ref key = Ref::steal(int_from_ssize(i));
    if (!key) return nullptr;
    return t->getitem(o, key.get());
  }
  return err_format(&Exc_TypeError, "'%s' object does not support indexing", t->name);
}

int sequence_contains(Object* container, Object* item) {
  objobjproc f = type_of(container)->contains;
  if (f) return f(container, item);
  Ref it = Ref::steal(object_getiter(container));
  if (!it) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      err_format(&Exc_TypeError, "argument of type '%s' is not iterable",
                 type_of(container)->name);
    }
    return -1;
  }
  for (;;) {
    Ref x = Ref::steal(iter_next(it.get()));
    if (!x) return err_occurred() ? -1 : 0;
    int eq = object_richcompare_bool(x.get(), item, CMP_EQ);
    if (eq != 0) return eq;
  }
}

Object* sequence_tuple(Object* iterable) {
  if (tuple_check_exact(iterable)) return newref(iterable);
  if (list_check(iterable)) return list_as_tuple(iterable);
  Ref l = Ref::steal(sequence_list(iterable));
  if (!l) return nullptr;
  return list_as_tuple(l.get());
}

Object* sequence_list(Object* iterable) {
  Ref l = Ref::steal(list_new(0));
  if (!l) return nullptr;
  if (list_extend(l.get(), iterable) < 0) return nullptr;
  return l.release();
}

// =====================================================================================================
// Iteration
// =====================================================================================================
bool iter_check(Object* o) { return type_of(o)->iternext != nullptr; }

Object* object_getiter(Object* o) {
  TypeObject* t = type_of(o);
  if (t->iter) {
    Object* r = t->iter(o);
    if (r && !iter_check(r)) {
      err_format(&Exc_TypeError, "iter() returned non-iterator of type '%s'",
                 type_of(r)->name);
      decref(r);
      return nullptr;
    }
    return r;
  }
  if ((t->sq_item || t->getitem) && !dict_check(o)) return seq_iter_new(o);
  return err_format(&Exc_TypeError, "'%s' object is not iterable", t->name);
}

Object* iter_next(Object* it) {
  unaryfunc f = type_of(it)->iternext;
  if (!f) {
    return err_format(&Exc_TypeError, "'%s' object is not an iterator", type_of(it)->name);
  }
  Object* r = f(it);
  if (!r && err_matches(&Exc_StopIteration)) err_clear();
  return r;
}

// =====================================================================================================
// Formatting
// =====================================================================================================
Object* object_format(Object* o, Object* format_spec) {
  Ref empty;
  if (!format_spec) {
    empty = Ref::steal(str_from_utf8("", 0));
    if (!empty) return nullptr;
    format_spec = empty.get();
  }
  if (str_check(format_spec) && str_length(format_spec) == 0) {
    if (str_check_exact(o)) return newref(o);
    if (int_check_exact(o)) return object_str(o);
  }
  Ref meth = Ref::steal(lookup_special(o, "__format__"));
  if (!meth) {
    if (err_occurred()) return nullptr;
    return err_format(&Exc_TypeError, "Type %s doesn't define __format__", type_of(o)->name);
  }
  Object* r = call1(meth.get(), format_spec);
  if (r && !str_check(r)) {
    err_format(&Exc_TypeError, "__format__ must return a str, not %s", type_of(r)->name);
    decref(r);
    return nullptr;
  }
  return r;
}

bool repr_utf8(Object* o, std::string& out) {
  Ref r = Ref::steal(object_repr(o));
  if (!r) return false;
  ssize n = 0;
  const char* p = str_as_utf8(r.get(), &n);
  if (!p) return false;
  out.assign(p, size_t(n));
  return true;
}

bool str_utf8(Object* o, std::string& out) {
  Ref r = Ref::steal(object_str(o));
  if (!r) return false;
  ssize n = 0;
  const char* p = str_as_utf8(r.get(), &n);
  if (!p) return false;
  out.assign(p, size_t(n));
  return true;
}

}  // namespace gilpy
