// The `itertools` module: the lazy iterator building blocks of CPython's Modules/itertoolsmodule.c,
// written for gilpy (semantics, reprs and error messages are CPython 3.12's).
//
// Design: every iterator is a small GC-tracked object whose owned references come FIRST after the
// object header (`Object* a, *b, ...`), followed by plain C++ state. That lets one templated
// dealloc/traverse/clear (RefsOps<T, N>) serve all types: N is the number of leading Object* fields.
// Iterators drop their underlying iterators when exhausted (so they stay exhausted). Results are
// fresh tuples each time (no tuple reuse trick: simpler, and the allocator's freelists make it cheap).
//
// Special cases:
//  - count keeps an int64 counter while start/step are small ints (no allocation per step beyond the
//    result), switching to generic `+` on overflow or for float/other numbers;
//  - tee shares a chain of TeeData blocks of 57 values between its copies (as CPython): a block is
//    freed when the slowest copy moves past it; long chains are released iteratively;
//  - groupby's _grouper objects check that they are still the current group (an identity
//    pointer, never dereferenced) and stop when the parent moved on;
//  - product/permutations/combinations(+with_replacement) copy the input into tuples up front and
//    walk index vectors.
#include <cstring>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

// ---- shared plumbing -----------------------------------------------------------------------------
template <int N>
Object** refs_of(Object* o) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + sizeof(Object));
}

template <int N>
void refs_dealloc(Object* o) {
  gc_untrack(o);
  Object** r = refs_of<N>(o);
  for (int i = 0; i < N; ++i) clear_ref(&r[i]);
  object_free(o);
}

template <int N>
int refs_traverse(Object* o, visitproc visit, void* arg) {
  Object** r = refs_of<N>(o);
  for (int i = 0; i < N; ++i) {
    if (r[i]) {
      int rc = visit(r[i], arg);
      if (rc) return rc;
    }
  }
  return 0;
}

template <int N>
int refs_clear(Object* o) {
  Object** r = refs_of<N>(o);
  for (int i = 0; i < N; ++i) clear_ref(&r[i]);
  return 0;
}

Object* self_iter(Object* o) { return newref(o); }

void init_iter_type(TypeObject& t, const char* name, ssize size, destructor dealloc,
                    traverseproc traverse, inquiry clear, unaryfunc next, newfunc new_,
                    const char* doc, bool basetype = true) {
  t.ob_type = &TypeType;
  make_immortal(&t);
  t.name = name;
  t.basicsize = size;
  t.flags = TPFLAG_HAVE_GC | (basetype ? uint32_t(TPFLAG_BASETYPE) : 0u);
  t.dealloc = dealloc;
  t.traverse = traverse;
  t.clear = clear;
  t.iter = self_iter;
  t.iternext = next;
  t.new_ = new_;
  t.doc = doc;
}

#define ITER_TYPE(T, N, name, next, new_, doc) \
  init_iter_type(T##Type, name, sizeof(T), refs_dealloc<N>, refs_traverse<N>, refs_clear<N>, \
                 next, new_, doc)

// Fill a tuple from an array of borrowed references.
Object* tuple_of(Object* const* items, ssize n) { return tuple_from_array(items, n); }

// CPython's PyNumber_Check.
bool number_check(Object* o) {
  TypeObject* t = type_of(o);
  return t->nb_index || t->nb_int || t->nb_float || std::strcmp(t->name, "complex") == 0 ||
         type_is_subtype(t, &IntType);
}

TypeObject countType, cycleType, repeatType, accumulateType, chainType, compressType,
    dropwhileType, takewhileType, filterfalseType, groupbyType, _grouperType, isliceType,
    pairwiseType, starmapType, _teeType, _tee_dataobjectType, zip_longestType, productType,
    permutationsType, combinationsType, combinations_with_replacementType, batchedType;

// ---- count ---------------------------------------------------------------------------------------
struct count : Object {
  Object* start;  // current value when !fast (generic mode)
  Object* step;
  bool fast;  // value in `cnt`, step is `istep`
  int64_t cnt;
  int64_t istep;
};

Object* count_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"start", "step", nullptr};
  static const ArgSpec spec = {"count", names, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if ((a[0] && !number_check(a[0])) || (a[1] && !number_check(a[1]))) {
    return err_format(&Exc_TypeError, "a number is required");
  }
  Ref start = Ref::borrow(a[0]);
  Ref step = Ref::borrow(a[1]);
  if (!start) start = Ref::steal(int_from_i64(0));
  if (!step) step = Ref::steal(int_from_i64(1));
  auto* c = alloc_object<count>(type);
  if (!c) return nullptr;
  c->fast = false;
  if (int_check_exact(start.get()) && int_check_exact(step.get()) && int_is_small(start.get()) &&
      int_is_small(step.get())) {
    c->fast = true;
    c->cnt = int_small_value(start.get());
    c->istep = int_small_value(step.get());
  }
  c->start = start.release();
  c->step = step.release();
  return c;
}

// Materialize the fast counter into `start`.
bool count_slow(count* c) {
  if (!c->fast) return true;
  Object* v = int_from_i64(c->cnt);
  if (!v) return false;
  setref(&c->start, v);
  c->fast = false;
  return true;
}

Object* count_next(Object* o) {
  auto* c = static_cast<count*>(o);
  if (c->fast) {
    int64_t next;
    if (!__builtin_add_overflow(c->cnt, c->istep, &next)) {
      Object* r = int_from_i64(c->cnt);
      c->cnt = next;
      return r;
    }
    if (!count_slow(c)) return nullptr;
  }
  Object* r = newref(c->start);
  Object* n = number_add(c->start, c->step);
  if (!n) {
    decref(r);
    return nullptr;
  }
  setref(&c->start, n);
  return r;
}

Object* count_repr(Object* o) {
  auto* c = static_cast<count*>(o);
  if (!count_slow(c)) return nullptr;
  const char* name = type_name(type_of(o));
  if (int_check_exact(c->step) && int_is_small(c->step) && int_small_value(c->step) == 1) {
    return str_from_format("%s(%R)", name, c->start);
  }
  return str_from_format("%s(%R, %R)", name, c->start, c->step);
}

