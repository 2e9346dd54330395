// range: an immutable arithmetic sequence (Objects/rangeobject.c).
//
// Invariants: start, stop, step and length are owned int objects (any size); step != 0; length is
// the number of items (>= 0), computed once at creation. Everything works with big ints; the hot
// paths (len, indexing, `in`, iteration) take an int64 fast path when the values are small.
// Iteration uses range_iterator (int64 state) when start, step and the end fit in int64, else
// longrange_iterator (int objects).
// `x in r` is O(1) for ints and bools; other objects fall back to comparing with every item, as
// CPython does. Slicing returns a range; equality compares as sequences (length, first item,
// step); the hash is hash((len, start, step)) with None for the parts that do not matter.
#include <cstdint>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject RangeType;
TypeObject RangeIterType;
TypeObject LongRangeIterType;

namespace {

struct RangeObject : Object {
  Object* start;
  Object* stop;
  Object* step;
  Object* length;
};

inline RangeObject* as_range(Object* o) { return static_cast<RangeObject*>(o); }

inline bool small(Object* o) { return int_is_small(o); }
inline int64_t sval(Object* o) { return int_small_value(o); }

Object* int_zero() { return int_from_i64(0); }
Object* int_one() { return int_from_i64(1); }

// Number of items in range(lo, hi, step) for int objects.
Object* compute_range_length(Object* start, Object* stop, Object* step) {
  if (small(start) && small(stop) && small(step)) {
    __int128 lo, hi, st = sval(step);
    if (st > 0) {
      lo = sval(start);
      hi = sval(stop);
    } else {
      lo = sval(stop);
      hi = sval(start);
      st = -st;
    }
    if (lo >= hi) return int_from_i64(0);
    __int128 n = (hi - lo - 1) / st + 1;
    return int_from_u64(uint64_t(n));
  }
  Ref lo, hi, st;
  int sign = int_sign(step);
  if (sign > 0) {
    lo = Ref::borrow(start);
    hi = Ref::borrow(stop);
    st = Ref::borrow(step);
  } else {
    lo = Ref::borrow(stop);
    hi = Ref::borrow(start);
    st = Ref::steal(number_negative(step));
    if (!st) return nullptr;
  }
  if (int_compare(lo.get(), hi.get()) >= 0) return int_from_i64(0);
  Ref one = Ref::steal(int_one());
  Ref diff = Ref::steal(int_sub(hi.get(), lo.get()));
  if (!diff) return nullptr;
  Ref diff1 = Ref::steal(int_sub(diff.get(), one.get()));
  if (!diff1) return nullptr;
  Ref q = Ref::steal(int_floordiv(diff1.get(), st.get()));
  if (!q) return nullptr;
  return int_add(q.get(), one.get());
}

Object* make_range(TypeObject* type, Object* start, Object* stop, Object* step, Object* length) {
  auto* r = alloc_object<RangeObject>(type);
  if (!r) return nullptr;
  r->start = newref(start);
  r->stop = newref(stop);
  r->step = newref(step);
  r->length = newref(length);
  return r;
}

// start + i * step
Object* compute_item(RangeObject* r, Object* i) {
  if (small(r->start) && small(r->step) && small(i)) {
    __int128 v = __int128(sval(r->start)) + __int128(sval(i)) * sval(r->step);
    if (v >= INT64_MIN && v <= INT64_MAX) return int_from_i64(int64_t(v));
  }
  if (small(r->step) && sval(r->step) == 1) return int_add(r->start, i);
  Ref incr = Ref::steal(int_mul(i, r->step));
  if (!incr) return nullptr;
  return int_add(r->start, incr.get());
}

Object* range_item_ssize(RangeObject* r, ssize i) {
  Ref io = Ref::steal(int_from_ssize(i));
  if (!io) return nullptr;
  return compute_item(r, io.get());
}

}  // namespace

Object* range_new(Object* start, Object* stop, Object* step) {
  if (int_sign(step) == 0)
    return err_format(&Exc_ValueError, "range() arg 3 must not be zero");
  Ref len = Ref::steal(compute_range_length(start, stop, step));
  if (!len) return nullptr;
  return make_range(&RangeType, start, stop, step, len.get());
}

