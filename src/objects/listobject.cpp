// list: a mutable, over-allocated array of owned references.
//
// Invariants (as CPython's listobject.c):
//  - 0 <= size <= allocated; items[0:size] are owned, non-null references; items is null iff
//    allocated == 0. The array comes from mem_alloc (core/object.h) and is owned by the list.
//  - Growth follows CPython 3.12's list_resize: new_allocated = (n + n/8 + 6) & ~3, so the
//    sequence of capacities (and sys.getsizeof later) matches CPython and appends are amortised
//    O(1). Shrinking below half the capacity reallocates.
//  - Any call that can run Python code (comparisons, __index__, iteration, decref of an item)
//    may mutate the list: code re-reads size/items after such calls and decrefs removed items
//    only after the list is in a consistent state.
//  - Exact ListObjects are recycled through a freelist (kMaxFreeList entries, refcount 0, items
//    null). Subclass instances are freed normally.
// Also here: list_iterator and list_reverseiterator. The sort lives in listsort.cpp.
#include <cstdlib>
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "objects/containers.h"
#include "objects/containers_internal.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "vm/state.h"

namespace gilpy {

TypeObject ListType;
TypeObject ListIterType;
TypeObject ListRevIterType;

namespace {

constexpr int kMaxFreeList = 80;
#if GILPY_CONTAINER_FREELISTS
ListObject* g_free_list[kMaxFreeList];
int g_num_free = 0;
#endif

inline ListObject* as_list(Object* o) { return static_cast<ListObject*>(o); }

// CPython's list_resize: make room for `newsize` items (size is set to newsize).
int list_resize(ListObject* self, ssize newsize) {
  ssize allocated = self->allocated;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    self->size = newsize;
    return 0;
  }
  size_t new_allocated = (size_t(newsize) + (size_t(newsize) >> 3) + 6) & ~size_t(3);
  if (newsize - self->size > ssize(new_allocated - size_t(newsize)))
    new_allocated = (size_t(newsize) + 3) & ~size_t(3);
  if (newsize == 0) new_allocated = 0;
  if (new_allocated > size_t(PTRDIFF_MAX) / sizeof(Object*)) {
    err_no_memory();
    return -1;
  }
  Object** items = nullptr;
  if (new_allocated) {
    items = static_cast<Object**>(mem_realloc(self->items, new_allocated * sizeof(Object*)));
    if (!items) {
      err_no_memory();
      return -1;
    }
  } else {
    mem_free(self->items);
  }
  self->items = items;
  self->size = newsize;
  self->allocated = ssize(new_allocated);
  return 0;
}

// Ensure capacity for `n` items exactly (used when the final size is known).
int list_preallocate_exact(ListObject* self, ssize n) {
  if (n <= self->allocated) return 0;
  if (size_t(n) > size_t(PTRDIFF_MAX) / sizeof(Object*)) {
    err_no_memory();
    return -1;
  }
  auto* items = static_cast<Object**>(mem_realloc(self->items, size_t(n) * sizeof(Object*)));
  if (!items) {
    err_no_memory();
    return -1;
  }
  self->items = items;
  self->allocated = n;
  return 0;
}

ListObject* list_alloc_empty(TypeObject* type) {
#if GILPY_CONTAINER_FREELISTS
  if (type == &ListType && g_num_free > 0) {
    ListObject* l = g_free_list[--g_num_free];
    l->refcnt = 1;
    return l;
  }
#endif
  auto* l = alloc_object<ListObject>(type);
  return l;
}

}  // namespace

// ---- construction -------------------------------------------------------------------------------
Object* list_new(ssize n) {
  if (n < 0) return err_bad_internal_call("list_new");
  ListObject* l = list_alloc_empty(&ListType);
  if (!l) return nullptr;
  if (n > 0) {
    if (size_t(n) > size_t(PTRDIFF_MAX) / sizeof(Object*)) {
      decref(l);
      return err_no_memory();
    }
    l->items = static_cast<Object**>(mem_calloc(size_t(n), sizeof(Object*)));
    if (!l->items) {
      decref(l);
      return err_no_memory();
    }
  }
  l->size = n;
  l->allocated = n;
  return l;
}

