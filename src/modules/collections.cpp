// The `_collections` module: deque, defaultdict, _count_elements (Counter's fast path) and
// _tuplegetter (namedtuple field descriptors), with CPython 3.12's semantics and messages
// (Modules/_collectionsmodule.c), written for gilpy. lib/collections/__init__.py re-exports them.
//
// deque: a doubly linked list of fixed-size blocks of 64 slots, as CPython's. The items occupy
// leftblock->data[leftindex] ... rightblock->data[rightindex]; an empty deque has one block with
// leftindex == CENTER + 1 and rightindex == CENTER, so appends on either side need no block at
// first. Blocks are malloc'd/freed as the ends move. `state` counts mutations; iterators (and
// count/index/remove) compare it to raise "deque mutated during iteration". Indexing walks blocks
// from the nearer end. rotate moves items one by one between the ends without touching
// reference counts (bounded by len/2 moves).
//
// defaultdict: a static subtype of dict whose instances carry one extra word (default_factory)
// after dict's own fields: its basicsize is dict's plus a pointer, computed at module init from
// DictType.basicsize (dict's allocation honours the subtype's basicsize). dict's getitem calls
// __missing__ on subclasses, which defaultdict defines.
#include <cstddef>
#include <cstdlib>
#include <cstring>

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

// =================================================================================================
// deque
// =================================================================================================
constexpr ssize BLOCKLEN = 64;
constexpr ssize CENTER = (BLOCKLEN - 1) / 2;

struct Block {
  Block* leftlink;
  Object* data[BLOCKLEN];
  Block* rightlink;
};

struct DequeObject : Object {
  Block* leftblock;
  Block* rightblock;
  ssize leftindex;
  ssize rightindex;
  ssize len;
  ssize maxlen;  // -1: unbounded
  size_t state;
  Object* weakreflist;
};

TypeObject DequeType, DequeIterType, DequeRevIterType, DefaultDictType, TupleGetterType;

inline DequeObject* as_deque(Object* o) { return static_cast<DequeObject*>(o); }
inline bool deque_check(Object* o) { return object_type_check(o, &DequeType); }

Block* new_block() {
  auto* b = static_cast<Block*>(std::malloc(sizeof(Block)));
  if (!b) {
    err_no_memory();
    return nullptr;
  }
  b->leftlink = b->rightlink = nullptr;
  return b;
}

Object* deque_new(TypeObject* type, Object* const*, ssize, Object*) {
  Block* b = new_block();
  if (!b) return nullptr;
  auto* d = alloc_object<DequeObject>(type);
  if (!d) {
    std::free(b);
    return nullptr;
  }
  d->leftblock = d->rightblock = b;
  d->leftindex = CENTER + 1;
  d->rightindex = CENTER;
  d->len = 0;
  d->maxlen = -1;
  d->state = 0;
  return d;
}

// ---- raw end operations (steal / return owned references; no state change) ----------------------
bool push_right(DequeObject* d, Object* item) {
  if (d->rightindex == BLOCKLEN - 1) {
    Block* b = new_block();
    if (!b) return false;
    b->leftlink = d->rightblock;
    d->rightblock->rightlink = b;
    d->rightblock = b;
    d->rightindex = -1;
  }
  d->len++;
  d->rightindex++;
  d->rightblock->data[d->rightindex] = item;
  return true;
}

bool push_left(DequeObject* d, Object* item) {
  if (d->leftindex == 0) {
    Block* b = new_block();
    if (!b) return false;
    b->rightlink = d->leftblock;
    d->leftblock->leftlink = b;
    d->leftblock = b;
    d->leftindex = BLOCKLEN;
  }
  d->len++;
  d->leftindex--;
  d->leftblock->data[d->leftindex] = item;
  return true;
}

Object* pop_right(DequeObject* d) {  // len > 0
  Object* item = d->rightblock->data[d->rightindex];
  d->rightindex--;
  d->len--;
  if (d->rightindex < 0) {
    if (d->len) {
      Block* prev = d->rightblock->leftlink;
      std::free(d->rightblock);
      prev->rightlink = nullptr;
      d->rightblock = prev;
      d->rightindex = BLOCKLEN - 1;
    } else {
      d->leftindex = CENTER + 1;
      d->rightindex = CENTER;
    }
  }
  return item;
}

Object* pop_left(DequeObject* d) {  // len > 0
  Object* item = d->leftblock->data[d->leftindex];
  d->leftindex++;
  d->len--;
  if (d->leftindex == BLOCKLEN) {
    if (d->len) {
      Block* next = d->leftblock->rightlink;
      std::free(d->leftblock);
      next->leftlink = nullptr;
      d->leftblock = next;
      d->leftindex = 0;
    } else {
      d->leftindex = CENTER + 1;
      d->rightindex = CENTER;
    }
  }
  return item;
}

// Slot of item i (0 <= i < len).
Object** deque_slot(DequeObject* d, ssize i) {
  Block* b;
  ssize n;
  if (i < d->len / 2) {
    n = d->leftindex + i;
    b = d->leftblock;
    while (n >= BLOCKLEN) {
      b = b->rightlink;
      n -= BLOCKLEN;
    }
  } else {
    ssize fromright = d->len - 1 - i;  // distance from the last item
    n = d->rightindex - fromright;
    b = d->rightblock;
    while (n < 0) {
      b = b->leftlink;
      n += BLOCKLEN;
    }
  }
  return &b->data[n];
}

