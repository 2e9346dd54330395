// The `_functools` module: the speed-critical parts of functools (CPython's Modules/_functoolsmodule.c
// semantics, written for gilpy): reduce, partial and cmp_to_key. lib/functools.py imports these and
// adds the rest (wraps, lru_cache, total_ordering, singledispatch, ...).
//
// Design:
//  - partial stores (func, args tuple, keywords dict) and calls through vectorcall: positional
//    arguments are concatenated in a small stack buffer when short; keywords go through a merged
//    dict only when the partial has keywords. partial(partial(f, 1), 2) flattens to partial(f, 1, 2)
//    when the inner one is an exact partial without an instance __dict__ (as CPython). Instances
//    have a __dict__ (dictoffset) and support weak references (weaklistoffset).
//  - cmp_to_key returns a KeyWrapper type object instance holding `cmp`; calling it wraps an object;
//    rich comparisons call cmp(a, b) and compare the result with 0.
#include <cstddef>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"

namespace gilpy {

namespace {

TypeObject PartialType, KeyWrapperType;

// ---- reduce --------------------------------------------------------------------------------------
Object* functools_reduce(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("reduce", kwnames) || !check_positional("reduce", nargs, 2, 3)) {
    return nullptr;
  }
  Object* func = args[0];
  Ref it = Ref::steal(object_getiter(args[1]));
  if (!it) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      return err_format(&Exc_TypeError, "reduce() arg 2 must support iteration");
    }
    return nullptr;
  }
  Ref result = nargs == 3 ? Ref::borrow(args[2]) : Ref();
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return nullptr;
      break;
    }
    if (!result) {
      result = std::move(item);
    } else {
      Object* pair[2] = {result.get(), item.get()};
      result = Ref::steal(call(func, pair, 2));
      if (!result) return nullptr;
    }
  }
  if (!result) {
    return err_format(&Exc_TypeError, "reduce() of empty iterable with no initial value");
  }
  return result.release();
}

// ---- partial -------------------------------------------------------------------------------------
struct PartialObject : Object {
  Object* fn;
  Object* args;  // tuple
  Object* kw;    // dict
  Object* dict;  // instance __dict__ (may be null)
  Object* weaklist;
};

inline PartialObject* as_partial(Object* o) { return static_cast<PartialObject*>(o); }

Object* partial_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs < 1) {
    return err_format(&Exc_TypeError, "type 'partial' takes at least one argument");
  }
  Object* func = args[0];
  Ref pargs, pkw;
  if (type_of(func) == &PartialType && type == &PartialType && !as_partial(func)->dict) {
    PartialObject* inner = as_partial(func);
    pargs = Ref::borrow(inner->args);
    pkw = Ref::borrow(inner->kw);
    func = inner->fn;
  }
  if (!callable_check(func)) return err_format(&Exc_TypeError, "the first argument must be callable");
  Ref newargs = Ref::steal(tuple_from_array(args + 1, nargs - 1));
  if (!newargs) return nullptr;
  if (pargs && tuple_size(pargs.get()) > 0) {
    Ref l = Ref::steal(sequence_list(pargs.get()));
    if (!l || list_extend(l.get(), newargs.get()) < 0) return nullptr;
    newargs = Ref::steal(list_as_tuple(l.get()));
    if (!newargs) return nullptr;
  }
  Ref kw = Ref::steal(pkw ? dict_copy(pkw.get()) : dict_new());
  if (!kw) return nullptr;
  if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      if (dict_setitem(kw.get(), tuple_get_borrowed(kwnames, i), args[nargs + i]) < 0) {
        return nullptr;
      }
    }
  }
  auto* p = alloc_object<PartialObject>(type);
  if (!p) return nullptr;
  p->fn = newref(func);
  p->args = newref(newargs.get());
  p->kw = kw.release();
  return p;
}

void partial_dealloc(Object* o) {
  gc_untrack(o);
  auto* p = as_partial(o);
  if (p->weaklist) weakref_clear_all(o);
  clear_ref(&p->fn);
  clear_ref(&p->args);
  clear_ref(&p->kw);
  clear_ref(&p->dict);
  object_free(o);
}

