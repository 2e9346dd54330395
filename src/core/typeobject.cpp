// The `type` and `object` types, type_ready, the MRO, attribute lookup and heap types.
//
// What is here:
//  - ObjectType (`object`) and TypeType (`type`) with their slots, methods and getsets;
//  - type_ready(): base/bases/mro, flag and slot inheritance, the type's dict filled with the
//    descriptors of its MethodDef/MemberDef/GetSetDef tables and the slot wrappers of its C slots
//    (core/slots.cpp), the `__new__` builtin, `__hash__ = None` for types that compare but do not
//    hash;
//  - C3 linearisation (mro_implementation) with CPython's errors;
//  - type_lookup_borrowed(): the MRO walk behind a global method cache keyed by (version_tag,
//    interned name). Invariant: a type with a non-zero version_tag has all its MRO bases tagged,
//    and type_modified() zeroes the tag of a type and all its subclasses, so a cache hit is always
//    current. Entries hold BORROWED values: they are only trusted while the tag matches, and any
//    change to a type dict goes through type_setattro -> type_modified;
//  - generic_getattr/generic_setattr (object.__getattribute__/__setattr__) and object_get_method;
//  - object.__reduce_ex__/__reduce__/__getstate__ (copyreg protocol 2+, as CPython);
//  - heap types (type_new_heap): __slots__, __dict__/__weakref__ storage, __classcell__,
//    __set_name__, __init_subclass__, metaclass calculation, instance deallocation.
//
// Instance layout of heap types: what a class adds to its instances (dict, weaklist, __slots__)
// lives in the prefix in front of the object's GC header (core/object.cpp); its offsets are
// negative: -(sizeof(GCHeader) + 8 * k). Heap types always have TPFLAG_HAVE_GC.
// Subclasses of a type are recorded in its `subclasses` dict as {int(address): int(address)},
// without references; a heap type removes itself from its bases' dicts when it is freed.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/gc.h"
#include "core/internal.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/dict_instance.h"
#include "objects/exceptions.h"
#include "objects/cellobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/eval.h"
#include "vm/import.h"
#include "vm/run.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gilpy {

TypeObject TypeType;
TypeObject ObjectType;

namespace {

inline TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
inline bool type_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS); }

Object* intern_cstr(const char* s) { return str_intern_cstr_borrowed(s); }

// ---- Method cache ---------------------------------------------------------------------------------
constexpr size_t kCacheSize = 4096;
struct CacheEntry {
  uint64_t version;
  Object* name;
  Object* value;  // borrowed, may be null (cached miss)
};
CacheEntry g_method_cache[kCacheSize];
uint64_t g_next_version_tag = 1;

inline size_t cache_index(uint64_t version, Object* name) {
  uintptr_t h = reinterpret_cast<uintptr_t>(name) >> 4;
  return size_t((h ^ (version * 0x9E3779B97F4A7C15ull)) & (kCacheSize - 1));
}

bool assign_version_tag(TypeObject* type) {
  if (type->version_tag) return true;
  if (!(type->flags & TPFLAG_READY) || !type->mro) return false;
  ssize n = tuple_size(type->mro);
  for (ssize i = 1; i < n; ++i) {
    if (!assign_version_tag(as_type(tuple_get_borrowed(type->mro, i)))) return false;
  }
  type->version_tag = g_next_version_tag++;
  return true;
}

Object* find_name_in_mro(TypeObject* type, Object* name) {
  Object* mro = type->mro;
  if (!mro) {
    // During type_ready: walk the base chain.
    for (TypeObject* t = type; t; t = t->base) {
      if (!t->dict) continue;
      Object* v = dict_get_borrowed(t->dict, name);
      if (v) return v;
      if (err_occurred()) err_clear();
    }
    return nullptr;
  }
  ssize n = tuple_size(mro);
  for (ssize i = 0; i < n; ++i) {
    auto* t = as_type(tuple_get_borrowed(mro, i));
    if (!t->dict) continue;
    Object* v = dict_get_borrowed(t->dict, name);
    if (v) return v;
    if (err_occurred()) err_clear();
  }
  return nullptr;
}

// ---- Subclass registry ------------------------------------------------------------------------------
void add_subclass(TypeObject* base, TypeObject* sub) {
  if (!base->subclasses) {
    base->subclasses = dict_new();
    if (!base->subclasses) {
      err_clear();
      return;
    }
  }
  Ref key = Ref::steal(int_from_i64(int64_t(reinterpret_cast<intptr_t>(sub))));
  if (!key || dict_setitem(base->subclasses, key.get(), key.get()) < 0) err_clear();
}

void remove_subclass(TypeObject* base, TypeObject* sub) {
  if (!base->subclasses) return;
  Ref key = Ref::steal(int_from_i64(int64_t(reinterpret_cast<intptr_t>(sub))));
  if (!key) {
    err_clear();
    return;
  }
  if (dict_delitem(base->subclasses, key.get()) < 0) err_clear();
}

}  // namespace

bool type_next_subclass(TypeObject* type, ssize* pos, TypeObject** sub) {
  if (!type->subclasses) return false;
  Object *k, *v;
  if (!dict_next(type->subclasses, pos, &k, &v)) return false;
  bool overflow = false;
  *sub = reinterpret_cast<TypeObject*>(intptr_t(int_as_i64(k, &overflow)));
  return true;
}

void type_modified(TypeObject* type) {
  if (!type->version_tag) return;  // invariant: subclasses are untagged too
  type->version_tag = 0;
  ssize pos = 0;
  TypeObject* sub;
  while (type_next_subclass(type, &pos, &sub)) type_modified(sub);
}

Object* type_lookup_borrowed(TypeObject* type, Object* name) {
  bool cacheable = str_check_exact(name) && static_cast<StrObject*>(name)->interned;
  if (cacheable && type->version_tag) {
    CacheEntry& e = g_method_cache[cache_index(type->version_tag, name)];
    if (e.version == type->version_tag && e.name == name) return e.value;
  }
  Object* v = find_name_in_mro(type, name);
  if (cacheable && assign_version_tag(type)) {
    CacheEntry& e = g_method_cache[cache_index(type->version_tag, name)];
    e.version = type->version_tag;
    e.name = name;
    e.value = v;
  }
  return v;
}

bool type_is_subtype(TypeObject* a, TypeObject* b) {
  if (a == b) return true;
  Object* mro = a->mro;
  if (mro) {
    ssize n = tuple_size(mro);
    Object** items = tuple_items(mro);
    for (ssize i = 0; i < n; ++i) {
      if (items[i] == b) return true;
    }
    return false;
  }
  for (TypeObject* t = a; t; t = t->base) {
    if (t == b) return true;
  }
  return b == &ObjectType;
}

const char* type_name(const TypeObject* type) {
  const char* n = type->name ? type->name : "?";
  if (type->flags & TPFLAG_HEAPTYPE) return n;
  const char* dot = std::strrchr(n, '.');
  return dot ? dot + 1 : n;
}

hash_t hash_pointer(const void* p) {
  uintptr_t y = reinterpret_cast<uintptr_t>(p);
  y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
  hash_t h = hash_t(y);
  if (h == -1) h = -2;
  return h;
}

Object** object_dict_slot(Object* o) {
  ssize off = type_of(o)->dictoffset;
  if (!off) return nullptr;
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
}

Object** object_dict_ptr(Object* o) {
  Object** dp = object_dict_slot(o);
  if (dp && instance_dict_materialize(o, dp) < 0) {
    err_clear();  // as CPython's _PyObject_GetDictPtr: no memory for the dict, no dict
    return nullptr;
  }
  return dp;
}

// ---- Names of types -----------------------------------------------------------------------------------
namespace {

// __module__ of a type: new reference.
Object* type_module(TypeObject* type) {
  if (type->flags & TPFLAG_HEAPTYPE) {
    Object* m = type->dict ? dict_get_str_borrowed(type->dict, "__module__") : nullptr;
    if (!m) {
      if (!err_occurred()) err_format(&Exc_AttributeError, "__module__");
      return nullptr;
    }
    return newref(m);
  }
  const char* n = type->name ? type->name : "?";
  const char* dot = std::strrchr(n, '.');
  if (dot) return str_from_utf8(n, ssize(dot - n));
  return newref(intern_cstr("builtins"));
}

Object* type_qualname_obj(TypeObject* type) {
  if (type->flags & TPFLAG_HEAPTYPE) return newref(type->ht_qualname ? type->ht_qualname : type->ht_name);
  return str_from_cstr(type_name(type));
}

// "module.qualname", or just the qualname for builtins.
bool append_type_fullname(StrWriter& w, TypeObject* type) {
  Ref mod = Ref::steal(type_module(type));
  if (!mod) err_clear();
  if (mod && str_check(mod.get()) && !str_equal_cstr(mod.get(), "builtins")) {
    if (!w.append_str(mod.get())) return false;
    w.append(".");
  }
  Ref q = Ref::steal(type_qualname_obj(type));
  if (!q) return false;
  return w.append_str(q.get());
}

}  // namespace

Object* type_repr_impl(Object* self) {
  TypeObject* type = as_type(self);
  StrWriter w;
  w.append("<class '");
  if (!append_type_fullname(w, type)) return nullptr;
  w.append("'>");
  return w.finish();
}

// =====================================================================================================
// object
// =====================================================================================================
namespace {

bool excess_args(ssize nargs, Object* kwnames) {
  return nargs > 0 || (kwnames && tuple_size(kwnames) > 0);
}

int object_init(Object* self, Object* const* args, ssize nargs, Object* kwnames);

Object* object_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->new_ != object_new) {
      return err_format(&Exc_TypeError,
                        "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (type->init == object_init) {
      return err_format(&Exc_TypeError, "%s() takes no arguments", type->name);
    }
  }
  if (type->flags & TPFLAG_ABSTRACT) {
    Ref abstract = Ref::borrow(type->dict ? dict_get_str_borrowed(type->dict, "__abstractmethods__")
                                          : nullptr);
    if (abstract) {
      Ref sorted = Ref::steal(sequence_list(abstract.get()));
      if (!sorted || list_sort(sorted.get(), nullptr, false) < 0) return nullptr;
      Ref sep = Ref::steal(str_from_cstr("', '"));
      Ref joined = Ref::steal(str_join(sep.get(), sorted.get()));
      if (!joined) return nullptr;
      return err_format(&Exc_TypeError,
                        "Can't instantiate abstract class %s without an implementation for "
                        "abstract method%s '%U'",
                        type->name, list_size(sorted.get()) > 1 ? "s" : "", joined.get());
    }
  }
  return object_alloc(type, size_t(type->basicsize));
}

