// tuple: an immutable, fixed-size array of owned references stored inline after the header.
//
// Invariants:
//  - ob_size items, every slot non-null once the tuple escapes its creator (tuple_new hands out
//    null slots that must be filled with tuple_set_steal before the tuple is used).
//  - The hash is not cached (as CPython 3.12): a word per tuple costs more memory than the
//    recomputation costs time.
//  - There is one empty tuple, `()`, immortal, created lazily (tuple_empty()).
//  - Exact tuples of size 1..kMaxSaveSize are recycled through per-size freelists (linked through
//    items[0], refcount 0). Subclass instances are never put on a freelist.
// Ownership: each slot holds one reference; dealloc drops them.
// Also here: the tuple_iterator type and the repr-recursion guard (repr_enter / repr_leave) that
// every container repr uses.
#include <cstring>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/gc.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

TypeObject TupleType;
TypeObject TupleIterType;

namespace {

constexpr ssize kMaxSaveSize = 20;
constexpr int kMaxFreeList = 2000;
constexpr size_t kTupleHeader = sizeof(TupleObject) - sizeof(Object*);

#if GILPY_CONTAINER_FREELISTS
TupleObject* g_free_list[kMaxSaveSize + 1];
int g_num_free[kMaxSaveSize + 1];
#endif

TupleObject* g_empty_tuple = nullptr;

inline TupleObject* as_tuple(Object* o) { return static_cast<TupleObject*>(o); }

}  // namespace

// ---- repr recursion guard (shared by every container) -------------------------------------------
namespace {
thread_local std::vector<Object*> t_repr_stack;
}

int repr_enter(Object* o) {
  for (Object* p : t_repr_stack)
    if (p == o) return 1;
  t_repr_stack.push_back(o);
  return 0;
}

void repr_leave(Object* o) {
  for (size_t i = t_repr_stack.size(); i-- > 0;) {
    if (t_repr_stack[i] == o) {
      t_repr_stack.erase(t_repr_stack.begin() + ssize(i));
      return;
    }
  }
}

bool index_from_object(Object* key, ssize* out, const char* tname) {
  if (int_check_exact(key) && int_is_small(key)) {
    *out = ssize(int_small_value(key));
    return true;
  }
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return false;
    *out = i;
    return true;
  }
  err_format(&Exc_TypeError, "%s indices must be integers or slices, not %T", tname, key);
  return false;
}

// ---- construction -------------------------------------------------------------------------------
Object* tuple_empty() {
  if (!g_empty_tuple) {
    auto* t = static_cast<TupleObject*>(object_alloc(&TupleType, kTupleHeader));
    if (!t) return nullptr;
    t->ob_size = 0;
    make_immortal(t);
    g_empty_tuple = t;
  }
  return newref(g_empty_tuple);
}

Object* tuple_new(ssize n) {
  if (n == 0) return tuple_empty();
  if (n < 0) return err_bad_internal_call("tuple_new");
#if GILPY_CONTAINER_FREELISTS
  if (n <= kMaxSaveSize && g_free_list[n]) {
    TupleObject* t = g_free_list[n];
    g_free_list[n] = reinterpret_cast<TupleObject*>(t->items[0]);
    --g_num_free[n];
    t->refcnt = 1;
    tuple_retrack(t);
    std::memset(t->items, 0, size_t(n) * sizeof(Object*));
    return t;
  }
#endif
  if (size_t(n) > (SIZE_MAX - kTupleHeader) / sizeof(Object*) / 2) return err_no_memory();
  auto* t = static_cast<TupleObject*>(
      object_alloc(&TupleType, kTupleHeader + size_t(n) * sizeof(Object*)));
  if (!t) return nullptr;
  t->ob_size = n;
  return t;
}

void tuple_retrack(Object* t) {
  if (!gc_is_tracked(t)) gc_track(t);
}

Object* tuple_from_array(Object* const* items, ssize n) {
  Object* t = tuple_new(n);
  if (!t) return nullptr;
  Object** dst = tuple_items(t);
  for (ssize i = 0; i < n; i++) dst[i] = newref(items[i]);
  return t;
}

Object* tuple_pack(ssize n, ...) {
  Object* t = tuple_new(n);
  if (!t) return nullptr;
  va_list ap;
  va_start(ap, n);
  for (ssize i = 0; i < n; i++) tuple_items(t)[i] = newref(va_arg(ap, Object*));
  va_end(ap);
  return t;
}