// ---- cycle ---------------------------------------------------------------------------------------
struct cycle : Object {
  Object* it;     // null once the first pass is over
  Object* saved;  // list
  ssize index;
  bool firstpass;
};

Object* cycle_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &cycleType && !check_no_kwargs("cycle", kwnames)) return nullptr;
  if (!check_positional("cycle", nargs, 1, 1)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  Ref saved = Ref::steal(list_new(0));
  if (!saved) return nullptr;
  auto* c = alloc_object<cycle>(type);
  if (!c) return nullptr;
  c->it = it.release();
  c->saved = saved.release();
  c->index = 0;
  c->firstpass = true;
  return c;
}

Object* cycle_next(Object* o) {
  auto* c = static_cast<cycle*>(o);
  if (c->it) {
    Object* item = iter_next(c->it);
    if (item) {
      if (c->firstpass) {
        if (list_append(c->saved, item) < 0) {
          decref(item);
          return nullptr;
        }
      }
      return item;
    }
    if (err_occurred()) return nullptr;
    clear_ref(&c->it);
  }
  ssize n = list_size(c->saved);
  if (n == 0) return nullptr;
  Object* item = list_get_borrowed(c->saved, c->index);
  c->index++;
  if (c->index >= n) c->index = 0;
  return newref(item);
}

// ---- repeat --------------------------------------------------------------------------------------
struct repeat : Object {
  Object* element;
  ssize cnt;  // -1: forever
};

Object* repeat_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"object", "times", nullptr};
  static const ArgSpec spec = {"repeat", names, 1, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize cnt = -1;
  if (a[1]) {
    if (!int_check(a[1])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
    }
    cnt = number_as_ssize(a[1], &Exc_OverflowError);
    if (cnt == -1 && err_occurred()) return nullptr;
    if (cnt < 0) cnt = 0;
  }
  auto* r = alloc_object<repeat>(type);
  if (!r) return nullptr;
  r->element = newref(a[0]);
  r->cnt = cnt;
  return r;
}

Object* repeat_next(Object* o) {
  auto* r = static_cast<repeat*>(o);
  if (r->cnt == 0) return nullptr;
  if (r->cnt > 0) r->cnt--;
  return newref(r->element);
}

Object* repeat_repr(Object* o) {
  auto* r = static_cast<repeat*>(o);
  const char* name = type_name(type_of(o));
  if (r->cnt == -1) return str_from_format("%s(%R)", name, r->element);
  return str_from_format("%s(%R, %zd)", name, r->element, r->cnt);
}

Object* repeat_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* r = static_cast<repeat*>(self);
  if (r->cnt == -1) return err_format(&Exc_TypeError, "len() of unsized object");
  return int_from_ssize(r->cnt);
}

const MethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, METH_DEFAULT,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

// ---- accumulate ----------------------------------------------------------------------------------
struct accumulate : Object {
  Object* it;
  Object* func;     // may be null (addition)
  Object* total;    // running total
  Object* initial;  // yielded first, then cleared
};

Object* accumulate_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"iterable", "func", "initial", nullptr};
  static const ArgSpec spec = {"accumulate", names, 1, 2};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref it = Ref::steal(object_getiter(a[0]));
  if (!it) return nullptr;
  auto* r = alloc_object<accumulate>(type);
  if (!r) return nullptr;
  r->it = it.release();
  r->func = (a[1] && a[1] != None) ? newref(a[1]) : nullptr;
  r->initial = (a[2] && a[2] != None) ? newref(a[2]) : nullptr;
  return r;
}

Object* accumulate_next(Object* o) {
  auto* r = static_cast<accumulate*>(o);
  if (r->initial) {
    Object* init = r->initial;
    r->initial = nullptr;
    setref(&r->total, newref(init));
    return init;
  }
  if (!r->it) return nullptr;
  Object* val = iter_next(r->it);
  if (!val) return nullptr;
  Ref v = Ref::steal(val);
  if (!r->total) {
    r->total = v.release();
    return newref(r->total);
  }
  Object* nt = r->func ? call2(r->func, r->total, v.get()) : number_add(r->total, v.get());
  if (!nt) return nullptr;
  setref(&r->total, nt);
  return newref(nt);
}

// ---- chain ---------------------------------------------------------------------------------------
struct chain : Object {
  Object* source;  // iterator over the iterables; null when exhausted
  Object* active;  // current iterator
};

Object* chain_make(TypeObject* type, Object* source) {
  auto* c = alloc_object<chain>(type);
  if (!c) return nullptr;
  c->source = newref(source);
  c->active = nullptr;
  return c;
}

Object* chain_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &chainType && !check_no_kwargs("chain", kwnames)) return nullptr;
  Ref t = Ref::steal(tuple_of(args, nargs));
  if (!t) return nullptr;
  Ref src = Ref::steal(object_getiter(t.get()));
  if (!src) return nullptr;
  return chain_make(type, src.get());
}

Object* chain_from_iterable(Object* cls, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("from_iterable", nargs, kwnames)) return nullptr;
  Ref src = Ref::steal(object_getiter(args[0]));
  if (!src) return nullptr;
  return chain_make(static_cast<TypeObject*>(cls), src.get());
}

Object* chain_next(Object* o) {
  auto* c = static_cast<chain*>(o);
  while (c->source) {
    if (!c->active) {
      Object* iterable = iter_next(c->source);
      if (!iterable) {
        if (err_occurred()) return nullptr;
        clear_ref(&c->source);
        return nullptr;
      }
      Object* it = object_getiter(iterable);
      decref(iterable);
      if (!it) return nullptr;
      c->active = it;
    }
    Object* item = iter_next(c->active);
    if (item) return item;
    if (err_occurred()) return nullptr;
    clear_ref(&c->active);
  }
  return nullptr;
}

const MethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {nullptr, nullptr, 0, nullptr}};

// ---- compress ------------------------------------------------------------------------------------
struct compress : Object {
  Object* data;
  Object* selectors;
};