int partial_traverse(Object* o, visitproc visit, void* arg) {
  auto* p = as_partial(o);
  for (Object* x : {p->fn, p->args, p->kw, p->dict}) {
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  }
  return 0;
}

int partial_clear(Object* o) {
  auto* p = as_partial(o);
  clear_ref(&p->fn);
  clear_ref(&p->args);
  clear_ref(&p->kw);
  clear_ref(&p->dict);
  return 0;
}

Object* partial_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  auto* p = as_partial(self);
  if (!p->fn) return err_format(&Exc_TypeError, "partial object is not initialized");
  ssize np = tuple_size(p->args);
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  if (dict_size(p->kw) == 0) {
    if (np == 0) return call(p->fn, args, nargs, kwnames);
    Object* small[16];
    std::vector<Object*> big;
    Object** buf = small;
    ssize total = np + nargs + nkw;
    if (total > 16) {
      big.resize(size_t(total));
      buf = big.data();
    }
    for (ssize i = 0; i < np; ++i) buf[i] = tuple_get_borrowed(p->args, i);
    for (ssize i = 0; i < nargs + nkw; ++i) buf[np + i] = args[i];
    return call(p->fn, buf, np + nargs, kwnames);
  }
  // Merge keywords: the partial's, overridden by the call's.
  Ref kw = Ref::steal(dict_copy(p->kw));
  if (!kw) return nullptr;
  for (ssize i = 0; i < nkw; ++i) {
    if (dict_setitem(kw.get(), tuple_get_borrowed(kwnames, i), args[nargs + i]) < 0) return nullptr;
  }
  Ref all = Ref::steal(tuple_new(np + nargs));
  if (!all) return nullptr;
  for (ssize i = 0; i < np; ++i) tuple_set_steal(all.get(), i, newref(tuple_get_borrowed(p->args, i)));
  for (ssize i = 0; i < nargs; ++i) tuple_set_steal(all.get(), np + i, newref(args[i]));
  return call_tuple_dict(p->fn, all.get(), kw.get());
}

Object* partial_repr(Object* self) {
  auto* p = as_partial(self);
  int rc = repr_enter(self);
  if (rc != 0) {
    if (rc < 0) return nullptr;
    return str_from_cstr("...");
  }
  StrWriter w;
  w.append(type_of(self)->name);
  w.append("(");
  bool ok = w.append_repr(p->fn);
  for (ssize i = 0; ok && i < tuple_size(p->args); ++i) {
    w.append(", ");
    ok = w.append_repr(tuple_get_borrowed(p->args, i));
  }
  if (ok) {
    ssize pos = 0;
    Object *k, *v;
    while (ok && dict_next(p->kw, &pos, &k, &v)) {
      w.append(", ");
      ok = w.append_strof(k);
      w.append("=");
      if (ok) ok = w.append_repr(v);
    }
  }
  repr_leave(self);
  if (!ok) return nullptr;
  w.append(")");
  return w.finish();
}

Object* partial_get_func(Object* self) { return newref(as_partial(self)->fn); }
Object* partial_get_args(Object* self) { return newref(as_partial(self)->args); }
Object* partial_get_keywords(Object* self) { return newref(as_partial(self)->kw); }

Object* partial_get_dict(Object* self) {
  auto* p = as_partial(self);
  if (!p->dict) {
    p->dict = dict_new();
    if (!p->dict) return nullptr;
  }
  return newref(p->dict);
}

int partial_set_dict(Object* self, Object* value) {
  if (!value) {
    err_format(&Exc_TypeError, "a partial object's dictionary may not be deleted");
    return -1;
  }
  if (!dict_check(value)) {
    err_format(&Exc_TypeError, "setting partial object's dictionary to a non-dict");
    return -1;
  }
  setref(&as_partial(self)->dict, newref(value));
  return 0;
}

