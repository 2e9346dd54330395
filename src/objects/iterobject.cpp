// Generic iterators and the lazy builtin iterator types (Objects/iterobject.c, enumobject.c and
// bltinmodule.c's zip/map/filter):
//  - iterator (seq_iter_new): iterates any object with __getitem__, from index 0 until IndexError
//    or StopIteration;
//  - callable_iterator (callable_iter_new): iter(f, sentinel), calls f() until it returns a value
//    equal to sentinel (or raises StopIteration);
//  - enumerate(iterable, start=0) (ssize counter, switching to int objects past PY_SSIZE_T_MAX),
//    zip(*iterables, strict=False), map(func, *iterables), filter(func or None, iterable),
//    reversed(seq) (__reversed__ or the sequence protocol).
// Each iterator owns its underlying iterator(s)/sequence and drops them when exhausted, so an
// exhausted iterator stays exhausted. enumerate and zip reuse their result tuple when nobody else
// holds it (CPython's trick; the tuple's refcount tells).
//
// Also here: init_container_types(), which fills and registers every type the container files
// own, and container_freelists_clear().
#include <cstdlib>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject SeqIterType, CallIterType;
TypeObject EnumerateType, ZipType, MapType, FilterType, ReversedType;

static Object* iter_self(Object* o) { return newref(o); }

// Call tp_iternext; StopIteration raised by a Python __next__ counts as exhaustion.
static inline Object* next_of(Object* it) {
  Object* r = type_of(it)->iternext ? type_of(it)->iternext(it) : iter_next(it);
  if (!r && err_occurred() && err_matches(&Exc_StopIteration)) err_clear();
  return r;
}

// ---- sequence iterator --------------------------------------------------------------------------
namespace {
struct SeqIterObject : Object {
  ssize index;
  Object* seq;  // owned; null when exhausted
};
struct CallIterObject : Object {
  Object* callable;  // owned; null when exhausted
  Object* sentinel;
};
}  // namespace

Object* seq_iter_new(Object* seq) {
  auto* it = alloc_object<SeqIterObject>(&SeqIterType);
  if (!it) return nullptr;
  it->index = 0;
  it->seq = newref(seq);
  return it;
}

static void seqiter_dealloc(Object* o) {
  xdecref(static_cast<SeqIterObject*>(o)->seq);
  object_free(o);
}

static int seqiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<SeqIterObject*>(o)->seq;
  return s ? visit(s, arg) : 0;
}

static Object* seqiter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  if (it->index == PTRDIFF_MAX)
    return err_format(&Exc_OverflowError, "iter index too large");
  Object* result = sequence_getitem(seq, it->index);
  if (result) {
    it->index++;
    return result;
  }
  if (err_matches(&Exc_IndexError) || err_matches(&Exc_StopIteration)) {
    err_clear();
    it->seq = nullptr;
    decref(seq);
  }
  return nullptr;
}

static Object* seqiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* it = static_cast<SeqIterObject*>(self);
  if (it->seq) {
    if (type_of(it->seq)->len) {
      ssize n = object_length(it->seq);
      if (n < 0) {
        if (!err_matches(&Exc_TypeError)) return nullptr;
        err_clear();
        return not_implemented_ref();
      }
      n -= it->index;
      return int_from_ssize(n < 0 ? 0 : n);
    }
    return not_implemented_ref();
  }
  return int_from_ssize(0);
}

static const MethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---- callable iterator --------------------------------------------------------------------------
Object* callable_iter_new(Object* callable, Object* sentinel) {
  auto* it = alloc_object<CallIterObject>(&CallIterType);
  if (!it) return nullptr;
  it->callable = newref(callable);
  it->sentinel = newref(sentinel);
  return it;
}

static void calliter_dealloc(Object* o) {
  auto* it = static_cast<CallIterObject*>(o);
  xdecref(it->callable);
  xdecref(it->sentinel);
  object_free(o);
}

