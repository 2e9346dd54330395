// Struct sequences: see objects/structseq.h.
//
// Layout: a tuple whose item array holds every field; ob_size counts only the first
// n_in_sequence of them, so len(), indexing and iteration see the sequence part, and the named-only
// fields live past the end, read by their member descriptors. Each type's field count and visible
// count are kept in a small side table keyed by the type (struct sequence types are few and static).
#include "objects/structseq.h"

#include <cstddef>
#include <utility>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

struct Shape {
  TypeObject* type;
  ssize fields;
  ssize visible;
};
std::vector<Shape>& shapes() {
  static std::vector<Shape> all;
  return all;
}
const Shape& shape_of(TypeObject* type) {
  for (TypeObject* t = type; t; t = t->base) {
    for (const Shape& s : shapes()) {
      if (s.type == t) return s;
    }
  }
  static const Shape none{nullptr, 0, 0};
  return none;
}

Object* alloc_instance(TypeObject* type, const Shape& shape) {
  auto* t = static_cast<TupleObject*>(
      object_alloc(type, offsetof(TupleObject, items) + size_t(shape.fields) * sizeof(Object*)));
  if (!t) return nullptr;
  t->ob_size = shape.visible;
  return t;
}

void structseq_dealloc(Object* self) {
  ssize n = shape_of(type_of(self)).fields;
  for (ssize i = 0; i < n; ++i) xdecref(tuple_items(self)[i]);
  TypeObject* type = type_of(self);
  object_free(self);
  if (type->flags & TPFLAG_HEAPTYPE) decref(type);
}

Object* structseq_repr(Object* self) {
  TypeObject* type = type_of(self);
  StrWriter w;
  w.append(type->name);
  w.append("(");
  ssize visible = shape_of(type).visible;
  for (ssize i = 0; i < visible; ++i) {
    if (i > 0) w.append(", ");
    w.append(type->members[i].name);
    w.append("=");
    if (!w.append_repr(tuple_items(self)[i])) return nullptr;
  }
  w.append(")");
  return w.finish();
}

// type(sequence, dict=None)
Object* structseq_construct(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"sequence", "dict", nullptr};
  static const ArgSpec spec{"structseq", names, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref seq = Ref::steal(sequence_tuple(a[0]));
  if (!seq) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      err_format(&Exc_TypeError, "constructor requires a sequence");
    }
    return nullptr;
  }
  const Shape& shape = shape_of(type);
  ssize n = tuple_size(seq.get());
  if (n < shape.visible || n > shape.fields) {
    if (shape.visible == shape.fields) {
      return err_format(&Exc_TypeError, "%s() takes a %zd-sequence (%zd-sequence given)",
                        type->name, shape.visible, n);
    }
    return err_format(&Exc_TypeError, "%s() takes an %s %zd-sequence (%zd-sequence given)",
                      type->name, n < shape.visible ? "at least" : "at most",
                      n < shape.visible ? shape.visible : shape.fields, n);
  }
  Object* obj = alloc_instance(type, shape);
  if (!obj) return nullptr;
  for (ssize i = 0; i < shape.fields; ++i) {
    tuple_items(obj)[i] = newref(i < n ? tuple_get_borrowed(seq.get(), i) : None);
  }
  return obj;
}

}  // namespace

int structseq_init_type(TypeObject* type, const char* name, const char* const* fields,
                        int n_in_sequence, const char* doc) {
  ssize n = 0;
  while (fields[n]) ++n;
  auto* members = new MemberDef[size_t(n) + 1]();  // lives as long as the (static) type
  for (ssize i = 0; i < n; ++i) {
    members[i] = MemberDef{fields[i], MEMBER_OBJECT,
                           ssize(offsetof(TupleObject, items) + size_t(i) * sizeof(Object*)),
                           MEMBER_READONLY, nullptr};
  }
  shapes().push_back({type, n, n_in_sequence < 0 ? n : n_in_sequence});
  type->ob_type = &TypeType;
  make_immortal(type);
  type->name = name;
  type->doc = doc;
  type->base = &TupleType;
  type->basicsize = ssize(offsetof(TupleObject, items));
  type->itemsize = ssize(sizeof(Object*));
  type->dealloc = structseq_dealloc;
  type->repr = structseq_repr;
  type->new_ = structseq_construct;
  type->members = members;
  if (type_ready(type) < 0) return -1;
  return structseq_set_counts(type, n, n_in_sequence < 0 ? n : n_in_sequence, 0);
}

int structseq_set_counts(TypeObject* type, ssize fields, ssize in_sequence, ssize unnamed) {
  const std::pair<const char*, ssize> counts[] = {
      {"n_fields", fields}, {"n_sequence_fields", in_sequence}, {"n_unnamed_fields", unnamed}};
  for (const auto& [name, value] : counts) {
    Ref v = Ref::steal(int_from_i64(value));
    if (!v || dict_setitem_str(type->dict, name, v.get()) < 0) return -1;
  }
  return 0;
}

Object* structseq_new(TypeObject* type, Object* const* values) {
  const Shape& shape = shape_of(type);
  Object* obj = alloc_instance(type, shape);
  if (!obj) return nullptr;
  for (ssize i = 0; i < shape.fields; ++i) tuple_items(obj)[i] = newref(values[i]);
  return obj;
}

}  // namespace gilpy
