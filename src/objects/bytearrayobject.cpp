// bytearray: a mutable byte buffer (ByteArrayObject in bytesobject.h: size, allocated, owned data).
//
// Storage grows with CPython's over-allocation rule (size + size/8 + 3 or 6) and always keeps a NUL
// after the last byte. Resizing is refused with BufferError while `exports` > 0 (buffer exports: memoryview, ...).
// This file has the type (constructor via __init__, repr, comparison with any bytes-like object,
// `+`, `*`, `+=`, `*=`, indexing, slice assignment and deletion including extended slices, `in`,
// iteration, `%`) and the mutating methods; the methods shared with bytes are in
// bytes_methods.cpp. bytearray is unhashable.
#include <cstring>
#include <string>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/bytes_internal.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/memoryobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject ByteArrayType;
TypeObject ByteArrayIterType;

// bytesobject.cpp
Object* bytes_repr_impl(const char* data, ssize n, const char* prefix, const char* suffix);
Object* bytes_compare_result(int c, int op);
bool bytes_slice_gather(const char* data, ssize len, Object* slice, std::string& out);
int bytes_contains_impl(Object* self, Object* arg);
bool bytes_collect_ints(Object* x, std::string& out, const char* type_name);

namespace {
inline ByteArrayObject* ba(Object* o) { return static_cast<ByteArrayObject*>(o); }
}  // namespace