Object* list_from_array(Object* const* items, ssize n) {
  Object* l = list_new(n);
  if (!l) return nullptr;
  for (ssize i = 0; i < n; i++) list_items(l)[i] = newref(items[i]);
  return l;
}

Object* list_get_slice(Object* a, ssize lo, ssize hi) {
  ssize n = list_size(a);
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  return list_from_array(list_items(a) + lo, hi - lo);
}

Object* list_as_tuple(Object* list) {
  return tuple_from_array(list_items(list), list_size(list));
}

int list_append(Object* list, Object* item) {
  ListObject* l = as_list(list);
  ssize n = l->size;
  if (GILPY_LIKELY(n < l->allocated)) {
    l->items[n] = newref(item);
    l->size = n + 1;
    return 0;
  }
  if (list_resize(l, n + 1) < 0) return -1;
  l->items[n] = newref(item);
  return 0;
}

int list_insert(Object* list, ssize where, Object* item) {
  ListObject* l = as_list(list);
  ssize n = l->size;
  if (list_resize(l, n + 1) < 0) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  Object** items = l->items;
  std::memmove(items + where + 1, items + where, size_t(n - where) * sizeof(Object*));
  items[where] = newref(item);
  return 0;
}

static int list_extend_array(ListObject* self, Object* const* src, ssize n) {
  if (n == 0) return 0;
  ssize m = self->size;
  // If src aliases our own items, realloc could move them: copy by index after the resize.
  bool alias = src == self->items;
  if (list_resize(self, m + n) < 0) return -1;
  if (alias) src = self->items;
  Object** dst = self->items + m;
  for (ssize i = 0; i < n; i++) dst[i] = newref(src[i]);
  return 0;
}

int list_extend(Object* list, Object* iterable) {
  ListObject* self = as_list(list);
  if (list_check_exact(iterable) || tuple_check_exact(iterable) || iterable == list) {
    if (list_check(iterable))
      return list_extend_array(self, list_items(iterable), list_size(iterable));
    return list_extend_array(self, tuple_items(iterable), tuple_size(iterable));
  }
  Ref it = Ref::steal(object_getiter(iterable));
  if (!it) return -1;
  unaryfunc iternext = type_of(it.get())->iternext;
  ssize hint = object_length_hint(iterable, 8);
  if (hint < 0) return -1;
  ssize m = self->size;
  if (hint > 0 && m + hint > m && list_preallocate_exact(self, m + hint) < 0) return -1;
  for (;;) {
    Object* item = iternext ? iternext(it.get()) : iter_next(it.get());
    if (!item) {
      if (err_occurred()) {
        if (!err_matches(&Exc_StopIteration)) return -1;
        err_clear();
      }
      break;
    }
    if (self->size < self->allocated) {
      self->items[self->size++] = item;
    } else {
      ssize n = self->size;
      if (list_resize(self, n + 1) < 0) {
        decref(item);
        return -1;
      }
      self->items[n] = item;
    }
  }
  // Drop excess preallocation if the hint was far too big.
  if (self->size < self->allocated && self->size < (self->allocated >> 1))
    list_resize(self, self->size);
  return 0;
}

void list_reverse(Object* list) {
  ListObject* l = as_list(list);
  if (l->size < 2) return;
  Object** lo = l->items;
  Object** hi = l->items + l->size - 1;
  while (lo < hi) {
    Object* t = *lo;
    *lo++ = *hi;
    *hi-- = t;
  }
}

// Remove every item (decref'ing them after the list is empty, since a decref may run code).
static void list_clear_impl(ListObject* l) {
  Object** items = l->items;
  ssize n = l->size;
  if (!items) return;
  l->items = nullptr;
  l->size = 0;
  l->allocated = 0;
  while (--n >= 0) xdecref(items[n]);
  mem_free(items);
}

