// bytes: immutable byte strings. Representation (bytesobject.h): the bytes inline after the header,
// NUL-terminated, with a cached hash. This file has the type (constructor, repr, hash, comparison,
// concatenation, repetition, indexing, slicing, `in`, iteration, `%`), the bytes iterator and
// get_byte_view; the methods shared with bytearray are in bytes_methods.cpp.
//
// The empty bytes and the 256 one-byte bytes objects are immortal singletons (as in CPython).
// hash(b) uses the str hash function over the same bytes, so hash(b'abc') == hash('abc').
#include <cstring>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/pyhash.h"
#include "core/types_init.h"
#include "objects/bytes_internal.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/memoryobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject BytesType;
TypeObject BytesIterType;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
constexpr size_t kBytesDataOffset = offsetof(BytesObject, data);
#pragma GCC diagnostic pop

namespace {
Object* g_empty_bytes = nullptr;
Object* g_byte_chars[256];

BytesObject* raw_bytes(TypeObject* type, ssize n) {
  auto* b = static_cast<BytesObject*>(object_alloc(type, kBytesDataOffset + size_t(n) + 1));
  if (!b) return nullptr;
  b->ob_size = n;
  b->hash = -1;
  return b;
}
}  // namespace

Object* bytes_new_uninit(ssize n) {
  if (n < 0) return err_bad_internal_call("bytes_new_uninit");
  return raw_bytes(&BytesType, n);
}

Object* bytes_from(const char* data, ssize n) {
  if (n == 0) {
    if (!g_empty_bytes) {
      g_empty_bytes = raw_bytes(&BytesType, 0);
      if (!g_empty_bytes) return nullptr;
      make_immortal(g_empty_bytes);
    }
    return newref(g_empty_bytes);
  }
  if (n == 1) {
    unsigned char c = static_cast<unsigned char>(data[0]);
    if (!g_byte_chars[c]) {
      BytesObject* b = raw_bytes(&BytesType, 1);
      if (!b) return nullptr;
      b->data[0] = char(c);
      make_immortal(b);
      g_byte_chars[c] = b;
    }
    return newref(g_byte_chars[c]);
  }
  BytesObject* b = raw_bytes(&BytesType, n);
  if (!b) return nullptr;
  memcpy(b->data, data, size_t(n));
  return b;
}

Object* bytes_new_like(Object* self, const char* data, ssize n) {
  if (bytearray_check(self)) return bytearray_from(data, n);
  return bytes_from(data, n);
}

bool get_byte_view(Object* o, ByteView* view) {
  if (bytes_check(o)) {
    view->data = bytes_data(o);
    view->size = bytes_size(o);
    return true;
  }
  if (bytearray_check(o)) {
    auto* b = static_cast<ByteArrayObject*>(o);
    view->data = b->data ? b->data : "";
    view->size = b->size;
    return true;
  }
  // Any other exporter (memoryview, ...): a short-lived contiguous export. The memory stays valid
  // while the caller holds `o` (as for bytearray above), so the export is released at once.
  BufferView bv;
  if (get_buffer(o, &bv, BUF_SIMPLE) < 0) return false;
  view->data = bv.buf;
  view->size = bv.len;
  release_buffer(&bv);
  return true;
}

// get_byte_view for operands that must be bytes-like: false WITHOUT an exception when `o` is not
// an exporter or cannot give a contiguous view (callers raise their own TypeError).
bool get_byte_view_or_clear(Object* o, ByteView* view) {
  if (!bytes_check(o) && !bytearray_check(o) && !buffer_check(o)) return false;
  if (get_byte_view(o, view)) return true;
  err_clear();
  return false;
}

namespace {
int bytes_getbuffer(Object* o, BufferView* view, int flags) {
  return buffer_fill_bytes(view, o, bytes_data(o), bytes_size(o), true, flags);
}
const BufferProcs kBytesBufferProcs = {bytes_getbuffer, nullptr};
}  // namespace

int byte_from_object(Object* o) {
  if (int_check(o) && int_is_small(o)) {
    int64_t v = int_small_value(o);
    if (v < 0 || v > 255) {
      err_set_string(&Exc_ValueError, "byte must be in range(0, 256)");
      return -1;
    }
    return int(v);
  }
  Ref i = Ref::steal(number_index(o));
  if (!i) return -1;
  bool ovf = false;
  int64_t v = int_as_i64(i.get(), &ovf);
  if (ovf || v < 0 || v > 255) {
    err_set_string(&Exc_ValueError, "byte must be in range(0, 256)");
    return -1;
  }
  return int(v);
}

