// The function and bound-method types (objects/funcobject.h). Calling a function is in
// vm/call.cpp; this file holds creation, attributes, repr, the descriptor protocol and the method
// object. Attribute setters validate types with CPython's messages ("__defaults__ must be set to a
// tuple object").
#include "objects/funcobject.h"

#include <cstdio>

#include "core/abstract.h"
#include "core/args.h"
#include "core/internal.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/state.h"

namespace gilpy {

TypeObject FunctionType;
TypeObject MethodType;

static uint32_t g_next_func_version = 1;

static Object* builtins_from_globals(Object* globals) {
  Object* b = dict_get_str_borrowed(globals, "__builtins__");
  if (b) {
    if (module_check(b)) return module_get_dict_borrowed(b);
    if (dict_check(b)) return b;
  }
  if (err_occurred()) err_clear();
  Interpreter* interp = main_interpreter();
  return interp ? interp->builtins : nullptr;
}

Object* function_new(Object* code_obj, Object* globals) {
  auto* code = static_cast<CodeObject*>(code_obj);
  Object* builtins = builtins_from_globals(globals);
  if (!builtins) return err_format(&Exc_SystemError, "no builtins for the new function");
  auto* f = alloc_object<FunctionObject>(&FunctionType);
  if (!f) return nullptr;
  f->code = newref(code);
  f->globals = newref(globals);
  f->builtins = newref(builtins);
  f->name = newref(code->name);
  f->qualname = newref(code->qualname ? code->qualname : code->name);
  Object* mod = dict_get_str_borrowed(globals, "__name__");
  if (!mod && err_occurred()) err_clear();
  f->module = mod ? newref(mod) : nullptr;
  f->doc = nullptr;
  // As CPython 3.12: the docstring is the first constant of a function body when it is a str
  // (the compiler puts None first when there is no docstring).
  if ((code->flags & CO_OPTIMIZED) && tuple_size(code->consts) > 0) {
    Object* c0 = tuple_get_borrowed(code->consts, 0);
    if (str_check(c0)) f->doc = newref(c0);
  }
  f->version = g_next_func_version++;
  return f;
}

static void func_dealloc(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  if (f->weaklist) weakref_clear_all(o);
  clear_ref(&f->code);
  clear_ref(&f->globals);
  clear_ref(&f->builtins);
  clear_ref(&f->name);
  clear_ref(&f->qualname);
  clear_ref(&f->module);
  clear_ref(&f->doc);
  clear_ref(&f->defaults);
  clear_ref(&f->kwdefaults);
  clear_ref(&f->closure);
  clear_ref(&f->dict);
  clear_ref(&f->annotations);
  clear_ref(&f->type_params);
  object_free(o);
}

static int func_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<FunctionObject*>(o);
  Object* fields[] = {f->code,     f->globals, f->builtins, f->module, f->doc,
                      f->defaults, f->kwdefaults, f->closure, f->dict, f->annotations,
                      f->type_params};
  for (Object* v : fields) {
    if (v) {
      int r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

static int func_clear(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  clear_ref(&f->module);
  clear_ref(&f->doc);
  clear_ref(&f->defaults);
  clear_ref(&f->kwdefaults);
  clear_ref(&f->closure);
  clear_ref(&f->dict);
  clear_ref(&f->annotations);
  clear_ref(&f->type_params);
  return 0;
}

static Object* func_repr(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  char buf[40];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(o));
  StrWriter w;
  w.append("<function ");
  if (!w.append_str(f->qualname)) return nullptr;
  w.append(buf);
  return w.finish();
}

static Object* func_descr_get(Object* func, Object* obj, Object* type) {
  if (!obj || obj == None) return newref(func);
  return method_new(func, obj);
}

// ---- attributes ----------------------------------------------------------------------------------
static FunctionObject* F(Object* o) { return static_cast<FunctionObject*>(o); }
static Object* or_none(Object* v) { return newref(v ? v : None); }

static Object* func_get_code(Object* o) { return newref(F(o)->code); }
static int func_set_code(Object* o, Object* v) {
  if (!v || !code_check(v)) {
    err_format(&Exc_TypeError, "__code__ must be set to a code object");
    return -1;
  }
  auto* f = F(o);
  ssize nfree = static_cast<CodeObject*>(v)->nfreevars;
  ssize nclosure = f->closure ? tuple_size(f->closure) : 0;
  if (nfree != nclosure) {
    err_format(&Exc_ValueError, "%U() requires a code object with %zd free vars, not %zd",
               f->name, nclosure, nfree);
    return -1;
  }
  setref(&f->code, newref(v));
  f->version = g_next_func_version++;
  return 0;
}
static Object* func_get_defaults(Object* o) { return or_none(F(o)->defaults); }
static int func_set_defaults(Object* o, Object* v) {
  if (v == None) v = nullptr;
  if (v && !tuple_check(v)) {
    err_format(&Exc_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  setref(&F(o)->defaults, v ? newref(v) : nullptr);
  F(o)->version = g_next_func_version++;
  return 0;
}
static Object* func_get_kwdefaults(Object* o) { return or_none(F(o)->kwdefaults); }
static int func_set_kwdefaults(Object* o, Object* v) {
  if (v == None) v = nullptr;
  if (v && !dict_check(v)) {
    err_format(&Exc_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  setref(&F(o)->kwdefaults, v ? newref(v) : nullptr);
  F(o)->version = g_next_func_version++;
  return 0;
}
static Object* func_get_annotations(Object* o) {
  auto* f = F(o);
  if (!f->annotations) {
    f->annotations = dict_new();
    if (!f->annotations) return nullptr;
  }
  return newref(f->annotations);
}
static int func_set_annotations(Object* o, Object* v) {
  if (v == None) v = nullptr;
  if (v && !dict_check(v)) {
    err_format(&Exc_TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  setref(&F(o)->annotations, v ? newref(v) : nullptr);
  return 0;
}
static Object* func_get_name(Object* o) { return newref(F(o)->name); }
static int func_set_name(Object* o, Object* v) {
  if (!v || !str_check(v)) {
    err_format(&Exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  setref(&F(o)->name, newref(v));
  return 0;
}
static Object* func_get_qualname(Object* o) { return newref(F(o)->qualname); }
static int func_set_qualname(Object* o, Object* v) {
  if (!v || !str_check(v)) {
    err_format(&Exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  setref(&F(o)->qualname, newref(v));
  return 0;
}
static Object* func_get_doc(Object* o) { return or_none(F(o)->doc); }
static int func_set_doc(Object* o, Object* v) {
  setref(&F(o)->doc, v ? newref(v) : nullptr);
  return 0;
}
static Object* func_get_module(Object* o) { return or_none(F(o)->module); }
static int func_set_module(Object* o, Object* v) {
  setref(&F(o)->module, v ? newref(v) : nullptr);
  return 0;
}
static Object* func_get_globals(Object* o) { return newref(F(o)->globals); }
static Object* func_get_builtins(Object* o) { return newref(F(o)->builtins); }
static Object* func_get_closure(Object* o) { return or_none(F(o)->closure); }
static Object* func_get_dict(Object* o) {
  auto* f = F(o);
  if (!f->dict) {
    f->dict = dict_new();
    if (!f->dict) return nullptr;
  }
  return newref(f->dict);
}
static int func_set_dict(Object* o, Object* v) {
  if (!v) {
    err_format(&Exc_TypeError, "cannot delete __dict__");
    return -1;
  }
  if (!dict_check(v)) {
    err_format(&Exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v);
    return -1;
  }
  setref(&F(o)->dict, newref(v));
  return 0;
}
static Object* func_get_type_params(Object* o) {
  Object* p = F(o)->type_params;
  return p ? newref(p) : tuple_empty();
}

static int func_set_type_params(Object* o, Object* v) {
  if (!v || !tuple_check(v)) {
    err_format(&Exc_TypeError, "__type_params__ must be set to a tuple");
    return -1;
  }
  setref(&F(o)->type_params, newref(v));
  return 0;
}

int function_set_type_params(Object* func, Object* params) {
  return func_set_type_params(func, params);
}

static const GetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, nullptr},
    {"__defaults__", func_get_defaults, func_set_defaults, nullptr},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, nullptr},
    {"__annotations__", func_get_annotations, func_set_annotations, nullptr},
    {"__dict__", func_get_dict, func_set_dict, nullptr},
    {"__name__", func_get_name, func_set_name, nullptr},
    {"__qualname__", func_get_qualname, func_set_qualname, nullptr},
    {"__doc__", func_get_doc, func_set_doc, nullptr},
    {"__module__", func_get_module, func_set_module, nullptr},
    {"__globals__", func_get_globals, nullptr, nullptr},
    {"__builtins__", func_get_builtins, nullptr, nullptr},
    {"__closure__", func_get_closure, nullptr, nullptr},
    {"__type_params__", func_get_type_params, func_set_type_params, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
static Object* func_new(TypeObject*, Object* const* args, ssize nargs, Object* kwnames) {
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  Object* a[5] = {nullptr, nullptr, nullptr, nullptr, nullptr};
  static const char* const kNames[5] = {"code", "globals", "name", "argdefs", "closure"};
  if (nargs > 5) return err_format(&Exc_TypeError, "function() takes at most 5 arguments (%zd given)", nargs);
  for (ssize i = 0; i < nargs; i++) a[i] = args[i];
  for (ssize k = 0; k < nkw; k++) {
    Object* kn = tuple_get_borrowed(kwnames, k);
    int idx = -1;
    for (int j = 0; j < 5; j++)
      if (str_equal_cstr(kn, kNames[j])) idx = j;
    if (idx < 0)
      return err_format(&Exc_TypeError, "function() got an unexpected keyword argument '%U'", kn);
    a[idx] = args[nargs + k];
  }
  if (!a[0] || !code_check(a[0]))
    return err_format(&Exc_TypeError, "function() argument 'code' must be code, not %T",
                      a[0] ? a[0] : None);
  if (!a[1] || !dict_check(a[1]))
    return err_format(&Exc_TypeError, "function() argument 'globals' must be dict, not %T",
                      a[1] ? a[1] : None);
  if (a[2] && a[2] != None && !str_check(a[2]))
    return err_format(&Exc_TypeError, "arg 3 (name) must be None or string");
  if (a[3] && a[3] != None && !tuple_check(a[3]))
    return err_format(&Exc_TypeError, "arg 4 (defaults) must be None or tuple");
  auto* code = static_cast<CodeObject*>(a[0]);
  ssize nclosure = (a[4] && a[4] != None) ? tuple_size(a[4]) : 0;
  if (a[4] && a[4] != None && !tuple_check(a[4]))
    return err_format(&Exc_TypeError, "arg 5 (closure) must be tuple");
  if (code->nfreevars != nclosure)
    return err_format(&Exc_ValueError, "%U requires closure of length %zd, not %zd", code->name,
                      ssize(code->nfreevars), nclosure);
  Ref f = Ref::steal(function_new(code, a[1]));
  if (!f) return nullptr;
  auto* fo = F(f.get());
  if (a[2] && a[2] != None) setref(&fo->name, newref(a[2]));
  if (a[3] && a[3] != None) fo->defaults = newref(a[3]);
  if (nclosure) fo->closure = newref(a[4]);
  return f.release();
}

// ---- bound methods -------------------------------------------------------------------------------

Object* method_new(Object* func, Object* self) {
  auto* m = alloc_object<MethodObject>(&MethodType);
  if (!m) return nullptr;
  m->func = newref(func);
  m->self = newref(self);
  m->weaklist = nullptr;
  return m;
}

static void method_dealloc(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  if (m->weaklist) weakref_clear_all(o);
  clear_ref(&m->func);
  clear_ref(&m->self);
  object_free(o);
}

static int method_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<MethodObject*>(o);
  int r = visit(m->func, arg);
  return r ? r : visit(m->self, arg);
}

static Object* method_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                 Object* kwnames) {
  auto* m = static_cast<MethodObject*>(callable);
  ssize total = nargs + (kwnames ? tuple_size(kwnames) : 0);
  Object* small[16];
  Object** buf = small;
  if (total + 1 > ssize(sizeof small / sizeof small[0])) {
    buf = static_cast<Object**>(std::malloc(size_t(total + 1) * sizeof(Object*)));
    if (!buf) return err_no_memory();
  }
  buf[0] = m->self;
  for (ssize i = 0; i < total; i++) buf[i + 1] = args[i];
  Object* res = call(m->func, buf, nargs + 1, kwnames);
  if (buf != small) std::free(buf);
  return res;
}

static Object* method_repr(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  Object* name = nullptr;
  if (object_lookup_attr(m->func, str_intern_cstr_borrowed("__qualname__"), &name) < 0)
    return nullptr;
  if (!name && object_lookup_attr(m->func, str_intern_cstr_borrowed("__name__"), &name) < 0)
    return nullptr;
  Ref n = Ref::steal(name);
  StrWriter w;
  w.append("<bound method ");
  if (n && str_check(n.get())) {
    if (!w.append_str(n.get())) return nullptr;
  } else {
    w.append("?");
  }
  w.append(" of ");
  if (!w.append_repr(m->self)) return nullptr;
  w.append(">");
  return w.finish();
}

static Object* method_richcompare(Object* a, Object* b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || !method_check(a) || !method_check(b))
    return not_implemented_ref();
  auto* ma = static_cast<MethodObject*>(a);
  auto* mb = static_cast<MethodObject*>(b);
  int eq = 0;
  if (ma->self == mb->self) {
    eq = object_richcompare_bool(ma->func, mb->func, CMP_EQ);
    if (eq < 0) return nullptr;
  }
  return bool_from(op == CMP_EQ ? eq == 1 : eq != 1);
}

static hash_t method_hash(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  auto p = reinterpret_cast<uintptr_t>(m->self);
  hash_t x = hash_t((p >> 4) | (p << (8 * sizeof(uintptr_t) - 4)));
  hash_t y = object_hash(m->func);
  if (y == -1) return -1;
  x ^= y;
  return x == -1 ? -2 : x;
}

static Object* method_getattro(Object* o, Object* name) {
  TypeObject* tp = type_of(o);
  Object* descr = type_lookup_borrowed(tp, name);
  if (descr) {
    descrgetfunc f = type_of(descr)->descr_get;
    if (f) return f(descr, o, tp);
    return newref(descr);
  }
  return object_getattr(static_cast<MethodObject*>(o)->func, name);
}

static Object* method_descr_get(Object* meth, Object* obj, Object* type) { return newref(meth); }

static Object* method_get_func(Object* o) { return newref(static_cast<MethodObject*>(o)->func); }
static Object* method_get_self(Object* o) { return newref(static_cast<MethodObject*>(o)->self); }
static Object* method_get_doc(Object* o) {
  return object_getattr_str(static_cast<MethodObject*>(o)->func, "__doc__");
}

// Bound methods pickle as getattr(self, name).
static Object* method_reduce(Object* o, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  auto* m = static_cast<MethodObject*>(o);
  Ref name = Ref::steal(object_getattr_str(m->func, "__name__"));
  if (!name) return nullptr;
  return reduce_as_getattr(m->self, name.get());
}

static const MethodDef method_methods[] = {
    {"__reduce__", method_reduce, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

static const GetSetDef method_getset[] = {
    {"__func__", method_get_func, nullptr, nullptr},
    {"__self__", method_get_self, nullptr, nullptr},
    {"__doc__", method_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static Object* method_type_new(TypeObject*, Object* const* args, ssize nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames))
    return err_format(&Exc_TypeError, "method() takes no keyword arguments");
  if (nargs != 2)
    return err_format(&Exc_TypeError, "method expected 2 arguments, got %zd", nargs);
  if (!callable_check(args[0])) return err_format(&Exc_TypeError, "first argument must be callable");
  if (args[1] == None) return err_format(&Exc_TypeError, "instance must not be None");
  return method_new(args[0], args[1]);
}

static ssize object_field_offset(const Object* base, const void* field) {
  return static_cast<const char*>(field) - reinterpret_cast<const char*>(base);
}

void init_function_types() {
  static FunctionObject probe;
  FunctionType.name = "function";
  FunctionType.basicsize = sizeof(FunctionObject);
  FunctionType.flags = TPFLAG_HAVE_GC;
  FunctionType.dealloc = func_dealloc;
  FunctionType.repr = func_repr;
  FunctionType.call = function_vectorcall;
  FunctionType.descr_get = func_descr_get;
  FunctionType.getattro = generic_getattr;
  FunctionType.setattro = generic_setattr;
  FunctionType.getset = func_getset;
  FunctionType.traverse = func_traverse;
  FunctionType.clear = func_clear;
  FunctionType.new_ = func_new;
  FunctionType.dictoffset = object_field_offset(&probe, &probe.dict);
  FunctionType.weaklistoffset = object_field_offset(&probe, &probe.weaklist);
  FunctionType.base = &ObjectType;
  register_static_type(&FunctionType);

  static MethodObject mprobe;
  MethodType.name = "method";
  MethodType.basicsize = sizeof(MethodObject);
  MethodType.flags = TPFLAG_HAVE_GC;
  MethodType.dealloc = method_dealloc;
  MethodType.repr = method_repr;
  MethodType.richcompare = method_richcompare;
  MethodType.hash = method_hash;
  MethodType.call = method_vectorcall;
  MethodType.descr_get = method_descr_get;
  MethodType.getattro = method_getattro;
  MethodType.getset = method_getset;
  MethodType.methods = method_methods;
  MethodType.traverse = method_traverse;
  MethodType.new_ = method_type_new;
  MethodType.weaklistoffset = object_field_offset(&mprobe, &mprobe.weaklist);
  MethodType.base = &ObjectType;
  register_static_type(&MethodType);
}

}  // namespace gilpy