static int list_clear_slot(Object* o) {
  list_clear_impl(as_list(o));
  return 0;
}

static void list_dealloc(Object* o) {
  ListObject* l = as_list(o);
  if (l->items) {
    ssize n = l->size;
    while (--n >= 0) xdecref(l->items[n]);
    mem_free(l->items);
    l->items = nullptr;
  }
  l->size = l->allocated = 0;
#if GILPY_CONTAINER_FREELISTS
  if (type_of(o) == &ListType && g_num_free < kMaxFreeList) {
    g_free_list[g_num_free++] = l;
    return;
  }
#endif
  object_free(o);
}

void list_freelist_clear() {
#if GILPY_CONTAINER_FREELISTS
  while (g_num_free > 0) object_free(g_free_list[--g_num_free]);
#endif
}

static int list_traverse(Object* o, visitproc visit, void* arg) {
  ListObject* l = as_list(o);
  for (ssize i = l->size; --i >= 0;) {
    if (l->items[i]) {
      int r = visit(l->items[i], arg);
      if (r) return r;
    }
  }
  return 0;
}

// ---- slice assignment (CPython's list_ass_slice) ------------------------------------------------
// a[ilow:ihigh] = v  (v null: delete). v may be any iterable.
static int list_ass_slice(ListObject* a, ssize ilow, ssize ihigh, Object* v) {
  Ref v_hold;  // a list copy of v when v is not a list/tuple
  Object* const* vitems = nullptr;
  ssize n = 0;
  if (v) {
    if (v == a) {
      v_hold = Ref::steal(list_get_slice(a, 0, a->size));
      if (!v_hold) return -1;
    } else if (list_check(v) || tuple_check(v)) {
      v_hold = Ref::borrow(v);
    } else {
      Ref it = Ref::steal(object_getiter(v));
      if (!it) {
        if (err_matches(&Exc_TypeError)) {
          err_clear();
          err_format(&Exc_TypeError, "can only assign an iterable");
        }
        return -1;
      }
      v_hold = Ref::steal(list_new(0));
      if (!v_hold || list_extend(v_hold.get(), it.get()) < 0) return -1;
    }
    if (list_check(v_hold.get())) {
      n = list_size(v_hold.get());
      vitems = list_items(v_hold.get());
    } else {
      n = tuple_size(v_hold.get());
      vitems = tuple_items(v_hold.get());
    }
  }
  ssize size = a->size;
  if (ilow < 0) ilow = 0;
  else if (ilow > size) ilow = size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > size) ihigh = size;
  ssize norig = ihigh - ilow;
  ssize d = n - norig;
  if (size + d == 0) {
    list_clear_impl(a);
    return 0;
  }
  // Keep the replaced items alive until the list is consistent.
  Object* small[8];
  Object** recycle = small;
  if (norig > 8) {
    recycle = static_cast<Object**>(std::malloc(size_t(norig) * sizeof(Object*)));
    if (!recycle) {
      err_no_memory();
      return -1;
    }
  }
  if (norig > 0) std::memcpy(recycle, a->items + ilow, size_t(norig) * sizeof(Object*));
  if (d < 0) {
    std::memmove(a->items + ihigh + d, a->items + ihigh, size_t(size - ihigh) * sizeof(Object*));
    list_resize(a, size + d);  // shrinking cannot fail in a way that matters
  } else if (d > 0) {
    if (list_resize(a, size + d) < 0) {
      if (recycle != small) std::free(recycle);
      return -1;
    }
    std::memmove(a->items + ihigh + d, a->items + ihigh, size_t(size - ihigh) * sizeof(Object*));
  }
  for (ssize k = 0; k < n; k++) a->items[ilow + k] = newref(vitems[k]);
  for (ssize k = norig - 1; k >= 0; --k) xdecref(recycle[k]);
  if (recycle != small) std::free(recycle);
  return 0;
}