static int calliter_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<CallIterObject*>(o);
  if (it->callable) {
    int r = visit(it->callable, arg);
    if (r) return r;
  }
  return it->sentinel ? visit(it->sentinel, arg) : 0;
}

static Object* calliter_next(Object* o) {
  auto* it = static_cast<CallIterObject*>(o);
  if (!it->callable) return nullptr;
  Ref result = Ref::steal(call0(it->callable));
  if (result) {
    int ok = object_richcompare_bool(it->sentinel, result.get(), CMP_EQ);
    if (ok == 0) return result.release();
    if (ok > 0) {
      clear_ref(&it->callable);
      clear_ref(&it->sentinel);
    }
    return nullptr;
  }
  if (err_matches(&Exc_StopIteration)) {
    err_clear();
    clear_ref(&it->callable);
    clear_ref(&it->sentinel);
  }
  return nullptr;
}

// ---- enumerate ----------------------------------------------------------------------------------
namespace {
struct EnumObject : Object {
  ssize index;          // next index, while `longindex` is null
  Object* sit;          // owned underlying iterator
  Object* result;       // reusable (index, item) tuple
  Object* longindex;    // owned int once the index overflowed ssize
};
}  // namespace

static Object* enum_make(TypeObject* type, Object* iterable, Object* start) {
  Ref sit = Ref::steal(object_getiter(iterable));
  if (!sit) return nullptr;
  Ref startv;
  if (start) {
    startv = Ref::steal(number_index(start));
    if (!startv) return nullptr;
  }
  Ref result = Ref::steal(tuple_pack(2, None, None));
  if (!result) return nullptr;
  auto* en = alloc_object<EnumObject>(type);
  if (!en) return nullptr;
  en->index = 0;
  en->longindex = nullptr;
  if (startv) {
    bool overflow = false;
    int64_t v = int_as_i64(startv.get(), &overflow);
    if (overflow || v == PTRDIFF_MAX) {
      en->longindex = startv.release();
    } else {
      en->index = ssize(v);
    }
  }
  en->sit = sit.release();
  en->result = result.release();
  return en;
}

static Object* enum_new_slot(TypeObject* type, Object* const* args, ssize nargs,
                             Object* kwnames) {
  if (nargs == 0 && !kwnames)
    return err_format(&Exc_TypeError, "enumerate() missing required argument 'iterable'");
  if (!kwnames && nargs > 2)
    return err_format(&Exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", nargs);
  static const char* const names[] = {"iterable", "start", nullptr};
  static const ArgSpec spec = {"enumerate", names, 1, 2};
  Object* out[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, out)) return nullptr;
  return enum_make(type, out[0], out[1]);
}