// ---- repr ---------------------------------------------------------------------------------------

void bytes_escape_append(std::string& out, const char* data, ssize n, char quote) {
  static const char hex[] = "0123456789abcdef";
  for (ssize i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(char(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(char(c));
    }
  }
}

// b'...' body with CPython's quoting; `prefix`/`suffix` wrap it (bytearray(b'...')).
Object* bytes_repr_impl(const char* data, ssize n, const char* prefix, const char* suffix) {
  bool has_sq = memchr(data, '\'', size_t(n)) != nullptr;
  bool has_dq = memchr(data, '"', size_t(n)) != nullptr;
  char quote = (has_sq && !has_dq) ? '"' : '\'';
  std::string out(prefix);
  out.reserve(size_t(n) + 8);
  out.push_back('b');
  out.push_back(quote);
  bytes_escape_append(out, data, n, quote);
  out.push_back(quote);
  out += suffix;
  return str_from_kind_data(1, out.data(), ssize(out.size()));
}

Object* bytes_repr(Object* o) {
  ByteView v = self_view(o);
  return bytes_repr_impl(v.data, v.size, "", "");
}

namespace {

// ---- slots --------------------------------------------------------------------------------------

void bytes_dealloc(Object* o) {
  object_free(o);  // a heap subclass's reference to its type is dropped by subtype_dealloc
}

hash_t bytes_hash(Object* o) {
  auto* b = static_cast<BytesObject*>(o);
  if (b->hash == -1) b->hash = hash_bytes(b->data, size_t(b->ob_size));  // the same as str's
  return b->hash;
}

int compare_views(const ByteView& a, const ByteView& b) {
  ssize n = a.size < b.size ? a.size : b.size;
  int c = n ? memcmp(a.data, b.data, size_t(n)) : 0;
  if (c) return c < 0 ? -1 : 1;
  return a.size < b.size ? -1 : a.size > b.size ? 1 : 0;
}

}  // namespace

Object* bytes_compare_result(int c, int op) {
  bool r = false;
  switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_EQ: r = c == 0; break;
    case CMP_NE: r = c != 0; break;
    case CMP_GT: r = c > 0; break;
    case CMP_GE: r = c >= 0; break;
  }
  return bool_from(r);
}

namespace {

Object* bytes_richcompare(Object* a, Object* b, int op) {
  if (!bytes_check(a) || !bytes_check(b)) return not_implemented_ref();
  ByteView x = self_view(a), y = self_view(b);
  if ((op == CMP_EQ || op == CMP_NE)) {
    if (x.size != y.size) return bool_from(op == CMP_NE);
    auto* ba = static_cast<BytesObject*>(a);
    auto* bb = static_cast<BytesObject*>(b);
    if (ba->hash != -1 && bb->hash != -1 && ba->hash != bb->hash) return bool_from(op == CMP_NE);
  }
  return bytes_compare_result(compare_views(x, y), op);
}

ssize bytes_len(Object* o) { return bytes_size(o); }

Object* bytes_concat(Object* a, Object* b) {
  ByteView x = self_view(a), y;
  if (!get_byte_view_or_clear(b, &y))
    return err_format(&Exc_TypeError, "can't concat %T to %T", b, a);
  if (x.size > (ssize(1) << 60) - y.size) return err_no_memory();
  Object* r = bytes_new_uninit(x.size + y.size);
  if (!r) return nullptr;
  memcpy(bytes_data(r), x.data, size_t(x.size));
  memcpy(bytes_data(r) + x.size, y.data, size_t(y.size));
  return r;
}

Object* bytes_repeat(Object* o, ssize count) {
  ssize n = bytes_size(o);
  if (count <= 0 || n == 0) return bytes_from("", 0);
  if (count == 1 && type_of(o) == &BytesType) return newref(o);
  if (n > (ssize(1) << 60) / count)
    return err_format(&Exc_OverflowError, "repeated bytes are too long");
  ssize total = n * count;
  Object* r = bytes_new_uninit(total);
  if (!r) return nullptr;
  char* d = bytes_data(r);
  if (n == 1) {
    memset(d, bytes_data(o)[0], size_t(total));
    return r;
  }
  memcpy(d, bytes_data(o), size_t(n));
  ssize done = n;
  while (done < total) {
    ssize k = done < total - done ? done : total - done;
    memcpy(d + done, d, size_t(k));
    done += k;
  }
  return r;
}

Object* bytes_item(Object* o, ssize i) {
  ssize n = bytes_size(o);
  if (i < 0) i += n;
  if (i < 0 || i >= n) return err_format(&Exc_IndexError, "index out of range");
  return int_from_i64(static_cast<unsigned char>(bytes_data(o)[i]));
}

}  // namespace