// ---- object protocol ----------------------------------------------------------------------------
static Object* list_repr(Object* o) {
  ListObject* l = as_list(o);
  if (l->size == 0) return str_from_cstr("[]");
  if (repr_enter(o) != 0) return str_from_cstr("[...]");
  if (!enter_native_recursion(" while getting the repr of an object")) {
    repr_leave(o);
    return nullptr;
  }
  StrWriter w;
  w.append("[");
  bool ok = true;
  for (ssize i = 0; i < l->size; i++) {
    if (i > 0) w.append(", ");
    Ref item = Ref::borrow(l->items[i]);  // the repr may shrink the list
    if (!w.append_repr(item.get())) {
      ok = false;
      break;
    }
  }
  leave_native_recursion();
  repr_leave(o);
  if (!ok) return nullptr;
  w.append("]");
  return w.finish();
}

static Object* const* list_items_fn(Object* o) { return list_items(o); }
static ssize list_size_fn(Object* o) { return list_size(o); }

static Object* list_richcompare(Object* v, Object* w, int op) {
  if (!list_check(v) || !list_check(w)) return not_implemented_ref();
  return seq_richcompare(list_items_fn, list_size_fn, v, w, op);
}

static ssize list_length(Object* o) { return list_size(o); }

static Object* list_item(Object* o, ssize i) {
  if (size_t(i) >= size_t(list_size(o)))
    return err_format(&Exc_IndexError, "list index out of range");
  return newref(list_items(o)[i]);
}

static Object* list_subscript(Object* o, Object* key) {
  if (int_check_exact(key) && int_is_small(key)) {
    ssize i = ssize(int_small_value(key));
    if (i < 0) i += list_size(o);
    return list_item(o, i);
  }
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
    ssize len = slice_adjust_indices(list_size(o), &start, &stop, step);
    if (len <= 0) return list_new(0);
    if (step == 1) return list_get_slice(o, start, stop);
    Object* r = list_new(len);
    if (!r) return nullptr;
    Object** src = list_items(o);
    Object** dst = list_items(r);
    for (ssize i = 0, cur = start; i < len; i++, cur += step) dst[i] = newref(src[cur]);
    return r;
  }
  ssize i;
  if (!index_from_object(key, &i, "list")) return nullptr;
  if (i < 0) i += list_size(o);
  return list_item(o, i);
}

static int list_ass_item(ListObject* l, ssize i, Object* v) {
  if (size_t(i) >= size_t(l->size)) {
    err_format(&Exc_IndexError, "list assignment index out of range");
    return -1;
  }
  if (!v) return list_ass_slice(l, i, i + 1, nullptr);
  setref(&l->items[i], newref(v));
  return 0;
}

