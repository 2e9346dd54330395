// Weak references: see objects/weakrefobject.h for the ownership rules and list invariants.
//
// Owner: the gc engineer. Mirrors CPython 3.12's Objects/weakrefobject.c: basic (callback-less)
// refs and proxies are shared; clear_weakref unlinks a ref and drops its callback;
// weakref_clear_all (PyObject_ClearWeakRefs) first drops the basic ref/proxy, then clears the
// others and calls their callbacks after ALL of them are cleared (a callback must not see a
// still-live weakref to the dying object). Proxies forward every operation to the referent,
// raising ReferenceError once it is gone.
#include "objects/weakrefobject.h"

#include <cstdio>
#include <unordered_map>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/gc.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject WeakRefType;
TypeObject WeakProxyType;
TypeObject WeakCallableProxyType;

namespace {

inline WeakRefObject* as_wr(Object* o) { return static_cast<WeakRefObject*>(o); }

// Weakref list heads of type objects whose metatype has no weaklistoffset (static `type`).
// Entries are created on demand and erased only by weakref_clear_all (a pointer into the map
// may be held while a list is walked).
std::unordered_map<Object*, Object*>& side_table() {
  static auto* t = new std::unordered_map<Object*, Object*>();
  return *t;
}

inline bool is_type_object(Object* o) { return type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS); }

// The list head pointer for o (creating a side-table entry if needed); nullptr if unsupported.
Object** list_ptr(Object* o) {
  TypeObject* t = type_of(o);
  if (t->weaklistoffset != 0) {
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + t->weaklistoffset);
  }
  if (is_type_object(o)) return &side_table()[o];
  return nullptr;
}

// For a ref that is linked (wr_object non-null): its list head.
Object** ref_list_ptr(WeakRefObject* self) {
  Object* o = self->wr_object;
  TypeObject* t = type_of(o);
  if (t->weaklistoffset != 0) {
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + t->weaklistoffset);
  }
  auto it = side_table().find(o);
  return it == side_table().end() ? nullptr : &it->second;
}

// Unlink and mark dead; drop the callback.
void clear_weakref(WeakRefObject* self) {
  Object* callback = self->wr_callback;
  if (self->wr_object) {
    Object** list = ref_list_ptr(self);
    if (list && *list == self) *list = self->wr_next;
    self->wr_object = nullptr;
    if (self->wr_prev) self->wr_prev->wr_next = self->wr_next;
    if (self->wr_next) self->wr_next->wr_prev = self->wr_prev;
    self->wr_prev = nullptr;
    self->wr_next = nullptr;
  }
  if (callback) {
    self->wr_callback = nullptr;
    decref(callback);
  }
}

void get_basic_refs(WeakRefObject* head, WeakRefObject** refp, WeakRefObject** proxyp) {
  *refp = nullptr;
  *proxyp = nullptr;
  if (head && !head->wr_callback) {
    if (type_of(head) == &WeakRefType) {
      *refp = head;
      head = head->wr_next;
    }
    if (head && !head->wr_callback && weakref_proxy_check(head)) *proxyp = head;
  }
}

void insert_head(WeakRefObject* self, Object** list) {
  WeakRefObject* next = as_wr(*list);
  self->wr_prev = nullptr;
  self->wr_next = next;
  if (next) next->wr_prev = self;
  *list = self;
}

void insert_after(WeakRefObject* self, WeakRefObject* prev) {
  self->wr_prev = prev;
  self->wr_next = prev->wr_next;
  if (prev->wr_next) prev->wr_next->wr_prev = self;
  prev->wr_next = self;
}

Object* cannot_weakref(Object* ob) {
  return err_format(&Exc_TypeError, "cannot create weak reference to '%s' object",
                    type_name(type_of(ob)));
}

WeakRefObject* alloc_ref(TypeObject* type, Object* ob, Object* callback) {
  auto* self = static_cast<WeakRefObject*>(object_alloc(type, sizeof(WeakRefObject)));
  if (!self) return nullptr;
  self->wr_object = ob;
  self->wr_callback = callback ? newref(callback) : nullptr;
  self->hash = -1;
  self->wr_prev = self->wr_next = nullptr;
  return self;
}

