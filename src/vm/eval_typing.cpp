// PEP 695 (type parameters and `type` statements): the CALL_INTRINSIC_1 / CALL_INTRINSIC_2
// operations of CPython 3.12 that create type parameters and type aliases.
//
// Type parameters are the typing module's TypeVar / ParamSpec / TypeVarTuple (lib/typing.py,
// imported on first use), so they are the same classes user code gets from `typing`. Bounds and
// constraints are evaluated eagerly (CPython evaluates them lazily). TypeAliasType is a small
// built-in type here (typing.TypeAliasType in CPython is built in too) whose __value__ is computed
// on first access by the function the compiler made of the alias's value.
#include <cstdio>
#include <vector>

#include "core/abstract.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/funcobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval.h"
#include "vm/eval_internal.h"
#include "vm/import.h"
#include "vm/opcodes.h"

namespace gilpy {

namespace {

Object* typing_attr(const char* name) {
  Ref typing = Ref::steal(import_module("typing"));
  if (!typing) return nullptr;
  return object_getattr_str(typing.get(), name);
}

Object* call_typing(const char* cls, Object* const* args, ssize nargs, Object* kwnames) {
  Ref c = Ref::steal(typing_attr(cls));
  if (!c) return nullptr;
  return call(c.get(), args, nargs, kwnames);
}

struct TypeAliasObject : Object {
  Object* name;
  Object* type_params;    // tuple or None
  Object* compute_value;  // function, cleared once the value is computed
  Object* value;          // cached __value__ or null
  Object* module;         // str or null
};

TypeObject TypeAliasType;

TypeAliasObject* TA(Object* o) { return static_cast<TypeAliasObject*>(o); }

void ta_dealloc(Object* o) {
  auto* t = TA(o);
  clear_ref(&t->name);
  clear_ref(&t->type_params);
  clear_ref(&t->compute_value);
  clear_ref(&t->value);
  clear_ref(&t->module);
  object_free(o);
}
int ta_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = TA(o);
  for (Object* p : {t->name, t->type_params, t->compute_value, t->value, t->module}) {
    if (p) {
      int r = visit(p, arg);
      if (r) return r;
    }
  }
  return 0;
}
Object* ta_repr(Object* o) { return newref(TA(o)->name); }
Object* ta_get_name(Object* o) { return newref(TA(o)->name); }
Object* ta_get_value(Object* o) {
  auto* t = TA(o);
  if (!t->value) {
    if (!t->compute_value) return none_ref();
    Object* v = call0(t->compute_value);
    if (!v) return nullptr;
    t->value = v;
  }
  return newref(t->value);
}
Object* ta_get_type_params(Object* o) {
  Object* p = TA(o)->type_params;
  return p && p != None ? newref(p) : tuple_new(0);
}
Object* ta_get_module(Object* o) {
  Object* m = TA(o)->module;
  return m ? newref(m) : none_ref();
}
Object* ta_getitem(Object* o, Object* key) {
  Ref args = Ref::steal(tuple_check(key) ? newref(key) : tuple_pack(1, key));
  if (!args) return nullptr;
  return generic_alias_new(o, args.get());
}
Object* ta_or(Object* a, Object* b) {
  Ref u = Ref::steal(typing_attr("Union"));
  if (!u) return nullptr;
  Ref args = Ref::steal(tuple_pack(2, a, b));
  if (!args) return nullptr;
  return object_getitem(u.get(), args.get());
}

const GetSetDef ta_getset[] = {
    {"__name__", ta_get_name, nullptr, nullptr},
    {"__value__", ta_get_value, nullptr, nullptr},
    {"__type_params__", ta_get_type_params, nullptr, nullptr},
    {"__parameters__", ta_get_type_params, nullptr, nullptr},
    {"__module__", ta_get_module, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

bool ta_ready = false;
int ensure_type_alias_type() {
  if (ta_ready) return 0;
  TypeAliasType.name = "typing.TypeAliasType";
  TypeAliasType.basicsize = sizeof(TypeAliasObject);
  TypeAliasType.flags = TPFLAG_HAVE_GC;
  TypeAliasType.dealloc = ta_dealloc;
  TypeAliasType.traverse = ta_traverse;
  TypeAliasType.repr = ta_repr;
  TypeAliasType.getattro = generic_getattr;
  TypeAliasType.getitem = ta_getitem;
  TypeAliasType.nb_or = ta_or;
  TypeAliasType.getset = ta_getset;
  TypeAliasType.base = &ObjectType;
  if (type_ready(&TypeAliasType) < 0) return -1;
  ta_ready = true;
  return 0;
}

Object* type_alias_new(Object* args) {
  if (!tuple_check(args) || tuple_size(args) != 3)
    return err_format(&Exc_SystemError, "bad TypeAlias intrinsic argument");
  if (ensure_type_alias_type() < 0) return nullptr;
  auto* t = static_cast<TypeAliasObject*>(object_alloc(&TypeAliasType, sizeof(TypeAliasObject)));
  if (!t) return nullptr;
  t->name = newref(tuple_get_borrowed(args, 0));
  t->type_params = newref(tuple_get_borrowed(args, 1));
  t->compute_value = newref(tuple_get_borrowed(args, 2));
  t->value = nullptr;
  Object* globals = eval_get_globals_borrowed();
  Object* mod = globals ? dict_get_str_borrowed(globals, "__name__") : nullptr;
  t->module = mod ? newref(mod) : nullptr;
  return t;
}

}  // namespace

// Until objects/funcobject.cpp stores __type_params__ (its getter returns () for now), the
// parameters are dropped.

Object* call_intrinsic_1_typing(uint32_t which, Object* v) {
  switch (which) {
    case INTRINSIC_TYPEVAR: {
      // Type parameters declared with PEP 695 syntax infer their variance (repr "T", not "~T").
      Ref kw = Ref::steal(tuple_pack(1, str_intern_cstr_borrowed("infer_variance")));
      if (!kw) return nullptr;
      Object* args[2] = {v, True};
      return call_typing("TypeVar", args, 1, kw.get());
    }
    case INTRINSIC_PARAMSPEC: {
      Ref kw = Ref::steal(tuple_pack(1, str_intern_cstr_borrowed("infer_variance")));
      if (!kw) return nullptr;
      Object* args[2] = {v, True};
      return call_typing("ParamSpec", args, 1, kw.get());
    }
    case INTRINSIC_TYPEVARTUPLE: return call_typing("TypeVarTuple", &v, 1, nullptr);
    case INTRINSIC_TYPEALIAS: return type_alias_new(v);
    default: return err_format(&Exc_SystemError, "bad intrinsic %u", which);
  }
}

Object* call_intrinsic_2_typing(uint32_t which, Object* v1, Object* v2) {
  switch (which) {
    case INTRINSIC_TYPEVAR_WITH_BOUND: {
      Ref kw = Ref::steal(
          tuple_pack(2, str_intern_cstr_borrowed("bound"), str_intern_cstr_borrowed("infer_variance")));
      if (!kw) return nullptr;
      Object* args[3] = {v1, v2, True};
      return call_typing("TypeVar", args, 1, kw.get());
    }
    case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS: {
      ssize n = tuple_size(v2);
      std::vector<Object*> args(size_t(n + 2));
      args[0] = v1;
      for (ssize i = 0; i < n; i++) args[size_t(i + 1)] = tuple_get_borrowed(v2, i);
      args[size_t(n + 1)] = True;
      Ref kw = Ref::steal(tuple_pack(1, str_intern_cstr_borrowed("infer_variance")));
      if (!kw) return nullptr;
      return call_typing("TypeVar", args.data(), n + 1, kw.get());
    }
    case INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
      if (function_set_type_params(v1, v2) < 0) return nullptr;
      return newref(v1);
    default: return err_format(&Exc_SystemError, "bad intrinsic %u", which);
  }
}

}  // namespace gilpy