static int list_ass_subscript(Object* o, Object* key, Object* value) {
  ListObject* self = as_list(o);
  if (int_check_exact(key) && int_is_small(key)) {
    ssize i = ssize(int_small_value(key));
    if (i < 0) i += self->size;
    return list_ass_item(self, i, value);
  }
  if (!slice_check(key)) {
    ssize i;
    if (!index_from_object(key, &i, "list")) return -1;
    if (i < 0) i += self->size;
    return list_ass_item(self, i, value);
  }
  ssize start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
  if (value == nullptr) {
    ssize slicelength = slice_adjust_indices(self->size, &start, &stop, step);
    if (step == 1) return list_ass_slice(self, start, stop, nullptr);
    if (slicelength <= 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    // Collect the removed items, compact the rest, then decref.
    auto** garbage = static_cast<Object**>(std::malloc(size_t(slicelength) * sizeof(Object*)));
    if (!garbage) {
      err_no_memory();
      return -1;
    }
    ssize cur = start, i = 0;
    for (; cur < stop; cur += step, i++) {
      ssize lim = step - 1;
      garbage[i] = self->items[cur];
      if (cur + step >= self->size) lim = self->size - cur - 1;
      std::memmove(self->items + cur - i, self->items + cur + 1, size_t(lim) * sizeof(Object*));
    }
    cur = start + slicelength * step;
    if (cur < self->size)
      std::memmove(self->items + cur - slicelength, self->items + cur,
                   size_t(self->size - cur) * sizeof(Object*));
    list_resize(self, self->size - slicelength);
    for (i = 0; i < slicelength; i++) decref(garbage[i]);
    std::free(garbage);
    return 0;
  }
  // Assignment.
  if (step == 1) {
    slice_adjust_indices(self->size, &start, &stop, step);
    return list_ass_slice(self, start, stop, value);
  }
  Ref seq;
  if (value == o) {
    seq = Ref::steal(list_get_slice(value, 0, list_size(value)));
  } else if (list_check(value) || tuple_check(value)) {
    seq = Ref::borrow(value);
  } else {
    Ref it = Ref::steal(object_getiter(value));
    if (!it) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        err_format(&Exc_TypeError, "must assign iterable to extended slice");
      }
      return -1;
    }
    seq = Ref::steal(list_new(0));
    if (seq && list_extend(seq.get(), it.get()) < 0) return -1;
  }
  if (!seq) return -1;
  ssize slicelength = slice_adjust_indices(self->size, &start, &stop, step);
  ssize seqlen = list_check(seq.get()) ? list_size(seq.get()) : tuple_size(seq.get());
  Object** seqitems = list_check(seq.get()) ? list_items(seq.get()) : tuple_items(seq.get());
  if (step == 1) return list_ass_slice(self, start, stop, seq.get());
  if (seqlen != slicelength) {
    err_format(&Exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd",
               seqlen, slicelength);
    return -1;
  }
  if (!slicelength) return 0;
  auto** garbage = static_cast<Object**>(std::malloc(size_t(slicelength) * sizeof(Object*)));
  if (!garbage) {
    err_no_memory();
    return -1;
  }
  for (ssize cur = start, i = 0; i < slicelength; cur += step, i++) {
    garbage[i] = self->items[cur];
    self->items[cur] = newref(seqitems[i]);
  }
  for (ssize i = 0; i < slicelength; i++) decref(garbage[i]);
  std::free(garbage);
  return 0;
}

static int list_contains(Object* o, Object* item) {
  for (ssize i = 0; i < list_size(o); i++) {
    Ref x = Ref::borrow(list_items(o)[i]);
    int c = object_richcompare_bool(x.get(), item, CMP_EQ);
    if (c != 0) return c;
  }
  return 0;
}

static Object* list_concat(Object* a, Object* b) {
  if (!list_check(b))
    return err_format(&Exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
  ssize na = list_size(a), nb = list_size(b);
  Object* r = list_new(na + nb);
  if (!r) return nullptr;
  Object** dst = list_items(r);
  for (ssize i = 0; i < na; i++) dst[i] = newref(list_items(a)[i]);
  for (ssize i = 0; i < nb; i++) dst[na + i] = newref(list_items(b)[i]);
  return r;
}

static Object* list_repeat(Object* a, ssize n) {
  ssize size = list_size(a);
  if (n <= 0 || size == 0) return list_new(0);
  if (size > PTRDIFF_MAX / n) return err_no_memory();
  Object* r = list_new(size * n);
  if (!r) return nullptr;
  Object** dst = list_items(r);
  Object** src = list_items(a);
  if (size == 1) {
    Object* x = src[0];
    x->refcnt += n;
    for (ssize k = 0; k < n; k++) dst[k] = x;
  } else {
    for (ssize k = 0; k < n; k++)
      for (ssize i = 0; i < size; i++) *dst++ = newref(src[i]);
  }
  return r;
}

static Object* list_inplace_concat(Object* self, Object* other) {
  if (list_extend(self, other) < 0) return nullptr;
  return newref(self);
}

static Object* list_inplace_repeat(Object* self, Object* other) {
  if (!index_check(other)) return not_implemented_ref();
  ssize n = number_as_ssize(other, &Exc_OverflowError);
  if (n == -1 && err_occurred()) return nullptr;
  ListObject* l = as_list(self);
  ssize size = l->size;
  if (size == 0 || n == 1) return newref(self);
  if (n < 1) {
    list_clear_impl(l);
    return newref(self);
  }
  if (size > PTRDIFF_MAX / n) return err_no_memory();
  if (list_resize(l, size * n) < 0) return nullptr;
  for (ssize k = 1; k < n; k++)
    for (ssize i = 0; i < size; i++) l->items[k * size + i] = newref(l->items[i]);
  return newref(self);
}

// ---- methods ------------------------------------------------------------------------------------
static Object* list_append_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("list.append", nargs, kwnames)) return nullptr;
  if (list_append(self, args[0]) < 0) return nullptr;
  return none_ref();
}