static Object* enum_vectorcall(Object* callable, Object* const* args, ssize nargs,
                               Object* kwnames) {
  return enum_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static void enum_dealloc(Object* o) {
  auto* en = static_cast<EnumObject*>(o);
  xdecref(en->sit);
  xdecref(en->result);
  xdecref(en->longindex);
  object_free(o);
}

static int enum_traverse(Object* o, visitproc visit, void* arg) {
  auto* en = static_cast<EnumObject*>(o);
  int r = 0;
  if (en->sit) r = visit(en->sit, arg);
  if (!r && en->result) r = visit(en->result, arg);
  if (!r && en->longindex) r = visit(en->longindex, arg);
  return r;
}

// Put (index, item) in the reusable tuple or a new one; steals both.
static Object* pair_result(Object** cache, Object* a, Object* b) {
  Object* result = *cache;
  if (result->refcnt == 1) {
    incref(result);
    tuple_retrack(result);
    Object* olda = tuple_items(result)[0];
    Object* oldb = tuple_items(result)[1];
    tuple_items(result)[0] = a;
    tuple_items(result)[1] = b;
    decref(olda);
    decref(oldb);
    return result;
  }
  Object* t = tuple_new(2);
  if (!t) {
    decref(a);
    decref(b);
    return nullptr;
  }
  tuple_set_steal(t, 0, a);
  tuple_set_steal(t, 1, b);
  return t;
}

static Object* enum_next(Object* o) {
  auto* en = static_cast<EnumObject*>(o);
  Object* item = next_of(en->sit);
  if (!item) return nullptr;
  Object* idx;
  if (en->longindex) {
    idx = en->longindex;
    Ref one = Ref::steal(int_from_i64(1));
    Object* next = int_add(idx, one.get());
    if (!next) {
      decref(item);
      return nullptr;
    }
    en->longindex = next;
  } else {
    idx = int_from_ssize(en->index);
    if (!idx) {
      decref(item);
      return nullptr;
    }
    if (en->index == PTRDIFF_MAX - 1) {
      en->longindex = int_from_ssize(PTRDIFF_MAX);
      if (!en->longindex) {
        decref(item);
        decref(idx);
        return nullptr;
      }
    } else {
      en->index++;
    }
  }
  return pair_result(&en->result, idx, item);
}

// ---- zip ----------------------------------------------------------------------------------------
namespace {
struct ZipObject : Object {
  Object* ittuple;  // owned tuple of iterators
  Object* result;   // reusable result tuple
  bool strict;
};
}  // namespace

static Object* zip_new_slot(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  bool strict = false;
  if (kwnames) {
    ssize nk = tuple_size(kwnames);
    for (ssize i = 0; i < nk; i++) {
      Object* name = tuple_items(kwnames)[i];
      if (!str_equal_cstr(name, "strict"))
        return err_format(&Exc_TypeError, "'%S' is an invalid keyword argument for zip()", name);
      int r = object_is_true(args[nargs + i]);
      if (r < 0) return nullptr;
      strict = r != 0;
    }
  }
  Ref ittuple = Ref::steal(tuple_new(nargs));
  if (!ittuple) return nullptr;
  for (ssize i = 0; i < nargs; i++) {
    Object* it = object_getiter(args[i]);
    if (!it) {
      // Fill the rest so the tuple can be freed safely.
      for (ssize j = i; j < nargs; j++) tuple_set_steal(ittuple.get(), j, newref(None));
      return nullptr;
    }
    tuple_set_steal(ittuple.get(), i, it);
  }
  Ref result = Ref::steal(tuple_new(nargs));
  if (!result) return nullptr;
  for (ssize i = 0; i < nargs; i++) tuple_set_steal(result.get(), i, newref(None));
  auto* z = alloc_object<ZipObject>(type);
  if (!z) return nullptr;
  z->ittuple = ittuple.release();
  z->result = result.release();
  z->strict = strict;
  return z;
}

static Object* zip_vectorcall(Object* callable, Object* const* args, ssize nargs,
                              Object* kwnames) {
  return zip_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static void zip_dealloc(Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  xdecref(z->ittuple);
  xdecref(z->result);
  object_free(o);
}

static int zip_traverse(Object* o, visitproc visit, void* arg) {
  auto* z = static_cast<ZipObject*>(o);
  int r = z->ittuple ? visit(z->ittuple, arg) : 0;
  if (!r && z->result) r = visit(z->result, arg);
  return r;
}

static Object* zip_strict_check(ZipObject* z, ssize i) {
  if (err_occurred()) return nullptr;
  if (i) {
    const char* plural = i == 1 ? " " : "s 1-";
    return err_format(&Exc_ValueError, "zip() argument %zd is shorter than argument%s%zd", i + 1,
                      plural, i);
  }
  ssize n = tuple_size(z->ittuple);
  for (i = 1; i < n; i++) {
    Object* item = next_of(tuple_items(z->ittuple)[i]);
    if (item) {
      decref(item);
      const char* plural = i == 1 ? " " : "s 1-";
      return err_format(&Exc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                        i + 1, plural, i);
    }
    if (err_occurred()) return nullptr;
  }
  return nullptr;
}

static Object* zip_next(Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  ssize n = tuple_size(z->ittuple);
  if (n == 0) return nullptr;
  Object* result = z->result;
  if (result->refcnt == 1) {
    incref(result);
    tuple_retrack(result);
    for (ssize i = 0; i < n; i++) {
      Object* item = next_of(tuple_items(z->ittuple)[i]);
      if (!item) {
        decref(result);
        if (z->strict) return zip_strict_check(z, i);
        return nullptr;
      }
      Object* old = tuple_items(result)[i];
      tuple_items(result)[i] = item;
      decref(old);
    }
    return result;
  }
  Ref r = Ref::steal(tuple_new(n));
  if (!r) return nullptr;
  for (ssize i = 0; i < n; i++) tuple_set_steal(r.get(), i, newref(None));
  for (ssize i = 0; i < n; i++) {
    Object* item = next_of(tuple_items(z->ittuple)[i]);
    if (!item) {
      if (z->strict) return zip_strict_check(z, i);
      return nullptr;
    }
    setref(&tuple_items(r.get())[i], item);
  }
  return r.release();
}

// ---- map ----------------------------------------------------------------------------------------
namespace {
struct MapObject : Object {
  Object* iters;  // owned tuple of iterators
  Object* func;
};
}  // namespace

static Object* map_new_slot(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &MapType && !check_no_kwargs("map", kwnames)) return nullptr;
  if (nargs < 2) return err_format(&Exc_TypeError, "map() must have at least two arguments.");
  Ref iters = Ref::steal(tuple_new(nargs - 1));
  if (!iters) return nullptr;
  for (ssize i = 1; i < nargs; i++) {
    Object* it = object_getiter(args[i]);
    if (!it) {
      for (ssize j = i; j < nargs; j++) tuple_set_steal(iters.get(), j - 1, newref(None));
      return nullptr;
    }
    tuple_set_steal(iters.get(), i - 1, it);
  }
  auto* m = alloc_object<MapObject>(type);
  if (!m) return nullptr;
  m->iters = iters.release();
  m->func = newref(args[0]);
  return m;
}

static Object* map_vectorcall(Object* callable, Object* const* args, ssize nargs,
                              Object* kwnames) {
  return map_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static void map_dealloc(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  xdecref(m->iters);
  xdecref(m->func);
  object_free(o);
}

static int map_traverse(Object* o, visitproc visit, void* arg) {
  auto* m = static_cast<MapObject*>(o);
  int r = m->iters ? visit(m->iters, arg) : 0;
  if (!r && m->func) r = visit(m->func, arg);
  return r;
}

static Object* map_next(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  ssize n = tuple_size(m->iters);
  Object* small[5];
  Object** stack = n <= 5 ? small : static_cast<Object**>(std::malloc(size_t(n) * sizeof(Object*)));
  if (!stack) return err_no_memory();
  ssize got = 0;
  Object* result = nullptr;
  for (; got < n; got++) {
    Object* item = next_of(tuple_items(m->iters)[got]);
    if (!item) goto done;
    stack[got] = item;
  }
  result = call(m->func, stack, n, nullptr);
done:
  for (ssize i = 0; i < got; i++) decref(stack[i]);
  if (stack != small) std::free(stack);
  return result;
}

// ---- filter -------------------------------------------------------------------------------------
namespace {
struct FilterObject : Object {
  Object* func;
  Object* it;
};
}  // namespace

static Object* filter_new_slot(TypeObject* type, Object* const* args, ssize nargs,
                               Object* kwnames) {
  if (type == &FilterType && !check_no_kwargs("filter", kwnames)) return nullptr;
  if (!check_positional("filter", nargs, 2, 2)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[1]));
  if (!it) return nullptr;
  auto* f = alloc_object<FilterObject>(type);
  if (!f) return nullptr;
  f->func = newref(args[0]);
  f->it = it.release();
  return f;
}

static Object* filter_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                 Object* kwnames) {
  return filter_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static void filter_dealloc(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  xdecref(f->func);
  xdecref(f->it);
  object_free(o);
}

static int filter_traverse(Object* o, visitproc visit, void* arg) {
  auto* f = static_cast<FilterObject*>(o);
  int r = f->func ? visit(f->func, arg) : 0;
  if (!r && f->it) r = visit(f->it, arg);
  return r;
}

static Object* filter_next(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  bool checktrue = f->func == None || f->func == static_cast<Object*>(&BoolType);
  for (;;) {
    Ref item = Ref::steal(next_of(f->it));
    if (!item) return nullptr;
    int ok;
    if (checktrue) {
      ok = object_is_true(item.get());
    } else {
      Ref good = Ref::steal(call1(f->func, item.get()));
      if (!good) return nullptr;
      ok = object_is_true(good.get());
    }
    if (ok > 0) return item.release();
    if (ok < 0) return nullptr;
  }
}

// ---- reversed -----------------------------------------------------------------------------------
namespace {
struct ReversedObject : Object {
  ssize index;
  Object* seq;  // owned; null when exhausted
};
}  // namespace

static Object* reversed_new_slot(TypeObject* type, Object* const* args, ssize nargs,
                                 Object* kwnames) {
  if (type == &ReversedType && !check_no_kwargs("reversed", kwnames)) return nullptr;
  if (!check_positional("reversed", nargs, 1, 1)) return nullptr;
  Object* seq = args[0];
  Object* reversed_meth = type_lookup_borrowed(type_of(seq), str_intern_cstr_borrowed("__reversed__"));
  if (reversed_meth == None)
    return err_format(&Exc_TypeError, "'%s' object is not reversible", type_name(type_of(seq)));
  if (reversed_meth) return call_method0(seq, "__reversed__");
  TypeObject* st = type_of(seq);
  // A sequence (as CPython's PySequence_Check: __getitem__, not a dict); len() raises its own
  // error for one without __len__.
  if (!st->getitem || dict_check(seq))
    return err_format(&Exc_TypeError, "'%s' object is not reversible", type_name(st));
  ssize n = object_length(seq);
  if (n < 0) return nullptr;
  auto* r = alloc_object<ReversedObject>(type);
  if (!r) return nullptr;
  r->index = n - 1;
  r->seq = newref(seq);
  return r;
}

static Object* reversed_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                   Object* kwnames) {
  return reversed_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static void reversed_dealloc(Object* o) {
  xdecref(static_cast<ReversedObject*>(o)->seq);
  object_free(o);
}

static int reversed_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<ReversedObject*>(o)->seq;
  return s ? visit(s, arg) : 0;
}