Object* compress_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"data", "selectors", nullptr};
  static const ArgSpec spec = {"compress", names, 2, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref d = Ref::steal(object_getiter(a[0]));
  if (!d) return nullptr;
  Ref s = Ref::steal(object_getiter(a[1]));
  if (!s) return nullptr;
  auto* c = alloc_object<compress>(type);
  if (!c) return nullptr;
  c->data = d.release();
  c->selectors = s.release();
  return c;
}

Object* compress_next(Object* o) {
  auto* c = static_cast<compress*>(o);
  if (!c->data) return nullptr;
  for (;;) {
    Ref datum = Ref::steal(iter_next(c->data));
    if (!datum) return nullptr;
    Ref sel = Ref::steal(iter_next(c->selectors));
    if (!sel) return nullptr;
    int ok = object_is_true(sel.get());
    if (ok < 0) return nullptr;
    if (ok) return datum.release();
  }
}

// ---- dropwhile / takewhile / filterfalse / starmap -------------------------------------------------
struct predicate_iter : Object {
  Object* func;
  Object* it;
  int state;  // dropwhile: 1 once dropping is over; takewhile: 1 once stopped
};
using dropwhile = predicate_iter;

template <TypeObject* T>
Object* predicate_new_impl(const char* name, TypeObject* type, Object* const* args, ssize nargs,
                           Object* kwnames) {
  if (type == T && !check_no_kwargs(name, kwnames)) return nullptr;
  if (!check_positional(name, nargs, 2, 2)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[1]));
  if (!it) return nullptr;
  auto* p = alloc_object<predicate_iter>(type);
  if (!p) return nullptr;
  p->func = newref(args[0]);
  p->it = it.release();
  p->state = 0;
  return p;
}

Object* dropwhile_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  return predicate_new_impl<&dropwhileType>("dropwhile", type, args, nargs, kwnames);
}
Object* takewhile_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  return predicate_new_impl<&takewhileType>("takewhile", type, args, nargs, kwnames);
}
Object* filterfalse_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  return predicate_new_impl<&filterfalseType>("filterfalse", type, args, nargs, kwnames);
}
Object* starmap_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  return predicate_new_impl<&starmapType>("starmap", type, args, nargs, kwnames);
}

int call_predicate(Object* func, Object* item) {
  Ref r = Ref::steal(call1(func, item));
  if (!r) return -1;
  return object_is_true(r.get());
}

Object* dropwhile_next(Object* o) {
  auto* p = static_cast<predicate_iter*>(o);
  for (;;) {
    Ref item = Ref::steal(iter_next(p->it));
    if (!item) return nullptr;
    if (p->state) return item.release();
    int ok = call_predicate(p->func, item.get());
    if (ok < 0) return nullptr;
    if (!ok) {
      p->state = 1;
      return item.release();
    }
  }
}

Object* takewhile_next(Object* o) {
  auto* p = static_cast<predicate_iter*>(o);
  if (p->state) return nullptr;
  Ref item = Ref::steal(iter_next(p->it));
  if (!item) return nullptr;
  int ok = call_predicate(p->func, item.get());
  if (ok < 0) return nullptr;
  if (ok) return item.release();
  p->state = 1;
  return nullptr;
}

Object* filterfalse_next(Object* o) {
  auto* p = static_cast<predicate_iter*>(o);
  for (;;) {
    Ref item = Ref::steal(iter_next(p->it));
    if (!item) return nullptr;
    int ok;
    if (p->func == None || p->func == as_object(&BoolType)) {
      ok = object_is_true(item.get());
    } else {
      ok = call_predicate(p->func, item.get());
    }
    if (ok < 0) return nullptr;
    if (!ok) return item.release();
  }
}

Object* starmap_next(Object* o) {
  auto* p = static_cast<predicate_iter*>(o);
  Ref item = Ref::steal(iter_next(p->it));
  if (!item) return nullptr;
  Ref t = Ref::steal(sequence_tuple(item.get()));
  if (!t) return nullptr;
  return call(p->func, tuple_items(t.get()), tuple_size(t.get()));
}

// ---- groupby -------------------------------------------------------------------------------------
struct groupby : Object {
  Object* it;
  Object* keyfunc;  // may be null
  Object* tgtkey;
  Object* currkey;
  Object* currvalue;
  Object* currgrouper;  // identity only (not owned): the live grouper
};
struct _grouper : Object {
  Object* parent;
  Object* tgtkey;
};

Object* groupby_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"iterable", "key", nullptr};
  static const ArgSpec spec = {"groupby", names, 1, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref it = Ref::steal(object_getiter(a[0]));
  if (!it) return nullptr;
  auto* g = alloc_object<groupby>(type);
  if (!g) return nullptr;
  g->it = it.release();
  g->keyfunc = (a[1] && a[1] != None) ? newref(a[1]) : nullptr;
  return g;
}

void groupby_dealloc(Object* o) {
  gc_untrack(o);
  auto* g = static_cast<groupby*>(o);
  g->currgrouper = nullptr;
  refs_clear<5>(o);
  object_free(o);
}

int groupby_step(groupby* g) {
  Object* v = iter_next(g->it);
  if (!v) {
    if (!err_occurred()) err_set(&Exc_StopIteration, nullptr);
    return -1;
  }
  Ref value = Ref::steal(v);
  Ref key;
  if (g->keyfunc) {
    key = Ref::steal(call1(g->keyfunc, value.get()));
    if (!key) return -1;
  } else {
    key = value;
  }
  setref(&g->currvalue, value.release());
  setref(&g->currkey, key.release());
  return 0;
}

// groupby_step's StopIteration -> plain exhaustion.
Object* end_of_step() {
  if (err_matches(&Exc_StopIteration)) err_clear();
  return nullptr;
}

Object* groupby_next(Object* o) {
  auto* g = static_cast<groupby*>(o);
  g->currgrouper = nullptr;
  for (;;) {
    if (!g->currkey) {
      // pass
    } else if (!g->tgtkey) {
      break;
    } else {
      int rc = object_richcompare_bool(g->tgtkey, g->currkey, CMP_EQ);
      if (rc < 0) return nullptr;
      if (rc == 0) break;
    }
    if (groupby_step(g) < 0) return end_of_step();
  }
  setref(&g->tgtkey, newref(g->currkey));
  auto* gr = alloc_object<_grouper>(&_grouperType);
  if (!gr) return nullptr;
  gr->parent = newref(g);
  gr->tgtkey = newref(g->tgtkey);
  g->currgrouper = gr;
  Ref grouper = Ref::steal(gr);
  return tuple_pack(2, g->currkey, gr);
}