// weakref.ref(ob, callback) for `type` (ReferenceType or a subclass).
Object* new_ref_of_type(TypeObject* type, Object* ob, Object* callback) {
  if (callback == None) callback = nullptr;
  Object** list = object_supports_weakrefs(ob) ? list_ptr(ob) : nullptr;
  if (!list) return cannot_weakref(ob);
  WeakRefObject *ref, *proxy;
  get_basic_refs(as_wr(*list), &ref, &proxy);
  bool basic = !callback && type == &WeakRefType;
  if (basic && ref) return newref(ref);
  WeakRefObject* self = alloc_ref(type, ob, callback);
  if (!self) return nullptr;
  // The allocation may have run the collector: the list may have changed.
  list = list_ptr(ob);
  if (basic) {
    insert_head(self, list);
  } else {
    get_basic_refs(as_wr(*list), &ref, &proxy);
    WeakRefObject* prev = proxy ? proxy : ref;
    if (prev) insert_after(self, prev);
    else insert_head(self, list);
  }
  return self;
}

// ---- ReferenceType ----------------------------------------------------------------------------------
void weakref_dealloc(Object* o) {
  clear_weakref(as_wr(o));
  object_free(o);
}

int weakref_traverse(Object* o, visitproc visit, void* arg) {
  Object* cb = as_wr(o)->wr_callback;
  return cb ? visit(cb, arg) : 0;
}

int weakref_clear_slot(Object* o) {
  clear_weakref(as_wr(o));
  return 0;
}

Object* weakref_tp_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs(type_name(type), kwnames)) return nullptr;
  if (!check_positional("__new__", nargs, 1, 2)) return nullptr;
  return new_ref_of_type(type, args[0], nargs > 1 ? args[1] : nullptr);
}

int weakref_tp_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs(type_name(type_of(self)), kwnames)) return -1;
  if (!check_positional("__init__", nargs, 1, 2)) return -1;
  return 0;
}

Object* weakref_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("weakref", kwnames)) return nullptr;
  if (!check_positional("weakref", nargs, 0, 0)) return nullptr;
  Object* o = as_wr(self)->wr_object;
  return newref(o ? o : None);
}

hash_t weakref_hash(Object* self) {
  WeakRefObject* r = as_wr(self);
  if (r->hash != -1) return r->hash;
  if (!r->wr_object) {
    err_format(&Exc_TypeError, "weak object has gone away");
    return -1;
  }
  Ref keep = Ref::borrow(r->wr_object);
  r->hash = object_hash(keep.get());
  return r->hash;
}

// The referent's __name__ as found by CPython's _PyObject_LookupSpecial (type lookup + binding);
// null without an exception when absent or not a str.
Object* lookup_special_name(Object* obj) {
  Object* name_s = str_intern_cstr_borrowed("__name__");
  Object* attr = type_lookup_borrowed(type_of(obj), name_s);
  if (!attr) return nullptr;
  Object* r;
  if (descrgetfunc get = type_of(attr)->descr_get) {
    r = get(attr, obj, as_object(type_of(obj)));
  } else {
    r = newref(attr);
  }
  if (!r) {
    err_clear();
    return nullptr;
  }
  if (!str_check(r)) {
    decref(r);
    return nullptr;
  }
  return r;
}

Object* weakref_repr(Object* self) {
  char buf[160];
  Object* obj = as_wr(self)->wr_object;
  if (!obj) {
    std::snprintf(buf, sizeof buf, "<weakref at %p; dead>", static_cast<void*>(self));
    return str_from_cstr(buf);
  }
  Ref keep = Ref::borrow(obj);
  Ref name = Ref::steal(lookup_special_name(obj));
  std::snprintf(buf, sizeof buf, "<weakref at %p; to '", static_cast<void*>(self));
  StrWriter w;
  w.append(buf);
  w.append(type_of(obj)->name ? type_of(obj)->name : "?");
  std::snprintf(buf, sizeof buf, "' at %p", static_cast<void*>(obj));
  w.append(buf);
  if (name) {
    w.append(" (");
    if (!w.append_str(name.get())) return nullptr;
    w.append(")");
  }
  w.append(">");
  return w.finish();
}