Object* partial_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  auto* p = as_partial(self);
  Ref fnargs = Ref::steal(tuple_pack(1, p->fn));
  if (!fnargs) return nullptr;
  Object* kw = dict_size(p->kw) ? p->kw : None;
  Object* d = p->dict ? p->dict : None;
  Ref state = Ref::steal(tuple_pack(4, p->fn, p->args, kw, d));
  if (!state) return nullptr;
  return tuple_pack(3, as_object(type_of(self)), fnargs.get(), state.get());
}

Object* partial_setstate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("__setstate__", nargs, kwnames)) return nullptr;
  Object* state = args[0];
  if (!tuple_check(state) || tuple_size(state) != 4) {
    return err_format(&Exc_TypeError, "invalid partial state");
  }
  Object* fn = tuple_get_borrowed(state, 0);
  Object* fnargs = tuple_get_borrowed(state, 1);
  Object* kw = tuple_get_borrowed(state, 2);
  Object* d = tuple_get_borrowed(state, 3);
  if (!callable_check(fn) || !tuple_check(fnargs) || (kw != None && !dict_check(kw))) {
    return err_format(&Exc_TypeError, "invalid partial state");
  }
  auto* p = as_partial(self);
  Ref newargs = Ref::steal(tuple_from_array(tuple_items(fnargs), tuple_size(fnargs)));
  Ref newkw = Ref::steal(kw == None ? dict_new() : dict_copy(kw));
  if (!newargs || !newkw) return nullptr;
  setref(&p->fn, newref(fn));
  setref(&p->args, newargs.release());
  setref(&p->kw, newkw.release());
  setref(&p->dict, d == None ? nullptr : newref(d));
  return none_ref();
}