Object* grouper_next(Object* o) {
  auto* gr = static_cast<_grouper*>(o);
  auto* g = static_cast<groupby*>(gr->parent);
  if (g->currgrouper != gr) return nullptr;
  if (!g->currvalue) {
    if (groupby_step(g) < 0) return end_of_step();
  }
  int rc = object_richcompare_bool(gr->tgtkey, g->currkey, CMP_EQ);
  if (rc <= 0) return nullptr;
  Object* r = g->currvalue;
  g->currvalue = nullptr;
  return r;
}

// ---- islice --------------------------------------------------------------------------------------
struct islice : Object {
  Object* it;
  ssize next;
  ssize stop;  // -1: no stop
  ssize step;
  ssize cnt;
};

const char kStopMsg[] =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

Object* islice_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &isliceType && !check_no_kwargs("islice", kwnames)) return nullptr;
  if (!check_positional("islice", nargs, 2, 4)) return nullptr;
  ssize start = 0, stop = -1, step = 1;
  auto to_ssize = [](Object* v, ssize* out) -> bool {
    ssize x = number_as_ssize(v, &Exc_OverflowError);
    if (x == -1 && err_occurred()) {
      err_clear();
      *out = -1;
      return false;
    }
    *out = x;
    return true;
  };
  if (nargs == 2) {
    if (args[1] != None) {
      if (!to_ssize(args[1], &stop) || stop == -1) {
        return err_format(&Exc_ValueError, "%s", kStopMsg);
      }
    }
  } else {
    if (args[1] != None) to_ssize(args[1], &start);
    if (args[2] != None) {
      if (!to_ssize(args[2], &stop) || stop == -1) {
        return err_format(&Exc_ValueError, "%s", kStopMsg);
      }
    }
  }
  if (start < 0 || stop < -1) {
    return err_format(&Exc_ValueError,
                      "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  }
  if (nargs == 4 && args[3] != None) to_ssize(args[3], &step);
  if (step < 1) {
    return err_format(&Exc_ValueError, "Step for islice() must be a positive integer or None.");
  }
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  auto* s = alloc_object<islice>(type);
  if (!s) return nullptr;
  s->it = it.release();
  s->next = start;
  s->stop = stop;
  s->step = step;
  s->cnt = 0;
  return s;
}

Object* islice_next(Object* o) {
  auto* s = static_cast<islice*>(o);
  if (!s->it) return nullptr;
  while (s->cnt < s->next) {
    Object* item = iter_next(s->it);
    if (!item) goto empty;
    decref(item);
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) goto empty;
  {
    Object* item = iter_next(s->it);
    if (!item) goto empty;
    s->cnt++;
    ssize old = s->next;
    s->next += s->step;
    if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
    return item;
  }
empty:
  if (err_occurred()) return nullptr;
  clear_ref(&s->it);
  return nullptr;
}

// ---- pairwise ------------------------------------------------------------------------------------
struct pairwise : Object {
  Object* it;
  Object* old;
};

Object* pairwise_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &pairwiseType && !check_no_kwargs("pairwise", kwnames)) return nullptr;
  if (!check_positional("pairwise", nargs, 1, 1)) return nullptr;
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  auto* p = alloc_object<pairwise>(type);
  if (!p) return nullptr;
  p->it = it.release();
  return p;
}

Object* pairwise_next(Object* o) {
  auto* p = static_cast<pairwise*>(o);
  if (!p->it) return nullptr;
  if (!p->old) {
    p->old = iter_next(p->it);
    if (!p->old) {
      if (!err_occurred()) clear_ref(&p->it);
      return nullptr;
    }
  }
  Object* nw = iter_next(p->it);
  if (!nw) {
    if (!err_occurred()) {
      clear_ref(&p->it);
      clear_ref(&p->old);
    }
    return nullptr;
  }
  Object* r = tuple_pack(2, p->old, nw);
  setref(&p->old, nw);
  return r;
}

// ---- tee -----------------------------------------------------------------------------------------
constexpr int kTeeLink = 57;
struct _tee_dataobject : Object {
  Object* it;
  Object* nextlink;  // the following block, created on demand
  int numread;
  bool running;
  Object* values[kTeeLink];
};
struct _tee : Object {
  Object* dataobj;
  int index;
};

int teedata_traverse(Object* o, visitproc visit, void* arg) {
  auto* d = static_cast<_tee_dataobject*>(o);
  if (d->it && visit(d->it, arg)) return 1;
  for (int i = 0; i < d->numread; ++i) {
    int rc = visit(d->values[i], arg);
    if (rc) return rc;
  }
  return d->nextlink ? visit(d->nextlink, arg) : 0;
}

int teedata_clear(Object* o) {
  auto* d = static_cast<_tee_dataobject*>(o);
  for (int i = 0; i < d->numread; ++i) clear_ref(&d->values[i]);
  d->numread = 0;
  clear_ref(&d->it);
  // Release a long chain of blocks without recursion.
  Object* next = d->nextlink;
  d->nextlink = nullptr;
  while (next && next->refcnt == 1) {
    auto* nd = static_cast<_tee_dataobject*>(next);
    Object* after = nd->nextlink;
    nd->nextlink = nullptr;
    decref(next);
    next = after;
  }
  xdecref(next);
  return 0;
}

void teedata_dealloc(Object* o) {
  gc_untrack(o);
  teedata_clear(o);
  object_free(o);
}

Object* teedata_new(Object* it) {
  auto* d = alloc_object<_tee_dataobject>(&_tee_dataobjectType);
  if (!d) return nullptr;
  d->it = newref(it);
  return d;
}