static Object* range_new_slot(TypeObject* type, Object* const* args, ssize nargs,
                              Object* kwnames) {
  if (!check_no_kwargs("range", kwnames)) return nullptr;
  if (!check_positional("range", nargs, 1, 3)) return nullptr;
  Ref start, stop, step;
  if (nargs == 1) {
    stop = Ref::steal(number_index(args[0]));
    if (!stop) return nullptr;
    start = Ref::steal(int_zero());
    step = Ref::steal(int_one());
  } else {
    start = Ref::steal(number_index(args[0]));
    if (!start) return nullptr;
    stop = Ref::steal(number_index(args[1]));
    if (!stop) return nullptr;
    if (nargs == 3) {
      step = Ref::steal(number_index(args[2]));
      if (!step) return nullptr;
      if (int_sign(step.get()) == 0)
        return err_format(&Exc_ValueError, "range() arg 3 must not be zero");
    } else {
      step = Ref::steal(int_one());
    }
  }
  Ref len = Ref::steal(compute_range_length(start.get(), stop.get(), step.get()));
  if (!len) return nullptr;
  return make_range(type, start.get(), stop.get(), step.get(), len.get());
}

static Object* range_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                Object* kwnames) {
  return range_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static void range_dealloc(Object* o) {
  RangeObject* r = as_range(o);
  decref(r->start);
  decref(r->stop);
  decref(r->step);
  decref(r->length);
  object_free(o);
}

static Object* range_repr(Object* o) {
  RangeObject* r = as_range(o);
  StrWriter w;
  w.append("range(");
  if (!w.append_repr(r->start)) return nullptr;
  w.append(", ");
  if (!w.append_repr(r->stop)) return nullptr;
  if (!(small(r->step) && sval(r->step) == 1)) {
    w.append(", ");
    if (!w.append_repr(r->step)) return nullptr;
  }
  w.append(")");
  return w.finish();
}

static ssize range_length(Object* o) { return int_as_ssize(as_range(o)->length); }

static int range_bool(Object* o) { return int_sign(as_range(o)->length) != 0; }

// 1/0/-1: is `r` equal to `w` as sequences?
static int range_equals(RangeObject* r0, RangeObject* r1) {
  if (r0 == r1) return 1;
  if (int_compare(r0->length, r1->length) != 0) return 0;
  if (int_sign(r0->length) == 0) return 1;
  if (int_compare(r0->start, r1->start) != 0) return 0;
  if (small(r0->length) && sval(r0->length) == 1) return 1;
  return int_compare(r0->step, r1->step) == 0;
}

static Object* range_richcompare(Object* self, Object* other, int op) {
  if (type_of(other) != &RangeType && !object_type_check(other, &RangeType))
    return not_implemented_ref();
  if (op != CMP_EQ && op != CMP_NE) return not_implemented_ref();
  int r = range_equals(as_range(self), as_range(other));
  return bool_from((r == 1) == (op == CMP_EQ));
}

static hash_t range_hash(Object* o) {
  RangeObject* r = as_range(o);
  Ref t;
  if (int_sign(r->length) == 0) t = Ref::steal(tuple_pack(3, r->length, None, None));
  else if (small(r->length) && sval(r->length) == 1)
    t = Ref::steal(tuple_pack(3, r->length, r->start, None));
  else t = Ref::steal(tuple_pack(3, r->length, r->start, r->step));
  if (!t) return -1;
  return object_hash(t.get());
}

// Is `ob` (an exact int or bool) in r? 1/0/-1 (O(1)).
static int range_contains_long(RangeObject* r, Object* ob) {
  if (small(r->start) && small(r->stop) && small(r->step) && small(ob)) {
    int64_t start = sval(r->start), stop = sval(r->stop), step = sval(r->step), v = sval(ob);
    bool in_bounds = step > 0 ? (start <= v && v < stop) : (stop < v && v <= start);
    if (!in_bounds) return 0;
    __int128 diff = __int128(v) - start;
    return diff % step == 0;
  }
  int cmp1, cmp2;
  if (int_sign(r->step) > 0) {
    cmp1 = int_compare(r->start, ob) <= 0;
    cmp2 = int_compare(ob, r->stop) < 0;
  } else {
    cmp1 = int_compare(ob, r->start) <= 0;
    cmp2 = int_compare(r->stop, ob) < 0;
  }
  if (!cmp1 || !cmp2) return 0;
  Ref tmp1 = Ref::steal(int_sub(ob, r->start));
  if (!tmp1) return -1;
  Ref tmp2 = Ref::steal(int_mod(tmp1.get(), r->step));
  if (!tmp2) return -1;
  return int_sign(tmp2.get()) == 0;
}

static Object* range_iter(Object* o);

// Iterate and compare: returns the index of the first item equal to ob (counting when `count`),
// -1 when absent, -2 on error.
static ssize range_search(Object* r, Object* ob, bool count) {
  Ref it = Ref::steal(range_iter(r));
  if (!it) return -2;
  ssize n = 0, i = 0;
  for (;; i++) {
    Ref item = Ref::steal(type_of(it.get())->iternext(it.get()));
    if (!item) return err_occurred() ? -2 : (count ? n : -1);
    int c = object_richcompare_bool(item.get(), ob, CMP_EQ);
    if (c < 0) return -2;
    if (c) {
      if (!count) return i;
      n++;
    }
  }
}

static int range_contains(Object* o, Object* ob) {
  if (int_check_exact(ob) || bool_check(ob)) return range_contains_long(as_range(o), ob);
  ssize r = range_search(o, ob, false);
  if (r == -2) return -1;
  return r >= 0;
}

static Object* range_subscript(Object* o, Object* item) {
  RangeObject* r = as_range(o);
  if (slice_check(item)) {
    if (small(r->length)) {
      ssize start, stop, step;
      if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
      ssize len = slice_adjust_indices(ssize(sval(r->length)), &start, &stop, step);
      (void)len;
      Ref substart = Ref::steal(range_item_ssize(r, start));
      if (!substart) return nullptr;
      Ref substop = Ref::steal(range_item_ssize(r, stop));
      if (!substop) return nullptr;
      Ref st = Ref::steal(int_from_ssize(step));
      if (!st) return nullptr;
      Ref substep = Ref::steal(int_mul(st.get(), r->step));
      if (!substep) return nullptr;
      return range_new(substart.get(), substop.get(), substep.get());
    }
    Object *s0, *s1, *s2;
    if (!slice_get_long_indices(item, r->length, &s0, &s1, &s2)) return nullptr;
    Ref start = Ref::steal(s0), stop = Ref::steal(s1), step = Ref::steal(s2);
    Ref substart = Ref::steal(compute_item(r, start.get()));
    if (!substart) return nullptr;
    Ref substop = Ref::steal(compute_item(r, stop.get()));
    if (!substop) return nullptr;
    Ref substep = Ref::steal(int_mul(step.get(), r->step));
    if (!substep) return nullptr;
    return range_new(substart.get(), substop.get(), substep.get());
  }
  if (!index_check(item))
    return err_format(&Exc_TypeError, "range indices must be integers or slices, not %T", item);
  Ref i = Ref::steal(number_index(item));
  if (!i) return nullptr;
  if (small(i.get()) && small(r->length)) {
    int64_t idx = sval(i.get());
    int64_t len = sval(r->length);
    if (idx < 0) idx += len;
    if (idx < 0 || idx >= len) return err_format(&Exc_IndexError, "range object index out of range");
    Ref io = Ref::steal(int_from_i64(idx));
    return compute_item(r, io.get());
  }
  if (int_sign(i.get()) < 0) {
    Ref j = Ref::steal(int_add(i.get(), r->length));
    if (!j) return nullptr;
    i = std::move(j);
  }
  if (int_sign(i.get()) < 0 || int_compare(i.get(), r->length) >= 0)
    return err_format(&Exc_IndexError, "range object index out of range");
  return compute_item(r, i.get());
}

static Object* range_sq_item(Object* o, ssize i) {
  RangeObject* r = as_range(o);
  if (!small(r->length) || i < 0 || i >= sval(r->length))
    return err_format(&Exc_IndexError, "range object index out of range");
  return range_item_ssize(r, i);
}

// ---- methods ------------------------------------------------------------------------------------
static Object* range_count_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("range.count", nargs, kwnames)) return nullptr;
  Object* ob = args[0];
  if (int_check_exact(ob) || bool_check(ob)) {
    int r = range_contains_long(as_range(self), ob);
    if (r < 0) return nullptr;
    return int_from_i64(r);
  }
  ssize n = range_search(self, ob, true);
  if (n == -2) return nullptr;
  return int_from_ssize(n);
}