int object_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (excess_args(nargs, kwnames)) {
    TypeObject* type = type_of(self);
    if (type->init != object_init) {
      err_format(&Exc_TypeError,
                 "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_ == object_new) {
      err_format(&Exc_TypeError, "%s() takes no arguments", type->name);
      return -1;
    }
  }
  return 0;
}

void object_base_dealloc(Object* self) { object_free(self); }

Object* object_repr_slot(Object* self) {
  TypeObject* type = type_of(self);
  StrWriter w;
  w.append("<");
  if (!append_type_fullname(w, type)) return nullptr;
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(self));
  w.append(buf);
  return w.finish();
}

Object* object_str_slot(Object* self) {
  unaryfunc f = type_of(self)->repr;
  if (!f) f = object_repr_slot;
  return f(self);
}

hash_t object_hash_slot(Object* self) { return hash_pointer(self); }

Object* object_richcompare_slot(Object* self, Object* other, int op) {
  switch (op) {
    case CMP_EQ:
      return newref(self == other ? True : NotImplemented);
    case CMP_NE: {
      // By default, != is the inverse of == unless == returned NotImplemented.
      richcmpfunc f = type_of(self)->richcompare;
      if (!f) return not_implemented_ref();
      Object* r = f(self, other, CMP_EQ);
      if (!r || r == NotImplemented) return r;
      int t = object_is_true(r);
      decref(r);
      if (t < 0) return nullptr;
      return bool_from(!t);
    }
    default:
      return not_implemented_ref();
  }
}

// ---- object.__class__ ------------------------------------------------------------------------------
TypeObject* solid_base(TypeObject* type);

bool compatible_for_assignment(TypeObject* oldto, TypeObject* newto, const char* attr) {
  TypeObject* a = solid_base(newto);
  TypeObject* b = solid_base(oldto);
  if (a != b || newto->prefix_size != oldto->prefix_size ||
      newto->dictoffset != oldto->dictoffset ||
      ((newto->flags ^ oldto->flags) & TPFLAG_HAVE_GC) || newto->dealloc != oldto->dealloc) {
    err_format(&Exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
               newto->name, oldto->name);
    return false;
  }
  return true;
}

Object* object_get_class(Object* self) { return newref(type_of(self)); }

int object_set_class(Object* self, Object* value) {
  if (!value) {
    err_format(&Exc_TypeError, "can't delete __class__ attribute");
    return -1;
  }
  if (!type_check(value)) {
    err_format(&Exc_TypeError, "__class__ must be set to a class, not '%T' object", value);
    return -1;
  }
  TypeObject* newto = as_type(value);
  TypeObject* oldto = type_of(self);
  bool ok_mutable = (newto->flags & TPFLAG_HEAPTYPE) && (oldto->flags & TPFLAG_HEAPTYPE) &&
                    !(newto->flags & TPFLAG_IMMUTABLETYPE) &&
                    !(oldto->flags & TPFLAG_IMMUTABLETYPE);
  bool ok_module = type_is_subtype(newto, &ModuleType) && type_is_subtype(oldto, &ModuleType);
  if (!ok_mutable && !ok_module) {
    err_format(&Exc_TypeError,
               "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!compatible_for_assignment(oldto, newto, "__class__")) return -1;
  // Attributes stored without a dict are indexed by the class's shared keys: make the dict.
  Object** dp = object_dict_slot(self);
  if (dp && newto != oldto && instance_dict_materialize(self, dp) < 0) return -1;
  if (newto->flags & TPFLAG_HEAPTYPE) incref(newto);
  self->ob_type = newto;
  if (oldto->flags & TPFLAG_HEAPTYPE) decref(oldto);
  return 0;
}

// ---- object methods ------------------------------------------------------------------------------------
Object* object_meth_format(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("__format__", kwnames) || !check_positional("__format__", nargs, 1, 1))
    return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "__format__() argument must be str, not %T", args[0]);
  }
  if (str_length(args[0]) > 0) {
    return err_format(&Exc_TypeError, "unsupported format string passed to %s.__format__",
                      type_of(self)->name);
  }
  return object_str(self);
}

Object* object_meth_sizeof(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  TypeObject* t = type_of(self);
  ssize size = t->basicsize;
  if (t->itemsize) size += t->itemsize * static_cast<VarObject*>(self)->ob_size;
  return int_from_ssize(size);
}

// Merge the names of type's MRO dicts into `names` (a dict used as a set).
int merge_class_dict(Object* names, TypeObject* type) {
  if (!type->mro) return 0;
  ssize n = tuple_size(type->mro);
  for (ssize i = n - 1; i >= 0; --i) {
    auto* t = as_type(tuple_get_borrowed(type->mro, i));
    if (t->dict && dict_merge(names, t->dict, true) < 0) return -1;
  }
  return 0;
}

Object* object_meth_dir(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  Ref names = Ref::steal(dict_new());
  if (!names) return nullptr;
  Object* dict = nullptr;
  if (object_lookup_attr(self, intern_cstr("__dict__"), &dict) < 0) return nullptr;
  Ref d = Ref::steal(dict);
  if (d && dict_check(d.get()) && dict_merge(names.get(), d.get(), true) < 0) return nullptr;
  Object* cls = nullptr;
  if (object_lookup_attr(self, intern_cstr("__class__"), &cls) < 0) return nullptr;
  Ref c = Ref::steal(cls);
  if (c && type_check(c.get()) && merge_class_dict(names.get(), as_type(c.get())) < 0)
    return nullptr;
  return dict_keys_list(names.get());
}

Object* object_meth_init_subclass(Object* cls, Object* const*, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    return err_format(&Exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                      type_name(as_type(cls)));
  }
  if (nargs) {
    return err_format(&Exc_TypeError, "%s.__init_subclass__() takes no arguments (%zd given)",
                      type_name(as_type(cls)), nargs);
  }
  return none_ref();
}

Object* object_meth_subclasshook(Object*, Object* const*, ssize, Object*) {
  return not_implemented_ref();
}

// ---- pickling support (object.__reduce_ex__, __reduce__, __getstate__), as CPython ----------------
Object* object_meth_getstate(Object* self, Object* const*, ssize nargs, Object* kwnames);

// Does obj carry C-level state that neither its __dict__ nor its __slots__ hold (CPython's
// tp_basicsize test in object_getstate_default)? The first static type of obj's MRO must be no
// bigger than `object` plus its native dict and weakref-list fields.
static bool has_native_state(TypeObject* tp) {
  TypeObject* b = tp;
  while (b && (b->flags & TPFLAG_HEAPTYPE)) b = b->base;
  if (!b) return false;
  // CPython's module objects also hold their definition, state and name.
  if (b == &ModuleType) return true;
  ssize allowed = ObjectType.basicsize;
  if (b->dictoffset > 0) allowed += ssize(sizeof(Object*));
  if (b->weaklistoffset > 0) allowed += ssize(sizeof(Object*));
  return b->basicsize > allowed;
}

// object.__getstate__() proper; `required`: a state is needed to rebuild the object.
Object* object_getstate_default(Object* obj, bool required) {
  TypeObject* tp = type_of(obj);
  if (required && tp->itemsize) {
    return err_format(&Exc_TypeError, "cannot pickle %s objects", tp->name);
  }
  if (required && has_native_state(tp)) {
    return err_format(&Exc_TypeError, "cannot pickle '%s' object", tp->name);
  }
  Ref state;
  Object** dp = object_dict_ptr(obj);
  if (dp && *dp && dict_size(*dp) > 0) state = Ref::borrow(*dp);
  else state = Ref::borrow(None);
  // __slots__ values, via copyreg._slotnames(cls).
  bool has_slots = false;
  for (TypeObject* t = tp; t && (t->flags & TPFLAG_HEAPTYPE); t = t->base) {
    if (t->members && t->members[0].name) has_slots = true;
  }
  if (has_slots) {
    Ref copyreg = Ref::steal(import_module("copyreg"));
    if (!copyreg) return nullptr;
    Ref names = Ref::steal(call_method1(copyreg.get(), "_slotnames", tp));
    if (!names) return nullptr;
    if (names.get() != None && !list_check(names.get())) {
      return err_format(&Exc_TypeError, "copyreg._slotnames didn't return a list or None");
    }
    if (names.get() != None && list_size(names.get()) > 0) {
      Ref slots = Ref::steal(dict_new());
      if (!slots) return nullptr;
      for (ssize i = 0; i < list_size(names.get()); ++i) {
        Object* n = list_get_borrowed(names.get(), i);
        Object* v = nullptr;
        if (object_lookup_attr(obj, n, &v) < 0) return nullptr;
        if (!v) continue;
        Ref vr = Ref::steal(v);
        if (dict_setitem(slots.get(), n, v) < 0) return nullptr;
      }
      if (dict_size(slots.get()) > 0) {
        state = Ref::steal(tuple_pack(2, state.get(), slots.get()));
        if (!state) return nullptr;
      }
    }
  }
  return state.release();
}

Object* object_getstate(Object* obj, bool required) {
  Ref getstate = Ref::steal(object_getattr(obj, intern_cstr("__getstate__")));
  if (!getstate) return nullptr;
  if (type_of(getstate.get()) == &CFunctionType &&
      static_cast<CFunctionObject*>(getstate.get())->def->fn == object_meth_getstate &&
      static_cast<CFunctionObject*>(getstate.get())->self == obj) {
    return object_getstate_default(obj, required);
  }
  return call0(getstate.get());
}

// (args, kwargs) for __newobj__: from __getnewargs_ex__ or __getnewargs__ (null: none).
int get_new_arguments(Object* obj, Ref& args, Ref& kwargs) {
  Object* f = type_lookup_borrowed(type_of(obj), intern_cstr("__getnewargs_ex__"));
  if (f) {
    Ref r = Ref::steal(call_method0(obj, "__getnewargs_ex__"));
    if (!r) return -1;
    if (!tuple_check(r.get())) {
      err_format(&Exc_TypeError, "__getnewargs_ex__ should return a tuple, not '%s'",
                 type_of(r.get())->name);
      return -1;
    }
    if (tuple_size(r.get()) != 2) {
      err_format(&Exc_TypeError, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                 tuple_size(r.get()));
      return -1;
    }
    args = Ref::borrow(tuple_get_borrowed(r.get(), 0));
    kwargs = Ref::borrow(tuple_get_borrowed(r.get(), 1));
    if (!tuple_check(args.get())) {
      err_format(&Exc_TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                 type_of(args.get())->name);
      return -1;
    }
    if (!dict_check(kwargs.get())) {
      err_format(&Exc_TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                 type_of(kwargs.get())->name);
      return -1;
    }
    return 0;
  }
  f = type_lookup_borrowed(type_of(obj), intern_cstr("__getnewargs__"));
  if (f) {
    args = Ref::steal(call_method0(obj, "__getnewargs__"));
    if (!args) return -1;
    if (!tuple_check(args.get())) {
      err_format(&Exc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                 type_of(args.get())->name);
      return -1;
    }
  }
  return 0;
}