void deque_clear_items(DequeObject* d) {
  // Pop everything first (the deque is consistent and empty while the items die).
  while (d->len > 0) {
    Object* item = pop_right(d);
    decref(item);
  }
}

void deque_trim_left(DequeObject* d) {
  while (d->maxlen >= 0 && d->len > d->maxlen) decref(pop_left(d));
}
void deque_trim_right(DequeObject* d) {
  while (d->maxlen >= 0 && d->len > d->maxlen) decref(pop_right(d));
}

int deque_append_item(DequeObject* d, Object* item) {  // borrowed item
  if (d->maxlen == 0) return 0;
  if (!push_right(d, newref(item))) {
    decref(item);
    return -1;
  }
  d->state++;
  deque_trim_left(d);
  return 0;
}

int deque_appendleft_item(DequeObject* d, Object* item) {
  if (d->maxlen == 0) return 0;
  if (!push_left(d, newref(item))) {
    decref(item);
    return -1;
  }
  d->state++;
  deque_trim_right(d);
  return 0;
}

void deque_rotate_raw(DequeObject* d, ssize n) {
  ssize len = d->len;
  if (len <= 1) return;
  ssize half = len >> 1;
  if (n > half || n < -half) {
    n %= len;
    if (n > half) n -= len;
    else if (n < -half) n += len;
  }
  d->state++;
  // The pushes below never fail: a pop frees at most one block and the push at the other end
  // reuses slots... except when a new block is needed; allocate defensively and stop on failure.
  for (; n > 0; --n) {
    Object* item = pop_right(d);
    if (!push_left(d, item)) {
      push_right(d, item);
      return;
    }
  }
  for (; n < 0; ++n) {
    Object* item = pop_left(d);
    if (!push_right(d, item)) {
      push_left(d, item);
      return;
    }
  }
}

// ---- lifecycle ----------------------------------------------------------------------------------
void deque_dealloc(Object* o) {
  gc_untrack(o);
  DequeObject* d = as_deque(o);
  if (d->weakreflist) weakref_clear_all(o);
  deque_clear_items(d);
  std::free(d->leftblock);
  d->leftblock = d->rightblock = nullptr;
  object_free(o);
}

int deque_traverse(Object* o, visitproc visit, void* arg) {
  DequeObject* d = as_deque(o);
  Block* b = d->leftblock;
  ssize index = d->leftindex;
  for (ssize i = 0; i < d->len; ++i) {
    if (index == BLOCKLEN) {
      b = b->rightlink;
      index = 0;
    }
    int r = visit(b->data[index++], arg);
    if (r) return r;
  }
  return 0;
}

int deque_clear_slot(Object* o) {
  DequeObject* d = as_deque(o);
  d->state++;
  deque_clear_items(d);
  return 0;
}

int deque_extend_impl(DequeObject* d, Object* iterable, bool left);

int deque_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"iterable", "maxlen", nullptr};
  static const ArgSpec spec = {"deque", names, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  DequeObject* d = as_deque(self);
  ssize maxlen = -1;
  if (a[1] && a[1] != None) {
    if (!index_check(a[1])) {
      err_format(&Exc_TypeError, "an integer is required");
      return -1;
    }
    maxlen = number_as_ssize(a[1], &Exc_OverflowError);
    if (maxlen == -1 && err_occurred()) return -1;
    if (maxlen < 0) {
      err_format(&Exc_ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  d->maxlen = maxlen;
  if (d->len > 0) {
    d->state++;
    deque_clear_items(d);
  }
  if (a[0]) return deque_extend_impl(d, a[0], false);
  return 0;
}

// ---- methods ------------------------------------------------------------------------------------
int deque_extend_impl(DequeObject* d, Object* iterable, bool left) {
  if (iterable == d) {
    Ref copy = Ref::steal(sequence_list(iterable));
    if (!copy) return -1;
    return deque_extend_impl(d, copy.get(), left);
  }
  Ref it = Ref::steal(object_getiter(iterable));
  if (!it) return -1;
  for (;;) {
    Object* item = iter_next(it.get());
    if (!item) break;
    int r = left ? deque_appendleft_item(d, item) : deque_append_item(d, item);
    decref(item);
    if (r < 0) return -1;
  }
  return err_occurred() ? -1 : 0;
}

Object* deque_append(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("append", nargs, kwnames)) return nullptr;
  if (deque_append_item(as_deque(self), args[0]) < 0) return nullptr;
  return none_ref();
}

Object* deque_appendleft(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("appendleft", nargs, kwnames)) return nullptr;
  if (deque_appendleft_item(as_deque(self), args[0]) < 0) return nullptr;
  return none_ref();
}

Object* deque_pop(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("pop", nargs, kwnames)) return nullptr;
  DequeObject* d = as_deque(self);
  if (d->len == 0) return err_format(&Exc_IndexError, "pop from an empty deque");
  d->state++;
  return pop_right(d);
}