Object* weakref_richcompare(Object* self, Object* other, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || !weakref_check(self) || !weakref_check(other)) {
    return not_implemented_ref();
  }
  Object* a = as_wr(self)->wr_object;
  Object* b = as_wr(other)->wr_object;
  if (!a || !b) {
    bool res = self == other;
    if (op == CMP_NE) res = !res;
    return bool_from(res);
  }
  Ref ka = Ref::borrow(a), kb = Ref::borrow(b);
  return object_richcompare(a, b, op);
}

Object* weakref_get_callback(Object* self) {
  Object* cb = as_wr(self)->wr_callback;
  return newref(cb ? cb : None);
}

Object* weakref_class_getitem(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  // weakref.ref[T] in annotations: no GenericAlias type yet, the class itself stands in.
  return newref(cls);
}

const GetSetDef kWeakrefGetSet[] = {
    {"__callback__", weakref_get_callback, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};
const MethodDef kWeakrefMethods[] = {
    {"__class_getitem__", weakref_class_getitem, METH_CLASS,
     "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

// ---- Proxies ----------------------------------------------------------------------------------------
// The referent as a new reference, or nullptr with ReferenceError set.
Object* unwrap(Object* proxy) {
  Object* o = as_wr(proxy)->wr_object;
  if (!o) {
    err_format(&Exc_ReferenceError, "weakly-referenced object no longer exists");
    return nullptr;
  }
  return newref(o);
}
// Unwrap an operand that may or may not be a proxy.
Object* unwrap_any(Object* o) { return weakref_proxy_check(o) ? unwrap(o) : newref(o); }

Object* proxy_getattr(Object* self, Object* name) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  return object_getattr(o.get(), name);
}
int proxy_setattr(Object* self, Object* name, Object* value) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return -1;
  return object_setattr(o.get(), name, value);
}
Object* proxy_str(Object* self) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  return object_str(o.get());
}
// CPython 3.12's format (no quotes; a dead proxy shows None's type and address).
Object* proxy_repr(Object* self) {
  char buf[200];
  Object* obj = as_wr(self)->wr_object;
  if (!obj) obj = None;
  std::snprintf(buf, sizeof buf, "<weakproxy at %p to %s at %p>", static_cast<void*>(self),
                type_of(obj)->name ? type_of(obj)->name : "?", static_cast<void*>(obj));
  return str_from_cstr(buf);
}
hash_t proxy_hash(Object* self) {
  err_format(&Exc_TypeError, "unhashable type: '%s'", type_of(self)->name);
  return -1;
}
Object* proxy_richcompare(Object* a, Object* b, int op) {
  Ref x = Ref::steal(unwrap_any(a));
  if (!x) return nullptr;
  Ref y = Ref::steal(unwrap_any(b));
  if (!y) return nullptr;
  return object_richcompare(x.get(), y.get(), op);
}
int proxy_bool(Object* self) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return -1;
  return object_is_true(o.get());
}
ssize proxy_len(Object* self) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return -1;
  return object_length(o.get());
}
Object* proxy_getitem(Object* self, Object* key) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  return object_getitem(o.get(), key);
}
int proxy_setitem(Object* self, Object* key, Object* value) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return -1;
  return value ? object_setitem(o.get(), key, value) : object_delitem(o.get(), key);
}
int proxy_contains(Object* self, Object* key) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return -1;
  return sequence_contains(o.get(), key);
}
Object* proxy_iter(Object* self) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  return object_getiter(o.get());
}
Object* proxy_iternext(Object* self) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  if (!iter_check(o.get())) {
    return err_format(&Exc_TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                      type_name(type_of(o.get())));
  }
  return iter_next(o.get());
}
Object* proxy_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  return call(o.get(), args, nargs, kwnames);
}

