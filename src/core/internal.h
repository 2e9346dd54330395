// Declarations shared only among the type-system files (core/*.cpp, objects/singletons.cpp,
// objects/moduleobject.cpp, objects/exceptions.cpp). Not part of the contract other subsystems code
// against; they use core/type.h, core/abstract.h, core/descr.h and core/error.h.
#pragma once

#include "core/type.h"

namespace gilpy {

// Registration of the static types of each file (called from init_object_types()).
void init_singleton_types();    // objects/singletons.cpp
void init_module_type();        // objects/moduleobject.cpp
void init_descr_types();        // core/descr.cpp
void init_genericalias_types(); // core/genericalias.cpp
// type.__or__ / __ror__ (and GenericAlias's): a UnionType, or NotImplemented.
Object* type_or(Object* a, Object* b);

// core/typeobject.cpp
Object* type_repr_impl(Object* type);
// (getattr, (obj, name)): the __reduce__ value of bound methods and method descriptors.
Object* reduce_as_getattr(Object* obj, Object* name);
// Fill the slots of a heap type from the dunders in its dict (core/slots.cpp).
void fixup_slots_from_dict(TypeObject* type);
// Called after `name` was (re)bound or deleted in `type`'s dict: update the slots of type and its
// subclasses (core/slots.cpp).
void update_slot_after_setattr(TypeObject* type, Object* name);
// Add the slot wrappers (__add__, __repr__, ...) for a static type's C slots to its dict
// (core/slots.cpp). Run by type_ready for static types.
int add_slot_wrappers(TypeObject* type);
// Invalidate the method cache entries of type and all its subclasses.
void type_modified(TypeObject* type);
// Iterate over the live direct subclasses of `type` (borrowed); returns false when done.
bool type_next_subclass(TypeObject* type, ssize* pos, TypeObject** sub);

// core/descr.cpp helpers
Object* method_descr_new(TypeObject* type, const MethodDef* def);
Object* classmethod_descr_new(TypeObject* type, const MethodDef* def);
Object* staticmethod_from_def(TypeObject* type, const MethodDef* def);
Object* member_descr_new(TypeObject* type, const MemberDef* def);
Object* getset_descr_new(TypeObject* type, const GetSetDef* def);

// ---- Slot definitions (core/slots.cpp) ------------------------------------------------------------
struct SlotDef;
// Calls the C slot `wrapped` of `self` with Python-level arguments (the body of a slot wrapper).
using WrapperFunc = Object* (*)(Object* self, Object* const* args, ssize nargs, Object* kwnames,
                                void* wrapped, const SlotDef* def);
struct SlotDef {
  const char* name;    // the dunder
  size_t offset;       // offsetof(TypeObject, slot)
  void* slot_fn;       // the generic dispatcher installed on heap types (null: specific only)
  WrapperFunc wrapper;  // wrapper exposing a C slot to Python (null: none)
  int op;              // CompareOp for the rich comparison entries
  const char* doc;
};

// A slot wrapper: `int.__add__`. Binds to a method-wrapper.
struct WrapperDescrObject : Object {
  TypeObject* type;  // owner (borrowed: static types are immortal; heap: owned)
  Object* name;      // interned str
  const SlotDef* def;
  void* wrapped;     // the C slot function
};
struct MethodWrapperObject : Object {
  Object* descr;  // owned WrapperDescrObject
  Object* self;   // owned
};
Object* wrapper_descr_new(TypeObject* type, const SlotDef* def, void* wrapped);
// Call a wrapper descriptor with an explicit self.
Object* wrapper_descr_call_bound(WrapperDescrObject* d, Object* self, Object* const* args,
                                 ssize nargs, Object* kwnames);

// core/typeobject.cpp: give a static type several bases (type_ready builds `bases` from them; the
// primary `base` must be set too). For init functions, which must not allocate.
void type_set_static_bases(TypeObject* type, TypeObject* const* bases, int n);
// core/typeobject.cpp: is `o` the `__new__` builtin of a static type? Sets *type.
bool is_tp_new_wrapper(Object* o, TypeObject** type);

// core/descr.cpp
Object* cfunction_self_borrowed(Object* cf);

}  // namespace gilpy
