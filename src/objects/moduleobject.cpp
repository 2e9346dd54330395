// Module objects (objects/moduleobject.h).
//
// A module is a namespace dict (owned, never null once initialised) plus a weakref list head.
// Attribute lookup is the generic one (descriptors on the type, then the dict); when it fails, a
// `__getattr__` function in the module's dict is called (PEP 562), and otherwise the message is
// "module 'x' has no attribute 'y'". repr: `<module 'x' from 'file'>`, `<module 'sys' (built-in)>`
// for modules of the built-in registry, `<module 'x'>` otherwise. CFunctionObject (builtin
// functions) lives in core/descr.cpp with the other callables made from MethodDef tables.
#include "objects/moduleobject.h"

#include <cstddef>
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/internal.h"
#include "core/types_init.h"
#include "modules/registry.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"

// Object layouts derive from Object (not standard-layout); offsetof is fine with g++ and clang.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gilpy {

TypeObject ModuleType;

namespace {

inline ModuleObject* as_module(Object* o) { return static_cast<ModuleObject*>(o); }

int module_init_dict(ModuleObject* m, Object* name, Object* doc) {
  if (!m->dict) {
    m->dict = dict_new();
    if (!m->dict) return -1;
  }
  if (dict_setitem_str(m->dict, "__name__", name) < 0 ||
      dict_setitem_str(m->dict, "__doc__", doc ? doc : None) < 0 ||
      dict_setitem_str(m->dict, "__package__", None) < 0 ||
      dict_setitem_str(m->dict, "__loader__", None) < 0 ||
      dict_setitem_str(m->dict, "__spec__", None) < 0) {
    return -1;
  }
  return 0;
}

Object* module_tp_new(TypeObject* type, Object* const*, ssize, Object*) {
  auto* m = static_cast<ModuleObject*>(object_alloc(type, sizeof(ModuleObject)));
  if (!m) return nullptr;
  m->dict = dict_new();
  if (!m->dict) {
    decref(m);
    return nullptr;
  }
  return m;
}

int module_tp_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"name", "doc", nullptr};
  Object* out[2];
  static const ArgSpec spec{"module", kwlist, 1, 2};
  if (!parse_args(spec, args, nargs, kwnames, out)) return -1;
  if (!str_check(out[0])) {
    err_format(&Exc_TypeError, "module.__init__() argument 'name' must be str, not %T", out[0]);
    return -1;
  }
  return module_init_dict(as_module(self), out[0], out[1]);
}

void module_dealloc(Object* self) {
  auto* m = as_module(self);
  if (m->weaklist) weakref_clear_all(self);
  clear_ref(&m->dict);
  object_free(self);
}

Object* module_repr(Object* self) {
  auto* m = as_module(self);
  Object* name = m->dict ? dict_get_str_borrowed(m->dict, "__name__") : nullptr;
  if (!name && err_occurred()) return nullptr;
  Object* file = m->dict ? dict_get_str_borrowed(m->dict, "__file__") : nullptr;
  if (!file && err_occurred()) return nullptr;
  StrWriter w;
  w.append("<module ");
  if (name) {
    if (!w.append_repr(name)) return nullptr;
  } else {
    w.append("'?'");
  }
  if (file && file != None) {
    w.append(" from ");
    if (!w.append_repr(file)) return nullptr;
  } else if (name && str_check(name)) {
    const char* n = str_as_utf8(name);
    if (!n) return nullptr;
    if (find_builtin_module(n)) w.append(" (built-in)");
  }
  w.append(">");
  return w.finish();
}

Object* module_getattro(Object* self, Object* name) { return module_getattr_opt(self, name, false); }

Object* module_dir(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  auto* m = as_module(self);
  if (!m->dict || !dict_check(m->dict)) {
    return err_format(&Exc_TypeError, "<module>.__dict__ is not a dictionary");
  }
  Object* dirfunc = dict_get_str_borrowed(m->dict, "__dir__");
  if (dirfunc) return call0(dirfunc);
  if (err_occurred()) return nullptr;
  return dict_keys_list(m->dict);
}

const MethodDef kModuleMethods[] = {
    {"__dir__", module_dir, METH_DEFAULT, "__dir__() -> list\nspecialized dir() implementation"},
    {nullptr, nullptr, 0, nullptr},
};

const MemberDef kModuleMembers[] = {
    {"__dict__", MEMBER_OBJECT, ssize(offsetof(ModuleObject, dict)), MEMBER_READONLY, nullptr},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

}  // namespace

