// Python functions and bound methods (objects/funcobject.cpp; calls in vm/call.cpp).
//
// A FunctionObject owns references to all its fields (code, globals, builtins, name, qualname,
// module, doc, defaults, kwdefaults, closure, dict, annotations); optional ones are null when
// absent (reported as None). Calling one pushes a frame for its code on the thread's frame stack
// and runs the eval loop (vm/call.cpp); a function whose code has CO_GENERATOR returns a new
// generator instead. `version` changes whenever __code__, __defaults__ or __kwdefaults__ is
// assigned, for future call-site caches.
//
// A MethodObject (types.MethodType) owns its function and its self; calling it prepends self.
#pragma once

#include "core/type.h"
#include "objects/codeobject.h"

namespace gilpy {

struct FunctionObject : Object {
  Object* code;         // CodeObject
  Object* globals;      // dict
  Object* builtins;     // dict
  Object* name;         // str
  Object* qualname;     // str
  Object* module;       // any (usually str), may be null
  Object* doc;          // any, may be null
  Object* defaults;     // tuple or null
  Object* kwdefaults;   // dict or null
  Object* closure;      // tuple of cells or null
  Object* dict;         // dict or null
  Object* annotations;  // dict or null
  Object* type_params;  // tuple or null (PEP 695 __type_params__; () when null)
  Object* weaklist;
  uint32_t version;
};

extern TypeObject FunctionType;
inline bool function_check(Object* o) { return type_of(o) == &FunctionType; }
inline CodeObject* function_code(Object* f) {
  return static_cast<CodeObject*>(static_cast<FunctionObject*>(f)->code);
}

// A new function for `code` (a CodeObject) in `globals` (a dict). __name__/__qualname__ come from
// the code, __module__ from globals['__name__'], __doc__ from the first constant when it is a str
// and the code is a function body, builtins from globals['__builtins__'] (module or dict) or the
// interpreter's builtins.
Object* function_new(Object* code, Object* globals);

// Call a Python function (the FunctionType call slot; vm/call.cpp).
Object* function_vectorcall(Object* func, Object* const* args, ssize nargs, Object* kwnames);

struct MethodObject : Object {
  Object* func;  // owned: any callable
  Object* self;  // owned
  Object* weaklist;
};
extern TypeObject MethodType;
inline bool method_check(Object* o) { return type_of(o) == &MethodType; }
Object* method_new(Object* func, Object* self);

void init_function_types();  // function, method

// PEP 695: set func.__type_params__ (a tuple; the getter returns it, () when unset). 0 / -1.
// Declared for the compiler's INTRINSIC_SET_FUNCTION_TYPE_PARAMS (vm/eval_typing.cpp, which has a
// weak fallback that ignores the parameters until this is defined here).
int function_set_type_params(Object* func, Object* params);

}  // namespace gilpy
