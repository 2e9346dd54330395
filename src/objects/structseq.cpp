// Struct sequences: see objects/structseq.h.
#include "objects/structseq.h"

#include <cstddef>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

ssize field_count(TypeObject* type) {
  ssize n = 0;
  for (const MemberDef* m = type->members; m && m->name; ++m) ++n;
  return n;
}

void structseq_dealloc(Object* self) {
  ssize n = tuple_size(self);
  for (ssize i = 0; i < n; ++i) xdecref(tuple_items(self)[i]);
  object_free(self);
}

Object* structseq_repr(Object* self) {
  TypeObject* type = type_of(self);
  StrWriter w;
  w.append(type->name);
  w.append("(");
  ssize i = 0;
  for (const MemberDef* m = type->members; m && m->name; ++m, ++i) {
    if (i > 0) w.append(", ");
    w.append(m->name);
    w.append("=");
    if (!w.append_repr(tuple_items(self)[i])) return nullptr;
  }
  w.append(")");
  return w.finish();
}

}  // namespace

int structseq_init_type(TypeObject* type, const char* name, const char* const* fields,
                        const char* doc) {
  ssize n = 0;
  while (fields[n]) ++n;
  auto* members = new MemberDef[size_t(n) + 1]();  // lives as long as the (static) type
  for (ssize i = 0; i < n; ++i) {
    members[i] = MemberDef{fields[i], MEMBER_OBJECT,
                           ssize(offsetof(TupleObject, items) + size_t(i) * sizeof(Object*)),
                           MEMBER_READONLY, nullptr};
  }
  type->ob_type = &TypeType;
  make_immortal(type);
  type->name = name;
  type->doc = doc;
  type->base = &TupleType;
  type->basicsize = ssize(offsetof(TupleObject, items));
  type->itemsize = ssize(sizeof(Object*));
  type->dealloc = structseq_dealloc;
  type->repr = structseq_repr;
  type->members = members;
  return type_ready(type);
}

Object* structseq_new(TypeObject* type, Object* const* values) {
  ssize n = field_count(type);
  auto* t = static_cast<TupleObject*>(
      object_alloc(type, offsetof(TupleObject, items) + size_t(n) * sizeof(Object*)));
  if (!t) return nullptr;
  t->ob_size = n;
  t->hash = -1;
  for (ssize i = 0; i < n; ++i) t->items[i] = newref(values[i]);
  return t;
}

}  // namespace gilpy
