// The `_weakref` module: the C++ half of `weakref` (lib/weakref.py builds WeakValueDictionary,
// WeakKeyDictionary, WeakSet, WeakMethod and finalize on top of it), as CPython's
// Modules/_weakref.c. The types themselves live in objects/weakrefobject.cpp.
//
// Owner: the gc engineer.
#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/weakrefobject.h"

namespace gilpy {

namespace {

Object* wr_getweakrefcount(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("getweakrefcount", nargs, kwnames)) return nullptr;
  return int_from_ssize(weakref_count(args[0]));
}

Object* wr_getweakrefs(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("getweakrefs", nargs, kwnames)) return nullptr;
  return weakref_get_refs(args[0]);
}

Object* wr_proxy(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("proxy", kwnames)) return nullptr;
  if (!check_positional("proxy", nargs, 1, 2)) return nullptr;
  return weakref_new_proxy(args[0], nargs > 1 ? args[1] : nullptr);
}

// _remove_dead_weakref(dct, key): delete dct[key] if it is a dead weakref.
Object* wr_remove_dead_weakref(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_remove_dead_weakref", kwnames)) return nullptr;
  if (!check_positional("_remove_dead_weakref", nargs, 2, 2)) return nullptr;
  Object* d = args[0];
  if (!dict_check(d)) {
    return err_format(&Exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %T", d);
  }
  Object* v = dict_get_borrowed(d, args[1]);
  if (!v) {
    if (err_occurred()) return nullptr;
    return none_ref();
  }
  if (weakref_check(v) && !weakref_get_object_borrowed(v)) {
    if (dict_delitem(d, args[1]) < 0) {
      if (!err_matches(&Exc_KeyError)) return nullptr;
      err_clear();
    }
  }
  return none_ref();
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", wr_getweakrefcount, METH_DEFAULT,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", wr_getweakrefs, METH_DEFAULT,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", wr_proxy, METH_DEFAULT,
     "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called "
     "with a reference to the\nproxy when 'object' is about to be finalized."},
    {"_remove_dead_weakref", wr_remove_dead_weakref, METH_DEFAULT,
     "Atomically remove key from dict if it points to a dead weakref."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* weakref_module_init() {
  Ref m = Ref::steal(module_new("_weakref"));
  if (!m || module_add_functions(m.get(), kWeakrefFunctions) < 0 ||
      module_add_object(m.get(), "ref", as_object(&WeakRefType)) < 0 ||
      module_add_object(m.get(), "ReferenceType", as_object(&WeakRefType)) < 0 ||
      module_add_object(m.get(), "ProxyType", as_object(&WeakProxyType)) < 0 ||
      module_add_object(m.get(), "CallableProxyType", as_object(&WeakCallableProxyType)) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
