// types.SimpleNamespace: see objects/namespaceobject.h. The instance owns its __dict__ (a dict,
// never null once constructed); attribute access is the generic one through dictoffset.
#include "objects/namespaceobject.h"

#include <cstddef>

#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject NamespaceType;

namespace {

struct NamespaceObject : Object {
  Object* dict;
};

Object* ns_alloc(TypeObject* type) {
  auto* ns = alloc_object<NamespaceObject>(type);
  if (!ns) return nullptr;
  ns->dict = dict_new();
  if (!ns->dict) {
    decref(ns);
    return nullptr;
  }
  return ns;
}

Object* ns_new(TypeObject* type, Object* const*, ssize, Object*) { return ns_alloc(type); }

int ns_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs > 0) {
    err_format(&Exc_TypeError, "no positional arguments expected");
    return -1;
  }
  Object* dict = static_cast<NamespaceObject*>(self)->dict;
  for (ssize i = 0; kwnames && i < tuple_size(kwnames); ++i) {
    if (dict_setitem(dict, tuple_get_borrowed(kwnames, i), args[i]) < 0) return -1;
  }
  return 0;
}

void ns_dealloc(Object* self) {
  xdecref(static_cast<NamespaceObject*>(self)->dict);
  TypeObject* type = type_of(self);
  object_free(self);
  if (type->flags & TPFLAG_HEAPTYPE) decref(type);
}

int ns_traverse(Object* self, visitproc visit, void* arg) {
  Object* d = static_cast<NamespaceObject*>(self)->dict;
  return d ? visit(d, arg) : 0;
}

int ns_clear(Object* self) {
  clear_ref(&static_cast<NamespaceObject*>(self)->dict);
  return 0;
}

Object* ns_repr(Object* self) {
  // A subclass shows its own name; the base type shows "namespace", as CPython.
  const char* name = type_of(self) == &NamespaceType ? "namespace" : type_name(type_of(self));
  int r = repr_enter(self);
  if (r < 0) return nullptr;
  if (r > 0) return str_from_format("%s(...)", name);
  StrWriter w;
  w.append(name);
  w.append("(");
  Object *key, *value;
  ssize pos = 0;
  bool first = true, ok = true;
  while (ok && dict_next(static_cast<NamespaceObject*>(self)->dict, &pos, &key, &value)) {
    if (!str_check(key)) continue;
    if (!first) w.append(", ");
    first = false;
    ok = w.append_str(key);
    w.append("=");
    ok = ok && w.append_repr(value);
  }
  repr_leave(self);
  if (!ok) return nullptr;
  w.append(")");
  return w.finish();
}

Object* ns_richcompare(Object* a, Object* b, int op) {
  if ((op == CMP_EQ || op == CMP_NE) && object_type_check(a, &NamespaceType) &&
      object_type_check(b, &NamespaceType)) {
    return object_richcompare(static_cast<NamespaceObject*>(a)->dict,
                              static_cast<NamespaceObject*>(b)->dict, op);
  }
  return not_implemented_ref();
}

}  // namespace

void init_namespace_type() {
  TypeObject& t = NamespaceType;
  t.name = "types.SimpleNamespace";
  t.basicsize = sizeof(NamespaceObject);
  t.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  t.dictoffset = offsetof(NamespaceObject, dict);
  t.new_ = ns_new;
  t.init = ns_init;
  t.dealloc = ns_dealloc;
  t.traverse = ns_traverse;
  t.clear = ns_clear;
  t.repr = ns_repr;
  t.richcompare = ns_richcompare;
  t.getattro = generic_getattr;
  t.setattro = generic_setattr;
  t.hash = object_hash_not_implemented;
  t.doc = "A simple attribute-based namespace.";
  register_static_type(&t);
}

Object* namespace_new(Object* kwargs) {
  Ref ns = Ref::steal(ns_alloc(&NamespaceType));
  if (!ns) return nullptr;
  if (kwargs && dict_merge(static_cast<NamespaceObject*>(ns.get())->dict, kwargs, true) < 0) {
    return nullptr;
  }
  return ns.release();
}

}  // namespace gilpy
