// Weak references (objects/weakrefobject.cpp): weakref.ref (ReferenceType, subclassable),
// weakref.proxy (ProxyType / CallableProxyType), as CPython's Objects/weakrefobject.c.
//
// Owner: the gc engineer. A weakref does NOT own its referent (`wr_object` is borrowed, null once
// the referent died or the ref was cleared); it owns its callback. Every live weakref to an
// object is linked into that object's weakref list: the `Object*` head stored at the referent
// type's `weaklistoffset` (instances of classes: in the prefix storage; functions, methods,
// generators, modules: a `weaklist` field), or, for type objects whose metatype has no
// weaklistoffset (static `type`), in a side table owned by this file. List order is CPython's:
// the callback-less exact `ref` first (shared by every `weakref.ref(o)`), then the callback-less
// proxy, then the others in creation order.
//
// Contract with deallocators: a type that supports weak references must call
// weakref_clear_all(self) in its dealloc before it tears the object down (after the finalizer,
// as CPython's subtype_dealloc does): it clears every weakref to the object and calls the
// callbacks of those still alive. The cycle collector (core/gc.cpp) clears weakrefs to garbage
// itself with weakref_clear_ref and calls the callbacks it must.
#pragma once

#include "core/type.h"

namespace gilpy {

struct WeakRefObject : Object {
  Object* wr_object;    // borrowed referent; null when dead
  Object* wr_callback;  // owned; null when none (or after it was called)
  hash_t hash;          // cached hash of the referent, -1 until computed
  WeakRefObject* wr_prev;
  WeakRefObject* wr_next;
};

extern TypeObject WeakRefType;            // weakref.ReferenceType (weakref.ref)
extern TypeObject WeakProxyType;          // weakref.ProxyType
extern TypeObject WeakCallableProxyType;  // weakref.CallableProxyType

inline bool weakref_ref_check(Object* o) { return object_type_check(o, &WeakRefType); }
inline bool weakref_proxy_check(Object* o) {
  return type_of(o) == &WeakProxyType || type_of(o) == &WeakCallableProxyType;
}
// Any weak reference (ref, ref subclass, proxy).
inline bool weakref_check(Object* o) { return weakref_ref_check(o) || weakref_proxy_check(o); }

// Can instances of `type` be weakly referenced? (`obj` is needed for type objects.)
bool object_supports_weakrefs(Object* obj);
// weakref.ref(ob, callback) / weakref.proxy(ob, callback); callback may be null or None.
// TypeError "cannot create weak reference to 'int' object" when unsupported.
Object* weakref_new_ref(Object* ob, Object* callback);
Object* weakref_new_proxy(Object* ob, Object* callback);
// The referent (borrowed), or nullptr when dead.
inline Object* weakref_get_object_borrowed(Object* ref) {
  return static_cast<WeakRefObject*>(ref)->wr_object;
}
inline Object* weakref_callback_borrowed(Object* ref) {
  return static_cast<WeakRefObject*>(ref)->wr_callback;
}

// Clear every weakref to `o` and call the callbacks of those still alive (exceptions they raise
// are reported as unraisable; the current exception is preserved). For deallocators.
void weakref_clear_all(Object* o);
// The collector's primitive: unlink `ref` from its referent's list and mark it dead, keeping
// the callback (CPython's _PyWeakref_ClearRef).
void weakref_clear_ref(Object* ref);
// The head of o's weakref list if o's type supports weakrefs and the list may be non-empty;
// nullptr otherwise. Never creates side-table entries.
Object** weakref_list_ptr_if_any(Object* o);
// getweakrefcount(o) / getweakrefs(o) (new list).
ssize weakref_count(Object* o);
Object* weakref_get_refs(Object* o);

// Registration of the three types (called by gc_install_traverse_slots, during types_init).
void init_weakref_types();

}  // namespace gilpy
