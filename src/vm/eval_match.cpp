// The run-time side of `match` statements: MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and
// MATCH_CLASS (CPython 3.12's ceval.c match_keys / match_class / match_class_attr).
//
// CPython marks sequence and mapping types with Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING (set on
// the built-in types, inherited by subclasses, and set by collections.abc.Sequence / Mapping through
// `__abc_tpflags__`). gilpy's types have no such flags: the test walks the type's MRO for the
// built-in sequence / mapping types and for classes whose namespace carries `__abc_tpflags__`
// (collections.abc.Sequence and Mapping, and so everything inheriting from them).
// Likewise _Py_TPFLAGS_MATCH_SELF (int(x), str(x), ...: the single positional sub-pattern matches the
// subject itself) is the list of CPython's eleven built-in types, searched along the MRO.
#include <cstring>

#include "core/abstract.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/eval_internal.h"

namespace gilpy {

namespace {

constexpr int64_t kTpflagsSequence = 1 << 5;
constexpr int64_t kTpflagsMapping = 1 << 6;

bool static_name_in(const TypeObject* t, const char* const* names) {
  if (type_has_flag(t, TPFLAG_HEAPTYPE) || !t->name) return false;
  for (const char* const* n = names; *n; n++)
    if (std::strcmp(t->name, *n) == 0) return true;
  return false;
}

const char* const kSequenceTypes[] = {"list", "tuple", "range", "memoryview", "collections.deque",
                                      "array.array", "deque", nullptr};
const char* const kMappingTypes[] = {"dict", "mappingproxy", nullptr};
const char* const kMatchSelfTypes[] = {"bool", "bytearray", "bytes", "dict", "float", "frozenset",
                                       "int", "list", "set", "str", "tuple", nullptr};

// 1 when some class of the subject's MRO is a built-in type of `names` or declares the ABC flag.
int mro_has(TypeObject* type, const char* const* names, int64_t abc_flag) {
  Object* mro = type->mro;
  if (!mro) return static_name_in(type, names) ? 1 : 0;
  Object* key = str_intern_cstr_borrowed("__abc_tpflags__");
  for (ssize i = 0; i < tuple_size(mro); i++) {
    auto* t = static_cast<TypeObject*>(tuple_get_borrowed(mro, i));
    if (static_name_in(t, names)) return 1;
    if (type_has_flag(t, TPFLAG_HEAPTYPE) && t->dict) {
      Object* flags = dict_get_borrowed(t->dict, key);
      if (flags && int_check_exact(flags)) {
        bool ov = false;
        int64_t v = int_as_i64(flags, &ov);
        if (!ov && (v & abc_flag)) return 1;
      }
    }
  }
  return 0;
}

// tp_name: the __name__ of a class, the full dotted name of a built-in type.
std::string tp_name(TypeObject* t) {
  if (type_has_flag(t, TPFLAG_HEAPTYPE) && t->ht_name) {
    ssize n = 0;
    const char* p = str_as_utf8(t->ht_name, &n);
    if (p) return std::string(p, size_t(n));
    err_clear();
  }
  return t->name ? t->name : "?";
}

Object* match_class_attr(Object* subject, TypeObject* type, Object* name, Object* seen) {
  int r = set_contains(seen, name);
  if (r < 0) return nullptr;
  if (r > 0) {
    return err_format(&Exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                      tp_name(type).c_str(), name);
  }
  if (set_add(seen, name) < 0) return nullptr;
  Object* attr = nullptr;
  if (object_lookup_attr(subject, name, &attr) < 0) return nullptr;
  return attr;  // null without an exception: no such attribute, no match
}

}  // namespace

int match_is_sequence(Object* subject) {
  return mro_has(type_of(subject), kSequenceTypes, kTpflagsSequence);
}

int match_is_mapping(Object* subject) {
  return mro_has(type_of(subject), kMappingTypes, kTpflagsMapping);
}

Object* match_keys(Object* map, Object* keys) {
  ssize nkeys = tuple_size(keys);
  if (!nkeys) return tuple_new(0);
  // map.get(key, dummy): atomically test and fetch, without triggering __missing__.
  Ref get = Ref::steal(object_getattr(map, str_intern_cstr_borrowed("get")));
  if (!get) return nullptr;
  Ref seen = Ref::steal(set_new(nullptr));
  if (!seen) return nullptr;
  Ref dummy = Ref::steal(call0(&ObjectType));
  if (!dummy) return nullptr;
  Ref values = Ref::steal(tuple_new(nkeys));
  if (!values) return nullptr;
  for (ssize i = 0; i < nkeys; i++) tuple_set_steal(values.get(), i, none_ref());
  for (ssize i = 0; i < nkeys; i++) {
    Object* key = tuple_get_borrowed(keys, i);
    int r = set_contains(seen.get(), key);
    if (r < 0) return nullptr;
    if (r > 0) return err_format(&Exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
    if (set_add(seen.get(), key) < 0) return nullptr;
    Object* value = call2(get.get(), key, dummy.get());
    if (!value) return nullptr;
    if (value == dummy.get()) {
      decref(value);
      return none_ref();
    }
    Object** items = tuple_items(values.get());
    Object* old = items[i];
    items[i] = value;
    decref(old);
  }
  return values.release();
}

Object* match_class(Object* subject, Object* type_obj, ssize nargs, Object* kwargs) {
  if (!type_has_flag(type_of(type_obj), TPFLAG_TYPE_SUBCLASS))
    return err_format(&Exc_TypeError, "called match pattern must be a class");
  auto* type = static_cast<TypeObject*>(type_obj);
  int inst = object_isinstance(subject, type_obj);
  if (inst < 0) return nullptr;
  if (inst == 0) return none_ref();
  Ref seen = Ref::steal(set_new(nullptr));
  if (!seen) return nullptr;
  Ref attrs = Ref::steal(list_new(0));
  if (!attrs) return nullptr;
  if (nargs) {
    bool match_self = false;
    Object* ma = nullptr;
    if (object_lookup_attr(type_obj, str_intern_cstr_borrowed("__match_args__"), &ma) < 0)
      return nullptr;
    Ref match_args = Ref::steal(ma);
    if (match_args) {
      if (!tuple_check_exact(match_args.get()))
        return err_format(&Exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                          tp_name(type).c_str(), tp_name(type_of(match_args.get())).c_str());
    } else {
      match_args = Ref::steal(tuple_new(0));
      if (!match_args) return nullptr;
      match_self = mro_has(type, kMatchSelfTypes, 0) != 0;
    }
    ssize allowed = match_self ? 1 : tuple_size(match_args.get());
    if (allowed < nargs) {
      return err_format(&Exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                        tp_name(type).c_str(), allowed, allowed == 1 ? "" : "s", nargs);
    }
    if (match_self) {
      if (list_append(attrs.get(), subject) < 0) return nullptr;
    } else {
      for (ssize i = 0; i < nargs; i++) {
        Object* name = tuple_get_borrowed(match_args.get(), i);
        if (!str_check_exact(name))
          return err_format(&Exc_TypeError, "__match_args__ elements must be strings (got %s)",
                            tp_name(type_of(name)).c_str());
        Object* attr = match_class_attr(subject, type, name, seen.get());
        if (!attr) return err_occurred() ? nullptr : none_ref();
        int err = list_append(attrs.get(), attr);
        decref(attr);
        if (err < 0) return nullptr;
      }
    }
  }
  for (ssize i = 0; i < tuple_size(kwargs); i++) {
    Object* name = tuple_get_borrowed(kwargs, i);
    Object* attr = match_class_attr(subject, type, name, seen.get());
    if (!attr) return err_occurred() ? nullptr : none_ref();
    int err = list_append(attrs.get(), attr);
    decref(attr);
    if (err < 0) return nullptr;
  }
  return list_as_tuple(attrs.get());
}

}  // namespace gilpy