static Object* list_extend_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("list.extend", nargs, kwnames)) return nullptr;
  if (list_extend(self, args[0]) < 0) return nullptr;
  return none_ref();
}

static Object* list_insert_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("insert", kwnames) || !check_positional("insert", nargs, 2, 2))
    return nullptr;
  ssize i = number_as_ssize(args[0], &Exc_OverflowError);
  if (i == -1 && err_occurred()) return nullptr;
  if (list_insert(self, i, args[1]) < 0) return nullptr;
  return none_ref();
}

static Object* list_pop_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("pop", kwnames) || !check_positional("pop", nargs, 0, 1)) return nullptr;
  ssize i = -1;
  if (nargs == 1) {
    i = number_as_ssize(args[0], &Exc_OverflowError);
    if (i == -1 && err_occurred()) return nullptr;
  }
  ListObject* l = as_list(self);
  if (l->size == 0) return err_format(&Exc_IndexError, "pop from empty list");
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return err_format(&Exc_IndexError, "pop index out of range");
  Object* v = l->items[i];
  if (i == l->size - 1) {
    list_resize(l, l->size - 1);
    return v;
  }
  std::memmove(l->items + i, l->items + i + 1, size_t(l->size - i - 1) * sizeof(Object*));
  list_resize(l, l->size - 1);
  return v;
}

static bool slice_index_arg(Object* o, ssize* out) {
  if (!index_check(o)) {
    err_format(&Exc_TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  ssize v = number_as_ssize(o, nullptr);
  if (v == -1 && err_occurred()) return false;
  *out = v;
  return true;
}

static Object* list_index_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("index", kwnames) || !check_positional("index", nargs, 1, 3))
    return nullptr;
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index_arg(args[2], &stop)) return nullptr;
  if (start < 0) {
    start += list_size(self);
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += list_size(self);
  }
  for (ssize i = start; i < stop && i < list_size(self); i++) {
    Ref x = Ref::borrow(list_items(self)[i]);
    int c = object_richcompare_bool(x.get(), args[0], CMP_EQ);
    if (c < 0) return nullptr;
    if (c) return int_from_ssize(i);
  }
  return err_format(&Exc_ValueError, "%R is not in list", args[0]);
}

static Object* list_count_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("list.count", nargs, kwnames)) return nullptr;
  ssize count = 0;
  for (ssize i = 0; i < list_size(self); i++) {
    Object* x = list_items(self)[i];
    if (x == args[0]) {
      count++;
      continue;
    }
    Ref hold = Ref::borrow(x);
    int c = object_richcompare_bool(x, args[0], CMP_EQ);
    if (c < 0) return nullptr;
    count += c;
  }
  return int_from_ssize(count);
}

static Object* list_remove_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("list.remove", nargs, kwnames)) return nullptr;
  for (ssize i = 0; i < list_size(self); i++) {
    Ref x = Ref::borrow(list_items(self)[i]);
    int c = object_richcompare_bool(x.get(), args[0], CMP_EQ);
    if (c < 0) return nullptr;
    if (c) {
      if (list_ass_slice(as_list(self), i, i + 1, nullptr) < 0) return nullptr;
      return none_ref();
    }
  }
  return err_format(&Exc_ValueError, "list.remove(x): x not in list");
}