int bytearray_resize(Object* o, ssize n) {
  ByteArrayObject* b = ba(o);
  if (n == b->size) return 0;
  if (b->exports > 0) {
    err_set_string(&Exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
  }
  if (n < 0) {
    err_bad_internal_call("bytearray_resize");
    return -1;
  }
  if (n + 1 > b->allocated || n + 1 < b->allocated / 2) {
    ssize alloc;
    if (n + 1 > b->allocated) {
      alloc = n + (n >> 3) + (n < 9 ? 3 : 6);
      if (alloc < n + 1) alloc = n + 1;
    } else {
      alloc = n + 1;
    }
    char* p = static_cast<char*>(std::realloc(b->data, size_t(alloc)));
    if (!p) {
      err_no_memory();
      return -1;
    }
    b->data = p;
    b->allocated = alloc;
  }
  b->size = n;
  b->data[n] = 0;
  return 0;
}

// BufferError before a shrinking operation moves any data (bytearray_resize would refuse later).
static int bytearray_check_exports(Object* o) {
  if (ba(o)->exports > 0) {
    err_set_string(&Exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return -1;
  }
  return 0;
}

static Object* bytearray_alloc(TypeObject* type, const char* data, ssize n) {
  Object* o = object_alloc(type, type->basicsize > ssize(sizeof(ByteArrayObject))
                                     ? size_t(type->basicsize)
                                     : sizeof(ByteArrayObject));
  if (!o) return nullptr;
  ByteArrayObject* b = ba(o);
  b->size = 0;
  b->allocated = 0;
  b->data = nullptr;
  b->exports = 0;
  if (n > 0) {
    if (bytearray_resize(o, n) < 0) {
      decref(o);
      return nullptr;
    }
    if (data) memcpy(b->data, data, size_t(n));
    else memset(b->data, 0, size_t(n));
  }
  return o;
}

Object* bytearray_from(const char* data, ssize n) { return bytearray_alloc(&ByteArrayType, data, n); }

namespace {
// Buffer exporter: writable, counted in `exports` (resizing is refused while > 0).
int bytearray_getbuffer(Object* o, BufferView* view, int flags) {
  ByteArrayObject* b = ba(o);
  if (buffer_fill_bytes(view, o, b->data, b->size, false, flags) < 0) return -1;
  ++b->exports;
  return 0;
}
void bytearray_releasebuffer(Object* o, BufferView*) { --ba(o)->exports; }
const BufferProcs kByteArrayBufferProcs = {bytearray_getbuffer, bytearray_releasebuffer};
}  // namespace

namespace {

void bytearray_dealloc(Object* o) {
  std::free(ba(o)->data);
  object_free(o);  // a heap subclass's reference to its type is dropped by subtype_dealloc
}

Object* bytearray_repr(Object* o) {
  ByteView v = self_view(o);
  std::string prefix = std::string(type_name(type_of(o))) + "(";
  return bytes_repr_impl(v.data, v.size, prefix.c_str(), ")");
}

Object* bytearray_richcompare(Object* a, Object* b, int op) {
  // Compares with any contiguous exporter (memoryview...), as CPython does.
  ByteView x, y;
  if (!get_byte_view_or_clear(a, &x) || !get_byte_view_or_clear(b, &y))
    return not_implemented_ref();
  if ((op == CMP_EQ || op == CMP_NE) && x.size != y.size) return bool_from(op == CMP_NE);
  ssize n = x.size < y.size ? x.size : y.size;
  int c = n ? memcmp(x.data, y.data, size_t(n)) : 0;
  if (c) c = c < 0 ? -1 : 1;
  else c = x.size < y.size ? -1 : x.size > y.size ? 1 : 0;
  return bytes_compare_result(c, op);
}

ssize bytearray_len(Object* o) { return ba(o)->size; }

Object* bytearray_concat(Object* a, Object* b) {
  ByteView x = self_view(a), y;
  if (!get_byte_view_or_clear(b, &y))
    return err_format(&Exc_TypeError, "can't concat %T to %T", b, a);
  Object* r = bytearray_from(nullptr, x.size + y.size);
  if (!r) return nullptr;
  x = self_view(a);
  get_byte_view(b, &y);
  if (x.size) memcpy(ba(r)->data, x.data, size_t(x.size));
  if (y.size) memcpy(ba(r)->data + x.size, y.data, size_t(y.size));
  return r;
}

Object* bytearray_inplace_concat(Object* a, Object* b) {
  if (!bytearray_check(a)) return not_implemented_ref();
  ByteView y;
  if (!get_byte_view_or_clear(b, &y))
    return err_format(&Exc_TypeError, "can't concat %T to %T", b, a);
  std::string copy(y.data, size_t(y.size));  // b may be a itself
  ssize old = ba(a)->size;
  if (bytearray_resize(a, old + ssize(copy.size())) < 0) return nullptr;
  if (!copy.empty()) memcpy(ba(a)->data + old, copy.data(), copy.size());
  return newref(a);
}

Object* bytearray_repeat(Object* o, ssize count) {
  ByteView v = self_view(o);
  if (count < 0) count = 0;
  if (v.size && count > (ssize(1) << 60) / v.size) return err_no_memory();
  Object* r = bytearray_from(nullptr, v.size * count);
  if (!r) return nullptr;
  for (ssize i = 0; i < count; ++i) memcpy(ba(r)->data + i * v.size, v.data, size_t(v.size));
  return r;
}

Object* bytearray_inplace_repeat(Object* a, Object* b) {
  if (!bytearray_check(a)) return not_implemented_ref();
  if (!index_check(b))
    return err_format(&Exc_TypeError, "can't multiply sequence by non-int of type '%T'", b);
  ssize count = number_as_ssize(b, &Exc_OverflowError);
  if (count == -1 && err_occurred()) return nullptr;
  ssize n = ba(a)->size;
  if (count <= 0) {
    if (bytearray_resize(a, 0) < 0) return nullptr;
    return newref(a);
  }
  if (n && count > (ssize(1) << 60) / n) return err_no_memory();
  if (bytearray_resize(a, n * count) < 0) return nullptr;
  for (ssize i = 1; i < count; ++i) memcpy(ba(a)->data + i * n, ba(a)->data, size_t(n));
  return newref(a);
}

Object* bytearray_item(Object* o, ssize i) {
  ssize n = ba(o)->size;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return err_format(&Exc_IndexError, "bytearray index out of range");
  return int_from_i64(static_cast<unsigned char>(ba(o)->data[i]));
}

Object* bytearray_getitem(Object* o, Object* key) {
  if (int_check(key) && int_is_small(key)) return bytearray_item(o, ssize(int_small_value(key)));
  if (slice_check(key)) {
    std::string out;
    ByteView v = self_view(o);
    if (!bytes_slice_gather(v.data, v.size, key, out)) return nullptr;
    return bytearray_from(out.data(), ssize(out.size()));
  }
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    return bytearray_item(o, i);
  }
  return err_format(&Exc_TypeError, "bytearray indices must be integers or slices, not %T", key);
}

// Replace self[lo:hi] by `bytes` (contiguous).
int setslice_linear(Object* self, ssize lo, ssize hi, const char* bytes, ssize n) {
  ByteArrayObject* b = ba(self);
  ssize old = b->size;
  ssize growth = n - (hi - lo);
  std::string keep(bytes ? bytes : "", size_t(n));  // bytes may alias self
  if (growth > 0) {
    if (bytearray_resize(self, old + growth) < 0) return -1;
    memmove(b->data + hi + growth, b->data + hi, size_t(old - hi));
  } else if (growth < 0) {
    if (bytearray_check_exports(self) < 0) return -1;
    memmove(b->data + lo + n, b->data + hi, size_t(old - hi));
    if (bytearray_resize(self, old + growth) < 0) return -1;
  }
  if (n) memcpy(b->data + lo, keep.data(), size_t(n));
  return 0;
}

int bytearray_setitem(Object* self, Object* key, Object* value) {
  ByteArrayObject* b = ba(self);
  if (!slice_check(key)) {
    if (!index_check(key)) {
      err_format(&Exc_TypeError, "bytearray indices must be integers or slices, not %T", key);
      return -1;
    }
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) i += b->size;
    if (i < 0 || i >= b->size) {
      err_set_string(&Exc_IndexError, "bytearray index out of range");
      return -1;
    }
    if (!value) return setslice_linear(self, i, i + 1, nullptr, 0);
    int v = byte_from_object(value);
    if (v < 0) return -1;
    b->data[i] = char(v);
    return 0;
  }
  ssize start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
  ssize slicelen = slice_adjust_indices(b->size, &start, &stop, step);
  std::string vals;
  if (value) {
    if (bytes_check(value) || bytearray_check(value)) {
      ByteView v = self_view(value);
      vals.assign(v.data, size_t(v.size));
    } else if (buffer_check(value)) {
      Ref copy = Ref::steal(buffer_to_bytes(value));
      if (!copy) return -1;
      vals.assign(bytes_view(copy.get()));
    } else {
      TypeObject* t = type_of(value);
      if (str_check(value) || t->nb_index || t->nb_int || t->nb_float) {
        err_set_string(&Exc_TypeError,
                       "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
      }
      if (!bytes_collect_ints(value, vals, "bytearray")) return -1;
    }
  }
  if (step == 1) {
    if (stop < start) stop = start;
    return setslice_linear(self, start, stop, value ? vals.data() : nullptr,
                           value ? ssize(vals.size()) : 0);
  }
  if (!value) {
    // delete extended slice
    if (slicelen <= 0) return 0;
    if (bytearray_check_exports(self) < 0) return -1;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelen - 1) - 1;
      step = -step;
    }
    ssize cur = start, i = 0, w = start;
    for (ssize r = start; r < b->size; ++r) {
      if (i < slicelen && r == cur) {
        cur += step;
        ++i;
        continue;
      }
      b->data[w++] = b->data[r];
    }
    return bytearray_resize(self, w);
  }
  if (ssize(vals.size()) != slicelen) {
    err_format(&Exc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
               ssize(vals.size()), slicelen);
    return -1;
  }
  for (ssize i = 0, p = start; i < slicelen; ++i, p += step) b->data[p] = vals[size_t(i)];
  return 0;
}

