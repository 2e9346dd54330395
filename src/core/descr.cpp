// Descriptors and builtin callables (core/descr.h, objects/moduleobject.h's CFunctionObject).
//
// Types defined here:
//  - method_descriptor (list.append), classmethod_descriptor (dict.fromkeys): made by type_ready
//    from MethodDef tables; binding gives a CFunctionObject with `self` set;
//  - member_descriptor (MemberDef fields and __slots__), getset_descriptor (GetSetDef);
//  - wrapper_descriptor (slot wrappers, see core/slots.cpp) and method-wrapper (bound ones);
//  - builtin_function_or_method (CFunctionObject): builtin functions and bound builtin methods;
//  - classmethod, staticmethod, property, super, mappingproxy;
//  - argument-parsing helpers for C functions (args_parse & co).
// Every descriptor holds a reference to its owner type (static types are immortal; heap types are
// kept alive by their descriptors' references, which the type's dict owns: a cycle the collector
// will break later). CFunctionObject owns `self` and `module`.
#include "core/descr.h"

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/internal.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/cellobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/frame.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gilpy {

TypeObject MethodDescrType;
TypeObject ClassMethodDescrType;
TypeObject MemberDescrType;
TypeObject GetSetDescrType;
TypeObject WrapperDescrType;
TypeObject MethodWrapperType;
TypeObject ClassMethodType;
TypeObject StaticMethodType;
TypeObject PropertyType;
TypeObject SuperType;
TypeObject MappingProxyType;
TypeObject CFunctionType;

namespace {

inline TypeObject* as_type(Object* o) { return static_cast<TypeObject*>(o); }
inline bool type_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS); }

// Common header of the four table descriptors.
struct DescrObject : Object {
  TypeObject* type;  // owner (owned reference)
  Object* name;      // str (owned)
  Object* qualname;  // lazily computed
};
struct MethodDescrObject : DescrObject {
  const MethodDef* def;
};
struct MemberDescrObject : DescrObject {
  const MemberDef* def;
};
struct GetSetDescrObject : DescrObject {
  const GetSetDef* def;
};

DescrObject* descr_alloc(TypeObject* descrtype, size_t size, TypeObject* owner, const char* name) {
  auto* d = static_cast<DescrObject*>(object_alloc(descrtype, size));
  if (!d) return nullptr;
  d->type = owner;
  incref(owner);
  d->name = str_from_cstr(name);
  if (!d->name) {
    decref(d);
    return nullptr;
  }
  return d;
}

void descr_dealloc(Object* self) {
  auto* d = static_cast<DescrObject*>(self);
  clear_ref(&d->name);
  clear_ref(&d->qualname);
  Object* t = d->type;
  d->type = nullptr;
  object_free(self);
  xdecref(t);
}

// "descriptor 'x' for 'T' objects doesn't apply to a 'U' object"
bool descr_check(DescrObject* d, Object* obj) {
  if (!object_type_check(obj, d->type)) {
    err_format(&Exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
               d->name, d->type->name, type_of(obj)->name);
    return false;
  }
  return true;
}

Object* descr_repr_fmt(Object* self, const char* kind) {
  auto* d = static_cast<DescrObject*>(self);
  StrWriter w;
  w.append("<");
  w.append(kind);
  w.append(" '");
  if (!w.append_str(d->name)) return nullptr;
  w.append("' of '");
  w.append(d->type->name);
  w.append("' objects>");
  return w.finish();
}

Object* descr_get_name(Object* self) { return newref(static_cast<DescrObject*>(self)->name); }
Object* descr_get_objclass(Object* self) { return newref(static_cast<DescrObject*>(self)->type); }
Object* descr_get_qualname(Object* self) {
  auto* d = static_cast<DescrObject*>(self);
  if (!d->qualname) {
    Ref tq = Ref::steal(object_getattr_str(d->type, "__qualname__"));
    if (!tq) return nullptr;
    StrWriter w;
    if (!w.append_str(tq.get())) return nullptr;
    w.append(".");
    if (!w.append_str(d->name)) return nullptr;
    d->qualname = w.finish();
    if (!d->qualname) return nullptr;
  }
  return newref(d->qualname);
}

Object* doc_or_none(const char* doc) { return doc ? str_from_cstr(doc) : none_ref(); }

// ---- method_descriptor ---------------------------------------------------------------------------------
Object* method_descr_get(Object* self, Object* obj, Object* type) {
  auto* d = static_cast<MethodDescrObject*>(self);
  if (!obj) return newref(self);
  if (!descr_check(d, obj)) return nullptr;
  return cfunction_new(d->def, obj, nullptr);
}

Object* method_descr_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* d = static_cast<MethodDescrObject*>(self);
  if (nargs < 1) {
    Ref q = Ref::steal(descr_get_qualname(self));
    if (!q) return nullptr;
    return err_format(&Exc_TypeError, "unbound method %U() needs an argument", q.get());
  }
  if (!descr_check(d, args[0])) return nullptr;
  return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

Object* method_descr_repr(Object* self) { return descr_repr_fmt(self, "method"); }
Object* method_descr_get_doc(Object* self) {
  return doc_or_none(static_cast<MethodDescrObject*>(self)->def->doc);
}

// __reduce__ of the descriptors of built-in types: (getattr, (owner type, name)), as CPython.
Object* descr_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  auto* d = static_cast<DescrObject*>(self);
  return reduce_as_getattr(as_object(d->type), d->name);
}