static Object* reversed_next(Object* o) {
  auto* r = static_cast<ReversedObject*>(o);
  ssize index = r->index;
  if (index >= 0 && r->seq) {
    Object* item = sequence_getitem(r->seq, index);
    if (item) {
      r->index--;
      return item;
    }
    if (err_matches(&Exc_IndexError) || err_matches(&Exc_StopIteration)) err_clear();
    else return nullptr;
  }
  r->index = -1;
  clear_ref(&r->seq);
  return nullptr;
}

static Object* reversed_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* r = static_cast<ReversedObject*>(self);
  if (!r->seq) return int_from_ssize(0);
  ssize seqsize = object_length(r->seq);
  if (seqsize < 0) return nullptr;
  return int_from_ssize(seqsize < r->index ? 0 : r->index + 1);
}

static const MethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---- type objects and registration --------------------------------------------------------------
static void init_simple_iter(TypeObject& t, const char* name, ssize size, destructor dealloc,
                             traverseproc traverse, unaryfunc next, const MethodDef* methods,
                             bool basetype) {
  t.name = name;
  t.basicsize = size;
  t.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE | (basetype ? uint32_t(TPFLAG_BASETYPE) : 0u);
  t.dealloc = dealloc;
  t.traverse = traverse;
  t.iter = iter_self;
  t.iternext = next;
  t.methods = methods;
}