#define PROXY_BINOP(fname, opfn)                \
  Object* fname(Object* a, Object* b) {         \
    Ref x = Ref::steal(unwrap_any(a));          \
    if (!x) return nullptr;                     \
    Ref y = Ref::steal(unwrap_any(b));          \
    if (!y) return nullptr;                     \
    return opfn(x.get(), y.get());              \
  }
#define PROXY_UNOP(fname, opfn)         \
  Object* fname(Object* a) {            \
    Ref x = Ref::steal(unwrap(a));      \
    if (!x) return nullptr;             \
    return opfn(x.get());               \
  }

PROXY_BINOP(proxy_add, number_add)
PROXY_BINOP(proxy_sub, number_subtract)
PROXY_BINOP(proxy_mul, number_multiply)
PROXY_UNOP(proxy_neg, number_negative)
PROXY_UNOP(proxy_pos, number_positive)
PROXY_UNOP(proxy_abs, number_absolute)
PROXY_UNOP(proxy_invert, number_invert)
PROXY_UNOP(proxy_int, number_long)
PROXY_UNOP(proxy_float, number_float)
PROXY_UNOP(proxy_index, number_index)

Object* proxy_bytes(Object* self, Object* const*, ssize, Object*) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  return call_method0(o.get(), "__bytes__");
}
Object* proxy_reversed(Object* self, Object* const*, ssize, Object*) {
  Ref o = Ref::steal(unwrap(self));
  if (!o) return nullptr;
  return call_method0(o.get(), "__reversed__");
}
const MethodDef kProxyMethods[] = {
    {"__bytes__", proxy_bytes, METH_DEFAULT, nullptr},
    {"__reversed__", proxy_reversed, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_proxy_type(TypeObject& t, const char* name, bool callable) {
  t.name = name;
  t.basicsize = sizeof(WeakRefObject);
  t.flags = TPFLAG_HAVE_GC;
  t.dealloc = weakref_dealloc;
  t.traverse = weakref_traverse;
  t.clear = weakref_clear_slot;
  t.repr = proxy_repr;
  t.str = proxy_str;
  t.hash = proxy_hash;
  t.richcompare = proxy_richcompare;
  t.getattro = proxy_getattr;
  t.setattro = proxy_setattr;
  t.iter = proxy_iter;
  t.iternext = proxy_iternext;
  t.nb_bool = proxy_bool;
  t.len = proxy_len;
  t.getitem = proxy_getitem;
  t.setitem = proxy_setitem;
  t.contains = proxy_contains;
  t.nb_add = proxy_add;
  t.nb_subtract = proxy_sub;
  t.nb_multiply = proxy_mul;
  t.nb_negative = proxy_neg;
  t.nb_positive = proxy_pos;
  t.nb_absolute = proxy_abs;
  t.nb_invert = proxy_invert;
  t.nb_int = proxy_int;
  t.nb_float = proxy_float;
  t.nb_index = proxy_index;
  t.methods = kProxyMethods;
  if (callable) t.call = proxy_call;
  t.base = &ObjectType;
  register_static_type(&t);
}

}  // namespace

// =====================================================================================================
// Public interface
// =====================================================================================================

bool object_supports_weakrefs(Object* obj) {
  TypeObject* t = type_of(obj);
  if (t->weaklistoffset != 0) return true;
  // Type objects (CPython's types have tp_weaklist); static types too.
  return is_type_object(obj);
}

Object* weakref_new_ref(Object* ob, Object* callback) {
  return new_ref_of_type(&WeakRefType, ob, callback);
}

Object* weakref_new_proxy(Object* ob, Object* callback) {
  if (callback == None) callback = nullptr;
  Object** list = object_supports_weakrefs(ob) ? list_ptr(ob) : nullptr;
  if (!list) return cannot_weakref(ob);
  WeakRefObject *ref, *proxy;
  get_basic_refs(as_wr(*list), &ref, &proxy);
  if (!callback && proxy) return newref(proxy);
  TypeObject* type = callable_check(ob) ? &WeakCallableProxyType : &WeakProxyType;
  WeakRefObject* self = alloc_ref(type, ob, callback);
  if (!self) return nullptr;
  list = list_ptr(ob);
  get_basic_refs(as_wr(*list), &ref, &proxy);
  if (!callback) {
    // The basic proxy goes right after the basic ref.
    if (ref) insert_after(self, ref);
    else insert_head(self, list);
  } else {
    WeakRefObject* prev = proxy ? proxy : ref;
    if (prev) insert_after(self, prev);
    else insert_head(self, list);
  }
  return self;
}

Object** weakref_list_ptr_if_any(Object* o) {
  TypeObject* t = type_of(o);
  if (t->weaklistoffset != 0) {
    return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + t->weaklistoffset);
  }
  if (!is_type_object(o)) return nullptr;
  auto it = side_table().find(o);
  return it == side_table().end() ? nullptr : &it->second;
}