Object* deque_popleft(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("popleft", nargs, kwnames)) return nullptr;
  DequeObject* d = as_deque(self);
  if (d->len == 0) return err_format(&Exc_IndexError, "pop from an empty deque");
  d->state++;
  return pop_left(d);
}

Object* deque_extend(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("extend", nargs, kwnames)) return nullptr;
  if (deque_extend_impl(as_deque(self), args[0], false) < 0) return nullptr;
  return none_ref();
}

Object* deque_extendleft(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("extendleft", nargs, kwnames)) return nullptr;
  if (deque_extend_impl(as_deque(self), args[0], true) < 0) return nullptr;
  return none_ref();
}

Object* deque_clearmeth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("clear", nargs, kwnames)) return nullptr;
  deque_clear_slot(self);
  return none_ref();
}

Object* deque_copy_impl(Object* self) {
  DequeObject* d = as_deque(self);
  if (type_of(self) == &DequeType) {
    Ref n = Ref::steal(deque_new(&DequeType, nullptr, 0, nullptr));
    if (!n) return nullptr;
    as_deque(n.get())->maxlen = d->maxlen;
    if (deque_extend_impl(as_deque(n.get()), self, false) < 0) return nullptr;
    return n.release();
  }
  if (d->maxlen < 0) return call1(as_object(type_of(self)), self);
  Ref ml = Ref::steal(int_from_ssize(d->maxlen));
  if (!ml) return nullptr;
  return call2(as_object(type_of(self)), self, ml.get());
}

Object* deque_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return nullptr;
  return deque_copy_impl(self);
}

Object* deque_count(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("count", nargs, kwnames)) return nullptr;
  DequeObject* d = as_deque(self);
  size_t state = d->state;
  ssize n = 0;
  for (ssize i = 0; i < d->len; ++i) {
    Ref item = Ref::borrow(*deque_slot(d, i));
    int eq = object_richcompare_bool(item.get(), args[0], CMP_EQ);
    if (eq < 0) return nullptr;
    if (d->state != state) {
      return err_format(&Exc_RuntimeError, "deque mutated during iteration");
    }
    n += eq;
  }
  return int_from_ssize(n);
}

bool slice_index(Object* v, ssize* out) {
  if (v == None) return true;
  if (!index_check(v)) {
    err_format(&Exc_TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  *out = number_as_ssize(v, nullptr);
  return !(*out == -1 && err_occurred());
}

Object* deque_index(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("index", kwnames) || !check_positional("index", nargs, 1, 3)) {
    return nullptr;
  }
  DequeObject* d = as_deque(self);
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index(args[2], &stop)) return nullptr;
  if (start < 0) {
    start += d->len;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += d->len;
    if (stop < 0) stop = 0;
  }
  if (stop > d->len) stop = d->len;
  size_t state = d->state;
  for (ssize i = start; i < stop && i < d->len; ++i) {
    Ref item = Ref::borrow(*deque_slot(d, i));
    int eq = object_richcompare_bool(item.get(), args[0], CMP_EQ);
    if (eq < 0) return nullptr;
    if (d->state != state) {
      return err_format(&Exc_RuntimeError, "deque mutated during iteration");
    }
    if (eq) return int_from_ssize(i);
  }
  return err_format(&Exc_ValueError, "%R is not in deque", args[0]);
}

int deque_del_index(DequeObject* d, ssize i) {
  deque_rotate_raw(d, -i);
  Object* item = pop_left(d);
  deque_rotate_raw(d, i);
  d->state++;
  decref(item);
  return 0;
}

Object* deque_insert(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("insert", kwnames) || !check_positional("insert", nargs, 2, 2)) {
    return nullptr;
  }
  DequeObject* d = as_deque(self);
  ssize index = number_as_ssize(args[0], &Exc_OverflowError);
  if (index == -1 && err_occurred()) return nullptr;
  if (d->maxlen == d->len) return err_format(&Exc_IndexError, "deque already at its maximum size");
  ssize n = d->len;
  if (index >= n) {
    if (deque_append_item(d, args[1]) < 0) return nullptr;
    return none_ref();
  }
  if (index <= -n || index == 0) {
    if (deque_appendleft_item(d, args[1]) < 0) return nullptr;
    return none_ref();
  }
  deque_rotate_raw(d, -index);
  int r = index < 0 ? deque_append_item(d, args[1]) : deque_appendleft_item(d, args[1]);
  deque_rotate_raw(d, index);
  if (r < 0) return nullptr;
  return none_ref();
}

Object* deque_remove(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("remove", nargs, kwnames)) return nullptr;
  DequeObject* d = as_deque(self);
  size_t state = d->state;
  ssize n = d->len;
  for (ssize i = 0; i < n; ++i) {
    Ref item = Ref::borrow(*deque_slot(d, i));
    int eq = object_richcompare_bool(item.get(), args[0], CMP_EQ);
    if (eq < 0) return nullptr;
    if (d->state != state || d->len != n) {
      return err_format(&Exc_IndexError, "deque mutated during remove().");
    }
    if (eq) {
      deque_del_index(d, i);
      return none_ref();
    }
  }
  return err_format(&Exc_ValueError, "%R is not in deque", args[0]);
}