static Object* range_index_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("range.index", nargs, kwnames)) return nullptr;
  Object* ob = args[0];
  RangeObject* r = as_range(self);
  if (!int_check_exact(ob) && !bool_check(ob)) {
    ssize i = range_search(self, ob, false);
    if (i == -2) return nullptr;
    if (i >= 0) return int_from_ssize(i);
    return err_format(&Exc_ValueError, "%R is not in range", ob);
  }
  int c = range_contains_long(r, ob);
  if (c < 0) return nullptr;
  if (!c) return err_format(&Exc_ValueError, "%R is not in range", ob);
  Ref diff = Ref::steal(int_sub(ob, r->start));
  if (!diff) return nullptr;
  return int_floordiv(diff.get(), r->step);
}

static Object* range_reversed_meth(Object* self, Object* const*, ssize nargs, Object* kwnames);

static Object* range_reduce_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("range.__reduce__", nargs, kwnames)) return nullptr;
  RangeObject* r = as_range(self);
  Ref args = Ref::steal(tuple_pack(3, r->start, r->stop, r->step));
  if (!args) return nullptr;
  return tuple_pack(2, static_cast<Object*>(type_of(self)), args.get());
}

static const MethodDef range_methods[] = {
    {"__reversed__", range_reversed_meth, METH_DEFAULT,
     "Return a reverse iterator."},
    {"__reduce__", range_reduce_meth, METH_DEFAULT, nullptr},
    {"count", range_count_meth, METH_DEFAULT, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index_meth, METH_DEFAULT,
     "rangeobject.index(value) -> integer -- return index of value.\nRaise ValueError if the value is not present."},
    {nullptr, nullptr, 0, nullptr}};