void weakref_clear_ref(Object* ref) {
  WeakRefObject* self = as_wr(ref);
  Object* callback = self->wr_callback;
  self->wr_callback = nullptr;
  clear_weakref(self);
  self->wr_callback = callback;
}

ssize weakref_count(Object* o) {
  Object** list = weakref_list_ptr_if_any(o);
  ssize n = 0;
  for (WeakRefObject* r = list ? as_wr(*list) : nullptr; r; r = r->wr_next) ++n;
  return n;
}

Object* weakref_get_refs(Object* o) {
  Ref result = Ref::steal(list_new(0));
  if (!result) return nullptr;
  Object** list = weakref_list_ptr_if_any(o);
  for (WeakRefObject* r = list ? as_wr(*list) : nullptr; r; r = r->wr_next) {
    if (list_append(result.get(), r) < 0) return nullptr;
  }
  return result.release();
}

void weakref_clear_all(Object* o) {
  Object** list = weakref_list_ptr_if_any(o);
  if (!list || !*list) {
    if (list && is_type_object(o) && type_of(o)->weaklistoffset == 0) side_table().erase(o);
    return;
  }
  // The basic ref and proxy have no callbacks: just clear them.
  if (*list && !as_wr(*list)->wr_callback) {
    clear_weakref(as_wr(*list));
    if (*list && !as_wr(*list)->wr_callback) clear_weakref(as_wr(*list));
  }
  if (*list) {
    Object* saved = err_fetch();
    // Clear them all first, then call the callbacks of the refs still alive.
    std::vector<std::pair<Object*, Object*>> calls;  // (owned ref, owned callback)
    while (*list) {
      WeakRefObject* current = as_wr(*list);
      Object* callback = current->wr_callback;
      current->wr_callback = nullptr;
      clear_weakref(current);
      if (callback) {
        if (current->refcnt > 0) {
          calls.emplace_back(newref(current), callback);
        } else {
          decref(callback);
        }
      }
    }
    for (auto& [ref, callback] : calls) {
      Object* r = call1(callback, ref);
      if (!r) err_write_unraisable(callback);
      else decref(r);
    }
    for (auto& [ref, callback] : calls) {
      decref(callback);
      decref(ref);
    }
    err_restore(saved);
  }
  if (is_type_object(o) && type_of(o)->weaklistoffset == 0) side_table().erase(o);
}

void init_weakref_types() {
  TypeObject& t = WeakRefType;
  t.name = "weakref.ReferenceType";
  t.basicsize = sizeof(WeakRefObject);
  t.flags = TPFLAG_HAVE_GC | TPFLAG_BASETYPE;
  t.dealloc = weakref_dealloc;
  t.traverse = weakref_traverse;
  t.clear = weakref_clear_slot;
  t.repr = weakref_repr;
  t.hash = weakref_hash;
  t.richcompare = weakref_richcompare;
  t.call = weakref_call;
  t.new_ = weakref_tp_new;
  t.init = weakref_tp_init;
  t.getset = kWeakrefGetSet;
  t.methods = kWeakrefMethods;
  t.base = &ObjectType;
  register_static_type(&t);
  init_proxy_type(WeakProxyType, "weakref.ProxyType", false);
  init_proxy_type(WeakCallableProxyType, "weakref.CallableProxyType", true);
}

}  // namespace gilpy
