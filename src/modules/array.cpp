// The `array` module: compact arrays of C numbers and characters, with CPython 3.12's behaviour
// and messages (Modules/arraymodule.c), written for gilpy.
//
// What it holds: array.array (typecodes b B u h H i I l L q Q f d; 'u' stores 4-byte code units
// like CPython's wchar_t on Linux, 'w' is 3.13-only and refused), its iterator
// array.arrayiterator, `typecodes`, `ArrayType` and `_array_reconstructor` (the pickle helper of
// protocol >= 3, with CPython's machine-format codes).
//
// Layout and invariants: an ArrayObject owns `data` (mem_alloc'd, `allocated` items of
// descr->itemsize bytes; null when allocated == 0) and holds `size` items in it. Items are raw
// native-endian C values, read and written with memcpy (no alignment assumptions). The array
// holds no references to other objects, so the static type needs no GC support (heap
// subclasses get it from the class machinery).
//
// Conversions before mutation: converting a Python value to an item may run Python code
// (__index__, __float__) that mutates this very array, so every mutator converts into a local
// buffer first and only then computes positions and moves memory. Comparisons and searches
// re-read the size on every step for the same reason.
//
// Buffer exports: the array exports its memory (writable, format = the typecode, 'w' for 'u',
// as CPython), counting live exports in `exports`; any resize while exports > 0 fails with
// BufferError "cannot resize an array that is exporting buffers" (array_resize is the one place
// the memory moves). Like CPython, deleting a slice or assigning one of a different size fails
// while exported even when it would not change the size.
//
// Concurrency: all state is touched with the GIL held; no call here releases the GIL.
#include <gmp.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/descr.h"
#include "core/error.h"
#include "core/gc.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"
#include "objects/weakrefobject.h"
#include "vm/import.h"