static Object* range_get_start(Object* self) { return newref(as_range(self)->start); }
static Object* range_get_stop(Object* self) { return newref(as_range(self)->stop); }
static Object* range_get_step(Object* self) { return newref(as_range(self)->step); }

static const GetSetDef range_getset[] = {
    {"start", range_get_start, nullptr, nullptr},
    {"stop", range_get_stop, nullptr, nullptr},
    {"step", range_get_step, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

// ---- iterators ----------------------------------------------------------------------------------
namespace {
struct RangeIterObject : Object {
  int64_t start;
  int64_t step;
  int64_t len;
};
struct LongRangeIterObject : Object {
  Object* start;
  Object* step;
  Object* len;
};
}  // namespace

static Object* make_range_iter(Object* start, Object* step, Object* len) {
  // Fast iterator when the whole walk stays inside int64.
  if (small(start) && small(step) && small(len)) {
    __int128 last = __int128(sval(start)) + (__int128(sval(len)) - 1) * sval(step);
    __int128 end = __int128(sval(start)) + __int128(sval(len)) * sval(step);
    if (last >= INT64_MIN && last <= INT64_MAX && end >= INT64_MIN && end <= INT64_MAX) {
      auto* it = alloc_object<RangeIterObject>(&RangeIterType);
      if (!it) return nullptr;
      it->start = sval(start);
      it->step = sval(step);
      it->len = sval(len);
      return it;
    }
  }
  auto* it = alloc_object<LongRangeIterObject>(&LongRangeIterType);
  if (!it) return nullptr;
  it->start = newref(start);
  it->step = newref(step);
  it->len = newref(len);
  return it;
}

static Object* range_iter(Object* o) {
  RangeObject* r = as_range(o);
  return make_range_iter(r->start, r->step, r->length);
}

static Object* range_reversed_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("range.__reversed__", nargs, kwnames)) return nullptr;
  RangeObject* r = as_range(self);
  // reversed(range(start, stop, step)) == range(start + (len-1)*step, start - step, -step)
  Ref one = Ref::steal(int_one());
  Ref lm1 = Ref::steal(int_sub(r->length, one.get()));
  if (!lm1) return nullptr;
  Ref last = Ref::steal(compute_item(r, lm1.get()));
  if (!last) return nullptr;
  Ref negstep = Ref::steal(number_negative(r->step));
  if (!negstep) return nullptr;
  if (int_sign(r->length) == 0) {
    Ref zero = Ref::steal(int_zero());
    return make_range_iter(zero.get(), one.get(), r->length);
  }
  return make_range_iter(last.get(), negstep.get(), r->length);
}

