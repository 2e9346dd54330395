// Cell objects: see objects/cellobject.h. A cell owns its content; the comparison and repr follow
// CPython's cellobject.c.
#include "objects/cellobject.h"

#include <cstdio>

#include "core/abstract.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject CellType;

Object* cell_new(Object* value) {
  auto* c = alloc_object<CellObject>(&CellType);
  if (!c) return nullptr;
  c->ref = value;
  xincref(value);
  return c;
}

static void cell_dealloc(Object* o) {
  clear_ref(&static_cast<CellObject*>(o)->ref);
  object_free(o);
}

static Object* cell_repr(Object* o) {
  Object* v = cell_get_borrowed(o);
  char buf[160];
  if (!v) {
    std::snprintf(buf, sizeof buf, "<cell at %p: empty>", static_cast<void*>(o));
  } else {
    std::snprintf(buf, sizeof buf, "<cell at %p: %s object at %p>", static_cast<void*>(o),
                  type_name(type_of(v)), static_cast<void*>(v));
  }
  return str_from_cstr(buf);
}

static Object* cell_richcompare(Object* a, Object* b, int op) {
  if (!cell_check(a) || !cell_check(b)) return not_implemented_ref();
  Object* va = cell_get_borrowed(a);
  Object* vb = cell_get_borrowed(b);
  if (va && vb) return object_richcompare(va, vb, op);
  // Empty cells sort before non-empty ones.
  int ca = va ? 1 : 0, cb = vb ? 1 : 0;
  bool r = false;
  switch (op) {
    case CMP_LT: r = ca < cb; break;
    case CMP_LE: r = ca <= cb; break;
    case CMP_EQ: r = ca == cb; break;
    case CMP_NE: r = ca != cb; break;
    case CMP_GT: r = ca > cb; break;
    case CMP_GE: r = ca >= cb; break;
  }
  return bool_from(r);
}

static Object* cell_get_contents(Object* o) {
  Object* v = cell_get_borrowed(o);
  if (!v) return err_format(&Exc_ValueError, "Cell is empty");
  return newref(v);
}
static int cell_set_contents(Object* o, Object* v) {
  cell_set_steal(o, v ? newref(v) : nullptr);
  return 0;
}

static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

static int cell_traverse(Object* o, visitproc visit, void* arg) {
  Object* v = cell_get_borrowed(o);
  return v ? visit(v, arg) : 0;
}
static int cell_clear(Object* o) {
  cell_set_steal(o, nullptr);
  return 0;
}

void init_cell_type() {
  CellType.name = "cell";
  CellType.basicsize = sizeof(CellObject);
  CellType.flags = TPFLAG_HAVE_GC;
  CellType.dealloc = cell_dealloc;
  CellType.repr = cell_repr;
  CellType.richcompare = cell_richcompare;
  CellType.getattro = generic_getattr;
  CellType.getset = cell_getset;
  CellType.traverse = cell_traverse;
  CellType.clear = cell_clear;
  CellType.base = &ObjectType;
  register_static_type(&CellType);
}

}  // namespace gilpy