const MethodDef kDescrMethods[] = {
    {"__reduce__", descr_reduce, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kMethodDescrGetSets[] = {
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {"__doc__", method_descr_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- classmethod_descriptor ------------------------------------------------------------------------------
Object* classmethod_descr_get(Object* self, Object* obj, Object* type) {
  auto* d = static_cast<MethodDescrObject*>(self);
  if (!type) type = as_object(type_of(obj));
  if (!type_check(type)) {
    return err_format(&Exc_TypeError,
                      "descriptor '%U' for type '%s' needs a type, not a '%s' as arg 2", d->name,
                      d->type->name, type_of(type)->name);
  }
  if (!type_is_subtype(as_type(type), d->type)) {
    return err_format(&Exc_TypeError,
                      "descriptor '%U' requires a subtype of '%s' but received '%s'", d->name,
                      d->type->name, as_type(type)->name);
  }
  return cfunction_new(d->def, type, nullptr);
}

Object* classmethod_descr_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* d = static_cast<MethodDescrObject*>(self);
  if (nargs < 1) {
    return err_format(&Exc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->name,
                      d->type->name);
  }
  Ref bound = Ref::steal(classmethod_descr_get(self, nullptr, args[0]));
  if (!bound) return nullptr;
  return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

// ---- member_descriptor ------------------------------------------------------------------------------------
Object* member_get(Object* self, Object* obj, Object* type) {
  auto* d = static_cast<MemberDescrObject*>(self);
  if (!obj) return newref(self);
  if (!descr_check(d, obj)) return nullptr;
  const MemberDef* m = d->def;
  char* addr = reinterpret_cast<char*>(obj) + m->offset;
  switch (m->type) {
    case MEMBER_OBJECT: {
      Object* v = *reinterpret_cast<Object**>(addr);
      return newref(v ? v : None);
    }
    case MEMBER_OBJECT_EX: {
      Object* v = *reinterpret_cast<Object**>(addr);
      if (!v) {
        return err_attribute_error(obj, d->name, "'%s' object has no attribute '%U'",
                                   type_of(obj)->name, d->name);
      }
      return newref(v);
    }
    case MEMBER_SSIZE: return int_from_ssize(*reinterpret_cast<ssize*>(addr));
    case MEMBER_INT: return int_from_i64(*reinterpret_cast<int*>(addr));
    case MEMBER_BOOL: return bool_from(*reinterpret_cast<bool*>(addr));
    case MEMBER_DOUBLE: return float_from_double(*reinterpret_cast<double*>(addr));
  }
  return err_bad_internal_call("member_get");
}

int member_set(Object* self, Object* obj, Object* value) {
  auto* d = static_cast<MemberDescrObject*>(self);
  if (!descr_check(d, obj)) return -1;
  const MemberDef* m = d->def;
  if (m->flags & MEMBER_READONLY) {
    err_format(&Exc_AttributeError, "readonly attribute");
    return -1;
  }
  char* addr = reinterpret_cast<char*>(obj) + m->offset;
  if (!value && m->type != MEMBER_OBJECT && m->type != MEMBER_OBJECT_EX) {
    err_format(&Exc_TypeError, "can't delete numeric/char attribute");
    return -1;
  }
  switch (m->type) {
    case MEMBER_OBJECT:
      xincref(value);
      setref(reinterpret_cast<Object**>(addr), value);
      return 0;
    case MEMBER_OBJECT_EX: {
      Object** slot = reinterpret_cast<Object**>(addr);
      if (!value && !*slot) {
        err_set(&Exc_AttributeError, d->name);
        return -1;
      }
      xincref(value);
      setref(slot, value);
      return 0;
    }
    case MEMBER_SSIZE:
    case MEMBER_INT: {
      if (!int_check(value)) {
        err_format(&Exc_TypeError, "attribute value type must be int");
        return -1;
      }
      ssize v = int_as_ssize(value);
      if (v == -1 && err_occurred()) return -1;
      if (m->type == MEMBER_SSIZE) *reinterpret_cast<ssize*>(addr) = v;
      else *reinterpret_cast<int*>(addr) = int(v);
      return 0;
    }
    case MEMBER_BOOL:
      if (value != True && value != False) {
        err_format(&Exc_TypeError, "attribute value type must be bool");
        return -1;
      }
      *reinterpret_cast<bool*>(addr) = value == True;
      return 0;
    case MEMBER_DOUBLE: {
      double v = float_as_double(value);
      if (v == -1.0 && err_occurred()) return -1;
      *reinterpret_cast<double*>(addr) = v;
      return 0;
    }
  }
  err_bad_internal_call("member_set");
  return -1;
}

Object* member_repr(Object* self) { return descr_repr_fmt(self, "member"); }
Object* member_get_doc(Object* self) {
  return doc_or_none(static_cast<MemberDescrObject*>(self)->def->doc);
}

const GetSetDef kMemberGetSets[] = {
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {"__doc__", member_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- getset_descriptor --------------------------------------------------------------------------------------
Object* getset_get(Object* self, Object* obj, Object* type) {
  auto* d = static_cast<GetSetDescrObject*>(self);
  if (!obj) return newref(self);
  if (!descr_check(d, obj)) return nullptr;
  if (!d->def->get) {
    return err_format(&Exc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                      d->name, d->type->name);
  }
  return d->def->get(obj);
}

int getset_set(Object* self, Object* obj, Object* value) {
  auto* d = static_cast<GetSetDescrObject*>(self);
  if (!descr_check(d, obj)) return -1;
  if (!d->def->set) {
    err_format(&Exc_AttributeError, "attribute '%U' of '%s' objects is not writable", d->name,
               d->type->name);
    return -1;
  }
  return d->def->set(obj, value);
}

Object* getset_repr(Object* self) { return descr_repr_fmt(self, "attribute"); }
Object* getset_get_doc(Object* self) {
  return doc_or_none(static_cast<GetSetDescrObject*>(self)->def->doc);
}

const GetSetDef kGetSetGetSets[] = {
    {"__name__", descr_get_name, nullptr, nullptr},
    {"__qualname__", descr_get_qualname, nullptr, nullptr},
    {"__objclass__", descr_get_objclass, nullptr, nullptr},
    {"__doc__", getset_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- wrapper_descriptor / method-wrapper --------------------------------------------------------------------
inline WrapperDescrObject* as_wrapper(Object* o) { return static_cast<WrapperDescrObject*>(o); }

void wrapper_descr_dealloc(Object* self) {
  auto* d = as_wrapper(self);
  clear_ref(&d->name);
  TypeObject* t = d->type;
  object_free(self);
  xdecref(t);
}

bool wrapper_check_self(WrapperDescrObject* d, Object* obj) {
  if (!object_type_check(obj, d->type)) {
    err_format(&Exc_TypeError, "descriptor '%U' requires a '%s' object but received a '%s'",
               d->name, d->type->name, type_of(obj)->name);
    return false;
  }
  return true;
}

Object* wrapper_descr_get(Object* self, Object* obj, Object* type) {
  auto* d = as_wrapper(self);
  if (!obj) return newref(self);
  if (!object_type_check(obj, d->type)) {
    return err_format(&Exc_TypeError,
                      "descriptor '%U' for '%s' objects doesn't apply to a '%s' object", d->name,
                      d->type->name, type_of(obj)->name);
  }
  auto* mw = static_cast<MethodWrapperObject*>(
      object_alloc(&MethodWrapperType, sizeof(MethodWrapperObject)));
  if (!mw) return nullptr;
  mw->descr = newref(self);
  mw->self = newref(obj);
  return mw;
}

Object* wrapper_descr_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* d = as_wrapper(self);
  if (nargs < 1) {
    return err_format(&Exc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->name,
                      d->type->name);
  }
  if (!wrapper_check_self(d, args[0])) return nullptr;
  return wrapper_descr_call_bound(d, args[0], args + 1, nargs - 1, kwnames);
}

Object* wrapper_descr_repr(Object* self) {
  auto* d = as_wrapper(self);
  StrWriter w;
  w.append("<slot wrapper '");
  if (!w.append_str(d->name)) return nullptr;
  w.append("' of '");
  w.append(d->type->name);
  w.append("' objects>");
  return w.finish();
}

Object* wrapper_get_name(Object* self) { return newref(as_wrapper(self)->name); }
Object* wrapper_get_objclass(Object* self) { return newref(as_wrapper(self)->type); }
Object* wrapper_get_qualname(Object* self) {
  auto* d = as_wrapper(self);
  Ref tq = Ref::steal(object_getattr_str(d->type, "__qualname__"));
  if (!tq) return nullptr;
  StrWriter w;
  if (!w.append_str(tq.get())) return nullptr;
  w.append(".");
  if (!w.append_str(d->name)) return nullptr;
  return w.finish();
}
Object* wrapper_get_doc(Object* self) { return doc_or_none(as_wrapper(self)->def->doc); }

Object* wrapper_descr_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  auto* d = as_wrapper(self);
  return reduce_as_getattr(as_object(d->type), d->name);
}

const MethodDef kWrapperDescrMethods[] = {
    {"__reduce__", wrapper_descr_reduce, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kWrapperDescrGetSets[] = {
    {"__name__", wrapper_get_name, nullptr, nullptr},
    {"__qualname__", wrapper_get_qualname, nullptr, nullptr},
    {"__objclass__", wrapper_get_objclass, nullptr, nullptr},
    {"__doc__", wrapper_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

inline MethodWrapperObject* as_mw(Object* o) { return static_cast<MethodWrapperObject*>(o); }

void method_wrapper_dealloc(Object* self) {
  clear_ref(&as_mw(self)->descr);
  clear_ref(&as_mw(self)->self);
  object_free(self);
}

Object* method_wrapper_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* mw = as_mw(self);
  return wrapper_descr_call_bound(as_wrapper(mw->descr), mw->self, args, nargs, kwnames);
}

Object* method_wrapper_repr(Object* self) {
  auto* mw = as_mw(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(mw->self));
  StrWriter w;
  w.append("<method-wrapper '");
  if (!w.append_str(as_wrapper(mw->descr)->name)) return nullptr;
  w.append("' of ");
  w.append(type_of(mw->self)->name);
  w.append(buf);
  return w.finish();
}

Object* method_wrapper_richcompare(Object* a, Object* b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &MethodWrapperType) {
    return not_implemented_ref();
  }
  bool eq = as_mw(a)->descr == as_mw(b)->descr && as_mw(a)->self == as_mw(b)->self;
  return bool_from(op == CMP_EQ ? eq : !eq);
}

hash_t method_wrapper_hash(Object* self) {
  hash_t x = hash_pointer(as_mw(self)->self);
  hash_t y = hash_pointer(as_mw(self)->descr);
  hash_t h = x ^ y;
  return h == -1 ? -2 : h;
}

Object* mw_get_self(Object* self) { return newref(as_mw(self)->self); }
Object* mw_get_name(Object* self) { return newref(as_wrapper(as_mw(self)->descr)->name); }
Object* mw_get_qualname(Object* self) { return wrapper_get_qualname(as_mw(self)->descr); }
Object* mw_get_doc(Object* self) { return wrapper_get_doc(as_mw(self)->descr); }
Object* mw_get_objclass(Object* self) { return wrapper_get_objclass(as_mw(self)->descr); }

Object* method_wrapper_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  return reduce_as_getattr(as_mw(self)->self, as_wrapper(as_mw(self)->descr)->name);
}

const MethodDef kMethodWrapperMethods[] = {
    {"__reduce__", method_wrapper_reduce, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kMethodWrapperGetSets[] = {
    {"__self__", mw_get_self, nullptr, nullptr},
    {"__name__", mw_get_name, nullptr, nullptr},
    {"__qualname__", mw_get_qualname, nullptr, nullptr},
    {"__doc__", mw_get_doc, nullptr, nullptr},
    {"__objclass__", mw_get_objclass, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- builtin_function_or_method ------------------------------------------------------------------------------
inline CFunctionObject* as_cf(Object* o) { return static_cast<CFunctionObject*>(o); }

Object* cfunction_vectorcall(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* f = as_cf(self);
  return f->def->fn(f->self, args, nargs, kwnames);
}

void cfunction_dealloc(Object* self) {
  clear_ref(&as_cf(self)->self);
  clear_ref(&as_cf(self)->module);
  object_free(self);
}

bool cf_is_function(CFunctionObject* f) { return !f->self || module_check(f->self); }

Object* cfunction_repr(Object* self) {
  auto* f = as_cf(self);
  StrWriter w;
  if (cf_is_function(f)) {
    w.append("<built-in function ");
    w.append(f->def->name);
    w.append(">");
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(f->self));
    w.append("<built-in method ");
    w.append(f->def->name);
    w.append(" of ");
    w.append(type_of(f->self)->name);
    w.append(buf);
  }
  return w.finish();
}

Object* cfunction_richcompare(Object* a, Object* b, int op) {
  if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &CFunctionType) return not_implemented_ref();
  bool eq = as_cf(a)->def == as_cf(b)->def && as_cf(a)->self == as_cf(b)->self;
  return bool_from(op == CMP_EQ ? eq : !eq);
}

hash_t cfunction_hash(Object* self) {
  hash_t x = hash_pointer(as_cf(self)->self);
  hash_t y = hash_pointer(as_cf(self)->def);
  hash_t h = x ^ y;
  return h == -1 ? -2 : h;
}

Object* cf_get_name(Object* self) { return str_from_cstr(as_cf(self)->def->name); }
Object* cf_get_qualname(Object* self) {
  auto* f = as_cf(self);
  if (cf_is_function(f)) return str_from_cstr(f->def->name);
  Object* owner = type_check(f->self) ? f->self : as_object(type_of(f->self));
  Ref tq = Ref::steal(object_getattr_str(owner, "__qualname__"));
  if (!tq) return nullptr;
  StrWriter w;
  if (!w.append_str(tq.get())) return nullptr;
  w.append(".");
  w.append(f->def->name);
  return w.finish();
}
Object* cf_get_self(Object* self) {
  Object* s = as_cf(self)->self;
  return newref(s ? s : None);
}
Object* cf_get_doc(Object* self) { return doc_or_none(as_cf(self)->def->doc); }
Object* cf_get_text_signature(Object* self) { return none_ref(); }

// Module functions pickle by name; methods bound to an object as getattr(object, name).
Object* cfunction_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  auto* f = as_cf(self);
  Ref name = Ref::steal(str_from_cstr(f->def->name));
  if (!name || cf_is_function(f)) return name.release();
  return reduce_as_getattr(f->self, name.get());
}

const MethodDef kCFunctionMethods[] = {
    {"__reduce__", cfunction_reduce, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kCFunctionGetSets[] = {
    {"__name__", cf_get_name, nullptr, nullptr},
    {"__qualname__", cf_get_qualname, nullptr, nullptr},
    {"__self__", cf_get_self, nullptr, nullptr},
    {"__doc__", cf_get_doc, nullptr, nullptr},
    {"__text_signature__", cf_get_text_signature, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};
const MemberDef kCFunctionMembers[] = {
    {"__module__", MEMBER_OBJECT, ssize(offsetof(CFunctionObject, module)), 0, nullptr},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};

// ---- classmethod / staticmethod ------------------------------------------------------------------------------
struct FuncWrapperObject : Object {  // classmethod and staticmethod
  Object* callable;
  Object* dict;
};
inline FuncWrapperObject* as_fw(Object* o) { return static_cast<FuncWrapperObject*>(o); }

Object* funcwrapper_new(TypeObject* type, Object* const*, ssize, Object*) {
  return object_alloc(type, sizeof(FuncWrapperObject));
}

void funcwrapper_dealloc(Object* self) {
  clear_ref(&as_fw(self)->callable);
  clear_ref(&as_fw(self)->dict);
  object_free(self);
}

// Copy __module__, __name__, __qualname__, __doc__ (functools.wraps-like, as CPython 3.10+).
int funcwrapper_copy_attrs(Object* self, Object* callable) {
  static const char* const kAttrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};
  for (const char* a : kAttrs) {
    Object* v = nullptr;
    if (object_lookup_attr(callable, str_intern_cstr_borrowed(a), &v) < 0) return -1;
    if (!v) continue;
    Ref vr = Ref::steal(v);
    if (!as_fw(self)->dict) {
      as_fw(self)->dict = dict_new();
      if (!as_fw(self)->dict) return -1;
    }
    if (dict_setitem_str(as_fw(self)->dict, a, v) < 0) return -1;
  }
  return 0;
}

int funcwrapper_init(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                     const char* name) {
  if (!check_no_kwargs(name, kwnames)) return -1;
  if (!check_positional(name, nargs, 1, 1)) return -1;
  setref(&as_fw(self)->callable, newref(args[0]));
  return funcwrapper_copy_attrs(self, args[0]);
}
int classmethod_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return funcwrapper_init(self, args, nargs, kwnames, "classmethod");
}
int staticmethod_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return funcwrapper_init(self, args, nargs, kwnames, "staticmethod");
}

Object* classmethod_get(Object* self, Object* obj, Object* type) {
  auto* cm = as_fw(self);
  if (!cm->callable) return err_format(&Exc_RuntimeError, "uninitialized classmethod object");
  if (!type) type = as_object(type_of(obj));
  descrgetfunc f = type_of(cm->callable)->descr_get;
  if (f) return f(cm->callable, type, as_object(type_of(type)));
  return method_new(cm->callable, type);
}

Object* staticmethod_get(Object* self, Object* obj, Object* type) {
  auto* sm = as_fw(self);
  if (!sm->callable) return err_format(&Exc_RuntimeError, "uninitialized staticmethod object");
  return newref(sm->callable);
}

Object* staticmethod_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return call(as_fw(self)->callable, args, nargs, kwnames);
}

Object* funcwrapper_repr(Object* self, const char* kind) {
  StrWriter w;
  w.append("<");
  w.append(kind);
  w.append("(");
  if (!w.append_repr(as_fw(self)->callable ? as_fw(self)->callable : None)) return nullptr;
  w.append(")>");
  return w.finish();
}
Object* classmethod_repr(Object* self) { return funcwrapper_repr(self, "classmethod"); }
Object* staticmethod_repr(Object* self) { return funcwrapper_repr(self, "staticmethod"); }

Object* fw_get_func(Object* self) {
  Object* c = as_fw(self)->callable;
  return newref(c ? c : None);
}
Object* fw_get_isabstract(Object* self) {
  Object* c = as_fw(self)->callable;
  if (!c) return bool_from(false);
  Object* v = nullptr;
  if (object_lookup_attr(c, str_intern_cstr_borrowed("__isabstractmethod__"), &v) < 0)
    return nullptr;
  if (!v) return bool_from(false);
  int t = object_is_true(v);
  decref(v);
  if (t < 0) return nullptr;
  return bool_from(t);
}

const GetSetDef kFuncWrapperGetSets[] = {
    {"__func__", fw_get_func, nullptr, nullptr},
    {"__wrapped__", fw_get_func, nullptr, nullptr},
    {"__isabstractmethod__", fw_get_isabstract, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- property ---------------------------------------------------------------------------------------------------
struct PropertyObject : Object {
  Object* fget;
  Object* fset;
  Object* fdel;
  Object* doc;
  Object* name;
  bool getter_doc;
};
inline PropertyObject* as_prop(Object* o) { return static_cast<PropertyObject*>(o); }

Object* property_tp_new(TypeObject* type, Object* const*, ssize, Object*) {
  return object_alloc(type, sizeof(PropertyObject));
}

void property_dealloc(Object* self) {
  auto* p = as_prop(self);
  clear_ref(&p->fget);
  clear_ref(&p->fset);
  clear_ref(&p->fdel);
  clear_ref(&p->doc);
  clear_ref(&p->name);
  object_free(self);
}

int property_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"fget", "fset", "fdel", "doc", nullptr};
  Object* out[4];
  static const ArgSpec spec{"property", kwlist, 0, 4};
  if (!parse_args(spec, args, nargs, kwnames, out)) return -1;
  auto* p = as_prop(self);
  auto norm = [](Object* o) { return (o && o != None) ? newref(o) : nullptr; };
  setref(&p->fget, norm(out[0]));
  setref(&p->fset, norm(out[1]));
  setref(&p->fdel, norm(out[2]));
  setref(&p->doc, norm(out[3]));
  p->getter_doc = false;
  if (!p->doc && p->fget) {
    Object* d = nullptr;
    if (object_lookup_attr(p->fget, str_intern_cstr_borrowed("__doc__"), &d) < 0) return -1;
    if (d && d != None) {
      p->getter_doc = true;
      if (type_of(self) == &PropertyType) {
        setref(&p->doc, d);
        d = nullptr;
      } else {
        // Subclasses: store __doc__ in the instance dict (as CPython).
        if (object_setattr_str(self, "__doc__", d) < 0) {
          xdecref(d);
          return -1;
        }
      }
    }
    xdecref(d);
  }
  if (!p->name && p->fget) {
    Object* n = nullptr;
    if (object_lookup_attr(p->fget, str_intern_cstr_borrowed("__name__"), &n) < 0) err_clear();
    setref(&p->name, n);
  }
  return 0;
}

// "property 'x' of 'A' object has no getter"
Object* property_error(PropertyObject* p, Object* obj, const char* what) {
  if (p->name) {
    return err_format(&Exc_AttributeError, "property %R of '%s' object has no %s", p->name,
                      type_name(type_of(obj)), what);
  }
  return err_format(&Exc_AttributeError, "property of '%s' object has no %s",
                    type_name(type_of(obj)), what);
}

Object* property_get(Object* self, Object* obj, Object* type) {
  auto* p = as_prop(self);
  if (!obj || obj == None) {
    if (!obj) return newref(self);
  }
  if (!p->fget) return property_error(p, obj, "getter");
  return call1(p->fget, obj);
}

int property_set(Object* self, Object* obj, Object* value) {
  auto* p = as_prop(self);
  Object* f = value ? p->fset : p->fdel;
  if (!f) {
    property_error(p, obj, value ? "setter" : "deleter");
    return -1;
  }
  Ref r = Ref::steal(value ? call2(f, obj, value) : call1(f, obj));
  return r ? 0 : -1;
}

// property.getter/setter/deleter: a copy with one accessor replaced.
Object* property_copy(Object* self, Object* fget, Object* fset, Object* fdel) {
  auto* p = as_prop(self);
  if (!fget) fget = p->fget ? p->fget : None;
  if (!fset) fset = p->fset ? p->fset : None;
  if (!fdel) fdel = p->fdel ? p->fdel : None;
  Object* doc = (p->getter_doc && fget != None) ? None : (p->doc ? p->doc : None);
  Object* args[4] = {fget, fset, fdel, doc};
  Ref np = Ref::steal(call(as_object(type_of(self)), args, 4));
  if (!np) return nullptr;
  if (object_type_check(np.get(), &PropertyType) && p->name) {
    setref(&as_prop(np.get())->name, newref(p->name));
  }
  return np.release();
}
Object* property_getter(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_positional("getter", nargs, 1, 1)) return nullptr;
  return property_copy(self, args[0], nullptr, nullptr);
}
Object* property_setter(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_positional("setter", nargs, 1, 1)) return nullptr;
  return property_copy(self, nullptr, args[0], nullptr);
}
Object* property_deleter(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_positional("deleter", nargs, 1, 1)) return nullptr;
  return property_copy(self, nullptr, nullptr, args[0]);
}
Object* property_set_name(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (nargs != 2) {
    return err_format(&Exc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                      nargs);
  }
  setref(&as_prop(self)->name, newref(args[1]));
  return none_ref();
}

const MethodDef kPropertyMethods[] = {
    {"getter", property_getter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", property_setter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", property_deleter, METH_DEFAULT, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", property_set_name, METH_DEFAULT, "Method to set name of a property."},
    {nullptr, nullptr, 0, nullptr},
};
const MemberDef kPropertyMembers[] = {
    {"fget", MEMBER_OBJECT, ssize(offsetof(PropertyObject, fget)), MEMBER_READONLY, nullptr},
    {"fset", MEMBER_OBJECT, ssize(offsetof(PropertyObject, fset)), MEMBER_READONLY, nullptr},
    {"fdel", MEMBER_OBJECT, ssize(offsetof(PropertyObject, fdel)), MEMBER_READONLY, nullptr},
    {"__doc__", MEMBER_OBJECT, ssize(offsetof(PropertyObject, doc)), 0, nullptr},
    {nullptr, MEMBER_OBJECT, 0, 0, nullptr},
};
Object* property_get_isabstract(Object* self) {
  auto* p = as_prop(self);
  for (Object* f : {p->fget, p->fset, p->fdel}) {
    if (!f) continue;
    Object* v = nullptr;
    if (object_lookup_attr(f, str_intern_cstr_borrowed("__isabstractmethod__"), &v) < 0)
      return nullptr;
    if (!v) continue;
    int t = object_is_true(v);
    decref(v);
    if (t < 0) return nullptr;
    if (t) return bool_from(true);
  }
  return bool_from(false);
}
Object* property_get_name(Object* self) {
  auto* p = as_prop(self);
  if (p->name) return newref(p->name);
  return err_format(&Exc_AttributeError, "'property' object has no attribute '__name__'");
}
int property_set_name_attr(Object* self, Object* value) {
  xincref(value);
  setref(&as_prop(self)->name, value);
  return 0;
}
const GetSetDef kPropertyGetSets[] = {
    {"__isabstractmethod__", property_get_isabstract, nullptr, nullptr},
    {"__name__", property_get_name, property_set_name_attr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- super ---------------------------------------------------------------------------------------------------------
struct SuperObject : Object {
  TypeObject* type;      // owned
  Object* obj;           // owned, may be null
  TypeObject* obj_type;  // owned, may be null
};
inline SuperObject* as_super(Object* o) { return static_cast<SuperObject*>(o); }

// The type whose MRO super walks: obj itself when obj is a subclass of type, else type(obj).
TypeObject* supercheck(TypeObject* type, Object* obj) {
  if (type_check(obj) && type_is_subtype(as_type(obj), type)) return as_type(obj);
  if (type_is_subtype(type_of(obj), type)) return type_of(obj);
  Object* cls = nullptr;
  if (object_lookup_attr(obj, str_intern_cstr_borrowed("__class__"), &cls) < 0) return nullptr;
  if (cls) {
    Ref c = Ref::steal(cls);
    if (type_check(c.get()) && c.get() != as_object(type_of(obj)) &&
        type_is_subtype(as_type(c.get()), type)) {
      return as_type(c.get());  // borrowed: a class is kept alive by its instance
    }
  }
  err_format(&Exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

// Find `name` in starttype's MRO after `type`. Borrowed result or nullptr (no exception).
Object* super_lookup(TypeObject* type, TypeObject* starttype, Object* name) {
  Object* mro = starttype->mro;
  if (!mro) return nullptr;
  ssize n = tuple_size(mro);
  ssize i = 0;
  for (; i + 1 < n; ++i) {
    if (tuple_get_borrowed(mro, i) == as_object(type)) break;
  }
  ++i;
  for (; i < n; ++i) {
    Object* d = as_type(tuple_get_borrowed(mro, i))->dict;
    if (!d) continue;
    Object* v = dict_get_borrowed(d, name);
    if (v) return v;
    if (err_occurred()) err_clear();
  }
  return nullptr;
}

Object* super_tp_new(TypeObject* type, Object* const*, ssize, Object*) {
  return object_alloc(type, sizeof(SuperObject));
}

void super_dealloc(Object* self) {
  auto* s = as_super(self);
  Object* t = s->type;
  Object* ot = s->obj_type;
  s->type = nullptr;
  s->obj_type = nullptr;
  clear_ref(&s->obj);
  xdecref(t);
  xdecref(ot);
  object_free(self);
}

// super() without arguments: __class__ from the calling frame's cell and its first argument.
int super_args_from_frame(TypeObject** type_out, Object** obj_out) {
  ThreadState* ts = tstate();
  Frame* f = ts ? ts->frame : nullptr;
  if (!f) {
    err_format(&Exc_RuntimeError, "super(): no current frame");
    return -1;
  }
  CodeObject* co = f->code;
  if (co->argcount == 0) {
    err_format(&Exc_RuntimeError, "super(): no arguments");
    return -1;
  }
  Object* firstarg = f->localsplus[0];
  if (firstarg && (co->localspluskinds[0] & CO_FAST_CELL) && cell_check(firstarg)) {
    firstarg = cell_get_borrowed(firstarg);
  }
  if (!firstarg) {
    err_format(&Exc_RuntimeError, "super(): arg[0] deleted");
    return -1;
  }
  for (int i = 0; i < co->nlocalsplus; ++i) {
    if (!(co->localspluskinds[i] & CO_FAST_FREE)) continue;
    if (!str_equal_cstr(tuple_get_borrowed(co->localsplusnames, i), "__class__")) continue;
    Object* cell = f->localsplus[i];
    if (!cell || !cell_check(cell)) {
      err_format(&Exc_RuntimeError, "super(): bad __class__ cell");
      return -1;
    }
    Object* t = cell_get_borrowed(cell);
    if (!t) {
      err_format(&Exc_RuntimeError, "super(): empty __class__ cell");
      return -1;
    }
    if (!type_check(t)) {
      err_format(&Exc_RuntimeError, "super(): __class__ is not a type (%s)", type_of(t)->name);
      return -1;
    }
    *type_out = as_type(t);
    *obj_out = firstarg;
    return 0;
  }
  err_format(&Exc_RuntimeError, "super(): __class__ cell not found");
  return -1;
}

int super_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("super", kwnames)) return -1;
  Object* frame_args[2];
  if (nargs == 0) {
    TypeObject* t;
    if (super_args_from_frame(&t, &frame_args[1]) < 0) return -1;
    frame_args[0] = t;
    args = frame_args;
    nargs = 2;
  }
  if (!check_positional("super", nargs, 1, 2)) return -1;
  if (!type_check(args[0])) {
    err_format(&Exc_TypeError, "super() argument 1 must be a type, not %s", type_of(args[0])->name);
    return -1;
  }
  TypeObject* type = as_type(args[0]);
  Object* obj = nargs > 1 && args[1] != None ? args[1] : nullptr;
  TypeObject* obj_type = nullptr;
  if (obj) {
    obj_type = supercheck(type, obj);
    if (!obj_type) return -1;
  }
  auto* s = as_super(self);
  Object* old_t = s->type;
  Object* old_ot = s->obj_type;
  s->type = static_cast<TypeObject*>(newref(type));
  s->obj_type = obj_type ? static_cast<TypeObject*>(newref(obj_type)) : nullptr;
  xincref(obj);
  setref(&s->obj, obj);
  xdecref(old_t);
  xdecref(old_ot);
  return 0;
}

Object* super_getattro(Object* self, Object* name) {
  auto* s = as_super(self);
  if (s->obj_type && !(str_check(name) && str_equal_cstr(name, "__class__"))) {
    Ref res = Ref::borrow(super_lookup(s->type, s->obj_type, name));
    if (res) {
      descrgetfunc f = type_of(res.get())->descr_get;
      if (f) {
        Object* o = s->obj == as_object(s->obj_type) ? nullptr : s->obj;
        return f(res.get(), o, s->obj_type);
      }
      return res.release();
    }
  }
  return generic_getattr(self, name);
}

Object* super_descr_get(Object* self, Object* obj, Object* type) {
  auto* s = as_super(self);
  if (!obj || obj == None || s->obj) return newref(self);
  Object* args[2] = {s->type, obj};
  return call(as_object(type_of(self)), args, 2);
}

Object* super_repr(Object* self) {
  auto* s = as_super(self);
  StrWriter w;
  w.append("<super: <class '");
  w.append(s->type->name);
  w.append("'>, ");
  if (s->obj_type) {
    w.append("<");
    w.append(s->obj_type->name);
    w.append(" object>");
  } else {
    w.append("NULL");
  }
  w.append(">");
  return w.finish();
}

Object* super_get_thisclass(Object* self) {
  Object* t = as_super(self)->type;
  return newref(t ? t : None);
}
Object* super_get_self(Object* self) {
  Object* t = as_super(self)->obj;
  return newref(t ? t : None);
}
Object* super_get_self_class(Object* self) {
  Object* t = as_super(self)->obj_type;
  return newref(t ? t : None);
}
const GetSetDef kSuperGetSets[] = {
    {"__thisclass__", super_get_thisclass, nullptr, "the class invoking super()"},
    {"__self__", super_get_self, nullptr, "the instance invoking super(); may be None"},
    {"__self_class__", super_get_self_class, nullptr, "the type of the instance invoking super(); may be None"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- mappingproxy ---------------------------------------------------------------------------------------------------
struct MappingProxyObject : Object {
  Object* mapping;
};
inline Object* mp_of(Object* o) { return static_cast<MappingProxyObject*>(o)->mapping; }

void mappingproxy_dealloc(Object* self) {
  clear_ref(&static_cast<MappingProxyObject*>(self)->mapping);
  object_free(self);
}
Object* mappingproxy_tp_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kwlist[] = {"mapping", nullptr};
  Object* out[1];
  static const ArgSpec spec{"mappingproxy", kwlist, 1, 1};
  if (!parse_args(spec, args, nargs, kwnames, out)) return nullptr;
  if (list_check(out[0]) || tuple_check(out[0]) ||
      !type_lookup_borrowed(type_of(out[0]), str_intern_cstr_borrowed("__getitem__"))) {
    return err_format(&Exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                      type_of(out[0])->name);
  }
  return mappingproxy_new(out[0]);
}
ssize mappingproxy_len(Object* self) { return object_length(mp_of(self)); }
Object* mappingproxy_getitem(Object* self, Object* key) { return object_getitem(mp_of(self), key); }
int mappingproxy_contains(Object* self, Object* key) {
  if (dict_check_exact(mp_of(self))) return dict_contains(mp_of(self), key);
  return sequence_contains(mp_of(self), key);
}
Object* mappingproxy_iter(Object* self) { return object_getiter(mp_of(self)); }
Object* mappingproxy_repr(Object* self) {
  StrWriter w;
  w.append("mappingproxy(");
  if (!w.append_repr(mp_of(self))) return nullptr;
  w.append(")");
  return w.finish();
}
Object* mappingproxy_str(Object* self) { return object_str(mp_of(self)); }
Object* mappingproxy_richcompare(Object* self, Object* other, int op) {
  return object_richcompare(mp_of(self), other, op);
}
Object* mappingproxy_or(Object* a, Object* b) {
  if (type_of(a) == &MappingProxyType) a = mp_of(a);
  if (type_of(b) == &MappingProxyType) b = mp_of(b);
  return number_binary_op(a, b, NB_OR);
}
Object* mappingproxy_ior(Object* a, Object* b) {
  return err_format(&Exc_TypeError, "'|=' is not supported by %s; use '|' instead", type_of(a)->name);
}
Object* mp_forward(Object* self, const char* name, Object* const* args, ssize nargs) {
  return call_method(mp_of(self), name, args, nargs);
}
Object* mappingproxy_keys(Object* self, Object* const*, ssize nargs, Object*) {
  return mp_forward(self, "keys", nullptr, 0);
}
Object* mappingproxy_values(Object* self, Object* const*, ssize nargs, Object*) {
  return mp_forward(self, "values", nullptr, 0);
}
Object* mappingproxy_items(Object* self, Object* const*, ssize nargs, Object*) {
  return mp_forward(self, "items", nullptr, 0);
}
Object* mappingproxy_copy(Object* self, Object* const*, ssize nargs, Object*) {
  return mp_forward(self, "copy", nullptr, 0);
}
Object* mappingproxy_get(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_no_kwargs("get", kw) || !check_positional("get", nargs, 1, 2)) return nullptr;
  return mp_forward(self, "get", args, nargs);
}
Object* mappingproxy_reversed(Object* self, Object* const*, ssize nargs, Object*) {
  return call1(as_object(&ReversedType), mp_of(self));
}
const MethodDef kMappingProxyMethods[] = {
    {"get", mappingproxy_get, METH_DEFAULT, nullptr},
    {"keys", mappingproxy_keys, METH_DEFAULT, nullptr},
    {"values", mappingproxy_values, METH_DEFAULT, nullptr},
    {"items", mappingproxy_items, METH_DEFAULT, nullptr},
    {"copy", mappingproxy_copy, METH_DEFAULT, nullptr},
    {"__reversed__", mappingproxy_reversed, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- cycle collector support (core/gc.h) ----------------------------------------------------------------------
// As CPython: every descriptor visits what it owns; only the objects that can be the mutable
// link of a cycle have a clear (classmethod/staticmethod: callable and __dict__; property: doc).
#define GILPY_VISIT(p)                  \
  do {                                  \
    Object* v_ = (p);                   \
    if (v_) {                           \
      int r_ = visit(v_, arg);          \
      if (r_) return r_;                \
    }                                   \
  } while (0)

int descr_traverse(Object* self, visitproc visit, void* arg) {
  auto* d = static_cast<DescrObject*>(self);
  GILPY_VISIT(d->type);
  GILPY_VISIT(d->name);
  GILPY_VISIT(d->qualname);
  return 0;
}
int wrapper_descr_traverse(Object* self, visitproc visit, void* arg) {
  GILPY_VISIT(as_wrapper(self)->type);
  return 0;
}
int method_wrapper_traverse(Object* self, visitproc visit, void* arg) {
  GILPY_VISIT(as_mw(self)->descr);
  GILPY_VISIT(as_mw(self)->self);
  return 0;
}
int cfunction_traverse(Object* self, visitproc visit, void* arg) {
  GILPY_VISIT(as_cf(self)->self);
  GILPY_VISIT(as_cf(self)->module);
  return 0;
}
int funcwrapper_traverse(Object* self, visitproc visit, void* arg) {
  GILPY_VISIT(as_fw(self)->callable);
  GILPY_VISIT(as_fw(self)->dict);
  return 0;
}
int funcwrapper_clear(Object* self) {
  clear_ref(&as_fw(self)->callable);
  clear_ref(&as_fw(self)->dict);
  return 0;
}
int property_traverse(Object* self, visitproc visit, void* arg) {
  auto* p = as_prop(self);
  GILPY_VISIT(p->fget);
  GILPY_VISIT(p->fset);
  GILPY_VISIT(p->fdel);
  GILPY_VISIT(p->doc);
  GILPY_VISIT(p->name);
  return 0;
}
int property_clear(Object* self) {
  clear_ref(&as_prop(self)->doc);
  return 0;
}
int super_traverse(Object* self, visitproc visit, void* arg) {
  auto* s = as_super(self);
  GILPY_VISIT(s->obj);
  GILPY_VISIT(s->type);
  GILPY_VISIT(s->obj_type);
  return 0;
}
int mappingproxy_traverse(Object* self, visitproc visit, void* arg) {
  GILPY_VISIT(static_cast<MappingProxyObject*>(self)->mapping);
  return 0;
}
#undef GILPY_VISIT

// ---- registration ------------------------------------------------------------------------------------------------
void init_type(TypeObject* t, const char* name, ssize size, destructor dealloc) {
  t->name = name;
  t->basicsize = size;
  t->dealloc = dealloc;
  t->getattro = generic_getattr;
}

}  // namespace

// =====================================================================================================
// Constructors used by type_ready and others
// =====================================================================================================
Object* method_descr_new(TypeObject* type, const MethodDef* def) {
  auto* d = static_cast<MethodDescrObject*>(
      descr_alloc(&MethodDescrType, sizeof(MethodDescrObject), type, def->name));
  if (d) d->def = def;
  return d;
}

Object* classmethod_descr_new(TypeObject* type, const MethodDef* def) {
  auto* d = static_cast<MethodDescrObject*>(
      descr_alloc(&ClassMethodDescrType, sizeof(MethodDescrObject), type, def->name));
  if (d) d->def = def;
  return d;
}

Object* staticmethod_from_def(TypeObject* type, const MethodDef* def) {
  Ref f = Ref::steal(cfunction_new(def, nullptr, nullptr));
  if (!f) return nullptr;
  return staticmethod_new(f.get());
}

Object* member_descr_new(TypeObject* type, const MemberDef* def) {
  auto* d = static_cast<MemberDescrObject*>(
      descr_alloc(&MemberDescrType, sizeof(MemberDescrObject), type, def->name));
  if (d) d->def = def;
  return d;
}

Object* getset_descr_new(TypeObject* type, const GetSetDef* def) {
  auto* d = static_cast<GetSetDescrObject*>(
      descr_alloc(&GetSetDescrType, sizeof(GetSetDescrObject), type, def->name));
  if (d) d->def = def;
  return d;
}

Object* wrapper_descr_new(TypeObject* type, const SlotDef* def, void* wrapped) {
  auto* d = static_cast<WrapperDescrObject*>(
      object_alloc(&WrapperDescrType, sizeof(WrapperDescrObject)));
  if (!d) return nullptr;
  d->type = type;
  incref(type);
  d->name = newref(str_intern_cstr_borrowed(def->name));
  d->def = def;
  d->wrapped = wrapped;
  return d;
}

Object* wrapper_descr_call_bound(WrapperDescrObject* d, Object* self, Object* const* args,
                                 ssize nargs, Object* kwnames) {
  return d->def->wrapper(self, args, nargs, kwnames, d->wrapped, d->def);
}

Object* cfunction_new(const MethodDef* def, Object* self, Object* module) {
  auto* f = static_cast<CFunctionObject*>(object_alloc(&CFunctionType, sizeof(CFunctionObject)));
  if (!f) return nullptr;
  f->def = def;
  xincref(self);
  f->self = self;
  xincref(module);
  f->module = module;
  f->vectorcall = cfunction_vectorcall;
  return f;
}

Object* cfunction_self_borrowed(Object* cf) { return as_cf(cf)->self; }

Object* classmethod_new(Object* callable) {
  Ref cm = Ref::steal(object_alloc(&ClassMethodType, sizeof(FuncWrapperObject)));
  if (!cm) return nullptr;
  as_fw(cm.get())->callable = newref(callable);
  if (funcwrapper_copy_attrs(cm.get(), callable) < 0) return nullptr;
  return cm.release();
}

Object* staticmethod_new(Object* callable) {
  Ref sm = Ref::steal(object_alloc(&StaticMethodType, sizeof(FuncWrapperObject)));
  if (!sm) return nullptr;
  as_fw(sm.get())->callable = newref(callable);
  if (funcwrapper_copy_attrs(sm.get(), callable) < 0) return nullptr;
  return sm.release();
}

Object* mappingproxy_new(Object* mapping) {
  auto* p = static_cast<MappingProxyObject*>(
      object_alloc(&MappingProxyType, sizeof(MappingProxyObject)));
  if (!p) return nullptr;
  p->mapping = newref(mapping);
  return p;
}

TypeObject* descr_objclass(Object* descr) {
  TypeObject* t = type_of(descr);
  if (t == &MethodDescrType || t == &ClassMethodDescrType || t == &MemberDescrType ||
      t == &GetSetDescrType) {
    return static_cast<DescrObject*>(descr)->type;
  }
  if (t == &WrapperDescrType) return as_wrapper(descr)->type;
  return nullptr;
}

Object* super_getattr(TypeObject* type, Object* obj, Object* name) {
  TypeObject* starttype = supercheck(type, obj);
  if (!starttype) return nullptr;
  Ref res = Ref::borrow(super_lookup(type, starttype, name));
  if (res) {
    descrgetfunc f = type_of(res.get())->descr_get;
    if (f) return f(res.get(), obj == as_object(starttype) ? nullptr : obj, starttype);
    return res.release();
  }
  // Attributes of the super object itself (__class__, __thisclass__, ...), then the error.
  Object* args[2] = {type, obj};
  Ref sup = Ref::steal(call(as_object(&SuperType), args, 2));
  if (!sup) return nullptr;
  return generic_getattr(sup.get(), name);
}

int super_get_method(TypeObject* type, Object* obj, Object* name, Object** method) {
  *method = nullptr;
  TypeObject* starttype = supercheck(type, obj);
  if (!starttype) return -1;
  Ref res = Ref::borrow(super_lookup(type, starttype, name));
  if (res) {
    TypeObject* rt = type_of(res.get());
    if ((rt->flags & TPFLAG_METHOD_DESCRIPTOR) && obj != as_object(starttype)) {
      *method = res.release();
      return 1;
    }
    if (rt->descr_get) {
      *method = rt->descr_get(res.get(), obj == as_object(starttype) ? nullptr : obj, starttype);
      return *method ? 0 : -1;
    }
    *method = res.release();
    return 0;
  }
  *method = super_getattr(type, obj, name);
  return *method ? 0 : -1;
}

// =====================================================================================================
// Registration
// =====================================================================================================
void init_descr_types() {
  init_type(&MethodDescrType, "method_descriptor", sizeof(MethodDescrObject), descr_dealloc);
  MethodDescrType.flags = TPFLAG_METHOD_DESCRIPTOR | TPFLAG_HAVE_GC;
  MethodDescrType.traverse = descr_traverse;
  MethodDescrType.descr_get = method_descr_get;
  MethodDescrType.call = method_descr_call;
  MethodDescrType.repr = method_descr_repr;
  MethodDescrType.getset = kMethodDescrGetSets;
  MethodDescrType.methods = kDescrMethods;
  register_static_type(&MethodDescrType);

  init_type(&ClassMethodDescrType, "classmethod_descriptor", sizeof(MethodDescrObject),
            descr_dealloc);
  ClassMethodDescrType.flags = TPFLAG_HAVE_GC;
  ClassMethodDescrType.traverse = descr_traverse;
  ClassMethodDescrType.descr_get = classmethod_descr_get;
  ClassMethodDescrType.call = classmethod_descr_call;
  ClassMethodDescrType.repr = method_descr_repr;
  ClassMethodDescrType.getset = kMethodDescrGetSets;
  register_static_type(&ClassMethodDescrType);

  init_type(&MemberDescrType, "member_descriptor", sizeof(MemberDescrObject), descr_dealloc);
  MemberDescrType.flags = TPFLAG_HAVE_GC;
  MemberDescrType.traverse = descr_traverse;
  MemberDescrType.descr_get = member_get;
  MemberDescrType.descr_set = member_set;
  MemberDescrType.repr = member_repr;
  MemberDescrType.getset = kMemberGetSets;
  MemberDescrType.methods = kDescrMethods;
  register_static_type(&MemberDescrType);

  init_type(&GetSetDescrType, "getset_descriptor", sizeof(GetSetDescrObject), descr_dealloc);
  GetSetDescrType.flags = TPFLAG_HAVE_GC;
  GetSetDescrType.traverse = descr_traverse;
  GetSetDescrType.descr_get = getset_get;
  GetSetDescrType.descr_set = getset_set;
  GetSetDescrType.repr = getset_repr;
  GetSetDescrType.getset = kGetSetGetSets;
  register_static_type(&GetSetDescrType);

  init_type(&WrapperDescrType, "wrapper_descriptor", sizeof(WrapperDescrObject),
            wrapper_descr_dealloc);
  WrapperDescrType.flags = TPFLAG_METHOD_DESCRIPTOR | TPFLAG_HAVE_GC;
  WrapperDescrType.traverse = wrapper_descr_traverse;
  WrapperDescrType.descr_get = wrapper_descr_get;
  WrapperDescrType.call = wrapper_descr_call;
  WrapperDescrType.repr = wrapper_descr_repr;
  WrapperDescrType.getset = kWrapperDescrGetSets;
  WrapperDescrType.methods = kWrapperDescrMethods;
  register_static_type(&WrapperDescrType);

  init_type(&MethodWrapperType, "method-wrapper", sizeof(MethodWrapperObject),
            method_wrapper_dealloc);
  MethodWrapperType.flags = TPFLAG_HAVE_GC;
  MethodWrapperType.traverse = method_wrapper_traverse;
  MethodWrapperType.call = method_wrapper_call;
  MethodWrapperType.repr = method_wrapper_repr;
  MethodWrapperType.richcompare = method_wrapper_richcompare;
  MethodWrapperType.hash = method_wrapper_hash;
  MethodWrapperType.getset = kMethodWrapperGetSets;
  MethodWrapperType.methods = kMethodWrapperMethods;
  register_static_type(&MethodWrapperType);

  init_type(&CFunctionType, "builtin_function_or_method", sizeof(CFunctionObject),
            cfunction_dealloc);
  CFunctionType.flags = TPFLAG_HAVE_GC;
  CFunctionType.traverse = cfunction_traverse;
  CFunctionType.call = cfunction_vectorcall;
  CFunctionType.repr = cfunction_repr;
  CFunctionType.richcompare = cfunction_richcompare;
  CFunctionType.hash = cfunction_hash;
  CFunctionType.getset = kCFunctionGetSets;
  CFunctionType.members = kCFunctionMembers;
  CFunctionType.methods = kCFunctionMethods;
  register_static_type(&CFunctionType);

  init_type(&ClassMethodType, "classmethod", sizeof(FuncWrapperObject), funcwrapper_dealloc);
  ClassMethodType.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  ClassMethodType.traverse = funcwrapper_traverse;
  ClassMethodType.clear = funcwrapper_clear;
  ClassMethodType.doc =
      "classmethod(function, /)\n--\n\nConvert a function to be a class method.";
  ClassMethodType.descr_get = classmethod_get;
  ClassMethodType.new_ = funcwrapper_new;
  ClassMethodType.init = classmethod_init;
  ClassMethodType.repr = classmethod_repr;
  ClassMethodType.getset = kFuncWrapperGetSets;
  ClassMethodType.dictoffset = ssize(offsetof(FuncWrapperObject, dict));
  ClassMethodType.setattro = generic_setattr;
  register_static_type(&ClassMethodType);

  init_type(&StaticMethodType, "staticmethod", sizeof(FuncWrapperObject), funcwrapper_dealloc);
  StaticMethodType.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  StaticMethodType.traverse = funcwrapper_traverse;
  StaticMethodType.clear = funcwrapper_clear;
  StaticMethodType.doc =
      "staticmethod(function, /)\n--\n\nConvert a function to be a static method.";
  StaticMethodType.descr_get = staticmethod_get;
  StaticMethodType.call = staticmethod_call;
  StaticMethodType.new_ = funcwrapper_new;
  StaticMethodType.init = staticmethod_init;
  StaticMethodType.repr = staticmethod_repr;
  StaticMethodType.getset = kFuncWrapperGetSets;
  StaticMethodType.dictoffset = ssize(offsetof(FuncWrapperObject, dict));
  StaticMethodType.setattro = generic_setattr;
  register_static_type(&StaticMethodType);

  init_type(&PropertyType, "property", sizeof(PropertyObject), property_dealloc);
  PropertyType.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  PropertyType.traverse = property_traverse;
  PropertyType.clear = property_clear;
  PropertyType.doc = "Property attribute.";
  PropertyType.descr_get = property_get;
  PropertyType.descr_set = property_set;
  PropertyType.new_ = property_tp_new;
  PropertyType.init = property_init;
  PropertyType.methods = kPropertyMethods;
  PropertyType.members = kPropertyMembers;
  PropertyType.getset = kPropertyGetSets;
  register_static_type(&PropertyType);

  init_type(&SuperType, "super", sizeof(SuperObject), super_dealloc);
  SuperType.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  SuperType.traverse = super_traverse;
  SuperType.doc = "super() -> same as super(__class__, <first argument>)\n"
                  "super(type) -> unbound super object\n"
                  "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
                  "super(type, type2) -> bound super object; requires issubclass(type2, type)";
  SuperType.getattro = super_getattro;
  SuperType.descr_get = super_descr_get;
  SuperType.new_ = super_tp_new;
  SuperType.init = super_init;
  SuperType.repr = super_repr;
  SuperType.getset = kSuperGetSets;
  register_static_type(&SuperType);

  init_type(&MappingProxyType, "mappingproxy", sizeof(MappingProxyObject), mappingproxy_dealloc);
  MappingProxyType.flags = TPFLAG_HAVE_GC;
  MappingProxyType.traverse = mappingproxy_traverse;
  MappingProxyType.new_ = mappingproxy_tp_new;
  MappingProxyType.len = mappingproxy_len;
  MappingProxyType.getitem = mappingproxy_getitem;
  MappingProxyType.contains = mappingproxy_contains;
  MappingProxyType.iter = mappingproxy_iter;
  MappingProxyType.repr = mappingproxy_repr;
  MappingProxyType.str = mappingproxy_str;
  MappingProxyType.richcompare = mappingproxy_richcompare;
  MappingProxyType.nb_or = mappingproxy_or;
  MappingProxyType.nb_inplace_or = mappingproxy_ior;
  MappingProxyType.methods = kMappingProxyMethods;
  register_static_type(&MappingProxyType);
}

}  // namespace gilpy