namespace gilpy {

namespace {

// ---- type codes ---------------------------------------------------------------------------------

enum MachineFormat : int {
  UNKNOWN_FORMAT = -1,
  UNSIGNED_INT8 = 0,
  SIGNED_INT8 = 1,
  UNSIGNED_INT16_LE = 2,
  UNSIGNED_INT16_BE = 3,
  SIGNED_INT16_LE = 4,
  SIGNED_INT16_BE = 5,
  UNSIGNED_INT32_LE = 6,
  UNSIGNED_INT32_BE = 7,
  SIGNED_INT32_LE = 8,
  SIGNED_INT32_BE = 9,
  UNSIGNED_INT64_LE = 10,
  UNSIGNED_INT64_BE = 11,
  SIGNED_INT64_LE = 12,
  SIGNED_INT64_BE = 13,
  IEEE_754_FLOAT_LE = 14,
  IEEE_754_FLOAT_BE = 15,
  IEEE_754_DOUBLE_LE = 16,
  IEEE_754_DOUBLE_BE = 17,
  UTF16_LE = 18,
  UTF16_BE = 19,
  UTF32_LE = 20,
  UTF32_BE = 21,
  MACHINE_FORMAT_MAX = 21,
};

// Item size, signedness and byte order of each machine format (CPython's table, including its
// sizes 4 and 8 for the UTF-16 and UTF-32 codes).
struct MFormatDescr {
  int size;
  bool is_signed;
  bool big_endian;
};
constexpr MFormatDescr kMFormats[MACHINE_FORMAT_MAX + 1] = {
    {1, false, false}, {1, true, false},  {2, false, false}, {2, false, true},  {2, true, false},
    {2, true, true},   {4, false, false}, {4, false, true},  {4, true, false},  {4, true, true},
    {8, false, false}, {8, false, true},  {8, true, false},  {8, true, true},   {4, false, false},
    {4, false, true},  {8, false, false}, {8, false, true},  {4, false, false}, {4, false, true},
    {8, false, false}, {8, false, true},
};

constexpr bool kBigEndian = std::endian::native == std::endian::big;

struct ArrayDescr {
  char typecode;
  int itemsize;
  bool is_integer;
  bool is_signed;
  const char* format;  // buffer format ('w' for 'u', as CPython 3.12)
  int mformat_le;      // machine format on a little-endian host (+1 on a big-endian one)
};

constexpr ArrayDescr kDescrs[] = {
    {'b', 1, true, true, "b", SIGNED_INT8},          {'B', 1, true, false, "B", UNSIGNED_INT8},
    {'u', 4, false, false, "w", UTF32_LE},           {'h', 2, true, true, "h", SIGNED_INT16_LE},
    {'H', 2, true, false, "H", UNSIGNED_INT16_LE},   {'i', 4, true, true, "i", SIGNED_INT32_LE},
    {'I', 4, true, false, "I", UNSIGNED_INT32_LE},   {'l', 8, true, true, "l", SIGNED_INT64_LE},
    {'L', 8, true, false, "L", UNSIGNED_INT64_LE},   {'q', 8, true, true, "q", SIGNED_INT64_LE},
    {'Q', 8, true, false, "Q", UNSIGNED_INT64_LE},   {'f', 4, false, false, "f", IEEE_754_FLOAT_LE},
    {'d', 8, false, false, "d", IEEE_754_DOUBLE_LE},
};
constexpr const char* kTypecodes = "bBuhHiIlLqQfd";
static_assert(sizeof(long) == 8 && sizeof(int) == 4 && sizeof(short) == 2,
              "array typecode sizes assume an LP64 platform");

const ArrayDescr* find_descr(uint32_t c) {
  for (const ArrayDescr& d : kDescrs) {
    if (uint32_t(d.typecode) == c) return &d;
  }
  return nullptr;
}

int descr_mformat(const ArrayDescr* d) {
  // The LE/BE codes come in pairs (LE even for multi-byte formats); single bytes have no order.
  if (d->itemsize == 1 || !kBigEndian) return d->mformat_le;
  return d->mformat_le + 1;
}

// ---- the object
// -----------------------------------------------------------------------------------

struct ArrayObject : Object {
  char* data;
  ssize size;
  ssize allocated;
  const ArrayDescr* descr;
  Object* weakreflist;
  ssize exports;
};

struct ArrayIterObject : Object {
  Object* array;  // null once exhausted
  ssize index;
};

TypeObject ArrayType, ArrayIterType;
Object* g_reconstructor = nullptr;  // array._array_reconstructor (owned by the module too)

inline ArrayObject* arr(Object* o) {
  return static_cast<ArrayObject*>(o);
}
inline bool array_check(Object* o) {
  return object_type_check(o, &ArrayType);
}
inline ssize isz(const ArrayObject* a) {
  return a->descr->itemsize;
}
inline char* item_ptr(ArrayObject* a, ssize i) {
  return a->data + i * isz(a);
}

// A new, zero-filled array of `size` items of `type` (a subtype of ArrayType).
Object* array_alloc(TypeObject* type, ssize size, const ArrayDescr* descr) {
  if (size < 0) return err_bad_internal_call("array_alloc");
  if (size > PTRDIFF_MAX / descr->itemsize) return err_no_memory();
  auto* a = alloc_object<ArrayObject>(type);
  if (!a) return nullptr;
  a->descr = descr;
  if (size > 0) {
    a->data = static_cast<char*>(mem_calloc(size_t(size), size_t(descr->itemsize)));
    if (!a->data) {
      decref(a);
      return err_no_memory();
    }
  }
  a->size = a->allocated = size;
  return a;
}

int err_exporting() {
  err_set_string(&Exc_BufferError, "cannot resize an array that is exporting buffers");
  return -1;
}

// CPython's array_resize, with its over-allocation (so __sizeof__ and buffer_info agree).
int array_resize(ArrayObject* a, ssize newsize) {
  if (a->exports > 0 && newsize != a->size) return err_exporting();
  if (a->allocated >= newsize && a->size < newsize + 16 && a->data) {
    a->size = newsize;
    return 0;
  }
  if (newsize == 0) {
    mem_free(a->data);
    a->data = nullptr;
    a->size = a->allocated = 0;
    return 0;
  }
  size_t want = size_t(newsize >> 4) + (a->size < 8 ? 3 : 7) + size_t(newsize);
  if (want > size_t(PTRDIFF_MAX) / size_t(isz(a))) {
    err_no_memory();
    return -1;
  }
  auto* p = static_cast<char*>(mem_realloc(a->data, want * size_t(isz(a))));
  if (!p) {
    err_no_memory();
    return -1;
  }
  a->data = p;
  a->size = newsize;
  a->allocated = ssize(want);
  return 0;
}

// ---- item conversion --------------------------------------------------------------------------

template <class T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}
template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

int range_error(const char* what, bool too_big) {
  err_format(&Exc_OverflowError, "%s is %s", what,
             too_big ? "greater than maximum" : "less than minimum");
  return -1;
}

// `idx` (an exact int) as a uint64: false when it needs more than 64 bits (it is >= 0).
bool int_fits_u64(Object* idx, uint64_t* out) {
  bool overflow = false;
  int64_t v = int_as_i64(idx, &overflow);
  if (!overflow) {
    *out = uint64_t(v);
    return true;
  }
  mpz_t z;
  mpz_init(z);
  int_to_mpz(idx, z);
  bool fits = mpz_sizeinbase(z, 2) <= 64;
  if (fits) *out = uint64_t(mpz_get_ui(z));
  mpz_clear(z);
  return fits;
}

// Convert `v` to one item of `d` into `out` (itemsize bytes), with CPython's messages for each
// typecode: the C-long step of PyArg_Parse first, then each format's own range check.
int pack_item(const ArrayDescr* d, Object* v, char* out) {
  const char tc = d->typecode;
  if (tc == 'u') {
    if (!str_check(v) || str_length(v) != 1) {
      err_set_string(&Exc_TypeError, "array item must be unicode character");
      return -1;
    }
    store<uint32_t>(out, str_read(v, 0));
    return 0;
  }
  if (tc == 'f' || tc == 'd') {
    double x = float_as_double(v);
    if (x == -1.0 && err_occurred()) return -1;
    if (tc == 'f')
      store<float>(out, static_cast<float>(x));
    else
      store<double>(out, x);
    return 0;
  }
  Ref idx = Ref::steal(number_index(v));
  if (!idx) return -1;
  Object* n = idx.get();
  bool overflow = false;
  switch (tc) {
    case 'I':
    case 'L': {
      uint64_t u;
      if (int_sign(n) < 0) {
        err_set_string(&Exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
      }
      if (!int_fits_u64(n, &u)) {
        err_set_string(&Exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
      }
      if (tc == 'L') {
        store<uint64_t>(out, u);
        return 0;
      }
      if (u > UINT32_MAX) return range_error("unsigned int", true);
      store<uint32_t>(out, uint32_t(u));
      return 0;
    }
    case 'q': {
      int64_t x = int_as_i64(n, &overflow);
      if (overflow) {
        err_set_string(&Exc_OverflowError, "int too big to convert");
        return -1;
      }
      store<int64_t>(out, x);
      return 0;
    }
    case 'Q': {
      uint64_t u;
      if (int_sign(n) < 0) {
        err_set_string(&Exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
      }
      if (!int_fits_u64(n, &u)) {
        err_set_string(&Exc_OverflowError, "int too big to convert");
        return -1;
      }
      store<uint64_t>(out, u);
      return 0;
    }
    default:
      break;
  }
  // b B h H i l: PyArg_Parse's C long first.
  int64_t x = int_as_i64(n, &overflow);
  if (overflow) {
    err_set_string(&Exc_OverflowError, "Python int too large to convert to C long");
    return -1;
  }
  switch (tc) {
    case 'b':
      if (x < INT16_MIN || x > INT16_MAX) return range_error("signed short integer", x > 0);
      if (x < INT8_MIN || x > INT8_MAX) return range_error("signed char", x > 0);
      store<int8_t>(out, int8_t(x));
      return 0;
    case 'B':
      if (x < 0 || x > UINT8_MAX) return range_error("unsigned byte integer", x > 0);
      store<uint8_t>(out, uint8_t(x));
      return 0;
    case 'h':
      if (x < INT16_MIN || x > INT16_MAX) return range_error("signed short integer", x > 0);
      store<int16_t>(out, int16_t(x));
      return 0;
    case 'H':
      if (x < INT32_MIN || x > INT32_MAX) return range_error("signed integer", x > 0);
      if (x < 0 || x > UINT16_MAX) return range_error("unsigned short", x > 0);
      store<uint16_t>(out, uint16_t(x));
      return 0;
    case 'i':
      if (x < INT32_MIN || x > INT32_MAX) return range_error("signed integer", x > 0);
      store<int32_t>(out, int32_t(x));
      return 0;
    default:  // 'l'
      store<int64_t>(out, x);
      return 0;
  }
}

Object* codepoint_to_str(uint32_t cp) {
  if (cp > 0x10ffff) return err_format(&Exc_ValueError, "chr() arg not in range(0x110000)");
  return str_from_codepoint(cp);
}

// The item at `p` as a new Python object.
Object* unpack_item(const ArrayDescr* d, const char* p) {
  switch (d->typecode) {
    case 'b':
      return int_from_i64(load<int8_t>(p));
    case 'B':
      return int_from_i64(load<uint8_t>(p));
    case 'u':
      return codepoint_to_str(load<uint32_t>(p));
    case 'h':
      return int_from_i64(load<int16_t>(p));
    case 'H':
      return int_from_i64(load<uint16_t>(p));
    case 'i':
      return int_from_i64(load<int32_t>(p));
    case 'I':
      return int_from_i64(load<uint32_t>(p));
    case 'l':
    case 'q':
      return int_from_i64(load<int64_t>(p));
    case 'L':
    case 'Q':
      return int_from_u64(load<uint64_t>(p));
    case 'f':
      return float_from_double(load<float>(p));
    default:
      return float_from_double(load<double>(p));
  }
}

Object* getitem_at(ArrayObject* a, ssize i) {
  return unpack_item(a->descr, item_ptr(a, i));
}

// ---- shared operations -------------------------------------------------------------------------

// Append `n` raw items.
int append_raw(ArrayObject* a, const char* src, ssize n) {
  if (n == 0) return 0;
  if (a->size > PTRDIFF_MAX - n) {
    err_no_memory();
    return -1;
  }
  ssize old = a->size;
  if (array_resize(a, old + n) < 0) return -1;
  std::memcpy(item_ptr(a, old), src, size_t(n * isz(a)));
  return 0;
}

// Insert one converted item at `where` (clamped as list.insert).
int insert_item(ArrayObject* a, ssize where, Object* v) {
  char buf[8];
  if (pack_item(a->descr, v, buf) < 0) return -1;
  ssize n = a->size;
  if (array_resize(a, n + 1) < 0) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (where < n) {
    std::memmove(item_ptr(a, where + 1), item_ptr(a, where), size_t((n - where) * isz(a)));
  }
  std::memcpy(item_ptr(a, where), buf, size_t(isz(a)));
  return 0;
}

// Delete items [lo, hi) (0 <= lo <= hi <= size).
int delete_range(ArrayObject* a, ssize lo, ssize hi) {
  if (a->exports > 0) return err_exporting();
  ssize d = hi - lo;
  if (d == 0) return 0;
  std::memmove(item_ptr(a, lo), item_ptr(a, hi), size_t((a->size - hi) * isz(a)));
  return array_resize(a, a->size - d);
}

// Append every item of an iterator (CPython's array_iter_extend: what was appended stays on error).
int extend_from_iter(ArrayObject* a, Object* it) {
  for (;;) {
    Ref v = Ref::steal(iter_next(it));
    if (!v) return err_occurred() ? -1 : 0;
    if (insert_item(a, a->size, v.get()) < 0) return -1;
  }
}

int extend_impl(ArrayObject* a, Object* other) {
  if (!array_check(other)) {
    Ref it = Ref::steal(object_getiter(other));
    if (!it) return -1;
    return extend_from_iter(a, it.get());
  }
  ArrayObject* b = arr(other);
  if (b->descr != a->descr) {
    err_set_string(&Exc_TypeError, "can only extend with array of same kind");
    return -1;
  }
  if (a->size > PTRDIFF_MAX - b->size) {
    err_no_memory();
    return -1;
  }
  ssize old = a->size, n = b->size;  // b may be a: copy after the resize, from the new data
  if (array_resize(a, old + n) < 0) return -1;
  if (n > 0) std::memcpy(item_ptr(a, old), b->data, size_t(n * isz(a)));
  return 0;
}

int frombytes_impl(ArrayObject* a, Object* buffer) {
  BufferView v;
  if (get_buffer(buffer, &v, BUF_SIMPLE) < 0) return -1;
  int r = -1;
  if (v.itemsize != 1) {
    err_set_string(&Exc_TypeError, "a bytes-like object is required");
  } else if (v.len % isz(a) != 0) {
    err_set_string(&Exc_ValueError, "bytes length not a multiple of item size");
  } else {
    r = append_raw(a, v.buf, v.len / isz(a));
  }
  release_buffer(&v);
  return r;
}

// The code points of a str as 'u' items.
void str_to_units(Object* s, std::vector<char>& out) {
  ssize n = str_length(s);
  out.resize(size_t(n) * 4);
  for (ssize i = 0; i < n; ++i) store<uint32_t>(out.data() + i * 4, str_read(s, i));
}

// Items [0, n) of a list or tuple, converted. An __index__ call may change the list: the
// initializer then fails as PySequence_GetItem would (`strict_size` false: IndexError), fromlist
// as CPython's size check after its loop (RuntimeError).
int convert_sequence(const ArrayDescr* d, Object* seq, bool strict_size, std::vector<char>& out,
                     ssize* count) {
  bool is_list = list_check(seq);
  ssize n = is_list ? list_size(seq) : tuple_size(seq);
  out.resize(size_t(n * d->itemsize));
  for (ssize i = 0; i < n; ++i) {
    if (is_list && i >= list_size(seq)) break;
    Ref item = Ref::borrow(is_list ? list_get_borrowed(seq, i) : tuple_get_borrowed(seq, i));
    if (pack_item(d, item.get(), out.data() + i * d->itemsize) < 0) return -1;
  }
  if (is_list && list_size(seq) < n && !strict_size) {
    err_set_string(&Exc_IndexError, "list index out of range");
    return -1;
  }
  if (is_list && list_size(seq) != n && strict_size) {
    err_set_string(&Exc_RuntimeError, "list changed size during iteration");
    return -1;
  }
  *count = n;
  return 0;
}

Object* tounicode_impl(ArrayObject* a) {
  for (ssize i = 0; i < a->size; ++i) {
    uint32_t cp = load<uint32_t>(item_ptr(a, i));
    if (cp > 0x10ffff) {
      return err_format(&Exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                        unsigned(cp));
    }
  }
  std::vector<uint32_t> cps(static_cast<size_t>(a->size));
  if (a->size) std::memcpy(cps.data(), a->data, size_t(a->size) * 4);
  return str_from_ucs4(cps.data(), a->size);
}

Object* tolist_impl(ArrayObject* a) {
  Ref list = Ref::steal(list_new(a->size));
  if (!list) return nullptr;
  for (ssize i = 0; i < a->size; ++i) {
    Object* v = getitem_at(a, i);
    if (!v) return nullptr;
    list_set_steal(list.get(), i, v);
  }
  return list.release();
}

Object* tobytes_impl(ArrayObject* a) {
  return bytes_from(a->data, a->size * isz(a));
}

// A copy of items [lo, lo + n*step) stepping `step`, as an exact array.array.
Object* slice_copy(ArrayObject* a, ssize lo, ssize n, ssize step) {
  Ref r = Ref::steal(array_alloc(&ArrayType, n, a->descr));
  if (!r) return nullptr;
  const ssize s = isz(a);
  if (step == 1) {
    if (n) std::memcpy(arr(r.get())->data, item_ptr(a, lo), size_t(n * s));
  } else {
    for (ssize i = 0, cur = lo; i < n; ++i, cur += step) {
      std::memcpy(arr(r.get())->data + i * s, item_ptr(a, cur), size_t(s));
    }
  }
  return r.release();
}

// CPython's array_new after argument parsing (also _array_reconstructor's make_array).
Object* array_new_impl(TypeObject* type, const ArrayDescr* descr, Object* initial) {
  const char c = descr->typecode;
  if (initial && c != 'u') {
    if (str_check(initial)) {
      return err_format(&Exc_TypeError,
                        "cannot use a str to initialize an array with typecode '%c'", c);
    }
    if (array_check(initial) && arr(initial)->descr->typecode == 'u') {
      return err_format(&Exc_TypeError,
                        "cannot use a unicode array to initialize an array with typecode '%c'", c);
    }
  }
  Ref it;
  if (initial && !(list_check(initial) || tuple_check(initial) || bytes_check(initial) ||
                   bytearray_check(initial) || (c == 'u' && str_check(initial)) ||
                   (array_check(initial) && arr(initial)->descr == descr))) {
    it = Ref::steal(object_getiter(initial));
    if (!it) return nullptr;
    initial = nullptr;
  }
  // Sized initializers get an exact allocation (as CPython's); bytes go through frombytes.
  std::vector<char> items;
  const char* src = nullptr;
  ssize n = 0;
  if (initial && (list_check(initial) || tuple_check(initial))) {
    if (convert_sequence(descr, initial, false, items, &n) < 0) return nullptr;
    src = items.data();
  } else if (initial && str_check(initial)) {
    str_to_units(initial, items);
    n = str_length(initial);
    src = items.data();
  } else if (initial && array_check(initial)) {
    n = arr(initial)->size;
    src = arr(initial)->data;
  }
  Ref r = Ref::steal(array_alloc(type, n, descr));
  if (!r) return nullptr;
  ArrayObject* a = arr(r.get());
  if (n) std::memcpy(a->data, src, size_t(n * descr->itemsize));
  if (initial && (bytes_check(initial) || bytearray_check(initial)) &&
      frombytes_impl(a, initial) < 0) {
    return nullptr;
  }
  if (it && extend_from_iter(a, it.get()) < 0) return nullptr;
  return r.release();
}

// A typecode argument (CPython's "C" converter): a str of exactly one character.
bool typecode_arg(Object* o, const char* fname, int argnum, uint32_t* out) {
  if (!str_check(o) || str_length(o) != 1) {
    err_format(&Exc_TypeError, "%s() argument %d must be a unicode character, not %s", fname,
               argnum, type_name(type_of(o)));
    return false;
  }
  *out = str_read(o, 0);
  return true;
}

Object* array_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  if ((type == &ArrayType || type->init == ArrayType.init) &&
      !check_no_kwargs("array.array", kwnames)) {
    return nullptr;
  }
  if (nargs < 1 || nargs > 2) {
    return err_format(&Exc_TypeError, "array() takes %s %d argument%s (%zd given)",
                      nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                      nargs);
  }
  uint32_t c;
  if (!typecode_arg(args[0], "array", 1, &c)) return nullptr;
  const ArrayDescr* descr = find_descr(c);
  if (!descr) {
    return err_format(&Exc_ValueError,
                      "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  return array_new_impl(type, descr, nargs > 1 ? args[1] : nullptr);
}

void array_dealloc(Object* o) {
  ArrayObject* a = arr(o);
  if (a->weakreflist) weakref_clear_all(o);
  mem_free(a->data);
  a->data = nullptr;
  object_free(o);  // a heap subclass's reference to its type is dropped by subtype_dealloc
}

// ---- buffer export ------------------------------------------------------------------------------

int array_getbuffer(Object* o, BufferView* view, int flags) {
  static char empty[8] = {0};
  ArrayObject* a = arr(o);
  view->obj = newref(o);
  view->buf = a->data ? a->data : empty;
  view->len = a->size * isz(a);
  view->itemsize = isz(a);
  view->readonly = false;
  view->ndim = 1;
  view->format = (flags & BUF_FORMAT) ? a->descr->format : "B";
  view->shape1 = a->size;
  view->stride1 = isz(a);
  view->shape = &view->shape1;
  view->strides = &view->stride1;
  view->internal = nullptr;
  ++a->exports;
  return 0;
}

void array_releasebuffer(Object* o, BufferView*) {
  --arr(o)->exports;
}

const BufferProcs kArrayBufferProcs = {array_getbuffer, array_releasebuffer};

// ---- sequence protocol
// ----------------------------------------------------------------------------

ssize array_len(Object* o) {
  return arr(o)->size;
}

Object* array_sq_item(Object* o, ssize i) {
  ArrayObject* a = arr(o);
  if (i < 0 || i >= a->size) return err_format(&Exc_IndexError, "array index out of range");
  return getitem_at(a, i);
}

Object* array_subscript(Object* o, Object* key) {
  ArrayObject* a = arr(o);
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    if (i < 0) i += a->size;
    return array_sq_item(o, i);
  }
  if (!slice_check(key)) return err_format(&Exc_TypeError, "array indices must be integers");
  ssize start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
  ssize n = slice_adjust_indices(a->size, &start, &stop, step);
  return slice_copy(a, start, n > 0 ? n : 0, step);
}

int array_ass_subscript(Object* o, Object* key, Object* value) {
  ArrayObject* a = arr(o);
  ssize start, stop, step, slicelength;
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return -1;
    if (i < 0) i += a->size;
    if (i < 0 || i >= a->size) {
      err_set_string(&Exc_IndexError, "array assignment index out of range");
      return -1;
    }
    if (value) {
      char buf[8];
      if (pack_item(a->descr, value, buf) < 0) return -1;
      if (i >= a->size) {  // the conversion shrank the array
        err_set_string(&Exc_IndexError, "array assignment index out of range");
        return -1;
      }
      std::memcpy(item_ptr(a, i), buf, size_t(isz(a)));
      return 0;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelength = 1;
  } else if (slice_check(key)) {
    if (slice_unpack(key, &start, &stop, &step) < 0) return -1;
    slicelength = slice_adjust_indices(a->size, &start, &stop, step);
  } else {
    err_set_string(&Exc_TypeError, "array indices must be integers");
    return -1;
  }

  Ref other;  // the items to store (a copy when assigning an array to a slice of itself)
  ssize needed = 0;
  if (value) {
    if (!array_check(value)) {
      err_format(&Exc_TypeError, "can only assign array (not \"%s\") to array slice",
                 type_name(type_of(value)));
      return -1;
    }
    if (arr(value)->descr != a->descr) {
      err_set_string(&Exc_TypeError, "bad argument type for built-in operation");
      return -1;
    }
    other = value == o ? Ref::steal(slice_copy(a, 0, a->size, 1)) : Ref::borrow(value);
    if (!other) return -1;
    needed = arr(other.get())->size;
  }
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  if ((needed == 0 || slicelength != needed) && a->exports > 0) return err_exporting();
  const ssize s = isz(a);
  if (step == 1) {
    if (slicelength > needed) {
      std::memmove(item_ptr(a, start + needed), item_ptr(a, stop), size_t((a->size - stop) * s));
      if (array_resize(a, a->size - slicelength + needed) < 0) return -1;
    } else if (slicelength < needed) {
      ssize old = a->size;
      if (old > PTRDIFF_MAX - (needed - slicelength)) {
        err_no_memory();
        return -1;
      }
      if (array_resize(a, old + needed - slicelength) < 0) return -1;
      std::memmove(item_ptr(a, start + needed), item_ptr(a, stop), size_t((old - stop) * s));
    }
    if (needed > 0) std::memcpy(item_ptr(a, start), arr(other.get())->data, size_t(needed * s));
    return 0;
  }
  if (needed == 0) {  // delete an extended slice
    if (slicelength <= 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    ssize cur = start, i = 0;
    for (; cur < a->size; cur += step, ++i) {
      ssize lim = step - 1;
      if (cur + step >= a->size) lim = a->size - cur - 1;
      std::memmove(item_ptr(a, cur - i), item_ptr(a, cur + 1), size_t(lim * s));
    }
    cur = start + slicelength * step;
    if (cur < a->size) {
      std::memmove(item_ptr(a, cur - slicelength), item_ptr(a, cur), size_t((a->size - cur) * s));
    }
    return array_resize(a, a->size - slicelength);
  }
  if (needed != slicelength) {
    err_format(&Exc_ValueError, "attempt to assign array of size %zd to extended slice of size %zd",
               needed, slicelength);
    return -1;
  }
  for (ssize cur = start, i = 0; i < slicelength; cur += step, ++i) {
    std::memcpy(item_ptr(a, cur), arr(other.get())->data + i * s, size_t(s));
  }
  return 0;
}

int array_contains(Object* o, Object* v) {
  ArrayObject* a = arr(o);
  for (ssize i = 0; i < a->size; ++i) {
    Ref item = Ref::steal(getitem_at(a, i));
    if (!item) return -1;
    int r = object_richcompare_bool(item.get(), v, CMP_EQ);
    if (r != 0) return r;
  }
  return 0;
}

Object* array_concat(Object* x, Object* y) {
  if (!array_check(y)) {
    return err_format(&Exc_TypeError, "can only append array (not \"%s\") to array",
                      type_name(type_of(y)));
  }
  ArrayObject* a = arr(x);
  ArrayObject* b = arr(y);
  if (a->descr != b->descr) {
    return err_format(&Exc_TypeError, "bad argument type for built-in operation");
  }
  if (a->size > PTRDIFF_MAX - b->size) return err_no_memory();
  Ref r = Ref::steal(array_alloc(&ArrayType, a->size + b->size, a->descr));
  if (!r) return nullptr;
  if (a->size) std::memcpy(arr(r.get())->data, a->data, size_t(a->size * isz(a)));
  if (b->size) std::memcpy(item_ptr(arr(r.get()), a->size), b->data, size_t(b->size * isz(b)));
  return r.release();
}

// `n` copies of `src` (`size` bytes) into dst.
void repeat_bytes(char* dst, const char* src, ssize size, ssize n) {
  if (size == 0 || n == 0) return;
  if (dst != src) std::memcpy(dst, src, size_t(size));
  ssize done = size, total = size * n;
  while (done < total) {  // doubling copies
    ssize chunk = done < total - done ? done : total - done;
    std::memcpy(dst + done, dst, size_t(chunk));
    done += chunk;
  }
}

Object* array_repeat(Object* o, ssize n) {
  ArrayObject* a = arr(o);
  if (n < 0) n = 0;
  if (n > 0 && a->size > PTRDIFF_MAX / n) return err_no_memory();
  Ref r = Ref::steal(array_alloc(&ArrayType, a->size * n, a->descr));
  if (!r) return nullptr;
  repeat_bytes(arr(r.get())->data, a->data, a->size * isz(a), n);
  return r.release();
}

Object* array_inplace_concat(Object* x, Object* y) {
  if (!array_check(y)) {
    return err_format(&Exc_TypeError, "can only extend array with array (not \"%s\")",
                      type_name(type_of(y)));
  }
  if (extend_impl(arr(x), y) < 0) return nullptr;
  return newref(x);
}

Object* array_inplace_repeat(Object* x, Object* count) {
  if (!index_check(count)) return not_implemented_ref();
  ssize n = number_as_ssize(count, &Exc_OverflowError);
  if (n == -1 && err_occurred()) return nullptr;
  ArrayObject* a = arr(x);
  ssize size = a->size;
  if (size > 0 && n != 1) {
    if (n < 0) n = 0;
    ssize bytes = size * isz(a);
    if (n > 0 && bytes > PTRDIFF_MAX / n) return err_no_memory();
    if (array_resize(a, n * size) < 0) return nullptr;
    repeat_bytes(a->data, a->data, bytes, n);
  }
  return newref(x);
}

// ---- comparisons, repr, iteration
// ----------------------------------------------------------------

template <class T>
int compare_native(const char* p, const char* q) {
  T x = load<T>(p), y = load<T>(q);
  return x < y ? -1 : (x > y ? 1 : 0);
}

Object* bool_result(int cmp, int op) {
  bool r = false;
  switch (op) {
    case CMP_LT:
      r = cmp < 0;
      break;
    case CMP_LE:
      r = cmp <= 0;
      break;
    case CMP_EQ:
      r = cmp == 0;
      break;
    case CMP_NE:
      r = cmp != 0;
      break;
    case CMP_GT:
      r = cmp > 0;
      break;
    case CMP_GE:
      r = cmp >= 0;
      break;
  }
  return bool_from(r);
}

Object* array_richcompare(Object* x, Object* y, int op) {
  if (!array_check(x) || !array_check(y)) return not_implemented_ref();
  ArrayObject* a = arr(x);
  ArrayObject* b = arr(y);
  if (a->size != b->size && (op == CMP_EQ || op == CMP_NE)) return bool_from(op == CMP_NE);
  if (a->descr == b->descr && a->descr->is_integer) {
    // Same integer typecode: compare the C values (the result cannot differ from the objects').
    ssize n = a->size < b->size ? a->size : b->size;
    for (ssize i = 0; i < n; ++i) {
      const char* p = item_ptr(a, i);
      const char* q = item_ptr(b, i);
      int c = 0;
      switch (a->descr->typecode) {
        case 'b':
          c = compare_native<int8_t>(p, q);
          break;
        case 'B':
          c = compare_native<uint8_t>(p, q);
          break;
        case 'h':
          c = compare_native<int16_t>(p, q);
          break;
        case 'H':
          c = compare_native<uint16_t>(p, q);
          break;
        case 'i':
          c = compare_native<int32_t>(p, q);
          break;
        case 'I':
          c = compare_native<uint32_t>(p, q);
          break;
        case 'l':
        case 'q':
          c = compare_native<int64_t>(p, q);
          break;
        default:
          c = compare_native<uint64_t>(p, q);
          break;
      }
      if (c != 0) return bool_result(c, op);
    }
    return bool_result(a->size < b->size ? -1 : (a->size > b->size ? 1 : 0), op);
  }
  // Find the first index where the items differ.
  ssize i = 0;
  Ref vi, wi;
  for (; i < a->size && i < b->size; ++i) {
    vi = Ref::steal(getitem_at(a, i));
    if (!vi) return nullptr;
    wi = Ref::steal(getitem_at(b, i));
    if (!wi) return nullptr;
    int k = object_richcompare_bool(vi.get(), wi.get(), CMP_EQ);
    if (k < 0) return nullptr;
    if (k == 0) break;
  }
  if (i >= a->size || i >= b->size) {  // no more items to compare: compare the sizes
    return bool_result(a->size < b->size ? -1 : (a->size > b->size ? 1 : 0), op);
  }
  if (op == CMP_EQ) return bool_from(false);
  if (op == CMP_NE) return bool_from(true);
  return object_richcompare(vi.get(), wi.get(), op);
}

Object* array_repr(Object* o) {
  ArrayObject* a = arr(o);
  const char* name = type_name(type_of(o));
  char tc = a->descr->typecode;
  if (a->size == 0) return str_from_format("%s('%c')", name, tc);
  Ref v = Ref::steal(tc == 'u' ? tounicode_impl(a) : tolist_impl(a));
  if (!v) return nullptr;
  return str_from_format("%s('%c', %R)", name, tc, v.get());
}

Object* array_iter(Object* o) {
  auto* it = alloc_object<ArrayIterObject>(&ArrayIterType);
  if (!it) return nullptr;
  it->array = newref(o);
  it->index = 0;
  gc_track(it);
  return it;
}

ArrayIterObject* ait(Object* o) {
  return static_cast<ArrayIterObject*>(o);
}

Object* arrayiter_next(Object* o) {
  ArrayIterObject* it = ait(o);
  if (!it->array) return nullptr;
  ArrayObject* a = arr(it->array);
  if (it->index < a->size) return getitem_at(a, it->index++);
  clear_ref(&it->array);
  return nullptr;
}

void arrayiter_dealloc(Object* o) {
  gc_untrack(o);
  clear_ref(&ait(o)->array);
  object_free(o);
}

int arrayiter_traverse(Object* o, visitproc visit, void* arg) {
  return ait(o)->array ? visit(ait(o)->array, arg) : 0;
}

Object* builtin_iter_function() {
  Ref builtins = Ref::steal(import_module("builtins"));
  if (!builtins) return nullptr;
  return object_getattr_str(builtins.get(), "iter");
}

Object* arrayiter_reduce(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__reduce__", nargs, kwnames)) return nullptr;
  Ref iter = Ref::steal(builtin_iter_function());
  if (!iter) return nullptr;
  ArrayIterObject* it = ait(self);
  if (!it->array) {
    Ref empty = Ref::steal(tuple_empty());
    Ref args = Ref::steal(tuple_pack(1, empty.get()));
    if (!args) return nullptr;
    return tuple_pack(2, iter.get(), args.get());
  }
  Ref args = Ref::steal(tuple_pack(1, it->array));
  Ref index = Ref::steal(int_from_ssize(it->index));
  if (!args || !index) return nullptr;
  return tuple_pack(3, iter.get(), args.get(), index.get());
}

Object* arrayiter_setstate(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("__setstate__", nargs, kwnames)) return nullptr;
  if (!int_check(args[0])) return err_format(&Exc_TypeError, "an integer is required");
  ssize index = int_as_ssize(args[0]);
  if (index == -1 && err_occurred()) return nullptr;
  ArrayIterObject* it = ait(self);
  if (it->array) {
    if (index < 0) index = 0;
    if (index > arr(it->array)->size) index = arr(it->array)->size;
    it->index = index;
  }
  return none_ref();
}

Object* self_iter(Object* o) {
  return newref(o);
}

const MethodDef kArrayIterMethods[] = {
    {"__reduce__", arrayiter_reduce, METH_DEFAULT, "Return state information for pickling."},
    {"__setstate__", arrayiter_setstate, METH_DEFAULT, "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr},
};

// ---- methods ------------------------------------------------------------------------------------

Object* m_append(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("array.append", nargs, kw)) return nullptr;
  if (insert_item(arr(self), arr(self)->size, args[0]) < 0) return nullptr;
  return none_ref();
}

Object* m_buffer_info(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.buffer_info", nargs, kw)) return nullptr;
  Ref addr = Ref::steal(int_from_u64(reinterpret_cast<uintptr_t>(arr(self)->data)));
  Ref len = Ref::steal(int_from_ssize(arr(self)->size));
  if (!addr || !len) return nullptr;
  return tuple_pack(2, addr.get(), len.get());
}

Object* m_byteswap(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.byteswap", nargs, kw)) return nullptr;
  ArrayObject* a = arr(self);
  const ssize s = isz(a);
  for (ssize i = 0; i < a->size; ++i) {
    char* p = item_ptr(a, i);
    for (ssize j = 0; j < s / 2; ++j) std::swap(p[j], p[s - 1 - j]);
  }
  return none_ref();
}

Object* m_count(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("array.count", nargs, kw)) return nullptr;
  ArrayObject* a = arr(self);
  ssize count = 0;
  for (ssize i = 0; i < a->size; ++i) {
    Ref item = Ref::steal(getitem_at(a, i));
    if (!item) return nullptr;
    int r = object_richcompare_bool(item.get(), args[0], CMP_EQ);
    if (r < 0) return nullptr;
    count += r;
  }
  return int_from_ssize(count);
}

Object* m_extend(Object* self, Object* const* args, ssize nargs, Object* kw) {
  static const char* const names[] = {"", nullptr};
  static const ArgSpec spec = {"extend", names, 1, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  if (extend_impl(arr(self), a[0]) < 0) return nullptr;
  return none_ref();
}

Object* m_frombytes(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("array.frombytes", nargs, kw)) return nullptr;
  if (frombytes_impl(arr(self), args[0]) < 0) return nullptr;
  return none_ref();
}

Object* m_fromfile(Object* self, Object* const* args, ssize nargs, Object* kw) {
  static const char* const names[] = {"", "", nullptr};
  static const ArgSpec spec = {"fromfile", names, 2, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  ssize n = int_as_ssize(a[1]);
  if (n == -1 && err_occurred()) return nullptr;
  if (n < 0) return err_format(&Exc_ValueError, "negative count");
  ArrayObject* arr_ = arr(self);
  if (n > PTRDIFF_MAX / isz(arr_)) return err_no_memory();
  ssize nbytes = n * isz(arr_);
  Ref count = Ref::steal(int_from_ssize(nbytes));
  if (!count) return nullptr;
  Ref res = Ref::steal(call_method1(a[0], "read", count.get()));
  if (!res) return nullptr;
  if (!bytes_check(res.get())) return err_format(&Exc_TypeError, "read() didn't return bytes");
  bool not_enough = bytes_size(res.get()) != nbytes;
  if (frombytes_impl(arr_, res.get()) < 0) return nullptr;
  if (not_enough) return err_format(&Exc_EOFError, "read() didn't return enough bytes");
  return none_ref();
}

Object* m_fromlist(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("array.fromlist", nargs, kw)) return nullptr;
  if (!list_check(args[0])) return err_format(&Exc_TypeError, "arg must be list");
  ArrayObject* a = arr(self);
  if (list_size(args[0]) > 0 && a->exports > 0) {  // CPython resizes before converting
    err_exporting();
    return nullptr;
  }
  std::vector<char> buf;
  ssize n = 0;
  if (convert_sequence(a->descr, args[0], true, buf, &n) < 0) return nullptr;
  if (append_raw(a, buf.data(), n) < 0) return nullptr;
  return none_ref();
}

Object* m_fromunicode(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("array.fromunicode", nargs, kw)) return nullptr;
  if (!str_check(args[0])) {
    return err_format(&Exc_TypeError, "fromunicode() argument must be str, not %s",
                      type_name(type_of(args[0])));
  }
  if (arr(self)->descr->typecode != 'u') {
    return err_format(&Exc_ValueError, "fromunicode() may only be called on unicode type arrays");
  }
  std::vector<char> units;
  str_to_units(args[0], units);
  if (append_raw(arr(self), units.data(), str_length(args[0])) < 0) return nullptr;
  return none_ref();
}

// _PyEval_SliceIndexNotNone: __index__, clamped to the ssize range.
bool slice_index_arg(Object* o, ssize* out) {
  if (!index_check(o)) {
    err_set_string(&Exc_TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  ssize v = number_as_ssize(o, nullptr);
  if (v == -1 && err_occurred()) return false;
  *out = v;
  return true;
}

// The index of the first item equal to v in [start, stop), -1 when absent, -2 on error.
ssize find_item(ArrayObject* a, Object* v, ssize start, ssize stop) {
  for (ssize i = start; i < stop && i < a->size; ++i) {
    Ref item = Ref::steal(getitem_at(a, i));
    if (!item) return -2;
    int r = object_richcompare_bool(item.get(), v, CMP_EQ);
    if (r < 0) return -2;
    if (r) return i;
  }
  return -1;
}

Object* m_index(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_no_kwargs("array.index", kw) || !check_positional("index", nargs, 1, 3)) {
    return nullptr;
  }
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index_arg(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index_arg(args[2], &stop)) return nullptr;
  ArrayObject* a = arr(self);
  if (start < 0) {
    start += a->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += a->size;
  ssize i = find_item(a, args[0], start, stop);
  if (i == -2) return nullptr;
  if (i < 0) return err_format(&Exc_ValueError, "array.index(x): x not in array");
  return int_from_ssize(i);
}

Object* m_insert(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_no_kwargs("array.insert", kw) || !check_positional("insert", nargs, 2, 2)) {
    return nullptr;
  }
  ssize i = int_as_ssize(args[0]);
  if (i == -1 && err_occurred()) return nullptr;
  if (insert_item(arr(self), i, args[1]) < 0) return nullptr;
  return none_ref();
}

Object* m_pop(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_no_kwargs("array.pop", kw) || !check_positional("pop", nargs, 0, 1)) return nullptr;
  ssize i = -1;
  if (nargs > 0) {
    i = int_as_ssize(args[0]);
    if (i == -1 && err_occurred()) return nullptr;
  }
  ArrayObject* a = arr(self);
  if (a->size == 0) return err_format(&Exc_IndexError, "pop from empty array");
  if (i < 0) i += a->size;
  if (i < 0 || i >= a->size) return err_format(&Exc_IndexError, "pop index out of range");
  Ref v = Ref::steal(getitem_at(a, i));
  if (!v || delete_range(a, i, i + 1) < 0) return nullptr;
  return v.release();
}

Object* m_remove(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("array.remove", nargs, kw)) return nullptr;
  ArrayObject* a = arr(self);
  ssize i = find_item(a, args[0], 0, PTRDIFF_MAX);
  if (i == -2) return nullptr;
  if (i < 0) return err_format(&Exc_ValueError, "array.remove(x): x not in array");
  if (delete_range(a, i, i + 1) < 0) return nullptr;
  return none_ref();
}

Object* m_reverse(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.reverse", nargs, kw)) return nullptr;
  ArrayObject* a = arr(self);
  const ssize s = isz(a);
  char tmp[8];
  for (ssize i = 0, j = a->size - 1; i < j; ++i, --j) {
    std::memcpy(tmp, item_ptr(a, i), size_t(s));
    std::memcpy(item_ptr(a, i), item_ptr(a, j), size_t(s));
    std::memcpy(item_ptr(a, j), tmp, size_t(s));
  }
  return none_ref();
}

Object* m_tobytes(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.tobytes", nargs, kw)) return nullptr;
  return tobytes_impl(arr(self));
}

Object* m_tofile(Object* self, Object* const* args, ssize nargs, Object* kw) {
  static const char* const names[] = {"", nullptr};
  static const ArgSpec spec = {"tofile", names, 1, 1};
  Object* f[1];
  if (!parse_args(spec, args, nargs, kw, f)) return nullptr;
  constexpr ssize kBlockSize = 64 * 1024;  // CPython writes in blocks of this size
  ArrayObject* a = arr(self);
  ssize nbytes = a->size * isz(a);
  for (ssize off = 0; off < nbytes; off += kBlockSize) {
    // Re-read the size: a write() may have changed the array.
    nbytes = a->size * isz(a);
    if (off >= nbytes) break;
    ssize n = nbytes - off < kBlockSize ? nbytes - off : kBlockSize;
    Ref chunk = Ref::steal(bytes_from(a->data + off, n));
    if (!chunk) return nullptr;
    Ref r = Ref::steal(call_method1(f[0], "write", chunk.get()));
    if (!r) return nullptr;
  }
  return none_ref();
}

Object* m_tolist(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.tolist", nargs, kw)) return nullptr;
  return tolist_impl(arr(self));
}

Object* m_tounicode(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.tounicode", nargs, kw)) return nullptr;
  if (arr(self)->descr->typecode != 'u') {
    return err_format(&Exc_ValueError, "tounicode() may only be called on unicode type arrays");
  }
  return tounicode_impl(arr(self));
}

// __copy__ and __deepcopy__ return an exact array.array, even for subclasses (as CPython).
Object* copy_impl(Object* self) {
  return slice_copy(arr(self), 0, arr(self)->size, 1);
}

Object* m_copy(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.__copy__", nargs, kw)) return nullptr;
  return copy_impl(self);
}

Object* m_deepcopy(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_one_arg("array.__deepcopy__", nargs, kw)) return nullptr;
  return copy_impl(self);
}

