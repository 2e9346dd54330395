// slice objects (Objects/sliceobject.c).
//
// A slice holds three owned references, start/stop/step, each None when absent (never null). It is
// immutable; 3.12 made slices hashable (the xxHash tuple-style hash over the three fields, without
// the length term). Sequences use slice_unpack + slice_adjust_indices (CPython's PySlice_Unpack /
// PySlice_AdjustIndices) for ssize-sized sequences, and slice_get_long_indices (CPython's
// _PySlice_GetLongIndices) when the length is a big int (range, slice.indices()).
#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject SliceType;

Object* slice_new(Object* start, Object* stop, Object* step) {
  auto* s = alloc_object<SliceObject>(&SliceType);
  if (!s) return nullptr;
  s->start = newref(start ? start : None);
  s->stop = newref(stop ? stop : None);
  s->step = newref(step ? step : None);
  return s;
}

// CPython's _PyEval_SliceIndex: None leaves *out alone; ints are clamped to ssize.
static bool eval_slice_index(Object* v, ssize* out) {
  if (v == None) return true;
  if (int_check_exact(v) && int_is_small(v)) {
    *out = ssize(int_small_value(v));
    return true;
  }
  if (!index_check(v)) {
    err_format(&Exc_TypeError,
               "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  ssize x = number_as_ssize(v, nullptr);
  if (x == -1 && err_occurred()) return false;
  *out = x;
  return true;
}

int slice_unpack(Object* slice, ssize* start, ssize* stop, ssize* step) {
  auto* r = static_cast<SliceObject*>(slice);
  if (r->step == None) {
    *step = 1;
  } else {
    if (!eval_slice_index(r->step, step)) return -1;
    if (*step == 0) {
      err_format(&Exc_ValueError, "slice step cannot be zero");
      return -1;
    }
    if (*step < -PTRDIFF_MAX) *step = -PTRDIFF_MAX;
  }
  if (r->start == None) *start = *step < 0 ? PTRDIFF_MAX : 0;
  else if (!eval_slice_index(r->start, start)) return -1;
  if (r->stop == None) *stop = *step < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
  else if (!eval_slice_index(r->stop, stop)) return -1;
  return 0;
}

ssize slice_adjust_indices(ssize length, ssize* start, ssize* stop, ssize step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = (step < 0) ? -1 : 0;
  } else if (*start >= length) {
    *start = (step < 0) ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = (step < 0) ? -1 : 0;
  } else if (*stop >= length) {
    *stop = (step < 0) ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else {
    if (*start < *stop) return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

static Object* evaluate_slice_index(Object* v) {
  if (index_check(v)) return number_index(v);
  return err_format(&Exc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
}

// CPython's _PySlice_GetLongIndices: `length` is a non-negative int; the three results are new
// references to ints.
bool slice_get_long_indices(Object* slice, Object* length, Object** start_out, Object** stop_out,
                            Object** step_out) {
  auto* self = static_cast<SliceObject*>(slice);
  Ref step, lower, upper, start, stop;
  bool neg;
  if (self->step == None) {
    step = Ref::steal(int_from_i64(1));
    neg = false;
  } else {
    step = Ref::steal(evaluate_slice_index(self->step));
    if (!step) return false;
    int sign = int_sign(step.get());
    if (sign == 0) {
      err_format(&Exc_ValueError, "slice step cannot be zero");
      return false;
    }
    neg = sign < 0;
  }
  if (neg) {
    lower = Ref::steal(int_from_i64(-1));
    if (!lower) return false;
    upper = Ref::steal(int_add(length, lower.get()));
  } else {
    lower = Ref::steal(int_from_i64(0));
    upper = Ref::borrow(length);
  }
  if (!lower || !upper) return false;
  auto clamp = [&](Object* v, Object* dflt) -> Ref {
    if (v == None) return Ref::borrow(dflt);
    Ref x = Ref::steal(evaluate_slice_index(v));
    if (!x) return Ref();
    if (int_sign(x.get()) < 0) {
      x = Ref::steal(int_add(x.get(), length));
      if (!x) return Ref();
      if (int_compare(x.get(), lower.get()) < 0) x = Ref::borrow(lower.get());
    } else if (int_compare(x.get(), upper.get()) > 0) {
      x = Ref::borrow(upper.get());
    }
    return x;
  };
  start = clamp(self->start, neg ? upper.get() : lower.get());
  if (!start) return false;
  stop = clamp(self->stop, neg ? lower.get() : upper.get());
  if (!stop) return false;
  *start_out = start.release();
  *stop_out = stop.release();
  *step_out = step.release();
  return true;
}

static void slice_dealloc(Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  object_free(o);
}

static Object* slice_repr(Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  StrWriter w;
  w.append("slice(");
  if (!w.append_repr(s->start)) return nullptr;
  w.append(", ");
  if (!w.append_repr(s->stop)) return nullptr;
  w.append(", ");
  if (!w.append_repr(s->step)) return nullptr;
  w.append(")");
  return w.finish();
}

static hash_t slice_hash(Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  Object* values[3] = {s->start, s->stop, s->step};
  uhash_t acc = kXXPrime5;
  for (Object* v : values) {
    hash_t lane = object_hash(v);
    if (lane == -1) return -1;
    acc += uhash_t(lane) * kXXPrime2;
    acc = xx_rotate(acc);
    acc *= kXXPrime1;
  }
  if (acc == uhash_t(-1)) return 1546275796;
  return hash_t(acc);
}

static Object* slice_richcompare(Object* v, Object* w, int op) {
  if (!slice_check(v) || !slice_check(w)) return not_implemented_ref();
  if (v == w) {
    switch (op) {
      case CMP_EQ: case CMP_LE: case CMP_GE: return bool_from(true);
      case CMP_NE: case CMP_LT: case CMP_GT: return bool_from(false);
    }
  }
  auto* a = static_cast<SliceObject*>(v);
  auto* b = static_cast<SliceObject*>(w);
  Ref t1 = Ref::steal(tuple_pack(3, a->start, a->stop, a->step));
  if (!t1) return nullptr;
  Ref t2 = Ref::steal(tuple_pack(3, b->start, b->stop, b->step));
  if (!t2) return nullptr;
  return object_richcompare(t1.get(), t2.get(), op);
}

static Object* slice_indices_meth(Object* self, Object* const* args, ssize nargs,
                                  Object* kwnames) {
  if (!check_one_arg("slice.indices", nargs, kwnames)) return nullptr;
  Ref length = Ref::steal(number_index(args[0]));
  if (!length) return nullptr;
  if (int_sign(length.get()) < 0) return err_format(&Exc_ValueError, "length should not be negative");
  Object *s0, *s1, *s2;
  if (!slice_get_long_indices(self, length.get(), &s0, &s1, &s2)) return nullptr;
  Ref a = Ref::steal(s0), b = Ref::steal(s1), c = Ref::steal(s2);
  return tuple_pack(3, a.get(), b.get(), c.get());
}

static Object* slice_reduce_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("slice.__reduce__", nargs, kwnames)) return nullptr;
  auto* s = static_cast<SliceObject*>(self);
  Ref args = Ref::steal(tuple_pack(3, s->start, s->stop, s->step));
  if (!args) return nullptr;
  return tuple_pack(2, static_cast<Object*>(&SliceType), args.get());
}

static const MethodDef slice_methods[] = {
    {"indices", slice_indices_meth, METH_DEFAULT,
     "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length len, calculate the "
     "start and stop\nindices, and the stride length of the extended slice described by\nS. Out of "
     "bounds indices are clipped in a manner consistent with the\nhandling of normal slices."},
    {"__reduce__", slice_reduce_meth, METH_DEFAULT, "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

static Object* slice_get_start(Object* self) { return newref(static_cast<SliceObject*>(self)->start); }
static Object* slice_get_stop(Object* self) { return newref(static_cast<SliceObject*>(self)->stop); }
static Object* slice_get_step(Object* self) { return newref(static_cast<SliceObject*>(self)->step); }

static const GetSetDef slice_getset[] = {
    {"start", slice_get_start, nullptr, nullptr},
    {"stop", slice_get_stop, nullptr, nullptr},
    {"step", slice_get_step, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr}};

static Object* slice_new_slot(TypeObject*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("slice", kwnames) || !check_positional("slice", nargs, 1, 3))
    return nullptr;
  if (nargs == 1) return slice_new(nullptr, args[0], nullptr);
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

static Object* slice_vectorcall(Object* callable, Object* const* args, ssize nargs,
                                Object* kwnames) {
  return slice_new_slot(static_cast<TypeObject*>(callable), args, nargs, kwnames);
}

static int slice_traverse(Object* o, visitproc visit, void* arg) {
  auto* s = static_cast<SliceObject*>(o);
  int r = visit(s->start, arg);
  if (!r) r = visit(s->stop, arg);
  if (!r) r = visit(s->step, arg);
  return r;
}

void init_slice_types() {
  TypeObject& t = SliceType;
  t.name = "slice";
  t.basicsize = sizeof(SliceObject);
  t.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  t.doc =
      "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for "
      "extended slicing (e.g. a[0:10:2]).";
  t.dealloc = slice_dealloc;
  t.repr = slice_repr;
  t.hash = slice_hash;
  t.richcompare = slice_richcompare;
  t.new_ = slice_new_slot;
  t.vectorcall = slice_vectorcall;
  t.traverse = slice_traverse;
  t.methods = slice_methods;
  t.getset = slice_getset;
}

}  // namespace gilpy
