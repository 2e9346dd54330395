// types.GenericAlias (`list[int]`) and types.UnionType (`int | None`), as CPython's
// genericaliasobject.c and unionobject.c (without TypeVar substitution).
//
// Both are immutable: a GenericAlias owns its origin and its args tuple; a UnionType owns the
// flattened, de-duplicated tuple of its members (None is stored as NoneType). `type.__or__` and
// `GenericAlias.__or__` build unions; isinstance()/issubclass() accept a union like a tuple of its
// members (core/abstract.cpp). `__class_getitem__` for the built-in generic containers (list,
// dict, tuple, set, frozenset, type, BaseExceptionGroup) is added by type_ready through
// generic_alias_class_getitem().
#include <cstdio>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/internal.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/exceptions.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace gilpy {

TypeObject GenericAliasType;
TypeObject UnionType;

namespace {

struct GenericAliasObject : Object {
  Object* origin;
  Object* args;  // tuple
};
struct UnionObject : Object {
  Object* args;  // tuple
};
inline GenericAliasObject* as_ga(Object* o) { return static_cast<GenericAliasObject*>(o); }
inline UnionObject* as_union(Object* o) { return static_cast<UnionObject*>(o); }
inline bool type_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_TYPE_SUBCLASS); }

// repr of one argument as typing shows it: `int`, `mod.Cls`, `...`, `list[int]`, else repr().
bool append_type_repr(StrWriter& w, Object* p) {
  if (p == Ellipsis) {
    w.append("...");
    return true;
  }
  if (p == as_object(&NoneType) || p == None) {
    w.append("None");
    return true;
  }
  if (type_of(p) == &GenericAliasType || type_of(p) == &UnionType) return w.append_repr(p);
  if (type_check(p)) {
    Ref mod = Ref::steal(object_getattr_str(p, "__module__"));
    Ref qual = Ref::steal(object_getattr_str(p, "__qualname__"));
    if (!qual) {
      err_clear();
      return w.append_repr(p);
    }
    if (!mod) err_clear();
    if (mod && str_check(mod.get()) && !str_equal_cstr(mod.get(), "builtins")) {
      if (!w.append_str(mod.get())) return false;
      w.append(".");
    }
    return w.append_str(qual.get());
  }
  return w.append_repr(p);
}

// ---- GenericAlias -------------------------------------------------------------------------------------
void ga_dealloc(Object* self) {
  clear_ref(&as_ga(self)->origin);
  clear_ref(&as_ga(self)->args);
  object_free(self);
}

Object* ga_repr(Object* self) {
  auto* g = as_ga(self);
  StrWriter w;
  if (!append_type_repr(w, g->origin)) return nullptr;
  w.append("[");
  ssize n = tuple_size(g->args);
  if (n == 0) w.append("()");
  for (ssize i = 0; i < n; ++i) {
    if (i) w.append(", ");
    Object* a = tuple_get_borrowed(g->args, i);
    if (list_check(a)) {
      w.append("[");
      for (ssize j = 0; j < list_size(a); ++j) {
        if (j) w.append(", ");
        if (!append_type_repr(w, list_get_borrowed(a, j))) return nullptr;
      }
      w.append("]");
    } else if (!append_type_repr(w, a)) {
      return nullptr;
    }
  }
  w.append("]");
  return w.finish();
}

Object* ga_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Ref obj = Ref::steal(call(as_ga(self)->origin, args, nargs, kwnames));
  if (!obj) return nullptr;
  if (object_setattr_str(obj.get(), "__orig_class__", self) < 0) {
    if (!err_matches(&Exc_AttributeError) && !err_matches(&Exc_TypeError)) return nullptr;
    err_clear();
  }
  return obj.release();
}

const char* const kGaAttrExceptions[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", "__instancecheck__", "__subclasscheck__", nullptr,
};

Object* ga_getattro(Object* self, Object* name) {
  if (str_check(name)) {
    bool exc = false;
    for (const char* const* p = kGaAttrExceptions; *p; ++p) {
      if (str_equal_cstr(name, *p)) {
        exc = true;
        break;
      }
    }
    if (!exc) return object_getattr(as_ga(self)->origin, name);
  }
  return generic_getattr(self, name);
}