Object* teedata_getitem(_tee_dataobject* d, int i) {
  if (i < d->numread) return newref(d->values[i]);
  if (d->running) return err_format(&Exc_RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Object* v = iter_next(d->it);
  d->running = false;
  if (!v) return nullptr;
  d->values[d->numread++] = newref(v);
  return v;
}

Object* tee_from_iterator(Object* it) {
  auto* t = alloc_object<_tee>(&_teeType);
  if (!t) return nullptr;
  Ref ref = Ref::steal(t);
  t->dataobj = teedata_new(it);
  if (!t->dataobj) return nullptr;
  t->index = 0;
  return ref.release();
}

Object* tee_copy_impl(Object* o) {
  auto* src = static_cast<_tee*>(o);
  auto* t = alloc_object<_tee>(&_teeType);
  if (!t) return nullptr;
  t->dataobj = newref(src->dataobj);
  t->index = src->index;
  return t;
}

Object* tee_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__copy__", nargs, kwnames)) return nullptr;
  return tee_copy_impl(self);
}

Object* tee_fromiterable(Object* iterable) {
  Ref it = Ref::steal(object_getiter(iterable));
  if (!it) return nullptr;
  if (type_of(it.get()) == &_teeType) return tee_copy_impl(it.get());
  return tee_from_iterator(it.get());
}

Object* tee_type_new(TypeObject*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_tee", kwnames) || !check_positional("_tee", nargs, 1, 1)) return nullptr;
  return tee_fromiterable(args[0]);
}

Object* tee_next(Object* o) {
  auto* t = static_cast<_tee*>(o);
  if (t->index >= kTeeLink) {
    auto* d = static_cast<_tee_dataobject*>(t->dataobj);
    if (!d->nextlink) {
      d->nextlink = teedata_new(d->it);
      if (!d->nextlink) return nullptr;
    }
    setref(&t->dataobj, newref(d->nextlink));
    t->index = 0;
  }
  Object* v = teedata_getitem(static_cast<_tee_dataobject*>(t->dataobj), t->index);
  if (!v) return nullptr;
  t->index++;
  return v;
}

const MethodDef tee_methods[] = {
    {"__copy__", tee_copy, METH_DEFAULT, "Returns an independent iterator."},
    {nullptr, nullptr, 0, nullptr}};

Object* itertools_tee(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("tee", kwnames) || !check_positional("tee", nargs, 1, 2)) return nullptr;
  ssize n = 2;
  if (nargs == 2) {
    if (!int_check(args[1])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    }
    n = int_as_ssize(args[1]);
    if (n == -1 && err_occurred()) return nullptr;
  }
  if (n < 0) return err_format(&Exc_ValueError, "n must be >= 0");
  Ref it = Ref::steal(object_getiter(args[0]));
  if (!it) return nullptr;
  Ref result = Ref::steal(tuple_new(n));
  if (!result) return nullptr;
  if (n == 0) return result.release();
  Ref copyfunc;
  Ref copyable;
  {
    Object* cf = nullptr;
    if (object_lookup_attr(it.get(), str_intern_cstr_borrowed("__copy__"), &cf) < 0) {
      return nullptr;
    }
    if (cf) {
      copyfunc = Ref::steal(cf);
      copyable = it;
    } else {
      copyable = Ref::steal(tee_from_iterator(it.get()));
      if (!copyable) return nullptr;
      copyfunc = Ref::steal(object_getattr_str(copyable.get(), "__copy__"));
      if (!copyfunc) return nullptr;
    }
  }
  for (ssize i = 0; i < n; ++i) tuple_set_steal(result.get(), i, newref(None));
  setref(&tuple_items(result.get())[0], copyable.release());
  for (ssize i = 1; i < n; ++i) {
    Object* c = call0(copyfunc.get());
    if (!c) return nullptr;
    setref(&tuple_items(result.get())[i], c);
  }
  return result.release();
}

// ---- zip_longest ---------------------------------------------------------------------------------
struct zip_longest : Object {
  Object* iters;  // tuple; exhausted entries are replaced by None
  Object* fillvalue;
  ssize numactive;
};

Object* zip_longest_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  Object* fill = None;
  if (kwnames && tuple_size(kwnames) > 0) {
    ssize nk = tuple_size(kwnames);
    if (nk == 1 && str_equal_cstr(tuple_get_borrowed(kwnames, 0), "fillvalue")) {
      fill = args[nargs];
    } else {
      return err_format(&Exc_TypeError, "zip_longest() got an unexpected keyword argument");
    }
  }
  Ref iters = Ref::steal(tuple_new(nargs));
  if (!iters) return nullptr;
  for (ssize i = 0; i < nargs; ++i) tuple_set_steal(iters.get(), i, newref(None));
  for (ssize i = 0; i < nargs; ++i) {
    Object* it = object_getiter(args[i]);
    if (!it) return nullptr;
    setref(&tuple_items(iters.get())[i], it);
  }
  auto* z = alloc_object<zip_longest>(type);
  if (!z) return nullptr;
  z->iters = iters.release();
  z->fillvalue = newref(fill);
  z->numactive = nargs;
  return z;
}

Object* zip_longest_next(Object* o) {
  auto* z = static_cast<zip_longest*>(o);
  ssize n = tuple_size(z->iters);
  if (n == 0 || z->numactive == 0) return nullptr;
  Ref result = Ref::steal(tuple_new(n));
  if (!result) return nullptr;
  for (ssize i = 0; i < n; ++i) tuple_set_steal(result.get(), i, newref(None));
  for (ssize i = 0; i < n; ++i) {
    Object* it = tuple_get_borrowed(z->iters, i);
    Object* item;
    if (it == None) {
      item = newref(z->fillvalue);
    } else {
      item = iter_next(it);
      if (!item) {
        if (err_occurred()) {
          z->numactive = 0;
          return nullptr;
        }
        z->numactive--;
        if (z->numactive == 0) return nullptr;
        setref(&tuple_items(z->iters)[i], newref(None));
        item = newref(z->fillvalue);
      }
    }
    setref(&tuple_items(result.get())[i], item);
  }
  return result.release();
}

// ---- product / permutations / combinations / combinations_with_replacement ---------------------
struct combinatoric : Object {
  Object* pool;    // tuple of all values (product: tuple of pool tuples)
  Object* result;  // last result tuple (null before the first)
  std::vector<ssize>* indices;
  std::vector<ssize>* cycles;  // permutations only
  ssize r;
  bool stopped;
};

