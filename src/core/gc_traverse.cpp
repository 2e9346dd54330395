// traverse / clear functions for built-in types whose owners have not written them, and their
// installation (gc_install_traverse_slots, called by types_init() before type_ready).
//
// Owner: the gc engineer. Rules every traverse here follows (core/gc.cpp depends on them):
//  - visit each OWNED reference exactly once (visiting a borrowed pointer or the same owned
//    reference twice could make the collector free a live object); visiting less is always safe
//    (the unvisited referent just looks externally referenced);
//  - never allocate, never run Python code, tolerate null fields (objects are zero-filled and may
//    be traversed while still under construction).
// clear functions drop references that can be part of cycles, leaving the object valid for its
// dealloc and for any code that still reaches it.
//
// A slot is installed only when the owning file left it null, so an owner's own function always
// wins; the owners are expected to move these into their init functions eventually. Instances of
// heap types never use these slots directly: core/gc.cpp's gc_traverse/gc_clear handle what the
// classes add (type reference, __slots__, __dict__) and then call the static base's slot.
#include "core/gc.h"
#include "core/internal.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/funcobject.h"
#include "objects/moduleobject.h"
#include "objects/weakrefobject.h"

namespace gilpy {

namespace {

#define VISIT(p)                            \
  do {                                      \
    Object* v_ = (p);                       \
    if (v_) {                               \
      int r_ = visit(v_, arg);              \
      if (r_) return r_;                    \
    }                                       \
  } while (0)

// ---- type (only heap types are tracked; static types are immortal and have no header) ----------
int type_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & TPFLAG_HEAPTYPE)) return 0;
  VISIT(t->dict);
  VISIT(t->mro);
  VISIT(t->bases);
  VISIT(t->ht_name);
  VISIT(t->ht_qualname);
  VISIT(t->ht_module);
  // Not `subclasses`: it maps ints to ints (no cycle can go through it) and, as in CPython, the
  // type's dealloc frees it -- visiting it would count it among the garbage of a collection.
  if (t->base && (t->base->flags & TPFLAG_HEAPTYPE)) VISIT(t->base);
  return 0;
}

// As CPython's type_clear: the method cache is invalidated first, then the dict is emptied (the
// cycles through methods and descriptors) and the mro dropped (the type is its own mro[0]);
// bases and base are kept (lookups fall back to the base chain when mro is null).
int type_clear(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & TPFLAG_HEAPTYPE)) return 0;
  type_modified(t);
  if (t->dict) dict_clear(t->dict);
  clear_ref(&t->ht_module);
  clear_ref(&t->mro);
  return 0;
}

// ---- module -----------------------------------------------------------------------------------------
int module_traverse(Object* o, visitproc visit, void* arg) {
  VISIT(static_cast<ModuleObject*>(o)->dict);
  return 0;
}
// The dict stays (the module invariant says it is never null); its contents go.
int module_clear(Object* o) {
  Object* d = static_cast<ModuleObject*>(o)->dict;
  if (d) dict_clear(d);
  return 0;
}

// ---- bound method -------------------------------------------------------------------------------------
int method_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<MethodObject*>(o);
  VISIT(m->func);
  VISIT(m->self);
  return 0;
}

#undef VISIT

template <class Fn>
void set_if_null(Fn& slot, Fn fn) {
  if (!slot) slot = fn;
}

}  // namespace

void gc_install_traverse_slots() {
  init_weakref_types();

  // `type`: heap types are GC objects (TypeType has HAVE_GC from init_object_types).
  if (TypeType.flags & TPFLAG_HAVE_GC) {
    set_if_null(TypeType.traverse, type_traverse);
    set_if_null(TypeType.clear, type_clear);
  }
  if (ModuleType.flags & TPFLAG_HAVE_GC) {
    set_if_null(ModuleType.traverse, module_traverse);
    set_if_null(ModuleType.clear, module_clear);
  }
  if (MethodType.flags & TPFLAG_HAVE_GC) set_if_null(MethodType.traverse, method_traverse);
}

}  // namespace gilpy