Object* ga_richcompare(Object* a, Object* b, int op) {
  if (type_of(b) != &GenericAliasType || (op != CMP_EQ && op != CMP_NE)) {
    return not_implemented_ref();
  }
  int eq = object_richcompare_bool(as_ga(a)->origin, as_ga(b)->origin, CMP_EQ);
  if (eq < 0) return nullptr;
  if (eq) {
    eq = object_richcompare_bool(as_ga(a)->args, as_ga(b)->args, CMP_EQ);
    if (eq < 0) return nullptr;
  }
  return bool_from(op == CMP_EQ ? eq != 0 : eq == 0);
}

hash_t ga_hash(Object* self) {
  hash_t h0 = object_hash(as_ga(self)->origin);
  if (h0 == -1) return -1;
  hash_t h1 = object_hash(as_ga(self)->args);
  if (h1 == -1) return -1;
  hash_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

Object* ga_mro_entries(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  return tuple_pack(1, as_ga(self)->origin);
}
Object* ga_instancecheck(Object* self, Object* const*, ssize, Object*) {
  return err_format(&Exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
Object* ga_subclasscheck(Object* self, Object* const*, ssize, Object*) {
  return err_format(&Exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}
Object* ga_reduce(Object* self, Object* const*, ssize, Object*) {
  Ref args = Ref::steal(tuple_pack(2, as_ga(self)->origin, as_ga(self)->args));
  if (!args) return nullptr;
  return tuple_pack(2, as_object(type_of(self)), args.get());
}
const MethodDef kGaMethods[] = {
    {"__mro_entries__", ga_mro_entries, METH_DEFAULT, nullptr},
    {"__instancecheck__", ga_instancecheck, METH_DEFAULT, nullptr},
    {"__subclasscheck__", ga_subclasscheck, METH_DEFAULT, nullptr},
    {"__reduce__", ga_reduce, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
Object* ga_get_origin(Object* self) { return newref(as_ga(self)->origin); }
Object* ga_get_args(Object* self) { return newref(as_ga(self)->args); }
Object* ga_get_parameters(Object* self) { return tuple_empty(); }
Object* ga_get_unpacked(Object* self) { return bool_from(false); }
const GetSetDef kGaGetSets[] = {
    {"__origin__", ga_get_origin, nullptr, nullptr},
    {"__args__", ga_get_args, nullptr, nullptr},
    {"__parameters__", ga_get_parameters, nullptr, nullptr},
    {"__unpacked__", ga_get_unpacked, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

Object* ga_tp_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("GenericAlias", kwnames) || !check_positional("GenericAlias", nargs, 2, 2))
    return nullptr;
  return generic_alias_new(args[0], args[1]);
}

// ---- UnionType ---------------------------------------------------------------------------------------
bool is_unionable(Object* o) {
  return o == None || type_check(o) || type_of(o) == &GenericAliasType || type_of(o) == &UnionType;
}

int union_add_arg(Object* list, Object* a) {
  if (a == None) a = as_object(&NoneType);
  for (ssize i = 0; i < list_size(list); ++i) {
    Object* b = list_get_borrowed(list, i);
    if (a == b) return 0;
    if (type_of(a) == &GenericAliasType && type_of(b) == &GenericAliasType) {
      int eq = object_richcompare_bool(a, b, CMP_EQ);
      if (eq < 0) return -1;
      if (eq) return 0;
    }
  }
  return list_append(list, a);
}

Object* make_union(Object* a, Object* b) {
  Ref list = Ref::steal(list_new(0));
  if (!list) return nullptr;
  for (Object* x : {a, b}) {
    if (type_of(x) == &UnionType) {
      Object* args = as_union(x)->args;
      for (ssize i = 0; i < tuple_size(args); ++i) {
        if (union_add_arg(list.get(), tuple_get_borrowed(args, i)) < 0) return nullptr;
      }
    } else if (union_add_arg(list.get(), x) < 0) {
      return nullptr;
    }
  }
  if (list_size(list.get()) == 1) return newref(list_get_borrowed(list.get(), 0));
  auto* u = static_cast<UnionObject*>(object_alloc(&UnionType, sizeof(UnionObject)));
  if (!u) return nullptr;
  u->args = list_as_tuple(list.get());
  if (!u->args) {
    decref(u);
    return nullptr;
  }
  return u;
}

void union_dealloc(Object* self) {
  clear_ref(&as_union(self)->args);
  object_free(self);
}

Object* union_repr(Object* self) {
  Object* args = as_union(self)->args;
  StrWriter w;
  for (ssize i = 0; i < tuple_size(args); ++i) {
    if (i) w.append(" | ");
    if (!append_type_repr(w, tuple_get_borrowed(args, i))) return nullptr;
  }
  return w.finish();
}

Object* union_richcompare(Object* a, Object* b, int op) {
  if (type_of(b) != &UnionType || (op != CMP_EQ && op != CMP_NE)) return not_implemented_ref();
  Ref sa = Ref::steal(frozenset_new(as_union(a)->args));
  Ref sb = Ref::steal(frozenset_new(as_union(b)->args));
  if (!sa || !sb) return nullptr;
  return object_richcompare(sa.get(), sb.get(), op);
}

hash_t union_hash(Object* self) {
  Ref s = Ref::steal(frozenset_new(as_union(self)->args));
  if (!s) return -1;
  return object_hash(s.get());
}

Object* union_get_args(Object* self) { return newref(as_union(self)->args); }
Object* union_get_parameters(Object* self) { return tuple_empty(); }
const GetSetDef kUnionGetSets[] = {
    {"__args__", union_get_args, nullptr, nullptr},
    {"__parameters__", union_get_parameters, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

Object* union_instancecheck(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("__instancecheck__", nargs, 1, 1)) return nullptr;
  int r = object_isinstance(args[0], as_union(self)->args);
  if (r < 0) return nullptr;
  return bool_from(r);
}
Object* union_subclasscheck(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_positional("__subclasscheck__", nargs, 1, 1)) return nullptr;
  int r = object_issubclass(args[0], as_union(self)->args);
  if (r < 0) return nullptr;
  return bool_from(r);
}
const MethodDef kUnionMethods[] = {
    {"__instancecheck__", union_instancecheck, METH_DEFAULT, nullptr},
    {"__subclasscheck__", union_subclasscheck, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* generic_alias_new(Object* origin, Object* args) {
  auto* g = static_cast<GenericAliasObject*>(
      object_alloc(&GenericAliasType, sizeof(GenericAliasObject)));
  if (!g) return nullptr;
  g->origin = newref(origin);
  g->args = tuple_check(args) ? newref(args) : tuple_pack(1, args);
  if (!g->args) {
    decref(g);
    return nullptr;
  }
  return g;
}

Object* generic_alias_class_getitem(Object* cls, Object* const* args, ssize nargs,
                                    Object* kwnames) {
  if (!check_no_kwargs("__class_getitem__", kwnames) ||
      !check_positional("__class_getitem__", nargs, 1, 1))
    return nullptr;
  return generic_alias_new(cls, args[0]);
}

Object* type_or(Object* a, Object* b) {
  if (!is_unionable(a) || !is_unionable(b)) return not_implemented_ref();
  return make_union(a, b);
}

bool union_check(Object* o) { return type_of(o) == &UnionType; }
Object* union_args_borrowed(Object* u) { return as_union(u)->args; }

void init_genericalias_types() {
  GenericAliasType.name = "types.GenericAlias";
  GenericAliasType.basicsize = sizeof(GenericAliasObject);
  GenericAliasType.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC;
  GenericAliasType.dealloc = ga_dealloc;
  GenericAliasType.repr = ga_repr;
  GenericAliasType.call = ga_call;
  GenericAliasType.getattro = ga_getattro;
  GenericAliasType.richcompare = ga_richcompare;
  GenericAliasType.hash = ga_hash;
  GenericAliasType.nb_or = type_or;
  GenericAliasType.new_ = ga_tp_new;
  GenericAliasType.methods = kGaMethods;
  GenericAliasType.getset = kGaGetSets;
  register_static_type(&GenericAliasType);

  UnionType.name = "types.UnionType";
  UnionType.basicsize = sizeof(UnionObject);
  UnionType.flags = TPFLAG_HAVE_GC;
  UnionType.dealloc = union_dealloc;
  UnionType.repr = union_repr;
  UnionType.richcompare = union_richcompare;
  UnionType.hash = union_hash;
  UnionType.nb_or = type_or;
  UnionType.getattro = generic_getattr;
  UnionType.methods = kUnionMethods;
  UnionType.getset = kUnionGetSets;
  register_static_type(&UnionType);
}

}  // namespace gilpy