void combinatoric_dealloc(Object* o) {
  auto* c = static_cast<combinatoric*>(o);
  delete c->indices;
  delete c->cycles;
  refs_dealloc<2>(o);
}

combinatoric* combinatoric_alloc(TypeObject* type, Object* pool, ssize r, ssize n_indices) {
  auto* c = alloc_object<combinatoric>(type);
  if (!c) return nullptr;
  c->pool = newref(pool);
  c->indices = new std::vector<ssize>(size_t(n_indices), 0);
  c->cycles = nullptr;
  c->r = r;
  c->stopped = false;
  return c;
}

Object* product_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  ssize repeat = 1;
  if (kwnames) {
    for (ssize i = 0; i < tuple_size(kwnames); ++i) {
      Object* k = tuple_get_borrowed(kwnames, i);
      if (!str_equal_cstr(k, "repeat")) {
        return err_format(&Exc_TypeError, "'%S' is an invalid keyword argument for product()", k);
      }
      Object* v = args[nargs + i];
      if (!int_check(v)) {
        return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
      }
      repeat = int_as_ssize(v);
      if (repeat == -1 && err_occurred()) return nullptr;
      if (repeat < 0) return err_format(&Exc_ValueError, "repeat argument cannot be negative");
    }
  }
  ssize npools = nargs * repeat;
  if (repeat && nargs > PTRDIFF_MAX / 8 / repeat) {
    return err_format(&Exc_OverflowError, "repeat argument too large");
  }
  Ref pools = Ref::steal(tuple_new(npools));
  if (!pools) return nullptr;
  for (ssize i = 0; i < npools; ++i) tuple_set_steal(pools.get(), i, newref(None));
  for (ssize i = 0; i < nargs; ++i) {
    Object* t = sequence_tuple(args[i]);
    if (!t) return nullptr;
    setref(&tuple_items(pools.get())[i], t);
  }
  for (ssize i = nargs; i < npools; ++i) {
    setref(&tuple_items(pools.get())[i], newref(tuple_get_borrowed(pools.get(), i - nargs)));
  }
  return combinatoric_alloc(type, pools.get(), npools, npools);
}

Object* product_next(Object* o) {
  auto* c = static_cast<combinatoric*>(o);
  if (c->stopped) return nullptr;
  ssize npools = tuple_size(c->pool);
  std::vector<ssize>& idx = *c->indices;
  if (!c->result) {
    Ref res = Ref::steal(tuple_new(npools));
    if (!res) return nullptr;
    for (ssize i = 0; i < npools; ++i) {
      Object* pool = tuple_get_borrowed(c->pool, i);
      if (tuple_size(pool) == 0) {
        for (ssize j = i; j < npools; ++j) tuple_set_steal(res.get(), j, newref(None));
        c->stopped = true;
        return nullptr;
      }
      tuple_set_steal(res.get(), i, newref(tuple_get_borrowed(pool, 0)));
    }
    c->result = res.release();
    return newref(c->result);
  }
  Ref res = Ref::steal(tuple_from_array(tuple_items(c->result), npools));
  if (!res) return nullptr;
  ssize i = npools - 1;
  for (; i >= 0; --i) {
    Object* pool = tuple_get_borrowed(c->pool, i);
    idx[size_t(i)]++;
    if (idx[size_t(i)] == tuple_size(pool)) {
      idx[size_t(i)] = 0;
      setref(&tuple_items(res.get())[i], newref(tuple_get_borrowed(pool, 0)));
    } else {
      setref(&tuple_items(res.get())[i], newref(tuple_get_borrowed(pool, idx[size_t(i)])));
      break;
    }
  }
  if (i < 0) {
    c->stopped = true;
    return nullptr;
  }
  setref(&c->result, newref(res.get()));
  return res.release();
}

// r argument of permutations/combinations: `None` allowed only for permutations.
bool get_r(Object* v, ssize* r) {
  if (!int_check(v)) {
    err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
    return false;
  }
  *r = int_as_ssize(v);
  if (*r == -1 && err_occurred()) return false;
  if (*r < 0) {
    err_format(&Exc_ValueError, "r must be non-negative");
    return false;
  }
  return true;
}

Object* permutations_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"iterable", "r", nullptr};
  static const ArgSpec spec = {"permutations", names, 1, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref pool = Ref::steal(sequence_tuple(a[0]));
  if (!pool) return nullptr;
  ssize n = tuple_size(pool.get());
  ssize r = n;
  if (a[1] && a[1] != None) {
    if (!int_check(a[1])) return err_format(&Exc_TypeError, "Expected int as r");
    r = int_as_ssize(a[1]);
    if (r == -1 && err_occurred()) return nullptr;
    if (r < 0) return err_format(&Exc_ValueError, "r must be non-negative");
  }
  combinatoric* c = combinatoric_alloc(type, pool.get(), r, n);
  if (!c) return nullptr;
  for (ssize i = 0; i < n; ++i) (*c->indices)[size_t(i)] = i;
  c->cycles = new std::vector<ssize>(size_t(r > n ? 0 : r));
  if (r <= n) {
    for (ssize i = 0; i < r; ++i) (*c->cycles)[size_t(i)] = n - i;
  }
  c->stopped = r > n;
  return c;
}

Object* permutations_next(Object* o) {
  auto* c = static_cast<combinatoric*>(o);
  if (c->stopped) return nullptr;
  ssize n = tuple_size(c->pool), r = c->r;
  std::vector<ssize>& idx = *c->indices;
  std::vector<ssize>& cyc = *c->cycles;
  if (c->result) {
    if (n == 0) goto empty;
    ssize i = r - 1;
    for (; i >= 0; --i) {
      cyc[size_t(i)]--;
      if (cyc[size_t(i)] == 0) {
        ssize first = idx[size_t(i)];
        for (ssize j = i; j < n - 1; ++j) idx[size_t(j)] = idx[size_t(j + 1)];
        idx[size_t(n - 1)] = first;
        cyc[size_t(i)] = n - i;
      } else {
        ssize j = cyc[size_t(i)];
        std::swap(idx[size_t(i)], idx[size_t(n - j)]);
        break;
      }
    }
    if (i < 0) goto empty;
  }
  {
    Ref res = Ref::steal(tuple_new(r));
    if (!res) return nullptr;
    for (ssize i = 0; i < r; ++i) {
      tuple_set_steal(res.get(), i, newref(tuple_get_borrowed(c->pool, idx[size_t(i)])));
    }
    setref(&c->result, newref(res.get()));
    return res.release();
  }
empty:
  c->stopped = true;
  return nullptr;
}