const MethodDef kPartialMethods[] = {
    {"__reduce__", partial_reduce, METH_DEFAULT, nullptr},
    {"__setstate__", partial_setstate, METH_DEFAULT, nullptr},
    {"__class_getitem__", generic_alias_class_getitem, METH_CLASS, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kPartialGetSet[] = {
    {"func", partial_get_func, nullptr, "function object to use in future partial calls"},
    {"args", partial_get_args, nullptr, "tuple of arguments to future partial calls"},
    {"keywords", partial_get_keywords, nullptr, "dictionary of keyword arguments to future partial calls"},
    {"__dict__", partial_get_dict, partial_set_dict, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- cmp_to_key ----------------------------------------------------------------------------------
struct KeyWrapperObject : Object {
  Object* cmp;
  Object* object;  // null for the K returned by cmp_to_key itself
};

void keywrapper_dealloc(Object* o) {
  gc_untrack(o);
  auto* k = static_cast<KeyWrapperObject*>(o);
  clear_ref(&k->cmp);
  clear_ref(&k->object);
  object_free(o);
}

int keywrapper_traverse(Object* o, visitproc visit, void* arg) {
  auto* k = static_cast<KeyWrapperObject*>(o);
  if (k->cmp && visit(k->cmp, arg)) return 1;
  return k->object ? visit(k->object, arg) : 0;
}

int keywrapper_clear(Object* o) {
  auto* k = static_cast<KeyWrapperObject*>(o);
  clear_ref(&k->cmp);
  clear_ref(&k->object);
  return 0;
}

Object* keywrapper_make(Object* cmp, Object* obj) {
  auto* k = alloc_object<KeyWrapperObject>(&KeyWrapperType);
  if (!k) return nullptr;
  k->cmp = newref(cmp);
  k->object = obj ? newref(obj) : nullptr;
  return k;
}

Object* keywrapper_call(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"obj", nullptr};
  static const ArgSpec spec = {"K", names, 1, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  return keywrapper_make(static_cast<KeyWrapperObject*>(self)->cmp, a[0]);
}

Object* keywrapper_richcompare(Object* a, Object* b, int op) {
  if (type_of(b) != &KeyWrapperType) {
    return err_format(&Exc_TypeError, "other argument must be K instance");
  }
  auto* ka = static_cast<KeyWrapperObject*>(a);
  auto* kb = static_cast<KeyWrapperObject*>(b);
  if (!ka->object || !kb->object) return err_format(&Exc_AttributeError, "object");
  Object* pair[2] = {ka->object, kb->object};
  Ref res = Ref::steal(call(ka->cmp, pair, 2));
  if (!res) return nullptr;
  Ref zero = Ref::steal(int_from_i64(0));
  return object_richcompare(res.get(), zero.get(), op);
}

Object* keywrapper_get_obj(Object* self) {
  auto* k = static_cast<KeyWrapperObject*>(self);
  if (!k->object) return err_format(&Exc_AttributeError, "obj");
  return newref(k->object);
}

int keywrapper_set_obj(Object* self, Object* value) {
  auto* k = static_cast<KeyWrapperObject*>(self);
  setref(&k->object, value ? newref(value) : nullptr);
  return 0;
}

const GetSetDef kKeyWrapperGetSet[] = {
    {"obj", keywrapper_get_obj, keywrapper_set_obj, "Value wrapped by a key function."},
    {nullptr, nullptr, nullptr, nullptr},
};

Object* functools_cmp_to_key(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"mycmp", nullptr};
  static const ArgSpec spec = {"cmp_to_key", names, 1, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  return keywrapper_make(a[0], nullptr);
}

const MethodDef kFunctoolsFunctions[] = {
    {"reduce", functools_reduce, METH_DEFAULT,
     "reduce(function, iterable[, initial]) -> value\n\nApply a function of two arguments "
     "cumulatively to the items of a sequence\nor iterable, from left to right, so as to reduce "
     "the iterable to a single\nvalue."},
    {"cmp_to_key", functools_cmp_to_key, METH_DEFAULT,
     "Convert a cmp= function into a key= function."},
    {nullptr, nullptr, 0, nullptr},
};

bool types_ready() {
  if (PartialType.flags & TPFLAG_READY) return true;
  PartialType.ob_type = &TypeType;
  make_immortal(&PartialType);
  PartialType.name = "functools.partial";
  PartialType.basicsize = sizeof(PartialObject);
  PartialType.flags = TPFLAG_HAVE_GC | TPFLAG_BASETYPE;
  PartialType.dealloc = partial_dealloc;
  PartialType.traverse = partial_traverse;
  PartialType.clear = partial_clear;
  PartialType.new_ = partial_new;
  PartialType.call = partial_call;
  PartialType.repr = partial_repr;
  PartialType.methods = kPartialMethods;
  PartialType.getset = kPartialGetSet;
  PartialType.dictoffset = ssize(offsetof(PartialObject, dict));
  PartialType.weaklistoffset = ssize(offsetof(PartialObject, weaklist));
  PartialType.doc =
      "partial(func, *args, **keywords) - new function with partial application\n    of the "
      "given arguments and keywords.\n";

  KeyWrapperType.ob_type = &TypeType;
  make_immortal(&KeyWrapperType);
  KeyWrapperType.name = "functools.KeyWrapper";
  KeyWrapperType.basicsize = sizeof(KeyWrapperObject);
  KeyWrapperType.flags = TPFLAG_HAVE_GC;
  KeyWrapperType.dealloc = keywrapper_dealloc;
  KeyWrapperType.traverse = keywrapper_traverse;
  KeyWrapperType.clear = keywrapper_clear;
  KeyWrapperType.call = keywrapper_call;
  KeyWrapperType.richcompare = keywrapper_richcompare;
  KeyWrapperType.hash = object_hash_not_implemented;
  KeyWrapperType.getset = kKeyWrapperGetSet;
  return type_ready(&PartialType) >= 0 && type_ready(&KeyWrapperType) >= 0;
}

}  // namespace

Object* functools_module_init() {
  if (!types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("_functools"));
  if (!m || module_add_functions(m.get(), kFunctoolsFunctions) < 0) return nullptr;
  if (module_add_object(m.get(), "partial", as_object(&PartialType)) < 0 ||
      module_add_object(m.get(), "KeyWrapper", as_object(&KeyWrapperType)) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