Object* tuple_get_slice(Object* a, ssize lo, ssize hi) {
  ssize n = tuple_size(a);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  if (lo == 0 && hi == n && tuple_check_exact(a)) return newref(a);
  return tuple_from_array(tuple_items(a) + lo, hi - lo);
}

// tuple(iterable) for C++: the iterable's items as a new exact tuple.
static Object* tuple_from_iterable(Object* it) {
  if (tuple_check_exact(it)) return newref(it);
  if (list_check_exact(it)) return list_as_tuple(it);
  Ref l = Ref::steal(list_new(0));
  if (!l || list_extend(l.get(), it) < 0) return nullptr;
  return list_as_tuple(l.get());
}

static void tuple_dealloc(Object* o) {
  auto* t = as_tuple(o);
  ssize n = t->ob_size;
  for (ssize i = n; --i >= 0;) xdecref(t->items[i]);
#if GILPY_CONTAINER_FREELISTS
  if (n > 0 && n <= kMaxSaveSize && type_of(o) == &TupleType && g_num_free[n] < kMaxFreeList) {
    t->items[0] = reinterpret_cast<Object*>(g_free_list[n]);
    g_free_list[n] = t;
    ++g_num_free[n];
    return;
  }
#endif
  if (o == g_empty_tuple) return;  // immortal; never reached
  object_free(o);
}

void tuple_freelist_clear() {
#if GILPY_CONTAINER_FREELISTS
  for (ssize n = 1; n <= kMaxSaveSize; n++) {
    while (g_free_list[n]) {
      TupleObject* t = g_free_list[n];
      g_free_list[n] = reinterpret_cast<TupleObject*>(t->items[0]);
      object_free(t);
    }
    g_num_free[n] = 0;
  }
#endif
}

static int tuple_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = as_tuple(o);
  for (ssize i = 0; i < t->ob_size; i++) {
    if (t->items[i]) {
      int r = visit(t->items[i], arg);
      if (r) return r;
    }
  }
  return 0;
}

// ---- object protocol ----------------------------------------------------------------------------
static Object* tuple_repr(Object* o) {
  ssize n = tuple_size(o);
  if (n == 0) return str_from_cstr("()");
  int status = repr_enter(o);
  if (status != 0) return str_from_cstr("(...)");
  if (!enter_native_recursion(" while getting the repr of an object")) {
    repr_leave(o);
    return nullptr;
  }
  StrWriter w;
  w.append("(");
  bool ok = true;
  for (ssize i = 0; i < n; i++) {
    if (i > 0) w.append(", ");
    if (!w.append_repr(tuple_items(o)[i])) {
      ok = false;
      break;
    }
  }
  leave_native_recursion();
  repr_leave(o);
  if (!ok) return nullptr;
  w.append(n == 1 ? ",)" : ")");
  return w.finish();
}

static hash_t tuple_hash(Object* o) {
  auto* t = as_tuple(o);
  ssize n = t->ob_size;
  uhash_t acc = kXXPrime5;
  for (ssize i = 0; i < n; i++) {
    hash_t h = object_hash(t->items[i]);
    if (h == -1) return -1;
    acc += uhash_t(h) * kXXPrime2;
    acc = xx_rotate(acc);
    acc *= kXXPrime1;
  }
  acc += uhash_t(n) ^ (kXXPrime5 ^ 3527539UL);
  if (acc == uhash_t(-1)) acc = 1546275796;
  return hash_t(acc);
}

Object* seq_richcompare(Object* const* (*items)(Object*), ssize (*size)(Object*), Object* v,
                        Object* w, int op) {
  ssize vlen = size(v), wlen = size(w);
  if (vlen != wlen && (op == CMP_EQ || op == CMP_NE)) return bool_from(op == CMP_NE);
  ssize i;
  for (i = 0; i < size(v) && i < size(w); i++) {
    Object* vi = items(v)[i];
    Object* wi = items(w)[i];
    if (vi == wi) continue;
    incref(vi);
    incref(wi);
    int k = object_richcompare_bool(vi, wi, CMP_EQ);
    decref(vi);
    decref(wi);
    if (k < 0) return nullptr;
    if (!k) break;
  }
  vlen = size(v);
  wlen = size(w);
  if (i >= vlen || i >= wlen) {
    bool r = false;
    switch (op) {
      case CMP_LT: r = vlen < wlen; break;
      case CMP_LE: r = vlen <= wlen; break;
      case CMP_EQ: r = vlen == wlen; break;
      case CMP_NE: r = vlen != wlen; break;
      case CMP_GT: r = vlen > wlen; break;
      case CMP_GE: r = vlen >= wlen; break;
    }
    return bool_from(r);
  }
  if (op == CMP_EQ) return bool_from(false);
  if (op == CMP_NE) return bool_from(true);
  Ref vi = Ref::borrow(items(v)[i]);
  Ref wi = Ref::borrow(items(w)[i]);
  return object_richcompare(vi.get(), wi.get(), op);
}