template <bool WithReplacement>
Object* combinations_new_impl(const char* name, TypeObject* type, Object* const* args,
                              ssize nargs, Object* kwnames) {
  static const char* const names[] = {"iterable", "r", nullptr};
  const ArgSpec spec = {name, names, 2, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref pool = Ref::steal(sequence_tuple(a[0]));
  if (!pool) return nullptr;
  ssize r;
  if (!get_r(a[1], &r)) return nullptr;
  ssize n = tuple_size(pool.get());
  combinatoric* c = combinatoric_alloc(type, pool.get(), r, r);
  if (!c) return nullptr;
  if (!WithReplacement) {
    for (ssize i = 0; i < r; ++i) (*c->indices)[size_t(i)] = i;
    c->stopped = r > n;
  } else {
    c->stopped = n == 0 && r > 0;
  }
  return c;
}

Object* combinations_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  return combinations_new_impl<false>("combinations", type, args, nargs, kwnames);
}
Object* cwr_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  return combinations_new_impl<true>("combinations_with_replacement", type, args, nargs, kwnames);
}

Object* combinations_result(combinatoric* c) {
  ssize r = c->r;
  Ref res = Ref::steal(tuple_new(r));
  if (!res) return nullptr;
  for (ssize i = 0; i < r; ++i) {
    tuple_set_steal(res.get(), i, newref(tuple_get_borrowed(c->pool, (*c->indices)[size_t(i)])));
  }
  setref(&c->result, newref(res.get()));
  return res.release();
}

Object* combinations_next(Object* o) {
  auto* c = static_cast<combinatoric*>(o);
  if (c->stopped) return nullptr;
  ssize n = tuple_size(c->pool), r = c->r;
  std::vector<ssize>& idx = *c->indices;
  if (c->result) {
    ssize i = r - 1;
    while (i >= 0 && idx[size_t(i)] == i + n - r) --i;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    idx[size_t(i)]++;
    for (ssize j = i + 1; j < r; ++j) idx[size_t(j)] = idx[size_t(j - 1)] + 1;
  }
  return combinations_result(c);
}

Object* cwr_next(Object* o) {
  auto* c = static_cast<combinatoric*>(o);
  if (c->stopped) return nullptr;
  ssize n = tuple_size(c->pool), r = c->r;
  std::vector<ssize>& idx = *c->indices;
  if (c->result) {
    ssize i = r - 1;
    while (i >= 0 && idx[size_t(i)] == n - 1) --i;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    ssize v = idx[size_t(i)] + 1;
    for (ssize j = i; j < r; ++j) idx[size_t(j)] = v;
  }
  return combinations_result(c);
}

// ---- batched -------------------------------------------------------------------------------------
struct batched : Object {
  Object* it;
  ssize n;
};

Object* batched_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"iterable", "n", nullptr};
  static const ArgSpec spec = {"batched", names, 2, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!int_check(a[1])) {
    return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
  }
  ssize n = int_as_ssize(a[1]);
  if (n == -1 && err_occurred()) return nullptr;
  if (n < 1) return err_format(&Exc_ValueError, "n must be at least one");
  Ref it = Ref::steal(object_getiter(a[0]));
  if (!it) return nullptr;
  auto* b = alloc_object<batched>(type);
  if (!b) return nullptr;
  b->it = it.release();
  b->n = n;
  return b;
}

Object* batched_next(Object* o) {
  auto* b = static_cast<batched*>(o);
  if (!b->it) return nullptr;
  Ref items = Ref::steal(list_new(0));
  if (!items) return nullptr;
  for (ssize i = 0; i < b->n; ++i) {
    Object* item = iter_next(b->it);
    if (!item) {
      if (err_occurred()) return nullptr;
      clear_ref(&b->it);
      break;
    }
    int rc = list_append(items.get(), item);
    decref(item);
    if (rc < 0) return nullptr;
  }
  if (list_size(items.get()) == 0) return nullptr;
  return list_as_tuple(items.get());
}

// ---- module --------------------------------------------------------------------------------------
const MethodDef kItertoolsFunctions[] = {
    {"tee", itertools_tee, METH_DEFAULT, "Returns a tuple of n independent iterators."},
    {nullptr, nullptr, 0, nullptr},
};