Object* deque_reverse(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("reverse", nargs, kwnames)) return nullptr;
  DequeObject* d = as_deque(self);
  for (ssize i = 0, j = d->len - 1; i < j; ++i, --j) std::swap(*deque_slot(d, i), *deque_slot(d, j));
  d->state++;
  return none_ref();
}

Object* deque_rotate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("rotate", kwnames) || !check_positional("rotate", nargs, 0, 1)) {
    return nullptr;
  }
  ssize n = 1;
  if (nargs) {
    if (!index_check(args[0])) {
      return err_format(&Exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    }
    n = number_as_ssize(args[0], &Exc_OverflowError);
    if (n == -1 && err_occurred()) return nullptr;
  }
  deque_rotate_raw(as_deque(self), n);
  return none_ref();
}

Object* deque_copy_meth(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__copy__", nargs, kwnames)) return nullptr;
  return deque_copy_impl(self);
}

Object* deque_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  DequeObject* d = as_deque(self);
  Ref state;
  Object** dictptr = object_dict_ptr(self);
  if (dictptr && *dictptr && dict_size(*dictptr) > 0) state = Ref::borrow(*dictptr);
  else state = Ref::borrow(None);
  Ref it = Ref::steal(object_getiter(self));
  if (!it) return nullptr;
  Ref args;
  if (d->maxlen < 0) {
    args = Ref::steal(tuple_empty());
  } else {
    Ref e = Ref::steal(tuple_empty());
    Ref ml = Ref::steal(int_from_ssize(d->maxlen));
    if (!e || !ml) return nullptr;
    args = Ref::steal(tuple_pack(2, e.get(), ml.get()));
  }
  if (!args) return nullptr;
  return tuple_pack(4, as_object(type_of(self)), args.get(), state.get(), it.get());
}

Object* deque_reversed(Object* self, Object* const*, ssize nargs, Object* kwnames);