// Slicing helper shared with bytearray: returns the selected bytes in `out`.
bool bytes_slice_gather(const char* data, ssize len, Object* slice, std::string& out) {
  ssize start, stop, step;
  if (slice_unpack(slice, &start, &stop, &step) < 0) return false;
  ssize n = slice_adjust_indices(len, &start, &stop, step);
  out.clear();
  if (n <= 0) return true;
  if (step == 1) {
    out.assign(data + start, size_t(n));
    return true;
  }
  out.resize(size_t(n));
  for (ssize i = 0, p = start; i < n; ++i, p += step) out[size_t(i)] = data[p];
  return true;
}

namespace {

Object* bytes_getitem(Object* o, Object* key) {
  if (int_check(key) && int_is_small(key)) return bytes_item(o, ssize(int_small_value(key)));
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
    ssize n = slice_adjust_indices(bytes_size(o), &start, &stop, step);
    if (n <= 0) return bytes_from("", 0);
    if (step == 1) {
      if (n == bytes_size(o) && type_of(o) == &BytesType) return newref(o);
      return bytes_from(bytes_data(o) + start, n);
    }
    Object* r = bytes_new_uninit(n);
    if (!r) return nullptr;
    char* d = bytes_data(r);
    const char* s = bytes_data(o);
    for (ssize i = 0, p = start; i < n; ++i, p += step) d[i] = s[p];
    return r;
  }
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    return bytes_item(o, i);
  }
  return err_format(&Exc_TypeError, "byte indices must be integers or slices, not %T", key);
}

}  // namespace

// `in` for bytes and bytearray: an int (a byte value) or a bytes-like subsequence.
int bytes_contains_impl(Object* self, Object* arg) {
  ByteView v = self_view(self);
  if (index_check(arg)) {
    int b = byte_from_object(arg);
    if (b < 0) return -1;
    return v.size && memchr(v.data, b, size_t(v.size)) != nullptr;
  }
  ByteView sub;
  if (!get_byte_view(arg, &sub)) return -1;
  return bytes_find_raw(v.data, v.size, sub.data, sub.size) >= 0;
}

namespace {

Object* bytes_remainder(Object* a, Object* b) {
  if (!bytes_check(a)) return not_implemented_ref();
  return bytes_percent_format(bytes_data(a), bytes_size(a), b, false);
}

// Fill `out` from an iterable of ints in range(256) (the list/tuple/iterator paths of bytes()).
}  // namespace