int bytearray_contains(Object* self, Object* arg) { return bytes_contains_impl(self, arg); }

Object* bytearray_remainder(Object* a, Object* b) {
  if (!bytearray_check(a)) return not_implemented_ref();
  ByteView v = self_view(a);
  std::string fmt(v.data, size_t(v.size));
  return bytes_percent_format(fmt.data(), ssize(fmt.size()), b, true);
}

Object* bytearray_new(TypeObject* type, Object* const*, ssize, Object*) {
  return bytearray_alloc(type, nullptr, 0);
}

int bytearray_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"source", "encoding", "errors", nullptr};
  static const ArgSpec spec = {"bytearray", names, 0, 3};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  if (bytearray_resize(self, 0) < 0) return -1;
  Object* x = a[0];
  if (!x) {
    if (a[1]) {
      err_set_string(&Exc_TypeError, "encoding without a string argument");
      return -1;
    }
    if (a[2]) {
      err_set_string(&Exc_TypeError, "errors without a string argument");
      return -1;
    }
    return 0;
  }
  std::string buf;
  if (a[1] || a[2]) {
    if (a[1] && !str_check(a[1])) {
      err_format(&Exc_TypeError, "bytearray() argument 'encoding' must be str, not %T", a[1]);
      return -1;
    }
    if (a[2] && !str_check(a[2])) {
      err_format(&Exc_TypeError, "bytearray() argument 'errors' must be str, not %T", a[2]);
      return -1;
    }
    if (!str_check(x)) {
      err_set_string(&Exc_TypeError, a[1] ? "encoding without a string argument"
                                          : "errors without a string argument");
      return -1;
    }
    if (!a[1]) {
      err_set_string(&Exc_TypeError, "string argument without an encoding");
      return -1;
    }
    const char* enc = str_as_utf8(a[1]);
    const char* errs = a[2] ? str_as_utf8(a[2]) : "strict";
    if (!enc || !errs) return -1;
    Ref e = Ref::steal(str_encode(x, enc, errs));
    if (!e) return -1;
    buf.assign(bytes_view(e.get()));
  } else if (str_check(x)) {
    err_set_string(&Exc_TypeError, "string argument without an encoding");
    return -1;
  } else if (index_check(x)) {
    ssize size = number_as_ssize(x, &Exc_OverflowError);
    if (size == -1 && err_occurred()) return -1;
    if (size < 0) {
      err_set_string(&Exc_ValueError, "negative count");
      return -1;
    }
    buf.assign(size_t(size), '\0');
  } else if (bytes_check(x) || bytearray_check(x)) {
    ByteView v = self_view(x);
    buf.assign(v.data, size_t(v.size));
  } else if (buffer_check(x)) {
    Ref copy = Ref::steal(buffer_to_bytes(x));
    if (!copy) return -1;
    buf.assign(bytes_view(copy.get()));
  } else {
    if (!bytes_collect_ints(x, buf, "bytearray")) return -1;
  }
  if (bytearray_resize(self, ssize(buf.size())) < 0) return -1;
  if (!buf.empty()) memcpy(ba(self)->data, buf.data(), buf.size());
  return 0;
}