const MethodDef kDequeMethods[] = {
    {"append", deque_append, METH_DEFAULT, "Add an element to the right side of the deque."},
    {"appendleft", deque_appendleft, METH_DEFAULT, "Add an element to the left side of the deque."},
    {"clear", deque_clearmeth, METH_DEFAULT, "Remove all elements from the deque."},
    {"__copy__", deque_copy_meth, METH_DEFAULT, "Return a shallow copy of a deque."},
    {"copy", deque_copy, METH_DEFAULT, "Return a shallow copy of a deque."},
    {"count", deque_count, METH_DEFAULT, "D.count(value) -- return number of occurrences of value"},
    {"extend", deque_extend, METH_DEFAULT, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", deque_extendleft, METH_DEFAULT, "Extend the left side of the deque with elements from the iterable"},
    {"index", deque_index, METH_DEFAULT, "D.index(value, [start, [stop]]) -- return first index of value.\nRaises ValueError if the value is not present."},
    {"insert", deque_insert, METH_DEFAULT, "D.insert(index, object) -- insert object before index"},
    {"pop", deque_pop, METH_DEFAULT, "Remove and return the rightmost element."},
    {"popleft", deque_popleft, METH_DEFAULT, "Remove and return the leftmost element."},
    {"__reduce__", deque_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"remove", deque_remove, METH_DEFAULT, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", deque_reversed, METH_DEFAULT, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", deque_reverse, METH_DEFAULT, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", deque_rotate, METH_DEFAULT, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__class_getitem__", generic_alias_class_getitem, METH_CLASS, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

Object* deque_get_maxlen(Object* self) {
  DequeObject* d = as_deque(self);
  if (d->maxlen < 0) return none_ref();
  return int_from_ssize(d->maxlen);
}

const GetSetDef kDequeGetSet[] = {
    {"maxlen", deque_get_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- protocols ----------------------------------------------------------------------------------
ssize deque_len(Object* self) { return as_deque(self)->len; }

bool deque_index_arg(DequeObject* d, Object* key, ssize* out) {
  if (!index_check(key)) {
    err_format(&Exc_TypeError, "sequence index must be integer, not '%s'", type_name(type_of(key)));
    return false;
  }
  ssize i = number_as_ssize(key, &Exc_IndexError);
  if (i == -1 && err_occurred()) return false;
  if (i < 0) i += d->len;
  if (i < 0 || i >= d->len) {
    err_format(&Exc_IndexError, "deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

Object* deque_getitem(Object* self, Object* key) {
  DequeObject* d = as_deque(self);
  ssize i;
  if (!deque_index_arg(d, key, &i)) return nullptr;
  return newref(*deque_slot(d, i));
}

Object* deque_sq_item(Object* self, ssize i) {
  DequeObject* d = as_deque(self);
  if (i < 0 || i >= d->len) return err_format(&Exc_IndexError, "deque index out of range");
  return newref(*deque_slot(d, i));
}

int deque_setitem(Object* self, Object* key, Object* value) {
  DequeObject* d = as_deque(self);
  ssize i;
  if (!deque_index_arg(d, key, &i)) return -1;
  if (!value) return deque_del_index(d, i);
  Object** slot = deque_slot(d, i);
  setref(slot, newref(value));
  return 0;
}

int deque_contains(Object* self, Object* value) {
  DequeObject* d = as_deque(self);
  size_t state = d->state;
  for (ssize i = 0; i < d->len; ++i) {
    Ref item = Ref::borrow(*deque_slot(d, i));
    int eq = object_richcompare_bool(item.get(), value, CMP_EQ);
    if (eq < 0) return -1;
    if (d->state != state) {
      err_format(&Exc_RuntimeError, "deque mutated during iteration");
      return -1;
    }
    if (eq) return 1;
  }
  return 0;
}

Object* deque_repr(Object* self) {
  int rc = repr_enter(self);
  if (rc != 0) {
    if (rc < 0) return nullptr;
    return str_from_cstr("[...]");
  }
  Ref list = Ref::steal(sequence_list(self));
  if (!list) {
    repr_leave(self);
    return nullptr;
  }
  Ref lr = Ref::steal(object_repr(list.get()));
  repr_leave(self);
  if (!lr) return nullptr;
  DequeObject* d = as_deque(self);
  if (d->maxlen >= 0) {
    return str_from_format("%s(%U, maxlen=%zd)", type_name(type_of(self)), lr.get(), d->maxlen);
  }
  return str_from_format("%s(%U)", type_name(type_of(self)), lr.get());
}

Object* deque_richcompare(Object* a, Object* b, int op) {
  if (!deque_check(a) || !deque_check(b)) return not_implemented_ref();
  DequeObject* da = as_deque(a);
  DequeObject* db = as_deque(b);
  if ((op == CMP_EQ || op == CMP_NE) && da->len != db->len) return bool_from(op == CMP_NE);
  Ref la = Ref::steal(sequence_list(a));
  if (!la) return nullptr;
  Ref lb = Ref::steal(sequence_list(b));
  if (!lb) return nullptr;
  return object_richcompare(la.get(), lb.get(), op);
}

Object* deque_concat(Object* a, Object* b) {
  if (!deque_check(b)) {
    return err_format(&Exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                      type_name(type_of(b)));
  }
  Ref n = Ref::steal(deque_copy_impl(a));
  if (!n) return nullptr;
  if (deque_extend_impl(as_deque(n.get()), b, false) < 0) return nullptr;
  return n.release();
}

Object* deque_inplace_add(Object* a, Object* b) {
  if (deque_extend_impl(as_deque(a), b, false) < 0) return nullptr;
  return newref(a);
}

int deque_repeat_inplace(DequeObject* d, ssize n) {
  if (n <= 0 || d->len == 0) {
    d->state++;
    deque_clear_items(d);
    return 0;
  }
  if (n == 1) return 0;
  ssize size = d->len;
  Ref items = Ref::steal(sequence_list(d));
  if (!items) return -1;
  if (n > PTRDIFF_MAX / size) {
    err_no_memory();
    return -1;
  }
  ssize total = size * n;
  ssize first = size;  // index (in the repeated sequence) of the first item still to append
  if (d->maxlen >= 0 && total - d->maxlen > first) first = total - d->maxlen;
  for (ssize k = first; k < total; ++k) {
    if (deque_append_item(d, list_get_borrowed(items.get(), k % size)) < 0) return -1;
  }
  return 0;
}

Object* deque_sq_repeat(Object* self, ssize n) {
  Ref c = Ref::steal(deque_copy_impl(self));
  if (!c) return nullptr;
  if (deque_repeat_inplace(as_deque(c.get()), n) < 0) return nullptr;
  return c.release();
}

Object* deque_inplace_multiply(Object* a, Object* b) {
  if (!index_check(b)) return not_implemented_ref();
  ssize n = number_as_ssize(b, &Exc_OverflowError);
  if (n == -1 && err_occurred()) return nullptr;
  if (deque_repeat_inplace(as_deque(a), n) < 0) return nullptr;
  return newref(a);
}

// ---- iterators ----------------------------------------------------------------------------------
struct DequeIterObject : Object {
  Object* deque;
  Block* b;
  ssize index;
  ssize counter;  // items left
  size_t state;
};

Object* deque_iter_make(Object* self, bool reverse) {
  DequeObject* d = as_deque(self);
  auto* it = alloc_object<DequeIterObject>(reverse ? &DequeRevIterType : &DequeIterType);
  if (!it) return nullptr;
  it->deque = newref(self);
  it->b = reverse ? d->rightblock : d->leftblock;
  it->index = reverse ? d->rightindex : d->leftindex;
  it->counter = d->len;
  it->state = d->state;
  return it;
}

Object* deque_iter(Object* self) { return deque_iter_make(self, false); }

Object* deque_reversed(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reversed__", nargs, kwnames)) return nullptr;
  return deque_iter_make(self, true);
}

void dequeiter_dealloc(Object* o) {
  gc_untrack(o);
  clear_ref(&static_cast<DequeIterObject*>(o)->deque);
  object_free(o);
}

int dequeiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* d = static_cast<DequeIterObject*>(o)->deque;
  return d ? visit(d, arg) : 0;
}

Object* dequeiter_next(Object* o) {
  auto* it = static_cast<DequeIterObject*>(o);
  if (!it->deque) return nullptr;
  DequeObject* d = as_deque(it->deque);
  if (it->state != d->state) {
    it->counter = 0;
    return err_format(&Exc_RuntimeError, "deque mutated during iteration");
  }
  if (it->counter == 0) return nullptr;
  Object* item = it->b->data[it->index];
  it->index++;
  it->counter--;
  if (it->index == BLOCKLEN && it->counter > 0) {
    it->b = it->b->rightlink;
    it->index = 0;
  }
  return newref(item);
}

Object* dequerevit_next(Object* o) {
  auto* it = static_cast<DequeIterObject*>(o);
  if (!it->deque) return nullptr;
  DequeObject* d = as_deque(it->deque);
  if (it->state != d->state) {
    it->counter = 0;
    return err_format(&Exc_RuntimeError, "deque mutated during iteration");
  }
  if (it->counter == 0) return nullptr;
  Object* item = it->b->data[it->index];
  it->index--;
  it->counter--;
  if (it->index < 0 && it->counter > 0) {
    it->b = it->b->leftlink;
    it->index = BLOCKLEN - 1;
  }
  return newref(item);
}

Object* dequeiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  return int_from_ssize(static_cast<DequeIterObject*>(self)->counter);
}

const MethodDef kDequeIterMethods[] = {
    {"__length_hint__", dequeiter_length_hint, METH_DEFAULT, "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr},
};

Object* self_iter(Object* o) { return newref(o); }

// =================================================================================================
// defaultdict
// =================================================================================================
ssize g_factory_offset = 0;  // offset of default_factory in a defaultdict (dict's basicsize)

inline Object** factory_slot(Object* o) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + g_factory_offset);
}

void defdict_dealloc(Object* o) {
  clear_ref(factory_slot(o));
  DictType.dealloc(o);
}

int defdict_traverse(Object* o, visitproc visit, void* arg) {
  Object* f = *factory_slot(o);
  if (f) {
    int r = visit(f, arg);
    if (r) return r;
  }
  return DictType.traverse(o, visit, arg);
}

int defdict_clear_slot(Object* o) {
  clear_ref(factory_slot(o));
  return DictType.clear(o);
}

int defdict_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* factory = nullptr;
  if (nargs > 0) {
    factory = args[0];
    if (factory != None && !callable_check(factory)) {
      err_format(&Exc_TypeError, "first argument must be callable or None");
      return -1;
    }
    ++args;
    --nargs;
  }
  setref(factory_slot(self), factory && factory != None ? newref(factory) : nullptr);
  return DictType.init(self, args, nargs, kwnames);
}

Object* defdict_missing(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("__missing__", nargs, kwnames)) return nullptr;
  Object* factory = *factory_slot(self);
  if (!factory) {
    err_set(&Exc_KeyError, args[0]);
    return nullptr;
  }
  Ref value = Ref::steal(call0(factory));
  if (!value) return nullptr;
  if (object_setitem(self, args[0], value.get()) < 0) return nullptr;
  return value.release();
}

Object* defdict_copy_impl(Object* self) {
  Object* f = *factory_slot(self);
  Object* argv[2] = {f ? f : None, self};
  return call(as_object(type_of(self)), argv, 2);
}

Object* defdict_copy(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("copy", nargs, kwnames)) return nullptr;
  return defdict_copy_impl(self);
}

Object* defdict_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  Object* f = *factory_slot(self);
  Ref args = Ref::steal(f ? tuple_pack(1, f) : tuple_empty());
  if (!args) return nullptr;
  Ref items = Ref::steal(call_method0(self, "items"));
  if (!items) return nullptr;
  Ref it = Ref::steal(object_getiter(items.get()));
  if (!it) return nullptr;
  return tuple_pack(5, as_object(type_of(self)), args.get(), None, None, it.get());
}

Object* defdict_repr(Object* self) {
  Object* f = *factory_slot(self);
  Ref base = Ref::steal(DictType.repr(self));
  if (!base) return nullptr;
  Ref frepr;
  if (!f) {
    frepr = Ref::steal(str_from_cstr("None"));
  } else {
    int rc = repr_enter(f);
    if (rc < 0) return nullptr;
    if (rc > 0) {
      frepr = Ref::steal(str_from_cstr("..."));
    } else {
      frepr = Ref::steal(object_repr(f));
      repr_leave(f);
    }
  }
  if (!frepr) return nullptr;
  return str_from_format("%s(%U, %U)", type_name(type_of(self)), frepr.get(), base.get());
}

Object* defdict_or(Object* a, Object* b) {
  Object* self;
  Object* other;
  bool left = object_type_check(a, &DefaultDictType);
  if (left) {
    self = a;
    other = b;
  } else {
    self = b;
    other = a;
  }
  if (!dict_check(other)) return not_implemented_ref();
  Ref n = Ref::steal(defdict_copy_impl(self));
  if (!n) return nullptr;
  if (left) {
    if (dict_merge(n.get(), other, true) < 0) return nullptr;
  } else {
    // other | self: other's items first, then self's override.
    Ref fresh = Ref::steal(call1(as_object(type_of(self)), *factory_slot(self) ? *factory_slot(self) : None));
    if (!fresh) return nullptr;
    if (dict_merge(fresh.get(), other, true) < 0 || dict_merge(fresh.get(), self, true) < 0) {
      return nullptr;
    }
    return fresh.release();
  }
  return n.release();
}

Object* defdict_get_factory(Object* self) {
  Object* f = *factory_slot(self);
  return newref(f ? f : None);
}

int defdict_set_factory(Object* self, Object* value) {
  setref(factory_slot(self), value && value != None ? newref(value) : nullptr);
  return 0;
}

const MethodDef kDefDictMethods[] = {
    {"__missing__", defdict_missing, METH_DEFAULT,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if "
     "self.default_factory is None: raise KeyError((key,))\n  self[key] = value = "
     "self.default_factory()\n  return value"},
    {"copy", defdict_copy, METH_DEFAULT, "D.copy() -> a shallow copy of D."},
    {"__copy__", defdict_copy, METH_DEFAULT, "D.copy() -> a shallow copy of D."},
    {"__reduce__", defdict_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"__class_getitem__", generic_alias_class_getitem, METH_CLASS, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kDefDictGetSet[] = {
    {"default_factory", defdict_get_factory, defdict_set_factory,
     "Factory for default value called by __missing__()."},
    {nullptr, nullptr, nullptr, nullptr},
};

// =================================================================================================
// _count_elements(mapping, iterable): Counter's inner loop
// =================================================================================================
Object* collections_count_elements(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_count_elements", kwnames) ||
      !check_positional("_count_elements", nargs, 2, 2)) {
    return nullptr;
  }
  Object* mapping = args[0];
  Ref it = Ref::steal(object_getiter(args[1]));
  if (!it) return nullptr;
  Ref one = Ref::steal(int_from_i64(1));
  Object* get_name = str_intern_cstr_borrowed("get");
  Object* set_name = str_intern_cstr_borrowed("__setitem__");
  bool fast = dict_check(mapping) &&
              type_lookup_borrowed(type_of(mapping), get_name) ==
                  type_lookup_borrowed(&DictType, get_name) &&
              type_lookup_borrowed(type_of(mapping), set_name) ==
                  type_lookup_borrowed(&DictType, set_name);
  Ref getter;
  if (!fast) {
    getter = Ref::steal(object_getattr(mapping, get_name));
    if (!getter) return nullptr;
  }
  Ref zero = Ref::steal(int_from_i64(0));
  for (;;) {
    Ref key = Ref::steal(iter_next(it.get()));
    if (!key) break;
    Ref newval;
    if (fast) {
      Object* old = dict_get_borrowed(mapping, key.get());
      if (!old && err_occurred()) return nullptr;
      newval = Ref::steal(old ? number_add(old, one.get()) : newref(one.get()));
      if (!newval || dict_setitem(mapping, key.get(), newval.get()) < 0) return nullptr;
    } else {
      Ref old = Ref::steal(call2(getter.get(), key.get(), zero.get()));
      if (!old) return nullptr;
      newval = Ref::steal(number_add(old.get(), one.get()));
      if (!newval || object_setitem(mapping, key.get(), newval.get()) < 0) return nullptr;
    }
  }
  if (err_occurred()) return nullptr;
  return none_ref();
}

// =================================================================================================
// _tuplegetter(index, doc): namedtuple field access
// =================================================================================================
struct TupleGetterObject : Object {
  ssize index;
  Object* doc;
};

Object* tuplegetter_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_tuplegetter", kwnames) ||
      !check_positional("_tuplegetter", nargs, 2, 2)) {
    return nullptr;
  }
  ssize index = number_as_ssize(args[0], &Exc_OverflowError);
  if (index == -1 && err_occurred()) return nullptr;
  auto* t = alloc_object<TupleGetterObject>(type);
  if (!t) return nullptr;
  t->index = index;
  t->doc = newref(args[1]);
  return t;
}