Object* m_sizeof(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("array.__sizeof__", nargs, kw)) return nullptr;
  return int_from_ssize(ssize(sizeof(ArrayObject)) + arr(self)->allocated * isz(arr(self)));
}

Object* m_reduce_ex(Object* self, Object* const* args, ssize nargs, Object* kw) {
  static const char* const names[] = {"", nullptr};
  static const ArgSpec spec = {"__reduce_ex__", names, 1, 1};
  Object* v[1];
  if (!parse_args(spec, args, nargs, kw, v)) return nullptr;
  if (!int_check(v[0])) {
    return err_format(&Exc_TypeError, "__reduce_ex__ argument should be an integer");
  }
  bool overflow = false;
  int64_t protocol = int_as_i64(v[0], &overflow);
  if (overflow) return err_format(&Exc_OverflowError, "Python int too large to convert to C long");
  Object* dict_raw = nullptr;
  if (object_lookup_attr(self, str_intern_cstr_borrowed("__dict__"), &dict_raw) < 0) {
    return nullptr;
  }
  Ref dict = dict_raw ? Ref::steal(dict_raw) : Ref::borrow(None);
  ArrayObject* a = arr(self);
  Ref tc = Ref::steal(str_from_codepoint(uint32_t(a->descr->typecode)));
  if (!tc) return nullptr;
  Object* cls = type_of(self);
  if (protocol < 3) {
    Ref list = Ref::steal(tolist_impl(a));
    if (!list) return nullptr;
    Ref cargs = Ref::steal(tuple_pack(2, tc.get(), list.get()));
    if (!cargs) return nullptr;
    return tuple_pack(3, cls, cargs.get(), dict.get());
  }
  Ref data = Ref::steal(tobytes_impl(a));
  Ref code = Ref::steal(int_from_i64(descr_mformat(a->descr)));
  if (!data || !code) return nullptr;
  Ref rargs = Ref::steal(tuple_pack(4, cls, tc.get(), code.get(), data.get()));
  if (!rargs) return nullptr;
  return tuple_pack(3, g_reconstructor, rargs.get(), dict.get());
}