static Object* const* tuple_items_fn(Object* o) { return tuple_items(o); }
static ssize tuple_size_fn(Object* o) { return tuple_size(o); }

static Object* tuple_richcompare(Object* v, Object* w, int op) {
  if (!tuple_check(v) || !tuple_check(w)) return not_implemented_ref();
  return seq_richcompare(tuple_items_fn, tuple_size_fn, v, w, op);
}

// ---- sequence protocol --------------------------------------------------------------------------
static ssize tuple_length(Object* o) { return tuple_size(o); }

static Object* tuple_item(Object* o, ssize i) {
  if (i < 0 || i >= tuple_size(o)) return err_format(&Exc_IndexError, "tuple index out of range");
  return newref(tuple_items(o)[i]);
}

static Object* tuple_subscript(Object* o, Object* key) {
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
    ssize len = slice_adjust_indices(tuple_size(o), &start, &stop, step);
    if (len <= 0) return tuple_empty();
    if (step == 1) return tuple_get_slice(o, start, stop);
    Object* r = tuple_new(len);
    if (!r) return nullptr;
    Object** src = tuple_items(o);
    Object** dst = tuple_items(r);
    for (ssize i = 0, cur = start; i < len; i++, cur += step) dst[i] = newref(src[cur]);
    return r;
  }
  ssize i;
  if (!index_from_object(key, &i, "tuple")) return nullptr;
  if (i < 0) i += tuple_size(o);
  return tuple_item(o, i);
}

static int tuple_contains(Object* o, Object* item) {
  ssize n = tuple_size(o);
  for (ssize i = 0; i < n; i++) {
    int c = object_richcompare_bool(tuple_items(o)[i], item, CMP_EQ);
    if (c != 0) return c;
  }
  return 0;
}

static Object* tuple_concat(Object* a, Object* b) {
  if (!tuple_check(b))
    return err_format(&Exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
  ssize na = tuple_size(a), nb = tuple_size(b);
  if (nb == 0 && tuple_check_exact(a)) return newref(a);
  if (na == 0 && tuple_check_exact(b)) return newref(b);
  Object* r = tuple_new(na + nb);
  if (!r) return nullptr;
  Object** dst = tuple_items(r);
  for (ssize i = 0; i < na; i++) dst[i] = newref(tuple_items(a)[i]);
  for (ssize i = 0; i < nb; i++) dst[na + i] = newref(tuple_items(b)[i]);
  return r;
}

static Object* tuple_repeat(Object* a, ssize n) {
  ssize size = tuple_size(a);
  if (size == 0 || n == 1) {
    if (tuple_check_exact(a)) return newref(a);
    if (size == 0) return tuple_empty();
  }
  if (n <= 0) return tuple_empty();
  if (size > PTRDIFF_MAX / n) return err_no_memory();
  Object* r = tuple_new(size * n);
  if (!r) return nullptr;
  Object** dst = tuple_items(r);
  Object** src = tuple_items(a);
  for (ssize k = 0; k < n; k++)
    for (ssize i = 0; i < size; i++) *dst++ = newref(src[i]);
  return r;
}

// ---- methods ------------------------------------------------------------------------------------
// Slice index argument for index(): CPython's _PyEval_SliceIndexNotNone.
static bool slice_index_arg(Object* o, ssize* out) {
  if (!index_check(o)) {
    err_format(&Exc_TypeError,
               "slice indices must be integers or have an __index__ method");
    return false;
  }
  ssize v = number_as_ssize(o, nullptr);
  if (v == -1 && err_occurred()) return false;
  *out = v;
  return true;
}

static Object* tuple_index_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("index", kwnames) || !check_positional("index", nargs, 1, 3))
    return nullptr;
  ssize n = tuple_size(self);
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index_arg(args[2], &stop)) return nullptr;
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
  } else if (stop > n) {
    stop = n;
  }
  for (ssize i = start; i < stop && i < tuple_size(self); i++) {
    int c = object_richcompare_bool(tuple_items(self)[i], args[0], CMP_EQ);
    if (c < 0) return nullptr;
    if (c) return int_from_ssize(i);
  }
  return err_format(&Exc_ValueError, "tuple.index(x): x not in tuple");
}