void tuplegetter_dealloc(Object* o) {
  gc_untrack(o);
  clear_ref(&static_cast<TupleGetterObject*>(o)->doc);
  object_free(o);
}

int tuplegetter_traverse(Object* o, visitproc visit, void* arg) {
  Object* d = static_cast<TupleGetterObject*>(o)->doc;
  return d ? visit(d, arg) : 0;
}

int tuplegetter_clear(Object* o) {
  clear_ref(&static_cast<TupleGetterObject*>(o)->doc);
  return 0;
}

Object* tuplegetter_get(Object* self, Object* obj, Object*) {
  if (!obj || obj == None) return newref(self);
  if (!tuple_check(obj)) {
    return err_format(&Exc_TypeError,
                      "descriptor for index '%zd' for tuple subclasses doesn't apply to '%T' object",
                      static_cast<TupleGetterObject*>(self)->index, obj);
  }
  ssize i = static_cast<TupleGetterObject*>(self)->index;
  if (i < 0 || i >= tuple_size(obj)) return err_format(&Exc_IndexError, "tuple index out of range");
  return newref(tuple_get_borrowed(obj, i));
}

int tuplegetter_set(Object*, Object*, Object* value) {
  if (!value) err_format(&Exc_AttributeError, "can't delete attribute");
  else err_format(&Exc_AttributeError, "can't set attribute");
  return -1;
}