bool bytes_collect_ints(Object* x, std::string& out, const char* type_name) {
  if (list_check(x) || tuple_check(x)) {
    bool is_list = list_check(x);
    for (ssize i = 0; i < (is_list ? list_size(x) : tuple_size(x)); ++i) {
      Object* item = is_list ? list_get_borrowed(x, i) : tuple_get_borrowed(x, i);
      ssize v = number_as_ssize(item, nullptr);
      if (v == -1 && err_occurred()) return false;
      if (v < 0 || v >= 256) {
        err_set_string(&Exc_ValueError, "bytes must be in range(0, 256)");
        return false;
      }
      out.push_back(char(v));
    }
    return true;
  }
  Ref it = Ref::steal(object_getiter(x));
  if (!it) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      err_format(&Exc_TypeError, "cannot convert '%T' object to %s", x, type_name);
    }
    return false;
  }
  for (;;) {
    Ref item = Ref::steal(iter_next(it.get()));
    if (!item) {
      if (err_occurred()) return false;
      break;
    }
    ssize v = number_as_ssize(item.get(), nullptr);
    if (v == -1 && err_occurred()) return false;
    if (v < 0 || v >= 256) {
      err_set_string(&Exc_ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out.push_back(char(v));
  }
  return true;
}

namespace {

Object* make_bytes_of_type(TypeObject* type, const char* data, ssize n) {
  if (type == &BytesType) return bytes_from(data, n);
  // subtype: the subtype's extra fields follow the data
  ssize extra = type->basicsize > ssize(kBytesDataOffset) + 1
                    ? type->basicsize - ssize(kBytesDataOffset)
                    : 0;
  size_t size = (kBytesDataOffset + size_t(n) + 1 + 7) & ~size_t(7);
  auto* b = static_cast<BytesObject*>(object_alloc(type, size + size_t(extra)));
  if (!b) return nullptr;
  b->ob_size = n;
  b->hash = -1;
  memcpy(b->data, data, size_t(n));
  return b;
}

Object* bytes_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"source", "encoding", "errors", nullptr};
  static const ArgSpec spec = {"bytes", names, 0, 3};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* x = a[0];
  Ref result;
  if (!x) {
    if (a[1]) return err_format(&Exc_TypeError, "encoding without a string argument");
    if (a[2]) return err_format(&Exc_TypeError, "errors without a string argument");
    return make_bytes_of_type(type, "", 0);
  }
  if (a[1]) {
    if (!str_check(a[1]))
      return err_format(&Exc_TypeError, "bytes() argument 'encoding' must be str, not %T", a[1]);
    if (a[2] && !str_check(a[2]))
      return err_format(&Exc_TypeError, "bytes() argument 'errors' must be str, not %T", a[2]);
    if (!str_check(x)) return err_format(&Exc_TypeError, "encoding without a string argument");
    const char* enc = str_as_utf8(a[1]);
    const char* errs = a[2] ? str_as_utf8(a[2]) : "strict";
    if (!enc || !errs) return nullptr;
    result = Ref::steal(str_encode(x, enc, errs));
  } else if (a[2]) {
    if (!str_check(a[2]))
      return err_format(&Exc_TypeError, "bytes() argument 'errors' must be str, not %T", a[2]);
    return err_format(&Exc_TypeError, str_check(x) ? "string argument without an encoding"
                                                   : "errors without a string argument");
  } else if (bytes_check(x) && type_of(x) == &BytesType) {
    result = Ref::borrow(x);
  } else {
    Object* meth = nullptr;
    int found = str_check(x) ? 0 : object_lookup_attr(x, str_intern_cstr_borrowed("__bytes__"), &meth);
    if (found < 0) return nullptr;
    if (found) {
      Ref m = Ref::steal(meth);
      result = Ref::steal(call0(m.get()));
      if (!result) return nullptr;
      if (!bytes_check(result.get()))
        return err_format(&Exc_TypeError, "__bytes__ returned non-bytes (type %T)", result.get());
    } else if (str_check(x)) {
      return err_format(&Exc_TypeError, "string argument without an encoding");
    } else if (index_check(x)) {
      ssize size = number_as_ssize(x, &Exc_OverflowError);
      if (size == -1 && err_occurred()) return nullptr;
      if (size < 0) return err_format(&Exc_ValueError, "negative count");
      Object* r = bytes_new_uninit(size);
      if (!r) return nullptr;
      memset(bytes_data(r), 0, size_t(size));
      result = Ref::steal(r);
    } else if (bytes_check(x) || bytearray_check(x)) {
      ByteView v = self_view(x);
      result = Ref::steal(bytes_from(v.data, v.size));
    } else if (buffer_check(x)) {
      result = Ref::steal(buffer_to_bytes(x));
    } else {
      std::string buf;
      if (!bytes_collect_ints(x, buf, "bytes")) return nullptr;
      result = Ref::steal(bytes_from(buf.data(), ssize(buf.size())));
    }
  }
  if (!result) return nullptr;
  if (type == &BytesType) return result.release();
  return make_bytes_of_type(type, bytes_data(result.get()), bytes_size(result.get()));
}

int bytes_contains(Object* self, Object* arg) { return bytes_contains_impl(self, arg); }

// ---- iterator -----------------------------------------------------------------------------------

struct BytesIterObject : Object {
  Object* seq;  // owned; null when exhausted
  ssize index;
};