void init_iter_types() {
  init_simple_iter(SeqIterType, "iterator", sizeof(SeqIterObject), seqiter_dealloc,
                   seqiter_traverse, seqiter_next, seqiter_methods, false);
  init_simple_iter(CallIterType, "callable_iterator", sizeof(CallIterObject), calliter_dealloc,
                   calliter_traverse, calliter_next, nullptr, false);

  init_simple_iter(EnumerateType, "enumerate", sizeof(EnumObject), enum_dealloc, enum_traverse,
                   enum_next, nullptr, true);
  EnumerateType.new_ = enum_new_slot;
  EnumerateType.vectorcall = enum_vectorcall;
  EnumerateType.doc =
      "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe "
      "enumerate object yields pairs containing a count (from start, which\ndefaults to zero) and "
      "a value yielded by the iterable argument.\n\nenumerate is useful for obtaining an indexed "
      "list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...";

  init_simple_iter(ZipType, "zip", sizeof(ZipObject), zip_dealloc, zip_traverse, zip_next,
                   nullptr, true);
  ZipType.new_ = zip_new_slot;
  ZipType.vectorcall = zip_vectorcall;
  ZipType.doc =
      "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n   >>> "
      "list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\nThe "
      "zip object yields n-length tuples, where n is the number of iterables\npassed as positional "
      "arguments to zip().  The i-th element in every tuple\ncomes from the i-th iterable argument "
      "to zip().  This continues until the\nshortest argument is exhausted.\n\nIf strict is true "
      "and one of the arguments is exhausted before the others,\nraise a ValueError.";

  init_simple_iter(MapType, "map", sizeof(MapObject), map_dealloc, map_traverse, map_next,
                   nullptr, true);
  MapType.new_ = map_new_slot;
  MapType.vectorcall = map_vectorcall;
  MapType.doc =
      "map(func, *iterables) --> map object\n\nMake an iterator that computes the function using "
      "arguments from\neach of the iterables.  Stops when the shortest iterable is exhausted.";

  init_simple_iter(FilterType, "filter", sizeof(FilterObject), filter_dealloc, filter_traverse,
                   filter_next, nullptr, true);
  FilterType.new_ = filter_new_slot;
  FilterType.vectorcall = filter_vectorcall;
  FilterType.doc =
      "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those "
      "items of iterable for which function(item)\nis true. If function is None, return the items "
      "that are true.";

  init_simple_iter(ReversedType, "reversed", sizeof(ReversedObject), reversed_dealloc,
                   reversed_traverse, reversed_next, reversed_methods, true);
  ReversedType.new_ = reversed_new_slot;
  ReversedType.vectorcall = reversed_vectorcall;
  ReversedType.doc = "Return a reverse iterator over the values of the given sequence.";
}

void init_container_types() {
  init_tuple_types();
  init_list_types();
  init_dict_types();
  init_set_types();
  init_range_types();
  init_slice_types();
  init_iter_types();
  TypeObject* types[] = {
      &TupleType,          &TupleIterType,       &ListType,           &ListIterType,
      &ListRevIterType,    &DictType,            &DictKeysType,       &DictValuesType,
      &DictItemsType,      &DictKeyIterType,     &DictValueIterType,  &DictItemIterType,
      &DictRevKeyIterType, &DictRevValueIterType, &DictRevItemIterType, &SetType,
      &FrozenSetType,      &SetIterType,         &RangeType,          &RangeIterType,
      &LongRangeIterType,  &SliceType,           &SeqIterType,        &CallIterType,
      &EnumerateType,      &ZipType,             &MapType,            &FilterType,
      &ReversedType,
  };
  for (TypeObject* t : types) register_static_type(t);
}

void container_freelists_clear() {
  tuple_freelist_clear();
  list_freelist_clear();
  dict_freelist_clear();
}

}  // namespace gilpy