Object* reduce_newobj(Object* obj) {
  TypeObject* tp = type_of(obj);
  if (!tp->new_) return err_format(&Exc_TypeError, "cannot pickle '%s' object", tp->name);
  Ref args, kwargs;
  if (get_new_arguments(obj, args, kwargs) < 0) return nullptr;
  Ref copyreg = Ref::steal(import_module("copyreg"));
  if (!copyreg) return nullptr;
  bool hasargs = bool(args);
  Ref newobj, newargs;
  if (!kwargs || dict_size(kwargs.get()) == 0) {
    newobj = Ref::steal(object_getattr_str(copyreg.get(), "__newobj__"));
    if (!newobj) return nullptr;
    ssize n = args ? tuple_size(args.get()) : 0;
    newargs = Ref::steal(tuple_new(n + 1));
    if (!newargs) return nullptr;
    tuple_set_steal(newargs.get(), 0, newref(tp));
    for (ssize i = 0; i < n; ++i) tuple_set_steal(newargs.get(), i + 1, newref(tuple_get_borrowed(args.get(), i)));
  } else {
    newobj = Ref::steal(object_getattr_str(copyreg.get(), "__newobj_ex__"));
    if (!newobj) return nullptr;
    newargs = Ref::steal(tuple_pack(3, as_object(tp), args.get(), kwargs.get()));
    if (!newargs) return nullptr;
  }
  bool required = !hasargs && !list_check(obj) && !dict_check(obj);
  Ref state = Ref::steal(object_getstate(obj, required));
  if (!state) return nullptr;
  Ref listitems = list_check(obj) ? Ref::steal(object_getiter(obj)) : Ref::borrow(None);
  if (!listitems) return nullptr;
  Ref dictitems = Ref::borrow(None);
  if (dict_check(obj)) {
    Ref items = Ref::steal(call_method0(obj, "items"));
    if (!items) return nullptr;
    dictitems = Ref::steal(object_getiter(items.get()));
    if (!dictitems) return nullptr;
  }
  return tuple_pack(5, newobj.get(), newargs.get(), state.get(), listitems.get(), dictitems.get());
}

Object* common_reduce(Object* self, int proto) {
  if (proto >= 2) return reduce_newobj(self);
  Ref copyreg = Ref::steal(import_module("copyreg"));
  if (!copyreg) return nullptr;
  Ref p = Ref::steal(int_from_i64(proto));
  Object* args[2] = {self, p.get()};
  Ref f = Ref::steal(object_getattr_str(copyreg.get(), "_reduce_ex"));
  if (!f) return nullptr;
  return call(f.get(), args, 2);
}

Object* object_meth_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_positional("__reduce__", nargs, 0, 0)) return nullptr;
  return common_reduce(self, 0);
}

Object* object_meth_reduce_ex(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("__reduce_ex__", kwnames) || !check_positional("__reduce_ex__", nargs, 1, 1))
    return nullptr;
  if (!int_check(args[0])) {
    return err_format(&Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      type_of(args[0])->name);
  }
  ssize proto = int_as_ssize(args[0]);
  if (proto == -1 && err_occurred()) return nullptr;
  // A class overriding __reduce__ wins.
  Object* reduce = type_lookup_borrowed(type_of(self), intern_cstr("__reduce__"));
  Object* base_reduce = ObjectType.dict ? dict_get_str_borrowed(ObjectType.dict, "__reduce__") : nullptr;
  if (reduce && reduce != base_reduce) return call_method0(self, "__reduce__");
  return common_reduce(self, int(proto));
}

Object* object_meth_getstate(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_positional("__getstate__", nargs, 0, 0)) return nullptr;
  return object_getstate_default(self, false);
}

