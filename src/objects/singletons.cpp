// None, NotImplemented and Ellipsis (objects/singletons.h): three immortal, statically allocated
// objects and their types (NoneType, NotImplementedType, ellipsis). Calling a type returns the
// singleton ("NoneType takes no arguments" when given any). None is false; hash(None) is CPython
// 3.12's constant; the other two hash by address. Registered by init_singleton_types(), called from
// init_object_types() (core/typeobject.cpp).
#include "objects/singletons.h"

#include "core/abstract.h"
#include "core/error.h"
#include "core/internal.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject NoneType;
TypeObject NotImplementedType;
TypeObject EllipsisType;
Object NoneStruct = {kImmortalRefcnt, &NoneType};
Object NotImplementedStruct = {kImmortalRefcnt, &NotImplementedType};
Object EllipsisStruct = {kImmortalRefcnt, &EllipsisType};

namespace {

Object* none_repr(Object*) { return newref(str_intern_cstr_borrowed("None")); }
Object* notimpl_repr(Object*) { return newref(str_intern_cstr_borrowed("NotImplemented")); }
Object* ellipsis_repr(Object*) { return newref(str_intern_cstr_borrowed("Ellipsis")); }
int none_bool(Object*) { return 0; }
hash_t none_hash(Object*) { return hash_t(0xFCA86420u); }

Object* singleton_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames,
                      Object* result) {
  if (nargs || (kwnames && tuple_size(kwnames))) {
    const char* n = result == Ellipsis ? "EllipsisType" : type->name;
    return err_format(&Exc_TypeError, "%s takes no arguments", n);
  }
  return newref(result);
}
Object* none_new(TypeObject* t, Object* const* a, ssize n, Object* k) {
  return singleton_new(t, a, n, k, None);
}
Object* notimpl_new(TypeObject* t, Object* const* a, ssize n, Object* k) {
  return singleton_new(t, a, n, k, NotImplemented);
}
Object* ellipsis_new(TypeObject* t, Object* const* a, ssize n, Object* k) {
  return singleton_new(t, a, n, k, Ellipsis);
}
void singleton_dealloc(Object*) {
  // Immortal: can only be reached by a refcounting bug.
}

Object* reduce_name(Object* self, Object* const*, ssize, Object*) {
  return newref(str_intern_cstr_borrowed(self == Ellipsis ? "Ellipsis" : "NotImplemented"));
}
const MethodDef kSingletonMethods[] = {
    {"__reduce__", reduce_name, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_one(TypeObject* t, const char* name, unaryfunc repr, newfunc nw) {
  t->name = name;
  t->basicsize = sizeof(Object);
  t->repr = repr;
  t->new_ = nw;
  t->dealloc = singleton_dealloc;
  register_static_type(t);
}

}  // namespace

void init_singleton_types() {
  init_one(&NoneType, "NoneType", none_repr, none_new);
  NoneType.nb_bool = none_bool;
  NoneType.hash = none_hash;
  init_one(&NotImplementedType, "NotImplementedType", notimpl_repr, notimpl_new);
  NotImplementedType.methods = kSingletonMethods;
  init_one(&EllipsisType, "ellipsis", ellipsis_repr, ellipsis_new);
  EllipsisType.methods = kSingletonMethods;
}

}  // namespace gilpy