// ---- iterator -----------------------------------------------------------------------------------

struct ByteArrayIterObject : Object {
  Object* seq;
  ssize index;
};
Object* bytearray_iter(Object* o) {
  auto* it = alloc_object<ByteArrayIterObject>(&ByteArrayIterType);
  if (!it) return nullptr;
  it->seq = newref(o);
  it->index = 0;
  return it;
}
void baiter_dealloc(Object* o) {
  xdecref(static_cast<ByteArrayIterObject*>(o)->seq);
  object_free(o);
}
Object* baiter_next(Object* o) {
  auto* it = static_cast<ByteArrayIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < ba(it->seq)->size)
    return int_from_i64(static_cast<unsigned char>(ba(it->seq)->data[it->index++]));
  Object* s = it->seq;
  it->seq = nullptr;
  decref(s);
  return nullptr;
}
Object* iter_self(Object* o) { return newref(o); }
Object* baiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* it = static_cast<ByteArrayIterObject*>(self);
  ssize n = it->seq ? ba(it->seq)->size - it->index : 0;
  return int_from_ssize(n < 0 ? 0 : n);
}
const MethodDef kByteArrayIterMethods[] = {
    {"__length_hint__", baiter_length_hint, METH_DEFAULT,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

// ---- mutating methods ---------------------------------------------------------------------------

Object* ba_append(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("bytearray.append", nargs, kw)) return nullptr;
  int v = byte_from_object(args[0]);
  if (v < 0) return nullptr;
  ssize n = ba(self)->size;
  if (bytearray_resize(self, n + 1) < 0) return nullptr;
  ba(self)->data[n] = char(v);
  return none_ref();
}

Object* ba_extend(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("bytearray.extend", nargs, kw)) return nullptr;
  Object* x = args[0];
  std::string buf;
  if (bytes_check(x) || bytearray_check(x)) {
    ByteView v = self_view(x);
    buf.assign(v.data, size_t(v.size));
  } else if (buffer_check(x)) {
    ByteView v;
    if (!get_byte_view_or_clear(x, &v))
      return err_format(&Exc_TypeError, "can't set bytearray slice from %T", x);
    buf.assign(v.data, size_t(v.size));
  } else {
    if (str_check(x)) {
      err_set_string(&Exc_TypeError, "expected iterable of integers; got: 'str'");
      return nullptr;
    }
    Ref it = Ref::steal(object_getiter(x));
    if (!it) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        return err_format(&Exc_TypeError, "can't extend bytearray with %T", x);
      }
      return nullptr;
    }
    for (;;) {
      Ref item = Ref::steal(iter_next(it.get()));
      if (!item) {
        if (err_occurred()) return nullptr;
        break;
      }
      int v = byte_from_object(item.get());
      if (v < 0) return nullptr;
      buf.push_back(char(v));
    }
  }
  ssize n = ba(self)->size;
  if (bytearray_resize(self, n + ssize(buf.size())) < 0) return nullptr;
  if (!buf.empty()) memcpy(ba(self)->data + n, buf.data(), buf.size());
  return none_ref();
}