void init_module_type() {
  ModuleType.name = "module";
  ModuleType.basicsize = sizeof(ModuleObject);
  ModuleType.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  ModuleType.doc = "Create a module object.\n\nThe name must be a string; the optional doc argument can have any type.";
  ModuleType.dealloc = module_dealloc;
  ModuleType.repr = module_repr;
  ModuleType.getattro = module_getattro;
  ModuleType.setattro = generic_setattr;
  ModuleType.new_ = module_tp_new;
  ModuleType.init = module_tp_init;
  ModuleType.methods = kModuleMethods;
  ModuleType.members = kModuleMembers;
  ModuleType.dictoffset = ssize(offsetof(ModuleObject, dict));
  ModuleType.weaklistoffset = ssize(offsetof(ModuleObject, weaklist));
  register_static_type(&ModuleType);
}

Object* module_new(const char* name) {
  Ref n = Ref::steal(str_from_cstr(name));
  if (!n) return nullptr;
  auto* m = static_cast<ModuleObject*>(object_alloc(&ModuleType, sizeof(ModuleObject)));
  if (!m) return nullptr;
  Ref mod = Ref::steal(m);
  if (module_init_dict(m, n.get(), nullptr) < 0) return nullptr;
  return mod.release();
}

Object* module_get_dict_borrowed(Object* module) {
  if (!module_check(module)) {
    err_bad_internal_call("module_get_dict_borrowed");
    return nullptr;
  }
  return as_module(module)->dict;
}

int module_add_object(Object* module, const char* name, Object* value) {
  if (!value) {
    if (!err_occurred()) err_bad_internal_call("module_add_object");
    return -1;
  }
  Object* d = module_get_dict_borrowed(module);
  if (!d) return -1;
  return dict_setitem_str(d, name, value);
}

int module_add_functions(Object* module, const MethodDef* defs) {
  Object* d = module_get_dict_borrowed(module);
  if (!d) return -1;
  Object* modname = dict_get_str_borrowed(d, "__name__");
  for (const MethodDef* def = defs; def->name; ++def) {
    Ref f = Ref::steal(cfunction_new(def, module, modname));
    if (!f) return -1;
    if (dict_setitem_str(d, def->name, f.get()) < 0) return -1;
  }
  return 0;
}

int module_add_int(Object* module, const char* name, long long value) {
  Ref v = Ref::steal(int_from_i64(value));
  if (!v) return -1;
  return module_add_object(module, name, v.get());
}

int module_add_string(Object* module, const char* name, const char* value) {
  Ref v = Ref::steal(str_from_cstr(value));
  if (!v) return -1;
  return module_add_object(module, name, v.get());
}

Object* module_getattr_opt(Object* self, Object* name, bool suppress) {
  Object* r = generic_getattr_opt(self, name, true);
  if (r) return r;
  if (err_occurred()) {
    if (!err_matches(&Exc_AttributeError)) return nullptr;
    err_clear();  // a descriptor's AttributeError: the module's __getattr__ or message instead
  }
  auto* m = as_module(self);
  if (m->dict) {
    Object* ga = dict_get_str_borrowed(m->dict, "__getattr__");
    if (ga) return call1(ga, name);
    if (err_occurred() || suppress) return nullptr;
    Object* mod_name = dict_get_str_borrowed(m->dict, "__name__");
    if (mod_name && str_check(mod_name)) {
      // A module whose body is still running (circular import): __spec__._initializing.
      Object* spec = dict_get_str_borrowed(m->dict, "__spec__");
      if (spec && spec != None) {
        Ref keep = Ref::borrow(spec);
        Object* flag = nullptr;
        int found = object_lookup_attr(spec, str_intern_cstr_borrowed("_initializing"), &flag);
        Ref f = Ref::steal(flag);
        if (found < 0) return nullptr;
        int initializing = found ? object_is_true(f.get()) : 0;
        if (initializing < 0) return nullptr;
        if (initializing) {
          return err_attribute_error(self, name,
                                     "partially initialized module '%U' has no attribute '%U' "
                                     "(most likely due to a circular import)",
                                     mod_name, name);
        }
      }
      return err_attribute_error(self, name, "module '%U' has no attribute '%U'", mod_name, name);
    }
  }
  if (suppress) return nullptr;
  return err_attribute_error(self, name, "module has no attribute '%U'", name);
}

}  // namespace gilpy