static Object* list_reverse_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("list.reverse", nargs, kwnames)) return nullptr;
  list_reverse(self);
  return none_ref();
}

static Object* list_copy_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("list.copy", nargs, kwnames)) return nullptr;
  return list_get_slice(self, 0, list_size(self));
}

static Object* list_clear_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("list.clear", nargs, kwnames)) return nullptr;
  list_clear_impl(as_list(self));
  return none_ref();
}

static Object* list_sort_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"key", "reverse", nullptr};
  static const ArgSpec spec = {"sort", names, 0, 0};
  Object* out[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, out)) return nullptr;
  Object* key = out[0] == None ? nullptr : out[0];
  bool reverse = false;
  if (out[1]) {
    int r = object_is_true(out[1]);
    if (r < 0) return nullptr;
    reverse = r != 0;
  }
  if (list_sort(self, key, reverse) < 0) return nullptr;
  return none_ref();
}

static Object* list_reversed_meth(Object* self, Object* const*, ssize nargs, Object* kwnames);

static Object* list_sizeof_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("list.__sizeof__", nargs, kwnames)) return nullptr;
  return int_from_ssize(40 + as_list(self)->allocated * ssize(sizeof(Object*)));
}

static const MethodDef list_methods[] = {
    {"__reversed__", list_reversed_meth, METH_DEFAULT,
     "Return a reverse iterator over the list."},
    {"__sizeof__", list_sizeof_meth, METH_DEFAULT, "Return the size of the list in memory, in bytes."},
    {"clear", list_clear_meth, METH_DEFAULT, "Remove all items from list."},
    {"copy", list_copy_meth, METH_DEFAULT, "Return a shallow copy of the list."},
    {"append", list_append_meth, METH_DEFAULT, "Append object to the end of the list."},
    {"insert", list_insert_meth, METH_DEFAULT, "Insert object before index."},
    {"extend", list_extend_meth, METH_DEFAULT, "Extend list by appending elements from the iterable."},
    {"pop", list_pop_meth, METH_DEFAULT,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty or "
     "index is out of range."},
    {"remove", list_remove_meth, METH_DEFAULT,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", list_index_meth, METH_DEFAULT,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", list_count_meth, METH_DEFAULT, "Return number of occurrences of value."},
    {"reverse", list_reverse_meth, METH_DEFAULT, "Reverse *IN PLACE*."},
    {"sort", list_sort_meth, METH_DEFAULT,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list "
     "itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf "
     "a key function is given, apply it once to each list item and sort them,\nascending or "
     "descending, according to their function values.\n\nThe reverse flag can be set to sort in "
     "descending order."},
    {nullptr, nullptr, 0, nullptr}};

// ---- construction from Python -------------------------------------------------------------------
static Object* list_new_slot(TypeObject* type, Object* const*, ssize, Object*) {
  ListObject* l = list_alloc_empty(type);
  return l;
}

static int list_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (type_of(self) == &ListType && !check_no_kwargs("list", kwnames)) return -1;
  if (!check_positional("list", nargs, 0, 1)) return -1;
  list_clear_impl(as_list(self));
  if (nargs == 1) return list_extend(self, args[0]);
  return 0;
}

static Object* list_vectorcall(Object* callable, Object* const* args, ssize nargs,
                               Object* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  if (type == &ListType) {
    if (!check_no_kwargs("list", kwnames) || !check_positional("list", nargs, 0, 1))
      return nullptr;
    Ref l = Ref::steal(list_new(0));
    if (!l) return nullptr;
    if (nargs == 1 && list_extend(l.get(), args[0]) < 0) return nullptr;
    return l.release();
  }
  Ref obj = Ref::steal(type->new_(type, args, nargs, kwnames));
  if (!obj) return nullptr;
  if (object_type_check(obj.get(), type) && type_of(obj.get())->init &&
      type_of(obj.get())->init(obj.get(), args, nargs, kwnames) < 0)
    return nullptr;
  return obj.release();
}

