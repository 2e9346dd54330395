// Module objects and builtin-function objects (objects/moduleobject.cpp, core/descr.cpp).
#pragma once

#include "core/type.h"

namespace gilpy {

struct ModuleObject : Object {
  Object* dict;  // owned: the module namespace (__name__, __doc__, ...)
  Object* weaklist;
};
extern TypeObject ModuleType;
inline bool module_check(Object* o) { return object_type_check(o, &ModuleType); }

Object* module_new(const char* name);  // sets __name__, __doc__ None, __package__, __spec__, __loader__
Object* module_get_dict_borrowed(Object* module);
int module_add_object(Object* module, const char* name, Object* value);  // increfs value
int module_add_functions(Object* module, const MethodDef* defs);  // terminated by {nullptr}
int module_add_int(Object* module, const char* name, long long value);
int module_add_string(Object* module, const char* name, const char* value);

// A built-in function (len, print) or a method bound to `self` (list.append bound to a list).
// `self` null: a plain function; module: the __module__ name source (may be null).
struct CFunctionObject : Object {
  const MethodDef* def;
  Object* self;    // owned, may be null
  Object* module;  // owned, may be null
  vectorcallfunc vectorcall;
};
extern TypeObject CFunctionType;
Object* cfunction_new(const MethodDef* def, Object* self, Object* module);

// Module attribute lookup (the module type's getattro: the namespace, then a module-level
// __getattr__, then CPython's "module 'm' has no attribute 'x'" messages). With `suppress`, a
// missing attribute returns nullptr with no exception set (for object_lookup_attr).
Object* module_getattr_opt(Object* self, Object* name, bool suppress);

}  // namespace gilpy