bool types_ready() {
  if (countType.flags & TPFLAG_READY) return true;
  ITER_TYPE(count, 2, "itertools.count", count_next, count_new,
            "Return a count object whose .__next__() method returns consecutive values.");
  countType.repr = count_repr;
  ITER_TYPE(cycle, 2, "itertools.cycle", cycle_next, cycle_new,
            "Return elements from the iterable until it is exhausted. Then repeat the sequence "
            "indefinitely.");
  ITER_TYPE(repeat, 1, "itertools.repeat", repeat_next, repeat_new,
            "repeat(object [,times]) -> create an iterator which returns the object\nfor the "
            "specified number of times.  If not specified, returns the object\nendlessly.");
  repeatType.repr = repeat_repr;
  repeatType.methods = repeat_methods;
  ITER_TYPE(accumulate, 4, "itertools.accumulate", accumulate_next, accumulate_new,
            "Return series of accumulated sums (or other binary function results).");
  ITER_TYPE(chain, 2, "itertools.chain", chain_next, chain_new,
            "Return a chain object whose .__next__() method returns elements from the\nfirst "
            "iterable until it is exhausted, then elements from the next\niterable, until all of "
            "the iterables are exhausted.");
  chainType.methods = chain_methods;
  ITER_TYPE(compress, 2, "itertools.compress", compress_next, compress_new,
            "Return data elements corresponding to true selector elements.");
  ITER_TYPE(dropwhile, 2, "itertools.dropwhile", dropwhile_next, dropwhile_new,
            "Drop items from the iterable while predicate(item) is true.");
  init_iter_type(takewhileType, "itertools.takewhile", sizeof(predicate_iter), refs_dealloc<2>,
                 refs_traverse<2>, refs_clear<2>, takewhile_next, takewhile_new,
                 "Return successive entries from an iterable as long as the predicate evaluates "
                 "to true for each entry.");
  init_iter_type(filterfalseType, "itertools.filterfalse", sizeof(predicate_iter),
                 refs_dealloc<2>, refs_traverse<2>, refs_clear<2>, filterfalse_next,
                 filterfalse_new,
                 "Return those items of iterable for which function(item) is false.\n\nIf "
                 "function is None, return the items that are false.");
  init_iter_type(starmapType, "itertools.starmap", sizeof(predicate_iter), refs_dealloc<2>,
                 refs_traverse<2>, refs_clear<2>, starmap_next, starmap_new,
                 "Return an iterator whose values are returned from the function evaluated with "
                 "an argument tuple taken from the given sequence.");
  init_iter_type(groupbyType, "itertools.groupby", sizeof(groupby), groupby_dealloc,
                 refs_traverse<5>, refs_clear<5>, groupby_next, groupby_new,
                 "make an iterator that returns consecutive keys and groups from the iterable\n\n"
                 "  iterable\n    Elements to divide into groups according to the key function.\n"
                 "  key\n    A function for computing the group category for each element.\n    "
                 "If the key function is not specified or is None, the element itself\n    is "
                 "used for grouping.");
  init_iter_type(_grouperType, "itertools._grouper", sizeof(_grouper), refs_dealloc<2>,
                 refs_traverse<2>, refs_clear<2>, grouper_next, nullptr, nullptr, false);
  ITER_TYPE(islice, 1, "itertools.islice", islice_next, islice_new,
            "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> "
            "islice object\n\nReturn an iterator whose next() method returns selected values "
            "from an\niterable.");
  ITER_TYPE(pairwise, 2, "itertools.pairwise", pairwise_next, pairwise_new,
            "Return an iterator of overlapping pairs taken from the input iterator.\n\n    "
            "s -> (s0,s1), (s1,s2), (s2, s3), ...");
  init_iter_type(_tee_dataobjectType, "itertools._tee_dataobject", sizeof(_tee_dataobject),
                 teedata_dealloc, teedata_traverse, teedata_clear, nullptr, nullptr,
                 "teedataobject(iterable, values, next, /)\n--\n\nData container common to "
                 "multiple tee objects.",
                 false);
  _tee_dataobjectType.iter = nullptr;
  init_iter_type(_teeType, "itertools._tee", sizeof(_tee), refs_dealloc<1>, refs_traverse<1>,
                 refs_clear<1>, tee_next, tee_type_new, "Iterator wrapped to make it copyable.",
                 false);
  _teeType.methods = tee_methods;
  ITER_TYPE(zip_longest, 2, "itertools.zip_longest", zip_longest_next, zip_longest_new,
            "Return a zip_longest object whose .__next__() method returns a tuple where\nthe "
            "i-th element comes from the i-th iterable argument.");
  init_iter_type(productType, "itertools.product", sizeof(combinatoric), combinatoric_dealloc,
                 refs_traverse<2>, refs_clear<2>, product_next, product_new,
                 "Cartesian product of input iterables.  Equivalent to nested for-loops.");
  init_iter_type(permutationsType, "itertools.permutations", sizeof(combinatoric),
                 combinatoric_dealloc, refs_traverse<2>, refs_clear<2>, permutations_next,
                 permutations_new,
                 "Return successive r-length permutations of elements in the iterable.");
  init_iter_type(combinationsType, "itertools.combinations", sizeof(combinatoric),
                 combinatoric_dealloc, refs_traverse<2>, refs_clear<2>, combinations_next,
                 combinations_new,
                 "Return successive r-length combinations of elements in the iterable.");
  init_iter_type(combinations_with_replacementType, "itertools.combinations_with_replacement",
                 sizeof(combinatoric), combinatoric_dealloc, refs_traverse<2>, refs_clear<2>,
                 cwr_next, cwr_new,
                 "Return successive r-length combinations of elements in the iterable allowing "
                 "individual elements to have successive repeats.");
  ITER_TYPE(batched, 1, "itertools.batched", batched_next, batched_new,
            "Batch data into tuples of length n. The last batch may be shorter than n.");
  TypeObject* all[] = {&countType,       &cycleType,        &repeatType,
                       &accumulateType,  &chainType,        &compressType,
                       &dropwhileType,   &takewhileType,    &filterfalseType,
                       &groupbyType,     &_grouperType,     &isliceType,
                       &pairwiseType,    &starmapType,      &_tee_dataobjectType,
                       &_teeType,        &zip_longestType,  &productType,
                       &permutationsType, &combinationsType, &combinations_with_replacementType,
                       &batchedType};
  for (TypeObject* t : all) {
    if (type_ready(t) < 0) return false;
  }
  return true;
}

}  // namespace

Object* itertools_module_init() {
  if (!types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("itertools"));
  if (!m || module_add_functions(m.get(), kItertoolsFunctions) < 0) return nullptr;
  TypeObject* exported[] = {&countType,       &cycleType,        &repeatType,
                            &accumulateType,  &chainType,        &compressType,
                            &dropwhileType,   &takewhileType,    &filterfalseType,
                            &groupbyType,     &_grouperType,     &isliceType,
                            &pairwiseType,    &starmapType,      &_tee_dataobjectType,
                            &_teeType,        &zip_longestType,  &productType,
                            &permutationsType, &combinationsType, &combinations_with_replacementType,
                            &batchedType};
  for (TypeObject* t : exported) {
    if (module_add_object(m.get(), type_name(t), as_object(t)) < 0) return nullptr;
  }
  if (module_add_string(m.get(), "__doc__",
                        "Functional tools for creating and using iterators.") < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