Object* tuplegetter_get_doc(Object* self) {
  Object* d = static_cast<TupleGetterObject*>(self)->doc;
  return newref(d ? d : None);
}

int tuplegetter_set_doc(Object* self, Object* value) {
  setref(&static_cast<TupleGetterObject*>(self)->doc, value ? newref(value) : nullptr);
  return 0;
}

const GetSetDef kTupleGetterGetSet[] = {
    {"__doc__", tuplegetter_get_doc, tuplegetter_set_doc, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// =================================================================================================
const MethodDef kCollectionsFunctions[] = {
    {"_count_elements", collections_count_elements, METH_DEFAULT, "Count elements in the iterable, updating the mapping"},
    {nullptr, nullptr, 0, nullptr},
};

void base_init(TypeObject& t, const char* name, ssize size, uint32_t flags) {
  t.ob_type = &TypeType;
  make_immortal(&t);
  t.name = name;
  t.basicsize = size;
  t.flags = flags;
}

bool types_ready() {
  if (DequeType.flags & TPFLAG_READY) return true;
  base_init(DequeType, "collections.deque", sizeof(DequeObject), TPFLAG_HAVE_GC | TPFLAG_BASETYPE);
  DequeType.doc =
      "deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data "
      "accesses near its endpoints.";
  DequeType.dealloc = deque_dealloc;
  DequeType.traverse = deque_traverse;
  DequeType.clear = deque_clear_slot;
  DequeType.new_ = deque_new;
  DequeType.init = deque_init;
  DequeType.repr = deque_repr;
  DequeType.richcompare = deque_richcompare;
  DequeType.hash = object_hash_not_implemented;
  DequeType.iter = deque_iter;
  DequeType.len = deque_len;
  DequeType.getitem = deque_getitem;
  DequeType.sq_item = deque_sq_item;
  DequeType.setitem = deque_setitem;
  DequeType.contains = deque_contains;
  DequeType.sq_concat = deque_concat;
  DequeType.sq_repeat = deque_sq_repeat;
  DequeType.nb_inplace_add = deque_inplace_add;
  DequeType.nb_inplace_multiply = deque_inplace_multiply;
  DequeType.methods = kDequeMethods;
  DequeType.getset = kDequeGetSet;
  DequeType.weaklistoffset = ssize(offsetof(DequeObject, weakreflist));

  for (TypeObject* t : {&DequeIterType, &DequeRevIterType}) {
    base_init(*t, t == &DequeIterType ? "_collections._deque_iterator"
                                      : "_collections._deque_reverse_iterator",
              sizeof(DequeIterObject), TPFLAG_HAVE_GC);
    t->dealloc = dequeiter_dealloc;
    t->traverse = dequeiter_traverse;
    t->iter = self_iter;
    t->methods = kDequeIterMethods;
  }
  DequeIterType.iternext = dequeiter_next;
  DequeRevIterType.iternext = dequerevit_next;

  if (!(DictType.flags & TPFLAG_READY) && type_ready(&DictType) < 0) return false;
  g_factory_offset = (DictType.basicsize + ssize(sizeof(Object*)) - 1) & ~ssize(sizeof(Object*) - 1);
  base_init(DefaultDictType, "collections.defaultdict", g_factory_offset + ssize(sizeof(Object*)),
            TPFLAG_HAVE_GC | TPFLAG_BASETYPE);
  DefaultDictType.base = &DictType;
  DefaultDictType.doc =
      "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default "
      "factory is called without arguments to produce\na new value when a key is not present, in "
      "__getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll "
      "remaining arguments are treated the same as if they were\npassed to the dict constructor, "
      "including keyword arguments.\n";
  DefaultDictType.dealloc = defdict_dealloc;
  DefaultDictType.traverse = defdict_traverse;
  DefaultDictType.clear = defdict_clear_slot;
  DefaultDictType.init = defdict_init;
  DefaultDictType.repr = defdict_repr;
  DefaultDictType.nb_or = defdict_or;
  DefaultDictType.methods = kDefDictMethods;
  DefaultDictType.getset = kDefDictGetSet;

  base_init(TupleGetterType, "_collections._tuplegetter", sizeof(TupleGetterObject),
            TPFLAG_HAVE_GC);
  TupleGetterType.dealloc = tuplegetter_dealloc;
  TupleGetterType.traverse = tuplegetter_traverse;
  TupleGetterType.clear = tuplegetter_clear;
  TupleGetterType.new_ = tuplegetter_new;
  TupleGetterType.descr_get = tuplegetter_get;
  TupleGetterType.descr_set = tuplegetter_set;
  TupleGetterType.getset = kTupleGetterGetSet;

  for (TypeObject* t : {&DequeType, &DequeIterType, &DequeRevIterType, &DefaultDictType,
                        &TupleGetterType}) {
    if (type_ready(t) < 0) return false;
  }
  return true;
}

}  // namespace

Object* collections_module_init() {
  if (!types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("_collections"));
  if (!m || module_add_functions(m.get(), kCollectionsFunctions) < 0) return nullptr;
  if (module_add_object(m.get(), "deque", as_object(&DequeType)) < 0 ||
      module_add_object(m.get(), "defaultdict", as_object(&DefaultDictType)) < 0 ||
      module_add_object(m.get(), "_deque_iterator", as_object(&DequeIterType)) < 0 ||
      module_add_object(m.get(), "_deque_reverse_iterator", as_object(&DequeRevIterType)) < 0 ||
      module_add_object(m.get(), "_tuplegetter", as_object(&TupleGetterType)) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