// ---- iterators ----------------------------------------------------------------------------------
namespace {
struct ListIterObject : Object {
  ssize index;
  Object* seq;  // owned; null when exhausted
};
}  // namespace

static Object* make_list_iter(TypeObject* type, Object* list, ssize index) {
  auto* it = alloc_object<ListIterObject>(type);
  if (!it) return nullptr;
  it->index = index;
  it->seq = newref(list);
  return it;
}

Object* list_iter_new(Object* list) { return make_list_iter(&ListIterType, list, 0); }

static Object* list_iter(Object* o) { return make_list_iter(&ListIterType, o, 0); }

static Object* list_reversed_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("list.__reversed__", nargs, kwnames)) return nullptr;
  return make_list_iter(&ListRevIterType, self, list_size(self) - 1);
}

static void listiter_dealloc(Object* o) {
  xdecref(static_cast<ListIterObject*>(o)->seq);
  object_free(o);
}

static int listiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<ListIterObject*>(o)->seq;
  return s ? visit(s, arg) : 0;
}

static Object* listiter_next(Object* o) {
  auto* it = static_cast<ListIterObject*>(o);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  if (it->index < list_size(seq)) return newref(list_items(seq)[it->index++]);
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}

static Object* listreviter_next(Object* o) {
  auto* it = static_cast<ListIterObject*>(o);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  ssize i = it->index;
  if (i >= 0 && i < list_size(seq)) {
    it->index--;
    return newref(list_items(seq)[i]);
  }
  it->index = -1;
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}

static Object* iter_self(Object* o) { return newref(o); }

static Object* listiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* it = static_cast<ListIterObject*>(self);
  ssize n = it->seq ? list_size(it->seq) - it->index : 0;
  return int_from_ssize(n < 0 ? 0 : n);
}

static Object* listreviter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* it = static_cast<ListIterObject*>(self);
  ssize n = it->index + 1;
  if (!it->seq || list_size(it->seq) < n) n = 0;
  return int_from_ssize(n);
}

static const MethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};
static const MethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr}};

// ---- type objects -------------------------------------------------------------------------------
void init_list_types() {
  TypeObject& t = ListType;
  t.name = "list";
  t.basicsize = sizeof(ListObject);
  t.flags = TPFLAG_BASETYPE | TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE | TPFLAG_LIST_SUBCLASS;
  t.doc =
      "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty "
      "list.\nThe argument must be an iterable if specified.";
  t.dealloc = list_dealloc;
  t.repr = list_repr;
  t.hash = object_hash_not_implemented;
  t.richcompare = list_richcompare;
  t.iter = list_iter;
  t.new_ = list_new_slot;
  t.init = list_init;
  t.vectorcall = list_vectorcall;
  t.traverse = list_traverse;
  t.clear = list_clear_slot;
  t.len = list_length;
  t.getitem = list_subscript;
  t.setitem = list_ass_subscript;
  t.sq_item = list_item;
  t.contains = list_contains;
  t.sq_concat = list_concat;
  t.sq_repeat = list_repeat;
  t.nb_inplace_add = list_inplace_concat;
  t.nb_inplace_multiply = list_inplace_repeat;
  t.methods = list_methods;

  TypeObject& it = ListIterType;
  it.name = "list_iterator";
  it.basicsize = sizeof(ListIterObject);
  it.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  it.dealloc = listiter_dealloc;
  it.traverse = listiter_traverse;
  it.iter = iter_self;
  it.iternext = listiter_next;
  it.methods = listiter_methods;

  TypeObject& rt = ListRevIterType;
  rt.name = "list_reverseiterator";
  rt.basicsize = sizeof(ListIterObject);
  rt.flags = TPFLAG_HAVE_GC | TPFLAG_IMMUTABLETYPE;
  rt.dealloc = listiter_dealloc;
  rt.traverse = listiter_traverse;
  rt.iter = iter_self;
  rt.iternext = listreviter_next;
  rt.methods = listreviter_methods;
}

}  // namespace gilpy