Object* bytes_iter(Object* o) {
  auto* it = alloc_object<BytesIterObject>(&BytesIterType);
  if (!it) return nullptr;
  it->seq = newref(o);
  it->index = 0;
  return it;
}
void bytesiter_dealloc(Object* o) {
  xdecref(static_cast<BytesIterObject*>(o)->seq);
  object_free(o);
}
Object* bytesiter_next(Object* o) {
  auto* it = static_cast<BytesIterObject*>(o);
  if (!it->seq) return nullptr;
  if (it->index < bytes_size(it->seq))
    return int_from_i64(static_cast<unsigned char>(bytes_data(it->seq)[it->index++]));
  Object* s = it->seq;
  it->seq = nullptr;
  decref(s);
  return nullptr;
}
Object* iter_self(Object* o) { return newref(o); }
Object* bytesiter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* it = static_cast<BytesIterObject*>(self);
  return int_from_ssize(it->seq ? bytes_size(it->seq) - it->index : 0);
}
const MethodDef kBytesIterMethods[] = {
    {"__length_hint__", bytesiter_length_hint, METH_DEFAULT,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

// ---- bytes-only methods -------------------------------------------------------------------------

Object* bytes_getnewargs(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("bytes.__getnewargs__", nargs, kw)) return nullptr;
  Ref b = Ref::steal(bytes_from(bytes_data(self), bytes_size(self)));
  if (!b) return nullptr;
  return tuple_pack(1, b.get());
}

Object* bytes_bytes_m(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("bytes.__bytes__", nargs, kw)) return nullptr;
  if (type_of(self) == &BytesType) return newref(self);
  return bytes_from(bytes_data(self), bytes_size(self));
}

#define GILPY_BM_ENTRY(name, doc) {#name, bm_##name, METH_DEFAULT, doc},
const MethodDef kBytesMethods[] = {
    GILPY_BYTES_COMMON_METHODS(GILPY_BM_ENTRY)
    {"fromhex", bm_fromhex, METH_CLASS, "Create a bytes object from a string of hexadecimal numbers."},
    {"maketrans", bm_maketrans, METH_STATIC,
     "Return a translation table usable for the bytes or bytearray translate method."},
    {"__getnewargs__", bytes_getnewargs, METH_DEFAULT, nullptr},
    {"__bytes__", bytes_bytes_m, METH_DEFAULT, "Convert this value to exact type bytes."},
    {"__buffer__", buffer_dunder_buffer, METH_DEFAULT,
     "Return a buffer object that exposes the underlying memory of the object."},
    {nullptr, nullptr, 0, nullptr}};
#undef GILPY_BM_ENTRY

}  // namespace

void init_bytearray_type();  // bytearrayobject.cpp

void init_bytes_types() {
  TypeObject& t = BytesType;
  t.name = "bytes";
  t.basicsize = kBytesDataOffset + 1;
  t.itemsize = 1;
  t.flags = TPFLAG_BASETYPE | TPFLAG_IMMUTABLETYPE | TPFLAG_BYTES_SUBCLASS;
  t.doc =
      "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
      "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
      "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
      "bytes() -> empty bytes object";
  t.base = &ObjectType;
  t.dealloc = bytes_dealloc;
  t.repr = bytes_repr;
  t.hash = bytes_hash;
  t.richcompare = bytes_richcompare;
  t.iter = bytes_iter;
  t.new_ = bytes_new;
  t.nb_remainder = bytes_remainder;
  t.len = bytes_len;
  t.getitem = bytes_getitem;
  t.contains = bytes_contains;
  t.sq_concat = bytes_concat;
  t.sq_repeat = bytes_repeat;
  t.sq_item = bytes_item;
  t.methods = kBytesMethods;
  register_static_type(&t);
  buffer_register_type(&t, &kBytesBufferProcs);

  TypeObject& it = BytesIterType;
  it.name = "bytes_iterator";
  it.basicsize = sizeof(BytesIterObject);
  it.flags = TPFLAG_IMMUTABLETYPE;
  it.base = &ObjectType;
  it.dealloc = bytesiter_dealloc;
  it.iter = iter_self;
  it.iternext = bytesiter_next;
  it.methods = kBytesIterMethods;
  register_static_type(&it);

  init_bytearray_type();
  init_memoryview_type();
}

}  // namespace gilpy