static Object* tuple_count_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("tuple.count", nargs, kwnames)) return nullptr;
  ssize count = 0;
  for (ssize i = 0; i < tuple_size(self); i++) {
    int c = object_richcompare_bool(tuple_items(self)[i], args[0], CMP_EQ);
    if (c < 0) return nullptr;
    count += c;
  }
  return int_from_ssize(count);
}

static Object* tuple_getnewargs(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("tuple.__getnewargs__", nargs, kwnames)) return nullptr;
  Ref t = Ref::steal(tuple_from_array(tuple_items(self), tuple_size(self)));
  if (!t) return nullptr;
  return tuple_pack(1, t.get());
}

static const MethodDef tuple_methods[] = {
    {"index", tuple_index_meth, METH_DEFAULT,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", tuple_count_meth, METH_DEFAULT, "Return number of occurrences of value."},
    {"__getnewargs__", tuple_getnewargs, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---- construction from Python -------------------------------------------------------------------
static Object* tuple_subtype_new(TypeObject* type, Object* iterable) {
  Ref tmp = Ref::steal(iterable ? tuple_from_iterable(iterable) : tuple_empty());
  if (!tmp) return nullptr;
  ssize n = tuple_size(tmp.get());
  auto* t = static_cast<TupleObject*>(object_alloc(type, kTupleHeader + size_t(n) * sizeof(Object*)));
  if (!t) return nullptr;
  t->ob_size = n;
  for (ssize i = 0; i < n; i++) t->items[i] = newref(tuple_items(tmp.get())[i]);
  return t;
}

static Object* tuple_new_slot(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (type == &TupleType && !check_no_kwargs("tuple", kwnames)) return nullptr;
  if (!check_positional("tuple", nargs, 0, 1)) return nullptr;
  if (type != &TupleType) return tuple_subtype_new(type, nargs ? args[0] : nullptr);
  if (nargs == 0) return tuple_empty();
  return tuple_from_iterable(args[0]);
}

static Object* tuple_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                Object* kwnames) {
  return tuple_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

// ---- tuple_iterator -----------------------------------------------------------------------------
namespace {
struct TupleIterObject : Object {
  ssize index;
  Object* seq;  // owned; null when exhausted
};
}  // namespace

static Object* tuple_iter(Object* o) {
  auto* it = alloc_object<TupleIterObject>(&TupleIterType);
  if (!it) return nullptr;
  it->index = 0;
  it->seq = newref(o);
  return it;
}

static void tupleiter_dealloc(Object* o) {
  xdecref(static_cast<TupleIterObject*>(o)->seq);
  object_free(o);
}

static int tupleiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<TupleIterObject*>(o)->seq;
  return s ? visit(s, arg) : 0;
}

static Object* tupleiter_next(Object* o) {
  auto* it = static_cast<TupleIterObject*>(o);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  if (it->index < tuple_size(seq)) return newref(tuple_items(seq)[it->index++]);
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}

static Object* self_iter(Object* o) { return newref(o); }

static Object* tupleiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* it = static_cast<TupleIterObject*>(self);
  ssize n = it->seq ? tuple_size(it->seq) - it->index : 0;
  return int_from_ssize(n < 0 ? 0 : n);
}

static const MethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---- type objects -------------------------------------------------------------------------------
void init_tuple_types() {
  TypeObject& t = TupleType;
  t.name = "tuple";
  t.basicsize = ssize(kTupleHeader);
  t.itemsize = sizeof(Object*);
  t.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE | TPFLAG_TUPLE_SUBCLASS;
  t.doc =
      "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty "
      "tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the "
      "argument is a tuple, the return value is the same object.";
  t.dealloc = tuple_dealloc;
  t.repr = tuple_repr;
  t.hash = tuple_hash;
  t.richcompare = tuple_richcompare;
  t.iter = tuple_iter;
  t.new_ = tuple_new_slot;
  t.vectorcall = tuple_vectorcall;
  t.traverse = tuple_traverse;
  t.len = tuple_length;
  t.getitem = tuple_subscript;
  t.sq_item = tuple_item;
  t.contains = tuple_contains;
  t.sq_concat = tuple_concat;
  t.sq_repeat = tuple_repeat;
  t.methods = tuple_methods;

  TypeObject& it = TupleIterType;
  it.name = "tuple_iterator";
  it.basicsize = sizeof(TupleIterObject);
  it.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  it.dealloc = tupleiter_dealloc;
  it.traverse = tupleiter_traverse;
  it.iter = self_iter;
  it.iternext = tupleiter_next;
  it.methods = tupleiter_methods;
}

}  // namespace gilpy