Object* ba_insert(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_no_kwargs("bytearray.insert", kw) || !check_positional("insert", nargs, 2, 2)) return nullptr;
  ssize i = number_as_ssize(args[0], &Exc_OverflowError);
  if (i == -1 && err_occurred()) return nullptr;
  int v = byte_from_object(args[1]);
  if (v < 0) return nullptr;
  ssize n = ba(self)->size;
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  if (bytearray_resize(self, n + 1) < 0) return nullptr;
  char* d = ba(self)->data;
  memmove(d + i + 1, d + i, size_t(n - i));
  d[i] = char(v);
  return none_ref();
}

Object* ba_pop(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_no_kwargs("bytearray.pop", kw) || !check_positional("pop", nargs, 0, 1)) return nullptr;
  ssize i = -1;
  if (nargs) {
    i = number_as_ssize(args[0], &Exc_OverflowError);
    if (i == -1 && err_occurred()) return nullptr;
  }
  ssize n = ba(self)->size;
  if (n == 0) return err_format(&Exc_IndexError, "pop from empty bytearray");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return err_format(&Exc_IndexError, "pop index out of range");
  if (bytearray_check_exports(self) < 0) return nullptr;
  char* d = ba(self)->data;
  unsigned char c = static_cast<unsigned char>(d[i]);
  memmove(d + i, d + i + 1, size_t(n - i - 1));
  if (bytearray_resize(self, n - 1) < 0) return nullptr;
  return int_from_i64(c);
}

Object* ba_remove(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("bytearray.remove", nargs, kw)) return nullptr;
  int v = byte_from_object(args[0]);
  if (v < 0) return nullptr;
  ssize n = ba(self)->size;
  char* d = ba(self)->data;
  const void* p = n ? memchr(d, v, size_t(n)) : nullptr;
  if (!p) return err_format(&Exc_ValueError, "value not found in bytearray");
  if (bytearray_check_exports(self) < 0) return nullptr;
  ssize i = static_cast<const char*>(p) - d;
  memmove(d + i, d + i + 1, size_t(n - i - 1));
  if (bytearray_resize(self, n - 1) < 0) return nullptr;
  return none_ref();
}

Object* ba_clear(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("bytearray.clear", nargs, kw)) return nullptr;
  if (bytearray_resize(self, 0) < 0) return nullptr;
  return none_ref();
}

Object* ba_copy(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("bytearray.copy", nargs, kw)) return nullptr;
  return bytearray_from(ba(self)->data, ba(self)->size);
}

Object* ba_reverse(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("bytearray.reverse", nargs, kw)) return nullptr;
  char* d = ba(self)->data;
  for (ssize i = 0, j = ba(self)->size - 1; i < j; ++i, --j) std::swap(d[i], d[j]);
  return none_ref();
}