const MethodDef kObjectMethods[] = {
    {"__reduce_ex__", object_meth_reduce_ex, METH_DEFAULT, "Helper for pickle."},
    {"__reduce__", object_meth_reduce, METH_DEFAULT, "Helper for pickle."},
    {"__getstate__", object_meth_getstate, METH_DEFAULT, "Helper for pickle."},
    {"__subclasshook__", object_meth_subclasshook, METH_CLASS,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", object_meth_init_subclass, METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__format__", object_meth_format, METH_DEFAULT, "Default object formatter."},
    {"__sizeof__", object_meth_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {"__dir__", object_meth_dir, METH_DEFAULT, "Default dir() implementation."},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kObjectGetSets[] = {
    {"__class__", object_get_class, object_set_class, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

// =====================================================================================================
// Generic attribute access
// =====================================================================================================
Object* generic_getattr(Object* o, Object* name) { return generic_getattr_opt(o, name, false); }

Object* generic_getattr_opt(Object* o, Object* name, bool suppress) {
  if (GILPY_UNLIKELY(!str_check(name))) {
    return err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
  }
  TypeObject* tp = type_of(o);
  Ref descr = Ref::borrow(type_lookup_borrowed(tp, name));
  descrgetfunc f = nullptr;
  if (descr) {
    f = type_of(descr.get())->descr_get;
    if (f && type_of(descr.get())->descr_set) return f(descr.get(), o, tp);
  }
  Object** dp = object_dict_slot(o);
  if (dp && *dp) {
    Object* v;
    int r = instance_attr_get(o, dp, name, &v);
    if (r) return r > 0 ? v : nullptr;
  }
  if (f) return f(descr.get(), o, tp);
  if (descr) return descr.release();
  if (suppress) return nullptr;
  return err_attribute_error(o, name, "'%s' object has no attribute '%U'", tp->name, name);
}

int generic_setattr(Object* o, Object* name, Object* value) {
  if (GILPY_UNLIKELY(!str_check(name))) {
    err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
  }
  TypeObject* tp = type_of(o);
  Ref descr = Ref::borrow(type_lookup_borrowed(tp, name));
  if (descr) {
    descrsetfunc f = type_of(descr.get())->descr_set;
    if (f) return f(descr.get(), o, value);
  }
  Object** dp = object_dict_slot(o);
  if (!dp) {
    if (descr) {
      err_attribute_error(o, name, "'%s' object attribute '%U' is read-only", tp->name, name);
    } else {
      err_attribute_error(o, name, "'%s' object has no attribute '%U'", tp->name, name);
    }
    return -1;
  }
  if (instance_attr_set(o, dp, name, value) < 0) {
    if (!value && err_matches(&Exc_KeyError)) {
      err_clear();
      err_attribute_error(o, name, "'%s' object has no attribute '%U'", tp->name, name);
    }
    return -1;
  }
  return 0;
}

int object_get_method(Object* o, Object* name, Object** method) {
  *method = nullptr;
  TypeObject* tp = type_of(o);
  if (tp->getattro != generic_getattr || !str_check(name)) {
    *method = object_getattr(o, name);
    return *method ? 0 : -1;
  }
  Ref descr = Ref::borrow(type_lookup_borrowed(tp, name));
  descrgetfunc f = nullptr;
  bool meth_found = false;
  if (descr) {
    TypeObject* dt = type_of(descr.get());
    if (dt->flags & TPFLAG_METHOD_DESCRIPTOR) {
      meth_found = true;
    } else {
      f = dt->descr_get;
      if (f && dt->descr_set) {
        *method = f(descr.get(), o, tp);
        return *method ? 0 : -1;
      }
    }
  }
  Object** dp = object_dict_slot(o);
  if (dp && *dp) {
    int r = instance_attr_get(o, dp, name, method);
    if (r) return r > 0 ? 0 : -1;
  }
  if (meth_found) {
    *method = descr.release();
    return 1;
  }
  if (f) {
    *method = f(descr.get(), o, tp);
    return *method ? 0 : -1;
  }
  if (descr) {
    *method = descr.release();
    return 0;
  }
  err_attribute_error(o, name, "'%s' object has no attribute '%U'", tp->name, name);
  return -1;
}

// =====================================================================================================
// MRO
// =====================================================================================================
namespace {

bool tail_contains(Object* list, ssize whence, Object* o) {
  ssize n = list_size(list);
  for (ssize j = whence + 1; j < n; ++j) {
    if (list_get_borrowed(list, j) == o) return true;
  }
  return false;
}

void set_mro_error(std::vector<Ref>& to_merge, std::vector<ssize>& remain) {
  Ref set = Ref::steal(dict_new());
  if (!set) return;
  for (size_t i = 0; i < to_merge.size(); ++i) {
    if (remain[i] < list_size(to_merge[i].get())) {
      Object* c = list_get_borrowed(to_merge[i].get(), remain[i]);
      if (dict_setitem(set.get(), c, None) < 0) return;
    }
  }
  StrWriter w;
  w.append("Cannot create a consistent method resolution\norder (MRO) for bases");
  ssize pos = 0;
  Object *k, *v;
  bool first = true;
  while (dict_next(set.get(), &pos, &k, &v)) {
    w.append(first ? " " : ", ");
    first = false;
    Ref name = Ref::steal(object_getattr_str(k, "__name__"));
    if (name && str_check(name.get())) {
      w.append_str(name.get());
    } else {
      err_clear();
      w.append("?");
    }
  }
  Ref msg = Ref::steal(w.finish());
  if (msg) err_set(&Exc_TypeError, msg.get());
}

// C3 merge of the lists in to_merge into `acc` (a list).
int pmerge(Object* acc, std::vector<Ref>& to_merge) {
  std::vector<ssize> remain(to_merge.size(), 0);
again:
  bool empty_cnt_all = true;
  for (size_t i = 0; i < to_merge.size(); ++i) {
    Object* cur = to_merge[i].get();
    if (remain[i] >= list_size(cur)) continue;
    empty_cnt_all = false;
    Object* candidate = list_get_borrowed(cur, remain[i]);
    bool in_tail = false;
    for (size_t j = 0; j < to_merge.size(); ++j) {
      if (tail_contains(to_merge[j].get(), remain[j], candidate)) {
        in_tail = true;
        break;
      }
    }
    if (in_tail) continue;
    if (list_append(acc, candidate) < 0) return -1;
    for (size_t j = 0; j < to_merge.size(); ++j) {
      Object* l = to_merge[j].get();
      if (remain[j] < list_size(l) && list_get_borrowed(l, remain[j]) == candidate) ++remain[j];
    }
    goto again;
  }
  if (!empty_cnt_all) {
    set_mro_error(to_merge, remain);
    return -1;
  }
  return 0;
}

int check_duplicates(Object* bases) {
  ssize n = tuple_size(bases);
  for (ssize i = 0; i < n; ++i) {
    Object* o = tuple_get_borrowed(bases, i);
    for (ssize j = i + 1; j < n; ++j) {
      if (tuple_get_borrowed(bases, j) == o) {
        Ref name = Ref::steal(object_getattr_str(o, "__name__"));
        if (!name) return -1;
        err_format(&Exc_TypeError, "duplicate base class %U", name.get());
        return -1;
      }
    }
  }
  return 0;
}

Object* mro_implementation(TypeObject* type) {
  Object* bases = type->bases;
  ssize n = tuple_size(bases);
  for (ssize i = 0; i < n; ++i) {
    auto* b = as_type(tuple_get_borrowed(bases, i));
    if (!b->mro) {
      return err_format(&Exc_TypeError, "Cannot extend an incomplete type '%s'", b->name);
    }
  }
  if (n == 1) {
    Object* base_mro = as_type(tuple_get_borrowed(bases, 0))->mro;
    ssize k = tuple_size(base_mro);
    Object* result = tuple_new(k + 1);
    if (!result) return nullptr;
    tuple_set_steal(result, 0, newref(type));
    for (ssize i = 0; i < k; ++i) tuple_set_steal(result, i + 1, newref(tuple_get_borrowed(base_mro, i)));
    return result;
  }
  if (check_duplicates(bases) < 0) return nullptr;
  std::vector<Ref> to_merge;
  for (ssize i = 0; i < n; ++i) {
    Object* l = sequence_list(as_type(tuple_get_borrowed(bases, i))->mro);
    if (!l) return nullptr;
    to_merge.push_back(Ref::steal(l));
  }
  Object* bl = sequence_list(bases);
  if (!bl) return nullptr;
  to_merge.push_back(Ref::steal(bl));
  Ref acc = Ref::steal(list_new(0));
  if (!acc || list_append(acc.get(), type) < 0) return nullptr;
  if (pmerge(acc.get(), to_merge) < 0) return nullptr;
  return list_as_tuple(acc.get());
}

Object* type_meth_mro(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_positional("mro", nargs, 0, 0)) return nullptr;
  Ref t = Ref::steal(mro_implementation(as_type(self)));
  if (!t) return nullptr;
  return sequence_list(t.get());
}

// Compute type->mro, calling an overridden mro() of a custom metaclass.
int mro_internal(TypeObject* type) {
  Ref mro;
  TypeObject* meta = type_of(type);
  bool custom = false;
  if (meta != &TypeType) {
    Object* m = type_lookup_borrowed(meta, intern_cstr("mro"));
    Object* base_m = type_lookup_borrowed(&TypeType, intern_cstr("mro"));
    custom = m && m != base_m;
  }
  if (custom) {
    Ref r = Ref::steal(call_method0(type, "mro"));
    if (!r) return -1;
    mro = Ref::steal(sequence_tuple(r.get()));
    if (!mro) return -1;
    TypeObject* solid = solid_base(type);
    ssize n = tuple_size(mro.get());
    for (ssize i = 0; i < n; ++i) {
      Object* c = tuple_get_borrowed(mro.get(), i);
      if (!type_check(c)) {
        err_format(&Exc_TypeError, "mro() returned a non-class ('%s')", type_of(c)->name);
        return -1;
      }
      if (!type_is_subtype(solid, solid_base(as_type(c)))) {
        err_format(&Exc_TypeError, "mro() returned base with unsuitable layout ('%s')",
                   as_type(c)->name);
        return -1;
      }
    }
  } else {
    mro = Ref::steal(mro_implementation(type));
    if (!mro) return -1;
  }
  setref(&type->mro, mro.release());
  return 0;
}

// =====================================================================================================
// type_ready
// =====================================================================================================

// Does `type` add C-level instance state beyond `base`?
bool extra_ivars(TypeObject* type, TypeObject* base) {
  if (type->itemsize != base->itemsize) return true;
  if (type->flags & TPFLAG_HEAPTYPE) return type->members && type->members[0].name;
  return type->basicsize != base->basicsize;
}

TypeObject* solid_base(TypeObject* type) {
  TypeObject* base = type->base ? solid_base(type->base) : &ObjectType;
  return extra_ivars(type, base) ? type : base;
}

template <class F>
void inherit_slot(F& slot, F base_slot) {
  if (!slot) slot = base_slot;
}

void inherit_slots(TypeObject* type, TypeObject* b) {
#define S(f) inherit_slot(type->f, b->f)
  S(nb_add); S(nb_subtract); S(nb_multiply); S(nb_remainder); S(nb_divmod); S(nb_lshift);
  S(nb_rshift); S(nb_and); S(nb_xor); S(nb_or); S(nb_floor_divide); S(nb_true_divide);
  S(nb_matrix_multiply); S(nb_power);
  S(nb_inplace_add); S(nb_inplace_subtract); S(nb_inplace_multiply); S(nb_inplace_remainder);
  S(nb_inplace_lshift); S(nb_inplace_rshift); S(nb_inplace_and); S(nb_inplace_xor);
  S(nb_inplace_or); S(nb_inplace_floor_divide); S(nb_inplace_true_divide);
  S(nb_inplace_matrix_multiply); S(nb_inplace_power);
  S(nb_negative); S(nb_positive); S(nb_absolute); S(nb_invert); S(nb_int); S(nb_float);
  S(nb_index); S(nb_bool);
  S(len); S(getitem); S(setitem); S(contains); S(sq_concat); S(sq_repeat); S(sq_item);
  S(repr); S(str); S(getattro); S(setattro); S(call); S(iter); S(iternext); S(descr_get);
  S(descr_set); S(init); S(finalize);
#undef S
  // hash and richcompare are inherited together, and only when the type defines neither (a type
  // that defines __eq__ alone is unhashable).
  if (!type->richcompare && !type->hash) {
    bool own_eq = type->dict && dict_get_str_borrowed(type->dict, "__eq__");
    bool own_hash = type->dict && dict_get_str_borrowed(type->dict, "__hash__");
    if (!own_eq && !own_hash) {
      type->richcompare = b->richcompare;
      type->hash = b->hash;
    }
  }
}

constexpr uint32_t kInheritedSubclassFlags =
    TPFLAG_LONG_SUBCLASS | TPFLAG_LIST_SUBCLASS | TPFLAG_TUPLE_SUBCLASS | TPFLAG_BYTES_SUBCLASS |
    TPFLAG_UNICODE_SUBCLASS | TPFLAG_DICT_SUBCLASS | TPFLAG_BASE_EXC_SUBCLASS |
    TPFLAG_TYPE_SUBCLASS | TPFLAG_FLOAT_SUBCLASS;

// tp_new wrapper: T.__new__(S, *args) as a builtin bound to T.
Object* tp_new_wrapper(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  TypeObject* type = as_type(self);
  if (nargs < 1) {
    return err_format(&Exc_TypeError, "%s.__new__(): not enough arguments", type->name);
  }
  Object* arg0 = args[0];
  if (!type_check(arg0)) {
    return err_format(&Exc_TypeError, "%s.__new__(X): X is not a type object (%s)", type->name,
                      type_of(arg0)->name);
  }
  TypeObject* subtype = as_type(arg0);
  if (!type_is_subtype(subtype, type)) {
    return err_format(&Exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->name,
                      subtype->name, subtype->name, type->name);
  }
  // The most derived base that's not a heap type must have the same new_ (else it's unsafe:
  // object.__new__(int) would make an int without its value).
  TypeObject* staticbase = subtype;
  while (staticbase && (staticbase->flags & TPFLAG_HEAPTYPE)) staticbase = staticbase->base;
  if (staticbase && staticbase->new_ != type->new_) {
    return err_format(&Exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type->name,
                      subtype->name, staticbase->name);
  }
  return type->new_(subtype, args + 1, nargs - 1, kwnames);
}

const MethodDef kNewWrapperDef = {"__new__", tp_new_wrapper, METH_DEFAULT,
                                  "Create and return a new object.  See help(type) for accurate signature."};

}  // namespace

bool is_tp_new_wrapper(Object* o, TypeObject** type) {
  if (type_of(o) != &CFunctionType) return false;
  auto* cf = static_cast<CFunctionObject*>(o);
  if (cf->def != &kNewWrapperDef) return false;
  *type = as_type(cf->self);
  return true;
}

namespace {

int add_tables(TypeObject* type) {
  Object* dict = type->dict;
  if (type->methods) {
    for (const MethodDef* m = type->methods; m->name; ++m) {
      if (dict_get_str_borrowed(dict, m->name)) continue;
      Ref d;
      if (m->flags & METH_CLASS) d = Ref::steal(classmethod_descr_new(type, m));
      else if (m->flags & METH_STATIC) d = Ref::steal(staticmethod_from_def(type, m));
      else d = Ref::steal(method_descr_new(type, m));
      if (!d || dict_setitem(dict, intern_cstr(m->name), d.get()) < 0) return -1;
    }
  }
  if (type->members) {
    for (const MemberDef* m = type->members; m->name; ++m) {
      if (dict_get_str_borrowed(dict, m->name)) continue;
      Ref d = Ref::steal(member_descr_new(type, m));
      if (!d || dict_setitem(dict, intern_cstr(m->name), d.get()) < 0) return -1;
    }
  }
  if (type->getset) {
    for (const GetSetDef* g = type->getset; g->name; ++g) {
      if (dict_get_str_borrowed(dict, g->name)) continue;
      Ref d = Ref::steal(getset_descr_new(type, g));
      if (!d || dict_setitem(dict, intern_cstr(g->name), d.get()) < 0) return -1;
    }
  }
  return 0;
}

hash_t hash_not_implemented(Object* o) {
  err_format(&Exc_TypeError, "unhashable type: '%s'", type_of(o)->name);
  return -1;
}

}  // namespace

hash_t object_hash_not_implemented(Object* o) { return hash_not_implemented(o); }

namespace {
struct StaticBases {
  TypeObject* type;
  TypeObject* const* bases;
  int n;
};
std::vector<StaticBases>& static_bases_table() {
  static std::vector<StaticBases> table;
  return table;
}
}  // namespace

void type_set_static_bases(TypeObject* type, TypeObject* const* bases, int n) {
  static_bases_table().push_back({type, bases, n});
}

int type_ready(TypeObject* type) {
  if (type->flags & TPFLAG_READY) return 0;
  if (!type->ob_type) type->ob_type = &TypeType;
  bool heap = type->flags & TPFLAG_HEAPTYPE;
  if (!heap) {
    type->flags |= TPFLAG_IMMUTABLETYPE;
    if (!is_immortal(type)) make_immortal(type);
  }
  if (!type->base && type != &ObjectType) type->base = &ObjectType;
  TypeObject* base = type->base;
  if (base && !(base->flags & TPFLAG_READY)) {
    if (type_ready(base) < 0) return -1;
  }
  // Subclass flags: set on the defining type, inherited by subclasses.
  if (type == &IntType) type->flags |= TPFLAG_LONG_SUBCLASS;
  else if (type == &ListType) type->flags |= TPFLAG_LIST_SUBCLASS;
  else if (type == &TupleType) type->flags |= TPFLAG_TUPLE_SUBCLASS;
  else if (type == &BytesType) type->flags |= TPFLAG_BYTES_SUBCLASS;
  else if (type == &StrType) type->flags |= TPFLAG_UNICODE_SUBCLASS;
  else if (type == &DictType) type->flags |= TPFLAG_DICT_SUBCLASS;
  else if (type == &Exc_BaseException) type->flags |= TPFLAG_BASE_EXC_SUBCLASS;
  else if (type == &TypeType) type->flags |= TPFLAG_TYPE_SUBCLASS;
  else if (type == &FloatType) type->flags |= TPFLAG_FLOAT_SUBCLASS;
  // Python functions bind like method descriptors (object_get_method may skip the bound method).
  if (type == &FunctionType) type->flags |= TPFLAG_METHOD_DESCRIPTOR;
  if (base) {
    type->flags |= base->flags & kInheritedSubclassFlags;
    if (!type->basicsize) type->basicsize = base->basicsize;
    if (!type->itemsize) type->itemsize = base->itemsize;
    if (!type->dictoffset) type->dictoffset = base->dictoffset;
    if (!type->weaklistoffset) type->weaklistoffset = base->weaklistoffset;
    if (!type->dealloc) type->dealloc = base->dealloc;
  }
  if (!type->bases) {
    for (const StaticBases& sb : static_bases_table()) {
      if (sb.type != type) continue;
      type->bases = tuple_new(sb.n);
      if (!type->bases) return -1;
      for (int i = 0; i < sb.n; ++i) {
        if (!(sb.bases[i]->flags & TPFLAG_READY) && type_ready(sb.bases[i]) < 0) return -1;
        tuple_set_steal(type->bases, i, newref(sb.bases[i]));
      }
    }
  }
  if (!type->bases) {
    type->bases = base ? tuple_pack(1, static_cast<Object*>(base)) : tuple_new(0);
    if (!type->bases) return -1;
  }
  if (!type->dict) {
    type->dict = dict_new();
    if (!type->dict) return -1;
  }
  if (!type->mro && mro_internal(type) < 0) return -1;

  // Fill the dict: __new__, the slot wrappers, the tables, __doc__ (static types only: a heap
  // type's dict already holds its Python-level attributes).
  if (!heap) {
    // Before inheritance, a non-null new_ is one the type's init function set.
    if (type->new_ && !dict_get_str_borrowed(type->dict, "__new__")) {
      Ref f = Ref::steal(cfunction_new(&kNewWrapperDef, type, nullptr));
      if (!f || dict_setitem(type->dict, intern_cstr("__new__"), f.get()) < 0) return -1;
    }
    if (add_slot_wrappers(type) < 0) return -1;
    if (add_tables(type) < 0) return -1;
    // The generic built-in classes: list[int], dict[str, int], ... (type[int] is special-cased
    // by object_getitem, as CPython does).
    if (type == &ListType || type == &DictType || type == &TupleType || type == &SetType ||
        type == &FrozenSetType || type == &Exc_BaseExceptionGroup) {
      static const MethodDef kClassGetItem = {"__class_getitem__", generic_alias_class_getitem,
                                              METH_CLASS, "See PEP 585"};
      if (!dict_get_str_borrowed(type->dict, "__class_getitem__")) {
        Ref d = Ref::steal(classmethod_descr_new(type, &kClassGetItem));
        if (!d || dict_setitem(type->dict, intern_cstr("__class_getitem__"), d.get()) < 0)
          return -1;
      }
    }
    if (!dict_get_str_borrowed(type->dict, "__doc__")) {
      Ref doc = type->doc ? Ref::steal(str_from_cstr(type->doc)) : Ref::borrow(None);
      if (!doc || dict_setitem(type->dict, intern_cstr("__doc__"), doc.get()) < 0) return -1;
    }
  }

  // Inherit slots along the MRO.
  if (!heap && !type->new_ && base && base != &ObjectType) type->new_ = base->new_;
  ssize n = tuple_size(type->mro);
  for (ssize i = 1; i < n; ++i) {
    auto* b = as_type(tuple_get_borrowed(type->mro, i));
    inherit_slots(type, b);
    if (heap && !type->new_) type->new_ = b->new_;
  }
  if (!type->hash) {
    type->hash = hash_not_implemented;
    if (!dict_get_str_borrowed(type->dict, "__hash__")) {
      if (dict_setitem(type->dict, intern_cstr("__hash__"), None) < 0) return -1;
    }
  }
  if (!type->dealloc) type->dealloc = object_base_dealloc;

  if (base) add_subclass(base, type);
  {
    ssize nb = tuple_size(type->bases);
    for (ssize i = 1; i < nb; ++i) add_subclass(as_type(tuple_get_borrowed(type->bases, i)), type);
  }
  type->flags |= TPFLAG_READY;
  return 0;
}

// =====================================================================================================
// type: the metatype
// =====================================================================================================
namespace {

Object* type_call_slot(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  TypeObject* type = as_type(self);
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (type == &TypeType && nargs == 1 && nkw == 0) return newref(type_of(args[0]));
  if (!type->new_) {
    return err_format(&Exc_TypeError, "cannot create '%s' instances", type->name);
  }
  Object* obj = type->new_(type, args, nargs, kwnames);
  if (!obj) return nullptr;
  if (!object_type_check(obj, type)) return obj;
  TypeObject* ot = type_of(obj);
  if (ot->init) {
    if (ot->init(obj, args, nargs, kwnames) < 0) {
      decref(obj);
      return nullptr;
    }
  }
  return obj;
}

Object* type_vectorcall_slot(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return type_call_slot(self, args, nargs, kwnames);
}

}  // namespace

TypeObject* type_calculate_metaclass(TypeObject* meta, Object* bases) {
  TypeObject* winner = meta;
  ssize n = tuple_size(bases);
  for (ssize i = 0; i < n; ++i) {
    TypeObject* tmptype = type_of(tuple_get_borrowed(bases, i));
    if (type_is_subtype(winner, tmptype)) continue;
    if (type_is_subtype(tmptype, winner)) {
      winner = tmptype;
      continue;
    }
    err_format(&Exc_TypeError,
               "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
               "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

namespace {

Object* type_tp_new(TypeObject* meta, Object* const* args, ssize nargs, Object* kwnames) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs != 3 && !(nargs == 1 && nkw == 0 && meta == &TypeType)) {
    if (nargs == 1 && meta == &TypeType) return newref(type_of(args[0]));
    return err_format(&Exc_TypeError, "type() takes 1 or 3 arguments");
  }
  if (nargs == 1) return newref(type_of(args[0]));
  Object* name = args[0];
  Object* bases = args[1];
  Object* dict = args[2];
  if (!str_check(name)) {
    return err_format(&Exc_TypeError, "type.__new__() argument 1 must be str, not %T", name);
  }
  if (!tuple_check(bases)) {
    return err_format(&Exc_TypeError, "type.__new__() argument 2 must be tuple, not %T", bases);
  }
  if (!dict_check(dict)) {
    return err_format(&Exc_TypeError, "type.__new__() argument 3 must be dict, not %T", dict);
  }
  TypeObject* winner = type_calculate_metaclass(meta, bases);
  if (!winner) return nullptr;
  if (winner != meta && winner->new_ != type_tp_new) {
    return winner->new_(winner, args, nargs, kwnames);
  }
  Ref kwds;
  if (nkw) {
    kwds = Ref::steal(dict_new());
    if (!kwds) return nullptr;
    for (ssize i = 0; i < nkw; ++i) {
      if (dict_setitem(kwds.get(), tuple_get_borrowed(kwnames, i), args[nargs + i]) < 0)
        return nullptr;
    }
  }
  return type_new_heap(winner, name, bases, dict, kwds.get());
}

int type_tp_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nargs == 1 && nkw) {
    err_format(&Exc_TypeError, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    err_format(&Exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

void type_dealloc(Object* self) {
  TypeObject* type = as_type(self);
  if (!(type->flags & TPFLAG_HEAPTYPE)) return;  // static types are immortal
  Object* saved = err_fetch();  // a failed class creation frees the type with its error pending
  // Weakrefs (callbacks run now, while the type is still whole); this also drops the type's
  // entry in the weakref side table (objects/weakrefobject.h) even when its list is empty.
  if (weakref_list_ptr_if_any(self)) weakref_clear_all(self);
  if (type->bases) {
    ssize n = tuple_size(type->bases);
    for (ssize i = 0; i < n; ++i) remove_subclass(as_type(tuple_get_borrowed(type->bases, i)), type);
  }
  type->version_tag = 0;
  clear_ref(&type->bases);
  clear_ref(&type->mro);
  clear_ref(&type->dict);
  clear_ref(&type->ht_name);
  clear_ref(&type->ht_qualname);
  clear_ref(&type->ht_module);
  clear_ref(&type->subclasses);
  if (type->base && (type->base->flags & TPFLAG_HEAPTYPE)) decref(type->base);
  type->base = nullptr;
  std::free(const_cast<char*>(type->name));
  type->name = nullptr;
  shared_keys_free(type->cached_keys);
  type->cached_keys = nullptr;
  if (type->members) {
    for (const MemberDef* m = type->members; m->name; ++m) std::free(const_cast<char*>(m->name));
    std::free(const_cast<MemberDef*>(type->members));
    type->members = nullptr;
  }
  object_free(self);
  err_restore(saved);
}

Object* type_getattro(Object* self, Object* name) {
  if (!str_check(name)) {
    return err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
  }
  TypeObject* type = as_type(self);
  TypeObject* meta = type_of(self);
  Ref meta_attr = Ref::borrow(type_lookup_borrowed(meta, name));
  descrgetfunc meta_get = nullptr;
  if (meta_attr) {
    meta_get = type_of(meta_attr.get())->descr_get;
    if (meta_get && type_of(meta_attr.get())->descr_set) {
      return meta_get(meta_attr.get(), self, meta);
    }
  }
  Ref attr = Ref::borrow(type_lookup_borrowed(type, name));
  if (attr) {
    descrgetfunc local_get = type_of(attr.get())->descr_get;
    if (local_get) return local_get(attr.get(), nullptr, self);
    return attr.release();
  }
  if (meta_get) return meta_get(meta_attr.get(), self, meta);
  if (meta_attr) return meta_attr.release();
  return err_attribute_error(self, name, "type object '%s' has no attribute '%U'", type->name,
                             name);
}

int type_setattro(Object* self, Object* name, Object* value) {
  TypeObject* type = as_type(self);
  if (!str_check(name)) {
    err_format(&Exc_TypeError, "attribute name must be string, not '%T'", name);
    return -1;
  }
  if (type->flags & TPFLAG_IMMUTABLETYPE) {
    err_format(&Exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
               type->name);
    return -1;
  }
  Ref key = Ref::borrow(name);
  if (str_check_exact(name)) {
    key = Ref::steal(str_intern(newref(name)));
  }
  TypeObject* meta = type_of(self);
  Ref meta_attr = Ref::borrow(type_lookup_borrowed(meta, key.get()));
  if (meta_attr) {
    descrsetfunc f = type_of(meta_attr.get())->descr_set;
    if (f) return f(meta_attr.get(), self, value);
  }
  int r;
  if (value) {
    r = dict_setitem(type->dict, key.get(), value);
  } else {
    r = dict_delitem(type->dict, key.get());
    if (r < 0 && err_matches(&Exc_KeyError)) {
      err_clear();
      err_attribute_error(self, name, "type object '%s' has no attribute '%U'", type->name, name);
    }
  }
  if (r < 0) return -1;
  type_modified(type);
  update_slot_after_setattr(type, key.get());
  return 0;
}

// ---- type getsets -----------------------------------------------------------------------------------
Object* type_get_name(Object* self) {
  TypeObject* t = as_type(self);
  if (t->flags & TPFLAG_HEAPTYPE) return newref(t->ht_name);
  return str_from_cstr(type_name(t));
}

bool check_set_special(TypeObject* type, Object* value, const char* name) {
  if (type->flags & TPFLAG_IMMUTABLETYPE) {
    err_format(&Exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
               type->name);
    return false;
  }
  if (!value) {
    err_format(&Exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name,
               type->name);
    return false;
  }
  return true;
}

int type_set_name(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__name__")) return -1;
  if (!str_check(value)) {
    err_format(&Exc_TypeError, "can only assign string to %s.__name__, not '%T'", t->name, value);
    return -1;
  }
  const char* s = str_as_utf8(value);
  if (!s) return -1;
  if (std::strlen(s) != size_t(str_view(value).size())) {
    err_format(&Exc_ValueError, "type name must not contain null characters");
    return -1;
  }
  char* copy = strdup(s);
  std::free(const_cast<char*>(t->name));
  t->name = copy;
  setref(&t->ht_name, newref(value));
  return 0;
}

Object* type_get_qualname(Object* self) { return type_qualname_obj(as_type(self)); }

int type_set_qualname(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__qualname__")) return -1;
  if (!str_check(value)) {
    err_format(&Exc_TypeError, "can only assign string to %s.__qualname__, not '%T'", t->name,
               value);
    return -1;
  }
  setref(&t->ht_qualname, newref(value));
  return 0;
}

Object* type_get_module(Object* self) { return type_module(as_type(self)); }

int type_set_module(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__module__")) return -1;
  type_modified(t);
  return dict_setitem_str(t->dict, "__module__", value);
}

Object* type_get_bases(Object* self) { return newref(as_type(self)->bases); }
Object* type_get_mro(Object* self) {
  Object* m = as_type(self)->mro;
  return m ? newref(m) : none_ref();
}
Object* type_get_base(Object* self) {
  TypeObject* b = as_type(self)->base;
  return b ? newref(b) : none_ref();
}
Object* type_get_dict(Object* self) { return mappingproxy_new(as_type(self)->dict); }

Object* type_get_doc(Object* self) {
  TypeObject* t = as_type(self);
  if (!(t->flags & TPFLAG_HEAPTYPE)) {
    return t->doc ? str_from_cstr(t->doc) : none_ref();
  }
  Object* doc = dict_get_str_borrowed(t->dict, "__doc__");
  if (!doc) return err_occurred() ? nullptr : none_ref();
  descrgetfunc f = type_of(doc)->descr_get;
  if (f) return f(doc, nullptr, self);
  return newref(doc);
}

int type_set_doc(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (!check_set_special(t, value, "__doc__")) return -1;
  type_modified(t);
  return dict_setitem_str(t->dict, "__doc__", value);
}

Object* type_get_abstractmethods(Object* self) {
  TypeObject* t = as_type(self);
  Object* v = t != &TypeType ? dict_get_str_borrowed(t->dict, "__abstractmethods__") : nullptr;
  if (!v) {
    if (err_occurred()) return nullptr;
    return err_format(&Exc_AttributeError, "__abstractmethods__");
  }
  return newref(v);
}

int type_set_abstractmethods(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  int abstract = 0;
  int r;
  if (value) {
    abstract = object_is_true(value);
    if (abstract < 0) return -1;
    r = dict_setitem_str(t->dict, "__abstractmethods__", value);
  } else {
    Ref k = Ref::steal(str_from_cstr("__abstractmethods__"));
    r = dict_delitem(t->dict, k.get());
    if (r < 0 && err_matches(&Exc_KeyError)) {
      err_clear();
      err_format(&Exc_AttributeError, "__abstractmethods__");
    }
  }
  if (r < 0) return -1;
  type_modified(t);
  if (abstract) t->flags |= TPFLAG_ABSTRACT;
  else t->flags &= ~uint32_t(TPFLAG_ABSTRACT);
  return 0;
}

Object* type_get_annotations(Object* self) {
  TypeObject* t = as_type(self);
  if (!(t->flags & TPFLAG_HEAPTYPE)) {
    return err_format(&Exc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                      t->name);
  }
  Object* a = dict_get_str_borrowed(t->dict, "__annotations__");
  if (a) {
    descrgetfunc f = type_of(a)->descr_get;
    if (f) return f(a, nullptr, self);
    return newref(a);
  }
  if (err_occurred()) return nullptr;
  Ref d = Ref::steal(dict_new());
  if (!d || dict_setitem_str(t->dict, "__annotations__", d.get()) < 0) return nullptr;
  type_modified(t);
  return d.release();
}

int type_set_annotations(Object* self, Object* value) {
  TypeObject* t = as_type(self);
  if (t->flags & TPFLAG_IMMUTABLETYPE) {
    err_format(&Exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
               t->name);
    return -1;
  }
  int r;
  if (value) {
    r = dict_setitem_str(t->dict, "__annotations__", value);
  } else {
    Ref k = Ref::steal(str_from_cstr("__annotations__"));
    r = dict_delitem(t->dict, k.get());
    if (r < 0 && err_matches(&Exc_KeyError)) {
      err_clear();
      err_format(&Exc_AttributeError, "__annotations__");
    }
  }
  type_modified(t);
  return r;
}

Object* type_get_basicsize(Object* self) { return int_from_ssize(as_type(self)->basicsize); }
Object* type_get_itemsize(Object* self) { return int_from_ssize(as_type(self)->itemsize); }
// __flags__ in CPython's bit positions (Py_TPFLAGS_*), which Python code tests (copyreg,
// inspect); gilpy's own flag values are an implementation detail.
Object* type_get_flags(Object* self) {
  static const struct { uint32_t gilpy; uint64_t cpython; } kMap[] = {
      {TPFLAG_IMMUTABLETYPE, 1ull << 8}, {TPFLAG_HEAPTYPE, 1ull << 9},
      {TPFLAG_BASETYPE, 1ull << 10},     {TPFLAG_READY, 1ull << 12},
      {TPFLAG_HAVE_GC, 1ull << 14},      {TPFLAG_METHOD_DESCRIPTOR, 1ull << 17},
      {TPFLAG_ABSTRACT, 1ull << 20},     {TPFLAG_LONG_SUBCLASS, 1ull << 24},
      {TPFLAG_LIST_SUBCLASS, 1ull << 25}, {TPFLAG_TUPLE_SUBCLASS, 1ull << 26},
      {TPFLAG_BYTES_SUBCLASS, 1ull << 27}, {TPFLAG_UNICODE_SUBCLASS, 1ull << 28},
      {TPFLAG_DICT_SUBCLASS, 1ull << 29}, {TPFLAG_BASE_EXC_SUBCLASS, 1ull << 30},
      {TPFLAG_TYPE_SUBCLASS, 1ull << 31},
  };
  uint32_t flags = as_type(self)->flags;
  uint64_t out = 0;
  for (const auto& m : kMap)
    if (flags & m.gilpy) out |= m.cpython;
  return int_from_i64(int64_t(out));
}
Object* type_get_dictoffset(Object* self) { return int_from_ssize(as_type(self)->dictoffset); }
Object* type_get_weakrefoffset(Object* self) {
  return int_from_ssize(as_type(self)->weaklistoffset);
}
Object* type_get_type_params(Object* self) {
  TypeObject* t = as_type(self);
  Object* p = t->dict ? dict_get_str_borrowed(t->dict, "__type_params__") : nullptr;
  if (p) return newref(p);
  return tuple_empty();
}

const GetSetDef kTypeGetSets[] = {
    {"__basicsize__", type_get_basicsize, nullptr, nullptr},
    {"__itemsize__", type_get_itemsize, nullptr, nullptr},
    {"__flags__", type_get_flags, nullptr, nullptr},
    {"__weakrefoffset__", type_get_weakrefoffset, nullptr, nullptr},
    {"__base__", type_get_base, nullptr, nullptr},
    {"__dictoffset__", type_get_dictoffset, nullptr, nullptr},
    {"__name__", type_get_name, type_set_name, nullptr},
    {"__qualname__", type_get_qualname, type_set_qualname, nullptr},
    {"__bases__", type_get_bases, nullptr, nullptr},
    {"__mro__", type_get_mro, nullptr, nullptr},
    {"__module__", type_get_module, type_set_module, nullptr},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, nullptr},
    {"__dict__", type_get_dict, nullptr, nullptr},
    {"__doc__", type_get_doc, type_set_doc, nullptr},
    {"__annotations__", type_get_annotations, type_set_annotations, nullptr},
    {"__type_params__", type_get_type_params, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- type methods -----------------------------------------------------------------------------------
Object* type_meth_subclasses(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  ssize pos = 0;
  TypeObject* sub;
  while (type_next_subclass(as_type(self), &pos, &sub)) {
    if (list_append(list.get(), sub) < 0) return nullptr;
  }
  return list.release();
}

Object* type_meth_prepare(Object*, Object* const*, ssize, Object*) { return dict_new(); }

Object* type_meth_instancecheck(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("__instancecheck__", nargs, 1, 1)) return nullptr;
  Object* inst = args[0];
  if (object_type_check(inst, as_type(self))) return bool_from(true);
  Object* cls = nullptr;
  if (object_lookup_attr(inst, intern_cstr("__class__"), &cls) < 0) return nullptr;
  Ref c = Ref::steal(cls);
  bool r = c && c.get() != as_object(type_of(inst)) && type_check(c.get()) &&
           type_is_subtype(as_type(c.get()), as_type(self));
  return bool_from(r);
}

Object* type_meth_subclasscheck(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("__subclasscheck__", nargs, 1, 1)) return nullptr;
  Object* sub = args[0];
  if (!type_check(sub)) {
    return err_format(&Exc_TypeError, "issubclass() arg 1 must be a class");
  }
  return bool_from(type_is_subtype(as_type(sub), as_type(self)));
}

Object* type_meth_dir(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  Ref names = Ref::steal(dict_new());
  if (!names || merge_class_dict(names.get(), as_type(self)) < 0) return nullptr;
  return dict_keys_list(names.get());
}

Object* type_meth_sizeof(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  return int_from_ssize(ssize(sizeof(TypeObject)));
}

const MethodDef kTypeMethods[] = {
    {"mro", type_meth_mro, METH_DEFAULT, "Return a type's method resolution order."},
    {"__subclasses__", type_meth_subclasses, METH_DEFAULT,
     "Return a list of immediate subclasses."},
    {"__prepare__", type_meth_prepare, METH_CLASS,
     "__prepare__() -> dict\nused to create the namespace for the class statement"},
    {"__instancecheck__", type_meth_instancecheck, METH_DEFAULT,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_meth_subclasscheck, METH_DEFAULT,
     "Check if a class is a subclass."},
    {"__dir__", type_meth_dir, METH_DEFAULT, "Specialized __dir__ implementation for types."},
    {"__sizeof__", type_meth_sizeof, METH_DEFAULT, "Return memory consumption of the type object."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

// =====================================================================================================
// Heap types
// =====================================================================================================
namespace {

constexpr ssize kGCHead = ssize(sizeof(GCHeader));

bool is_identifier(Object* s) {
  ssize n = str_length(s);
  if (n == 0) return false;
  uint32_t c = str_read(s, 0);
  if (!(c == '_' || unicode_is_xid_start(c))) return false;
  for (ssize i = 1; i < n; ++i) {
    if (!unicode_is_xid_continue(str_read(s, i))) return false;
  }
  return true;
}

// _Private name mangling for __slots__ entries.
Object* mangle_name(Object* class_name, Object* name) {
  std::string_view n = str_view(name);
  if (n.size() < 2 || n[0] != '_' || n[1] != '_' ||
      (n.size() >= 4 && n.substr(n.size() - 2) == "__") || n.find('.') != n.npos) {
    return newref(name);
  }
  std::string_view c = str_view(class_name);
  size_t i = 0;
  while (i < c.size() && c[i] == '_') ++i;
  if (i == c.size()) return newref(name);
  std::string r = "_";
  r += c.substr(i);
  r += n;
  return str_from_utf8(r);
}

Object* subtype_get_dict(Object* self);
int subtype_set_dict(Object* self, Object* value);
Object* subtype_get_weakref(Object* self) {
  Object** wl = weakref_list_ptr_if_any(self);
  return newref(wl && *wl ? *wl : None);
}

const GetSetDef kSubtypeDictGetSet = {"__dict__", subtype_get_dict, subtype_set_dict,
                                      "dictionary for instance variables"};
const GetSetDef kSubtypeWeakrefGetSet = {"__weakref__", subtype_get_weakref, nullptr,
                                         "list of weak references to the object"};

Object* subtype_get_dict(Object* self) {
  Object** dp = object_dict_slot(self);
  if (!dp) {
    return err_format(&Exc_AttributeError, "This object has no __dict__");
  }
  if (instance_dict_materialize(self, dp) < 0) return nullptr;
  if (!*dp) {
    *dp = dict_new();
    if (!*dp) return nullptr;
  }
  return newref(*dp);
}

int subtype_set_dict(Object* self, Object* value) {
  Object** dp = object_dict_slot(self);
  if (!dp) {
    err_format(&Exc_AttributeError, "This object has no __dict__");
    return -1;
  }
  if (value && !dict_check(value)) {
    err_format(&Exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", value);
    return -1;
  }
  instance_slot_set(dp, value ? newref(value) : nullptr);
  return 0;
}

// Deallocation of instances of heap types (CPython's subtype_dealloc): __del__ (once, PEP 442:
// core/gc.cpp), the weakrefs to the object (callbacks after __del__, as CPython 3.12), then the
// storage the heap classes added (__slots__, __dict__), then the nearest static base's dealloc,
// then the reference to the class.
void subtype_dealloc(Object* self) {
  TypeObject* type = type_of(self);
  TypeObject* base = type;
  while (base && base->dealloc == subtype_dealloc) base = base->base;
  bool gc = object_is_gc(self);
  if (gc) gc_untrack(self);
  // As CPython 3.12: __del__ first (tracked while it runs, like any live object: it may store
  // `self` somewhere), then the weakrefs a heap class added are cleared and their callbacks
  // called (including weakrefs __del__ made), then slots and dict. When the nearest static base
  // supports weakrefs, its own dealloc clears them (after __del__ too).
  if (type->finalize) {
    if (gc) gc_track(self);
    if (object_call_finalizer_from_dealloc(self) < 0) {
      if (gc && !gc_is_tracked(self)) gc_track(self);
      return;  // resurrected by __del__
    }
    if (gc) gc_untrack(self);
  }
  if (type->weaklistoffset && !(base && base->weaklistoffset)) {
    Object** wl = weakref_list_ptr_if_any(self);
    if (wl && *wl) weakref_clear_all(self);
  }
  // Clear the __slots__ of every heap class on the solid chain, then the dict.
  for (TypeObject* t = type; t && (t->flags & TPFLAG_HEAPTYPE); t = t->base) {
    if (!t->members) continue;
    for (const MemberDef* m = t->members; m->name; ++m) {
      if (m->type == MEMBER_OBJECT_EX) {
        clear_ref(reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + m->offset));
      }
    }
  }
  if (type->dictoffset < 0) instance_slot_set(object_dict_slot(self), nullptr);
  incref(type);  // keep the class alive across the base dealloc (it may free the instance)
  if (base && base->dealloc) base->dealloc(self);
  else object_free(self);
  decref(type);  // the instance's reference to its class
  decref(type);
}

TypeObject* best_base(Object* bases) {
  TypeObject* base = nullptr;
  TypeObject* winner = nullptr;
  ssize n = tuple_size(bases);
  for (ssize i = 0; i < n; ++i) {
    Object* b = tuple_get_borrowed(bases, i);
    if (!type_check(b)) {
      err_format(&Exc_TypeError, "bases must be types");
      return nullptr;
    }
    TypeObject* bt = as_type(b);
    if (!(bt->flags & TPFLAG_READY) && type_ready(bt) < 0) return nullptr;
    if (!(bt->flags & TPFLAG_BASETYPE)) {
      err_format(&Exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
      return nullptr;
    }
    TypeObject* candidate = solid_base(bt);
    if (!winner) {
      winner = candidate;
      base = bt;
    } else if (type_is_subtype(winner, candidate)) {
      // keep
    } else if (type_is_subtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      err_format(&Exc_TypeError, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

// Wrap plain functions for __new__ (staticmethod), __init_subclass__ and __class_getitem__
// (classmethod) as type.__new__ does.
int wrap_special_methods(Object* dict) {
  static const char* const kNames[] = {"__new__", "__init_subclass__", "__class_getitem__"};
  for (int i = 0; i < 3; ++i) {
    Object* f = dict_get_str_borrowed(dict, kNames[i]);
    if (!f) continue;
    if (!function_check(f)) continue;
    Ref wrapped = Ref::steal(i == 0 ? staticmethod_new(f) : classmethod_new(f));
    if (!wrapped || dict_setitem_str(dict, kNames[i], wrapped.get()) < 0) return -1;
  }
  return 0;
}

int set_names(TypeObject* type) {
  Ref names = Ref::steal(dict_copy(type->dict));
  if (!names) return -1;
  ssize pos = 0;
  Object *key, *value;
  while (dict_next(names.get(), &pos, &key, &value)) {
    Object* set_name = nullptr;
    if (object_lookup_attr(as_object(type_of(value)), intern_cstr("__set_name__"), &set_name) < 0)
      return -1;
    if (!set_name) continue;
    Ref sn = Ref::steal(set_name);
    Object* args[3] = {value, type, key};
    Ref r = Ref::steal(call(sn.get(), args, 3));
    if (!r) {
      // 3.12 adds a note instead of wrapping the error.
      Ref exc = Ref::steal(err_fetch());
      if (exc && exception_check(exc.get())) {
        Ref msg = Ref::steal(str_from_format("Error calling __set_name__ on '%s' instance %R in '%s'",
                                             type_of(value)->name, key, type->name));
        Ref res = msg ? Ref::steal(call_method1(exc.get(), "add_note", msg.get())) : Ref();
        if (!res) return -1;  // that failure replaces the original error
      }
      err_restore(exc.release());
      return -1;
    }
  }
  return 0;
}

int init_subclass(TypeObject* type, Object* kwds) {
  Ref sup = Ref::steal(super_getattr(type, type, intern_cstr("__init_subclass__")));
  if (!sup) return -1;
  std::vector<Object*> args;
  Ref kwnames;
  if (kwds && dict_size(kwds) > 0) {
    kwnames = Ref::steal(tuple_new(dict_size(kwds)));
    if (!kwnames) return -1;
    ssize pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
      tuple_set_steal(kwnames.get(), i++, newref(k));
      args.push_back(v);
    }
  }
  Ref r = Ref::steal(call(sup.get(), args.data(), 0, kwnames.get()));
  return r ? 0 : -1;
}

struct SlotSpec {
  std::vector<Ref> names;  // mangled, sorted, without __dict__ / __weakref__
  bool add_dict = false;
  bool add_weak = false;
};

int process_slots(Object* name, Object* slots_obj, TypeObject* base, Object* dict,
                  SlotSpec& spec) {
  Ref slots;
  if (str_check(slots_obj)) slots = Ref::steal(tuple_pack(1, slots_obj));
  else slots = Ref::steal(sequence_tuple(slots_obj));
  if (!slots) return -1;
  ssize n = tuple_size(slots.get());
  bool may_add_dict = base->dictoffset == 0;
  bool may_add_weak = base->weaklistoffset == 0 && base->itemsize == 0;
  Ref list = Ref::steal(list_new(0));
  if (!list) return -1;
  for (ssize i = 0; i < n; ++i) {
    Object* s = tuple_get_borrowed(slots.get(), i);
    if (!str_check(s)) {
      err_format(&Exc_TypeError, "__slots__ items must be strings, not '%T'", s);
      return -1;
    }
    if (!is_identifier(s)) {
      err_format(&Exc_TypeError, "__slots__ must be identifiers");
      return -1;
    }
    if (str_equal_cstr(s, "__dict__")) {
      if (!may_add_dict || spec.add_dict) {
        err_format(&Exc_TypeError, "__dict__ slot disallowed: we already got one");
        return -1;
      }
      spec.add_dict = true;
      continue;
    }
    if (str_equal_cstr(s, "__weakref__")) {
      if (!may_add_weak || spec.add_weak) {
        err_format(&Exc_TypeError,
                   "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        return -1;
      }
      spec.add_weak = true;
      continue;
    }
    Ref m = Ref::steal(mangle_name(name, s));
    if (!m) return -1;
    int has = dict_contains(dict, m.get());
    if (has < 0) return -1;
    if (has) {
      err_format(&Exc_ValueError, "%R in __slots__ conflicts with class variable", s);
      return -1;
    }
    if (list_append(list.get(), m.get()) < 0) return -1;
  }
  if (list_sort(list.get(), nullptr, false) < 0) return -1;
  ssize k = list_size(list.get());
  if (k > 0 && base->itemsize != 0) {
    err_format(&Exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", base->name);
    return -1;
  }
  for (ssize i = 0; i < k; ++i) {
    Object* s = list_get_borrowed(list.get(), i);
    if (i > 0 && str_equal(s, list_get_borrowed(list.get(), i - 1))) continue;
    spec.names.push_back(Ref::steal(str_intern(newref(s))));
  }
  return 0;
}

}  // namespace

Object* type_new_heap(TypeObject* meta, Object* name, Object* bases, Object* orig_dict,
                      Object* kwds) {
  if (!str_check(name)) {
    return err_format(&Exc_TypeError, "type.__new__() argument 1 must be str, not %T", name);
  }
  Ref bases_ref;
  if (tuple_size(bases) == 0) {
    bases_ref = Ref::steal(tuple_pack(1, as_object(&ObjectType)));
    if (!bases_ref) return nullptr;
  } else {
    bases_ref = Ref::borrow(bases);
  }
  bases = bases_ref.get();
  // Metaclass conflicts are reported before per-base checks (as CPython).
  if (!type_calculate_metaclass(meta, bases)) return nullptr;
  TypeObject* base = best_base(bases);
  if (!base) return nullptr;

  Ref dict = Ref::steal(dict_copy(orig_dict));
  if (!dict) return nullptr;

  // __slots__
  SlotSpec spec;
  Object* slots_obj = dict_get_str_borrowed(dict.get(), "__slots__");
  if (slots_obj) {
    if (process_slots(name, slots_obj, base, dict.get(), spec) < 0) return nullptr;
    // Multiple inheritance: a base other than `base` may bring a dict/weakref.
    ssize nb = tuple_size(bases);
    for (ssize i = 0; i < nb; ++i) {
      auto* b = as_type(tuple_get_borrowed(bases, i));
      if (b == base) continue;
      if (b->dictoffset && base->dictoffset == 0) spec.add_dict = true;
      if (b->weaklistoffset && base->weaklistoffset == 0) spec.add_weak = true;
    }
  } else {
    spec.add_dict = base->dictoffset == 0;
    spec.add_weak = base->weaklistoffset == 0 && base->itemsize == 0;
  }

  // Allocate the type object.
  Object* mem = object_alloc(meta, size_t(meta->basicsize));
  if (!mem) return nullptr;
  ssize saved_refcnt = mem->refcnt;
  auto* type = new (mem) TypeObject();
  type->refcnt = saved_refcnt;
  type->ob_type = meta;
  Ref type_ref = Ref::steal(type);

  type->flags = TPFLAG_HEAPTYPE | TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  type->base = base;
  if (base->flags & TPFLAG_HEAPTYPE) incref(base);
  type->bases = newref(bases);
  type->ht_name = newref(name);
  const char* cname = str_as_utf8(name);
  if (!cname) return nullptr;
  if (std::strlen(cname) != str_view(name).size()) {
    return err_format(&Exc_ValueError, "type name must not contain null characters");
  }
  type->name = strdup(cname);
  type->basicsize = base->basicsize;
  type->itemsize = base->itemsize;
  type->dictoffset = base->dictoffset;
  type->weaklistoffset = base->weaklistoffset;
  type->prefix_size = base->prefix_size;

  // __qualname__
  Object* qualname = dict_get_str_borrowed(dict.get(), "__qualname__");
  if (qualname) {
    if (!str_check(qualname)) {
      return err_format(&Exc_TypeError, "type __qualname__ must be a str, not %s",
                        type_of(qualname)->name);
    }
    type->ht_qualname = newref(qualname);
    Ref k = Ref::steal(str_from_cstr("__qualname__"));
    if (dict_delitem(dict.get(), k.get()) < 0) return nullptr;
  } else {
    type->ht_qualname = newref(name);
  }
  // __doc__ defaults to None; __module__ comes from the class body (the compiler sets it).
  if (!dict_get_str_borrowed(dict.get(), "__doc__")) {
    if (dict_setitem_str(dict.get(), "__doc__", None) < 0) return nullptr;
  }
  // type(name, bases, dict) without __module__: the calling frame's __name__ (as CPython).
  if (!dict_get_str_borrowed(dict.get(), "__module__")) {
    Object* globals = eval_globals_borrowed();
    Object* modname = globals ? dict_get_str_borrowed(globals, "__name__") : nullptr;
    if (modname && dict_setitem_str(dict.get(), "__module__", modname) < 0) return nullptr;
    if (err_occurred()) return nullptr;
  }
  if (wrap_special_methods(dict.get()) < 0) return nullptr;

  // Instance storage in the prefix: slots, then __dict__, then __weakref__.
  type->dict = dict.release();
  auto add_prefix_word = [&]() -> ssize {
    type->prefix_size += ssize(sizeof(Object*));
    return -(kGCHead + type->prefix_size);
  };
  if (!spec.names.empty()) {
    auto* members = static_cast<MemberDef*>(std::calloc(spec.names.size() + 1, sizeof(MemberDef)));
    if (!members) return err_no_memory();
    type->members = members;
    for (size_t i = 0; i < spec.names.size(); ++i) {
      const char* s = str_as_utf8(spec.names[i].get());
      if (!s) return nullptr;
      members[i].name = strdup(s);
      members[i].type = MEMBER_OBJECT_EX;
      members[i].offset = add_prefix_word();
      Ref d = Ref::steal(member_descr_new(type, &members[i]));
      if (!d || dict_setitem(type->dict, spec.names[i].get(), d.get()) < 0) return nullptr;
    }
  }
  if (spec.add_dict) {
    type->dictoffset = add_prefix_word();
    Ref d = Ref::steal(getset_descr_new(type, &kSubtypeDictGetSet));
    if (!d || dict_setitem_str(type->dict, "__dict__", d.get()) < 0) return nullptr;
  }
  if (spec.add_weak) {
    type->weaklistoffset = add_prefix_word();
    Ref d = Ref::steal(getset_descr_new(type, &kSubtypeWeakrefGetSet));
    if (!d || dict_setitem_str(type->dict, "__weakref__", d.get()) < 0) return nullptr;
  }
  type->dealloc = subtype_dealloc;

  // __classcell__: the cell the methods' zero-argument super() reads __class__ from.
  Object* cell = dict_get_str_borrowed(type->dict, "__classcell__");
  if (cell) {
    Ref keep = Ref::borrow(cell);
    if (!cell_check(cell)) {
      return err_format(&Exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                        as_object(type_of(cell)));
    }
    cell_set_steal(cell, newref(type));
    Ref k = Ref::steal(str_from_cstr("__classcell__"));
    if (dict_delitem(type->dict, k.get()) < 0) return nullptr;
  }

  if (type_ready(type) < 0) return nullptr;
  fixup_slots_from_dict(type);
  if (set_names(type) < 0) return nullptr;
  if (init_subclass(type, kwds) < 0) return nullptr;
  return type_ref.release();
}

// =====================================================================================================
// Registration
// =====================================================================================================
void init_object_types() {
  ObjectType.name = "object";
  ObjectType.basicsize = sizeof(Object);
  ObjectType.flags = TPFLAG_BASETYPE;
  ObjectType.doc =
      "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns "
      "a new featureless\ninstance that has no instance attributes and cannot be given any.\n";
  ObjectType.dealloc = object_base_dealloc;
  ObjectType.repr = object_repr_slot;
  ObjectType.str = object_str_slot;
  ObjectType.hash = object_hash_slot;
  ObjectType.richcompare = object_richcompare_slot;
  ObjectType.getattro = generic_getattr;
  ObjectType.setattro = generic_setattr;
  ObjectType.init = object_init;
  ObjectType.new_ = object_new;
  ObjectType.methods = kObjectMethods;
  ObjectType.getset = kObjectGetSets;
  register_static_type(&ObjectType);

  TypeType.name = "type";
  TypeType.basicsize = sizeof(TypeObject);
  TypeType.base = &ObjectType;
  TypeType.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  TypeType.doc =
      "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  TypeType.dealloc = type_dealloc;
  TypeType.repr = type_repr_impl;
  TypeType.call = type_call_slot;
  TypeType.vectorcall = type_vectorcall_slot;
  TypeType.getattro = type_getattro;
  TypeType.nb_or = type_or;
  TypeType.setattro = type_setattro;
  TypeType.init = type_tp_init;
  TypeType.new_ = type_tp_new;
  TypeType.methods = kTypeMethods;
  TypeType.getset = kTypeGetSets;
  TypeType.dictoffset = ssize(offsetof(TypeObject, dict));
  register_static_type(&TypeType);

  init_descr_types();
  init_genericalias_types();
  init_singleton_types();
  init_module_type();
}

// (getattr, (obj, name)): how bound methods, built-in methods and method descriptors reduce.
Object* reduce_as_getattr(Object* obj, Object* name) {
  Object* builtins = eval_get_builtins_borrowed();
  Object* getattr_fn = nullptr;
  if (builtins && dict_check(builtins)) getattr_fn = dict_get_str_borrowed(builtins, "getattr");
  else if (builtins) return err_format(&Exc_RuntimeError, "builtins is not a dict");
  if (!getattr_fn) return err_format(&Exc_RuntimeError, "lost builtins.getattr");
  Ref args = Ref::steal(tuple_pack(2, obj, name));
  if (!args) return nullptr;
  return tuple_pack(2, getattr_fn, args.get());
}

}  // namespace gilpy