static Object* rangeiter_next(Object* o) {
  auto* it = static_cast<RangeIterObject*>(o);
  if (it->len > 0) {
    int64_t result = it->start;
    it->start = result + it->step;
    it->len--;
    return int_from_i64(result);
  }
  return nullptr;
}

static Object* rangeiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  return int_from_i64(static_cast<RangeIterObject*>(self)->len);
}

static void longrangeiter_dealloc(Object* o) {
  auto* it = static_cast<LongRangeIterObject*>(o);
  decref(it->start);
  decref(it->step);
  decref(it->len);
  object_free(o);
}

static Object* longrangeiter_next(Object* o) {
  auto* it = static_cast<LongRangeIterObject*>(o);
  if (int_sign(it->len) <= 0) return nullptr;
  Ref one = Ref::steal(int_one());
  Object* newlen = int_sub(it->len, one.get());
  if (!newlen) return nullptr;
  setref(&it->len, newlen);
  Object* result = newref(it->start);
  Object* newstart = int_add(it->start, it->step);
  if (!newstart) {
    decref(result);
    return nullptr;
  }
  setref(&it->start, newstart);
  return result;
}

static Object* longrangeiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  return newref(static_cast<LongRangeIterObject*>(self)->len);
}

static const MethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};
static const MethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

static Object* iter_self(Object* o) { return newref(o); }

void init_range_types() {
  TypeObject& t = RangeType;
  t.name = "range";
  t.basicsize = sizeof(RangeObject);
  t.flags = TPFLAG_IMMUTABLETYPE;
  t.doc =
      "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nReturn an object "
      "that produces a sequence of integers from start (inclusive)\nto stop (exclusive) by step.  "
      "range(i, j) produces i, i+1, i+2, ..., j-1.\nstart defaults to 0, and stop is omitted!  "
      "range(4) produces 0, 1, 2, 3.\nThese are exactly the valid indices for a list of 4 "
      "elements.\nWhen step is given, it specifies the increment (or decrement).";
  t.dealloc = range_dealloc;
  t.repr = range_repr;
  t.hash = range_hash;
  t.richcompare = range_richcompare;
  t.iter = range_iter;
  t.new_ = range_new_slot;
  t.vectorcall = range_vectorcall;
  t.len = range_length;
  t.nb_bool = range_bool;
  t.getitem = range_subscript;
  t.sq_item = range_sq_item;
  t.contains = range_contains;
  t.methods = range_methods;
  t.getset = range_getset;

  TypeObject& it = RangeIterType;
  it.name = "range_iterator";
  it.basicsize = sizeof(RangeIterObject);
  it.flags = TPFLAG_IMMUTABLETYPE;
  it.dealloc = object_free;
  it.iter = iter_self;
  it.iternext = rangeiter_next;
  it.methods = rangeiter_methods;

  TypeObject& lit = LongRangeIterType;
  lit.name = "longrange_iterator";
  lit.basicsize = sizeof(LongRangeIterObject);
  lit.flags = TPFLAG_IMMUTABLETYPE;
  lit.dealloc = longrangeiter_dealloc;
  lit.iter = iter_self;
  lit.iternext = longrangeiter_next;
  lit.methods = longrangeiter_methods;
}

}  // namespace gilpy
