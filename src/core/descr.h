// Descriptors and the callables built from MethodDef tables (core/descr.cpp).
//
// type_ready turns a type's MethodDef / MemberDef / GetSetDef tables into these descriptor objects
// in the type's dict; slot wrappers (`int.__add__`) are WrapperDescr objects (core/slots.cpp), and
// binding one to an instance gives a method-wrapper. classmethod, staticmethod, property and super
// are the Python-visible types of the same names. Builtin functions (`len`) and methods bound to
// an instance (`[].append`) are CFunctionObjects (objects/moduleobject.h).
#pragma once

#include "core/type.h"

namespace gilpy {

extern TypeObject MethodDescrType;       // method_descriptor: list.append
extern TypeObject ClassMethodDescrType;  // classmethod_descriptor: dict.fromkeys
extern TypeObject MemberDescrType;       // member_descriptor
extern TypeObject GetSetDescrType;       // getset_descriptor
extern TypeObject WrapperDescrType;      // wrapper_descriptor: int.__add__ (slot wrapper)
extern TypeObject MethodWrapperType;     // method-wrapper: (1).__add__
extern TypeObject ClassMethodType;       // classmethod
extern TypeObject StaticMethodType;      // staticmethod
extern TypeObject PropertyType;          // property
extern TypeObject SuperType;             // super
extern TypeObject MappingProxyType;      // mappingproxy: type.__dict__

extern TypeObject GenericAliasType;      // types.GenericAlias: list[int]
extern TypeObject UnionType;             // types.UnionType: int | None

// list[int]: a GenericAlias of origin and args (a tuple, or a single argument).
Object* generic_alias_new(Object* origin, Object* args);
// The `__class_getitem__` of generic built-in classes (METH_CLASS): returns cls[args].
Object* generic_alias_class_getitem(Object* cls, Object* const* args, ssize nargs,
                                    Object* kwnames);
bool union_check(Object* o);
Object* union_args_borrowed(Object* u);  // the member tuple of a UnionType

Object* classmethod_new(Object* callable);   // classmethod(callable)
Object* staticmethod_new(Object* callable);  // staticmethod(callable)
// A read-only view of a mapping (type.__dict__).
Object* mappingproxy_new(Object* mapping);

// The descriptor's owner type (for descriptors of the kinds above; borrowed).
TypeObject* descr_objclass(Object* descr);

// super(type, obj).name, as LOAD_SUPER_ATTR needs it. `obj` is the instance (or class, for
// classmethods). New reference or nullptr.
Object* super_getattr(TypeObject* type, Object* obj, Object* name);
// Method-call form: like object_get_method but starting after `type` in obj's MRO. Returns 1 with
// *method the unbound function (call it with obj first), 0 with *method the bound attribute, -1 on
// error.
int super_get_method(TypeObject* type, Object* obj, Object* name, Object** method);


}  // namespace gilpy