Object* get_typecode(Object* self) {
  return str_from_codepoint(uint32_t(arr(self)->descr->typecode));
}
Object* get_itemsize(Object* self) {
  return int_from_i64(isz(arr(self)));
}

const GetSetDef kArrayGetSet[] = {
    {"typecode", get_typecode, nullptr, "the typecode character used to create the array"},
    {"itemsize", get_itemsize, nullptr, "the size, in bytes, of one array item"},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kArrayMethods[] = {
    {"append", m_append, METH_DEFAULT, "Append new value v to the end of the array."},
    {"buffer_info", m_buffer_info, METH_DEFAULT,
     "Return a tuple (address, length) giving the current memory address and the length in "
     "items of the buffer used to hold array's contents."},
    {"byteswap", m_byteswap, METH_DEFAULT, "Byteswap all items of the array."},
    {"count", m_count, METH_DEFAULT, "Return number of occurrences of v in the array."},
    {"extend", m_extend, METH_DEFAULT, "Append items to the end of the array."},
    {"frombytes", m_frombytes, METH_DEFAULT,
     "Appends items from the string, interpreting it as an array of machine values, as if it "
     "had been read from a file using the fromfile() method."},
    {"fromfile", m_fromfile, METH_DEFAULT,
     "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", m_fromlist, METH_DEFAULT, "Append items to array from list."},
    {"fromunicode", m_fromunicode, METH_DEFAULT,
     "Extends this array with data from the unicode string ustr."},
    {"index", m_index, METH_DEFAULT,
     "Return index of first occurrence of v in the array.\n\nRaise ValueError if the value is "
     "not present."},
    {"insert", m_insert, METH_DEFAULT, "Insert a new item v into the array before position i."},
    {"pop", m_pop, METH_DEFAULT,
     "Return the i-th element and delete it from the array.\n\ni defaults to -1."},
    {"remove", m_remove, METH_DEFAULT, "Remove the first occurrence of v in the array."},
    {"reverse", m_reverse, METH_DEFAULT, "Reverse the order of the items in the array."},
    {"tobytes", m_tobytes, METH_DEFAULT,
     "Convert the array to an array of machine values and return the bytes representation."},
    {"tofile", m_tofile, METH_DEFAULT, "Write all items (as machine values) to the file object f."},
    {"tolist", m_tolist, METH_DEFAULT, "Convert array to an ordinary list with the same items."},
    {"tounicode", m_tounicode, METH_DEFAULT,
     "Convert the array to a unicode string.\n\nThe array must be a unicode type array; "
     "otherwise a ValueError is raised."},
    {"__copy__", m_copy, METH_DEFAULT, "Return a copy of the array."},
    {"__deepcopy__", m_deepcopy, METH_DEFAULT, "Return a copy of the array."},
    {"__reduce_ex__", m_reduce_ex, METH_DEFAULT, "Return state information for pickling."},
    {"__sizeof__", m_sizeof, METH_DEFAULT, "Size of the array in memory, in bytes."},
    {"__class_getitem__", generic_alias_class_getitem, METH_CLASS, "See PEP 585"},
    {"__buffer__", buffer_dunder_buffer, METH_DEFAULT,
     "Return a buffer object that exposes the underlying memory of the object."},
    {"__release_buffer__", buffer_dunder_release_buffer, METH_DEFAULT,
     "Release the buffer object that exposes the underlying memory of the object."},
    {nullptr, nullptr, 0, nullptr},
};

// ---- _array_reconstructor
// -------------------------------------------------------------------------

// An integer of `size` bytes at p (byte order and signedness of the machine format).
Object* int_from_bytes_fmt(const unsigned char* p, const MFormatDescr& f) {
  uint64_t u = 0;
  for (int k = 0; k < f.size; ++k) {
    unsigned char byte = f.big_endian ? p[k] : p[f.size - 1 - k];
    u = (u << 8) | byte;
  }
  if (!f.is_signed) return int_from_u64(u);
  int shift = 64 - 8 * f.size;
  return int_from_i64(shift ? static_cast<int64_t>(u << shift) >> shift : static_cast<int64_t>(u));
}

double float_from_bytes_fmt(const unsigned char* p, const MFormatDescr& f) {
  unsigned char buf[8];
  bool swap = f.big_endian != kBigEndian;
  for (int k = 0; k < f.size; ++k) buf[k] = swap ? p[f.size - 1 - k] : p[k];
  return f.size == 4 ? double(load<float>(reinterpret_cast<char*>(buf)))
                     : load<double>(reinterpret_cast<char*>(buf));
}

Object* array_reconstructor(Object*, Object* const* args, ssize nargs, Object* kw) {
  if (!check_no_kwargs("array._array_reconstructor", kw) ||
      !check_positional("_array_reconstructor", nargs, 4, 4)) {
    return nullptr;
  }
  uint32_t c;
  if (!typecode_arg(args[1], "_array_reconstructor", 2, &c)) return nullptr;
  Ref code_obj = Ref::steal(number_index(args[2]));
  if (!code_obj) return nullptr;
  bool overflow = false;
  int64_t code = int_as_i64(code_obj.get(), &overflow);
  if (overflow || code < INT32_MIN || code > INT32_MAX) {
    return err_format(&Exc_OverflowError, "Python int too large to convert to C int");
  }
  Object* arraytype = args[0];
  if (type_of(arraytype) != &TypeType && !type_is_subtype(type_of(arraytype), &TypeType)) {
    return err_format(&Exc_TypeError, "first argument must be a type object, not %T", arraytype);
  }
  auto* type = static_cast<TypeObject*>(arraytype);
  if (!type_is_subtype(type, &ArrayType)) {
    return err_format(&Exc_TypeError, "%s is not a subtype of %s", type->name, ArrayType.name);
  }
  const ArrayDescr* descr = find_descr(c);
  if (!descr) return err_format(&Exc_ValueError, "second argument must be a valid type code");
  if (code < 0 || code > MACHINE_FORMAT_MAX) {
    return err_format(&Exc_ValueError, "third argument must be a valid machine format code.");
  }
  Object* items = args[3];
  if (!bytes_check(items)) {
    return err_format(&Exc_TypeError, "fourth argument should be bytes, not %T", items);
  }
  if (code == descr_mformat(descr)) return array_new_impl(type, descr, items);

  const MFormatDescr& f = kMFormats[code];
  ssize nbytes = bytes_size(items);
  if (nbytes % f.size != 0) {
    return err_format(&Exc_ValueError, "string length not a multiple of item size");
  }
  const auto* p = reinterpret_cast<const unsigned char*>(bytes_data(items));
  ssize n = nbytes / f.size;
  Ref converted;
  switch (code) {
    case IEEE_754_FLOAT_LE:
    case IEEE_754_FLOAT_BE:
    case IEEE_754_DOUBLE_LE:
    case IEEE_754_DOUBLE_BE: {
      converted = Ref::steal(list_new(n));
      if (!converted) return nullptr;
      for (ssize i = 0; i < n; ++i) {
        Object* x = float_from_double(float_from_bytes_fmt(p + i * f.size, f));
        if (!x) return nullptr;
        list_set_steal(converted.get(), i, x);
      }
      break;
    }
    case UTF16_LE:
    case UTF16_BE:
    case UTF32_LE:
    case UTF32_BE: {
      static const char* const kEncodings[] = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"};
      converted =
          Ref::steal(str_decode(bytes_data(items), nbytes, kEncodings[code - UTF16_LE], "strict"));
      if (!converted) return nullptr;
      break;
    }
    default: {
      // Integers: the typecode becomes the (last) one with the format's size and signedness.
      char tc = descr->typecode;
      for (const ArrayDescr& d : kDescrs) {
        if (d.is_integer && d.itemsize == f.size && d.is_signed == f.is_signed) tc = d.typecode;
      }
      descr = find_descr(uint32_t(tc));
      converted = Ref::steal(list_new(n));
      if (!converted) return nullptr;
      for (ssize i = 0; i < n; ++i) {
        Object* x = int_from_bytes_fmt(p + i * f.size, f);
        if (!x) return nullptr;
        list_set_steal(converted.get(), i, x);
      }
      break;
    }
  }
  return array_new_impl(type, descr, converted.get());
}

const MethodDef kArrayFunctions[] = {
    {"_array_reconstructor", array_reconstructor, METH_DEFAULT,
     "Internal. Used for pickling support."},
    {nullptr, nullptr, 0, nullptr},
};

constexpr const char* kArrayDoc =
    "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted "
    "by typecode, and\ninitialized from the optional initializer value, which must be a list,\n"
    "string or iterable over elements of the appropriate type.\n\nArrays represent basic values "
    "and behave very much like lists, except\nthe type of objects stored in them is constrained. "
    "The type is specified\nat object creation time by using a type code, which is a single "
    "character.\nThe following type codes are defined:\n\n    Type code   C Type             "
    "Minimum size in bytes\n    'b'         signed integer     1\n    'B'         unsigned "
    "integer   1\n    'u'         Unicode character  2 (see note)\n    'h'         signed integer "
    "    2\n    'H'         unsigned integer   2\n    'i'         signed integer     2\n    'I'  "
    "       unsigned integer   2\n    'l'         signed integer     4\n    'L'         unsigned "
    "integer   4\n    'q'         signed integer     8 (see note)\n    'Q'         unsigned "
    "integer   8 (see note)\n    'f'         floating point     4\n    'd'         floating "
    "point     8\n\nNOTE: The 'u' typecode corresponds to Python's unicode character. On\n"
    "narrow builds this is 2-bytes on wide builds this is 4-bytes.\n\nNOTE: The 'q' and 'Q' "
    "type codes are only available if the platform\nC compiler used to build Python supports "
    "'long long', or, on Windows,\n'__int64'.\n\nMethods:\n\nappend() -- append a new item to "
    "the end of the array\nbuffer_info() -- return information giving the current memory info\n"
    "byteswap() -- byteswap all the items of the array\ncount() -- return number of occurrences "
    "of an object\nextend() -- extend array by appending multiple elements from an iterable\n"
    "fromfile() -- read items from a file object\nfromlist() -- append items from the list\n"
    "frombytes() -- append items from the string\nindex() -- return index of first occurrence "
    "of an object\ninsert() -- insert a new item into the array at a provided position\npop() "
    "-- remove and return item (default last)\nremove() -- remove first occurrence of an object\n"
    "reverse() -- reverse the order of the items in the array\ntofile() -- write all items to a "
    "file object\ntolist() -- return the array converted to an ordinary list\ntobytes() -- "
    "return the array converted to a string\n\nAttributes:\n\ntypecode -- the typecode character "
    "used to create the array\nitemsize -- the length in bytes of one array item\n";

constexpr const char* kModuleDoc =
    "This module defines an object type which can efficiently represent\nan array of basic "
    "values: characters, integers, floating point\nnumbers.  Arrays are sequence types and "
    "behave very much like lists,\nexcept that the type of objects stored in them is "
    "constrained.\n";

void base_init(TypeObject& t, const char* name, ssize size, uint32_t flags) {
  t.ob_type = &TypeType;
  make_immortal(&t);
  t.name = name;
  t.basicsize = size;
  t.flags = flags;
}

bool types_ready() {
  if (ArrayType.flags & TPFLAG_READY) return true;
  base_init(ArrayType, "array.array", sizeof(ArrayObject), TPFLAG_BASETYPE);
  ArrayType.doc = kArrayDoc;
  ArrayType.dealloc = array_dealloc;
  ArrayType.new_ = array_new;
  ArrayType.repr = array_repr;
  ArrayType.richcompare = array_richcompare;
  ArrayType.hash = object_hash_not_implemented;
  ArrayType.iter = array_iter;
  ArrayType.len = array_len;
  ArrayType.getitem = array_subscript;
  ArrayType.sq_item = array_sq_item;
  ArrayType.setitem = array_ass_subscript;
  ArrayType.contains = array_contains;
  ArrayType.sq_concat = array_concat;
  ArrayType.sq_repeat = array_repeat;
  ArrayType.nb_inplace_add = array_inplace_concat;
  ArrayType.nb_inplace_multiply = array_inplace_repeat;
  ArrayType.methods = kArrayMethods;
  ArrayType.getset = kArrayGetSet;
  ArrayType.weaklistoffset = ssize(offsetof(ArrayObject, weakreflist));

  base_init(ArrayIterType, "array.arrayiterator", sizeof(ArrayIterObject), TPFLAG_HAVE_GC);
  ArrayIterType.dealloc = arrayiter_dealloc;
  ArrayIterType.traverse = arrayiter_traverse;
  ArrayIterType.iter = self_iter;
  ArrayIterType.iternext = arrayiter_next;
  ArrayIterType.methods = kArrayIterMethods;

  if (type_ready(&ArrayType) < 0 || type_ready(&ArrayIterType) < 0) return false;
  buffer_register_type(&ArrayType, &kArrayBufferProcs);
  return true;
}

}  // namespace

Object* array_module_init() {
  if (!types_ready()) return nullptr;
  Ref m = Ref::steal(module_new("array"));
  if (!m) return nullptr;
  Ref doc = Ref::steal(str_from_cstr(kModuleDoc));
  if (!doc || module_add_object(m.get(), "__doc__", doc.get()) < 0) return nullptr;
  if (module_add_functions(m.get(), kArrayFunctions) < 0) return nullptr;
  if (!g_reconstructor) {
    g_reconstructor = object_getattr_str(m.get(), "_array_reconstructor");
    if (!g_reconstructor) return nullptr;
  }
  if (module_add_object(m.get(), "array", as_object(&ArrayType)) < 0 ||
      module_add_object(m.get(), "ArrayType", as_object(&ArrayType)) < 0 ||
      module_add_string(m.get(), "typecodes", kTypecodes) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