Object* ba_alloc(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("bytearray.__alloc__", nargs, kw)) return nullptr;
  return int_from_ssize(ba(self)->allocated);
}

Object* ba_sizeof(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("bytearray.__sizeof__", nargs, kw)) return nullptr;
  return int_from_ssize(ssize(sizeof(ByteArrayObject)) + ba(self)->allocated);
}

#define GILPY_BM_ENTRY(name, doc) {#name, bm_##name, METH_DEFAULT, doc},
const MethodDef kByteArrayMethods[] = {
    GILPY_BYTES_COMMON_METHODS(GILPY_BM_ENTRY)
    {"fromhex", bm_fromhex, METH_CLASS, "Create a bytearray object from a string of hexadecimal numbers."},
    {"maketrans", bm_maketrans, METH_STATIC,
     "Return a translation table usable for the bytes or bytearray translate method."},
    {"append", ba_append, METH_DEFAULT, "Append a single item to the end of the bytearray."},
    {"extend", ba_extend, METH_DEFAULT,
     "Append all the items from the iterator or sequence to the end of the bytearray."},
    {"insert", ba_insert, METH_DEFAULT, "Insert a single item into the bytearray before the given index."},
    {"pop", ba_pop, METH_DEFAULT, "Remove and return a single item from B."},
    {"remove", ba_remove, METH_DEFAULT, "Remove the first occurrence of a value in the bytearray."},
    {"clear", ba_clear, METH_DEFAULT, "Remove all items from the bytearray."},
    {"copy", ba_copy, METH_DEFAULT, "Return a copy of B."},
    {"reverse", ba_reverse, METH_DEFAULT, "Reverse the order of the values in B in place."},
    {"__alloc__", ba_alloc, METH_DEFAULT, "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"__sizeof__", ba_sizeof, METH_DEFAULT, "Returns the size of the bytearray object in memory, in bytes."},
    {"__buffer__", buffer_dunder_buffer, METH_DEFAULT,
     "Return a buffer object that exposes the underlying memory of the object."},
    {"__release_buffer__", buffer_dunder_release_buffer, METH_DEFAULT,
     "Release the buffer object that exposes the underlying memory of the object."},
    {nullptr, nullptr, 0, nullptr}};
#undef GILPY_BM_ENTRY

}  // namespace

void init_bytearray_type() {
  TypeObject& t = ByteArrayType;
  t.name = "bytearray";
  t.basicsize = sizeof(ByteArrayObject);
  t.flags = TPFLAG_BASETYPE | TPFLAG_IMMUTABLETYPE;
  t.doc =
      "bytearray(iterable_of_ints) -> bytearray\n"
      "bytearray(string, encoding[, errors]) -> bytearray\n"
      "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
      "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
      "bytearray() -> empty bytes array";
  t.base = &ObjectType;
  t.dealloc = bytearray_dealloc;
  t.repr = bytearray_repr;
  t.hash = object_hash_not_implemented;
  t.richcompare = bytearray_richcompare;
  t.iter = bytearray_iter;
  t.new_ = bytearray_new;
  t.init = bytearray_init;
  t.nb_remainder = bytearray_remainder;
  t.nb_inplace_add = bytearray_inplace_concat;
  t.nb_inplace_multiply = bytearray_inplace_repeat;
  t.len = bytearray_len;
  t.getitem = bytearray_getitem;
  t.setitem = bytearray_setitem;
  t.contains = bytearray_contains;
  t.sq_concat = bytearray_concat;
  t.sq_repeat = bytearray_repeat;
  t.sq_item = bytearray_item;
  t.methods = kByteArrayMethods;
  register_static_type(&t);
  buffer_register_type(&t, &kByteArrayBufferProcs);

  TypeObject& it = ByteArrayIterType;
  it.name = "bytearray_iterator";
  it.basicsize = sizeof(ByteArrayIterObject);
  it.flags = TPFLAG_IMMUTABLETYPE;
  it.base = &ObjectType;
  it.dealloc = baiter_dealloc;
  it.iter = iter_self;
  it.iternext = baiter_next;
  it.methods = kByteArrayIterMethods;
  register_static_type(&it);
}

}  // namespace gilpy
