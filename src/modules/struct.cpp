// `_struct`: packing and unpacking C structs to and from bytes (lib/struct.py re-exports it).
//
// CPython 3.12's Modules/_struct.c, messages to the letter. A format string compiles into a
// Struct: its byte-order mode (the first character: '@' native order/sizes/alignment, '=' native
// order with standard sizes, '<' little, '>'/'!' big; none means '@'), its total size, the number
// of items it packs (s_len) and a list of codes, one per format character with a nonzero repeat
// count ('x' pads get no code; 's'/'p' get one code whose size is the repeat count). Pack/unpack
// walk the codes. The module functions compile formats through a small cache (a dict format ->
// Struct, cleared when it reaches 100 entries, as CPython's MAXCACHE; `_clearcache()` empties it).
//
// Native mode ('@') uses x86-64 Linux sizes and alignments (l/L/q/Q/n/N/P 8 bytes, aligned to
// their size) in the host byte order; 'n', 'N' and 'P' exist only in native mode. Integers are
// range-checked against the field's size ("'h' format requires -32768 <= number <= 32767");
// non-integers go through __index__ or fail with "required argument is not an integer". Floats:
// 'e' is IEEE half precision (PyFloat_Pack2/Unpack2, round-half-even), standard 'f' raises
// OverflowError for finite values too large for a float, native 'f' is a plain C cast.
//
// 3.12's Struct has the default repr (<_struct.Struct object at ...>): Struct('<i') is 3.13's.
#include <cmath>
#include <cstring>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/moduleobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

namespace {

constexpr bool kHostLittle = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
constexpr ssize kMaxCache = 100;

TypeObject StructType;
TypeObject UnpackIterType;
Object* g_struct_error = nullptr;  // struct.error (a heap class deriving from Exception)
Object* g_cache = nullptr;         // dict: format (str or bytes) -> Struct

TypeObject* struct_error() { return reinterpret_cast<TypeObject*>(g_struct_error); }

Object* struct_err(const char* msg) {
  err_set_string(struct_error(), msg);
  return nullptr;
}

enum Mode : char { kNative = '@', kStdNative = '=', kLittle = '<', kBig = '>' };

struct Code {
  char fmt;
  ssize offset;
  ssize size;    // bytes of one item ('s'/'p': the whole field)
  ssize repeat;  // items ('s'/'p': 1)
};

struct StructObject : Object {
  Object* format;  // str
  ssize size;
  ssize len;  // number of items packed / unpacked
  char mode;
  std::vector<Code>* codes;
};

StructObject* as_struct(Object* o) { return static_cast<StructObject*>(o); }

// Size and alignment of format character `c` in `mode`; size 0 = not a format character.
bool format_entry(char c, char mode, ssize* size, ssize* align) {
  ssize s = 0;
  if (mode == kNative) {
    switch (c) {
      case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': s = 1; break;
      case 'h': case 'H': case 'e': s = 2; break;
      case 'i': case 'I': case 'f': s = 4; break;
      case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd': s = 8; break;
      default: return false;
    }
    *size = s;
    *align = s;
    return true;
  }
  switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': s = 1; break;
    case 'h': case 'H': case 'e': s = 2; break;
    case 'i': case 'I': case 'l': case 'L': case 'f': s = 4; break;
    case 'q': case 'Q': case 'd': s = 8; break;
    default: return false;
  }
  *size = s;
  *align = 0;
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

// Compile `fmt` (NUL-terminated, `n` bytes) into `self`. false with an exception set.
bool compile_format(StructObject* self, const char* fmt, ssize n) {
  if (ssize(std::strlen(fmt)) != n) {
    struct_err("embedded null character");
    return false;
  }
  char mode = kNative;
  const char* s = fmt;
  switch (*s) {
    case '@': ++s; break;
    case '=': mode = kStdNative; ++s; break;
    case '<': mode = kLittle; ++s; break;
    case '>': case '!': mode = kBig; ++s; break;
    default: break;
  }
  auto codes = new std::vector<Code>();
  ssize size = 0, len = 0;
  auto fail = [&](const char* msg) {
    delete codes;
    struct_err(msg);
    return false;
  };
  const ssize kMax = PTRDIFF_MAX;
  char c;
  while ((c = *s++) != '\0') {
    if (is_space(c)) continue;
    ssize num = 1;
    if (c >= '0' && c <= '9') {
      num = c - '0';
      while ((c = *s++) >= '0' && c <= '9') {
        if (num >= kMax / 10 && (num > kMax / 10 || (c - '0') > kMax % 10)) {
          return fail("total struct size too long");
        }
        num = num * 10 + (c - '0');
      }
      if (c == '\0') return fail("repeat count given without format specifier");
    }
    ssize itemsize, align;
    if (!format_entry(c, mode, &itemsize, &align)) return fail("bad char in struct format");
    if (align && size > 0) {
      ssize extra = (align - 1) - (size - 1) % align;
      if (extra > kMax - size) return fail("total struct size too long");
      size += extra;
    }
    if (num > (kMax - size) / itemsize) return fail("total struct size too long");
    if (c == 's' || c == 'p') {
      codes->push_back({c, size, num, 1});
      ++len;
    } else if (c != 'x' && num) {
      codes->push_back({c, size, itemsize, num});
      len += num;
    }
    size += num * itemsize;
  }
  delete self->codes;
  self->codes = codes;
  self->size = size;
  self->len = len;
  self->mode = mode;
  return true;
}

// The format argument of Struct() / the module functions as ASCII bytes (new reference).
Object* format_bytes(Object* fmt) {
  if (str_check(fmt)) return str_encode(fmt, "ascii", "strict");
  if (bytes_check(fmt)) return newref(fmt);
  return err_format(&Exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %T",
                    fmt);
}

bool struct_set_format(StructObject* self, Object* fmt) {
  Ref b = Ref::steal(format_bytes(fmt));
  if (!b) return false;
  if (!compile_format(self, bytes_data(b.get()), bytes_size(b.get()))) return false;
  Object* s = str_from_utf8(bytes_data(b.get()), bytes_size(b.get()));
  if (!s) return false;
  Object* old = self->format;
  self->format = s;
  xdecref(old);
  return true;
}

const char* const kStructParams[] = {"format", nullptr};
const ArgSpec kStructSpec = {"Struct", kStructParams, 1, 1};

Object* struct_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  Object* fmt;
  if (!parse_args(kStructSpec, args, nargs, kwnames, &fmt)) return nullptr;
  auto* s = alloc_object<StructObject>(type);
  if (!s) return nullptr;
  s->format = nullptr;
  s->codes = nullptr;
  s->size = s->len = 0;
  s->mode = kNative;
  Ref ref = Ref::steal(s);
  if (!struct_set_format(s, fmt)) return nullptr;
  return ref.release();
}

// Struct.__init__(format): compiles again (as CPython, where __init__ does the work).
int struct_init(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* fmt;
  if (!parse_args(kStructSpec, args, nargs, kwnames, &fmt)) return -1;
  return struct_set_format(as_struct(self), fmt) ? 0 : -1;
}

void struct_dealloc(Object* self) {
  StructObject* s = as_struct(self);
  xdecref(s->format);
  delete s->codes;
  object_free(self);
}

// A compiled Struct for `fmt`, through the cache (new reference).
Object* cached_struct(Object* fmt) {
  if (!g_cache) {
    g_cache = dict_new();
    if (!g_cache) return nullptr;
  }
  if (str_check(fmt) || bytes_check(fmt)) {
    Object* hit = dict_get_borrowed(g_cache, fmt);
    if (hit) return newref(hit);
    if (err_occurred()) return nullptr;
  }
  Object* arg = fmt;
  Ref s = Ref::steal(call(as_object(&StructType), &arg, 1));
  if (!s) return nullptr;
  if (dict_size(g_cache) >= kMaxCache) dict_clear(g_cache);
  if (dict_setitem(g_cache, fmt, s.get()) < 0) return nullptr;
  return s.release();
}

// ---- integers -----------------------------------------------------------------------------------

// The value of an integer argument: *neg/*mag, or *toobig when it does not fit 64 bits.
bool get_integer(Object* v, bool* neg, uint64_t* mag, bool* toobig) {
  Ref i;
  if (!int_check(v)) {
    if (!index_check(v)) {
      struct_err("required argument is not an integer");
      return false;
    }
    i = Ref::steal(number_index(v));
    if (!i) return false;
    v = i.get();
  }
  *toobig = false;
  bool ovf = false;
  int64_t x = int_as_i64(v, &ovf);
  if (!ovf) {
    *neg = x < 0;
    *mag = x < 0 ? uint64_t(0) - uint64_t(x) : uint64_t(x);
    return true;
  }
  int sign = int_sign(v);
  *neg = sign < 0;
  if (sign > 0) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    bool fits = mpz_sizeinbase(z, 2) <= 64;
    if (fits) {
      uint64_t u = 0;
      size_t count = 0;
      mpz_export(&u, &count, -1, sizeof u, 0, 0, z);
      *mag = u;
    }
    mpz_clear(z);
    if (fits) return true;
  }
  *toobig = true;
  return true;
}

bool is_unsigned_code(char c) {
  return c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N' || c == 'P';
}

void store_uint(char* p, uint64_t x, ssize size, bool little) {
  for (ssize i = 0; i < size; ++i) {
    unsigned char b = (unsigned char)(x >> (8 * i));
    p[little ? i : size - 1 - i] = char(b);
  }
}

uint64_t load_uint(const char* p, ssize size, bool little) {
  uint64_t x = 0;
  for (ssize i = 0; i < size; ++i) {
    unsigned char b = (unsigned char)p[little ? i : size - 1 - i];
    x |= uint64_t(b) << (8 * i);
  }
  return x;
}

bool pack_integer(char* p, Object* v, char code, ssize size, bool little) {
  bool neg, toobig;
  uint64_t mag;
  if (!get_integer(v, &neg, &mag, &toobig)) return false;
  if (code == 'P') {
    if (toobig || (neg && mag > (uint64_t(1) << 63))) {
      struct_err("int too large to convert");
      return false;
    }
    store_uint(p, neg ? uint64_t(0) - mag : mag, size, little);
    return true;
  }
  int bits = int(size * 8);
  if (is_unsigned_code(code)) {
    uint64_t hi = bits == 64 ? ~uint64_t(0) : (uint64_t(1) << bits) - 1;
    if (toobig || (neg && mag != 0) || mag > hi) {
      err_format(struct_error(), "'%c' format requires 0 <= number <= %llu", code,
                 (unsigned long long)hi);
      return false;
    }
    store_uint(p, mag, size, little);
    return true;
  }
  uint64_t limit = uint64_t(1) << (bits - 1);  // |min|; max = limit - 1
  if (toobig || (neg ? mag > limit : mag >= limit)) {
    err_format(struct_error(), "'%c' format requires %lld <= number <= %lld", code,
               (long long)(-(int64_t)(limit - 1) - 1), (long long)(limit - 1));
    return false;
  }
  store_uint(p, neg ? uint64_t(0) - mag : mag, size, little);
  return true;
}

Object* unpack_integer(const char* p, char code, ssize size, bool little) {
  uint64_t x = load_uint(p, size, little);
  if (is_unsigned_code(code)) return int_from_u64(x);
  int bits = int(size * 8);
  if (bits < 64 && (x >> (bits - 1)) & 1) x |= ~uint64_t(0) << bits;
  return int_from_i64(int64_t(x));
}

// ---- floats -------------------------------------------------------------------------------------

// PyFloat_Pack2 (bits only). false with OverflowError.
bool half_pack(double x, uint16_t* out) {
  unsigned sign;
  int e;
  unsigned bits;
  if (x == 0.0) {
    sign = std::signbit(x) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (std::isinf(x)) {
    sign = x < 0.0;
    e = 0x1f;
    bits = 0;
  } else if (std::isnan(x)) {
    sign = std::signbit(x) ? 1 : 0;
    e = 0x1f;
    bits = 512;
  } else {
    sign = x < 0.0;
    if (sign) x = -x;
    double f = std::frexp(x, &e);
    f *= 2.0;
    e--;
    if (e >= 16) goto overflow;
    if (e < -25) {
      f = 0.0;
      e = 0;
    } else if (e < -14) {
      f = std::ldexp(f, 14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1.0;
    }
    f *= 1024.0;
    bits = unsigned(f);
    if ((f - bits > 0.5) || ((f - bits == 0.5) && (bits % 2 == 1))) {
      ++bits;
      if (bits == 1024) {
        bits = 0;
        ++e;
        if (e == 31) goto overflow;
      }
    }
  }
  *out = uint16_t(bits | (unsigned(e) << 10) | (sign << 15));
  return true;
overflow:
  err_format(&Exc_OverflowError, "float too large to pack with e format");
  return false;
}

double half_unpack(uint16_t v) {
  int sign = (v >> 15) & 1;
  int e = (v >> 10) & 0x1f;
  unsigned f = v & 0x3ff;
  if (e == 0x1f) {
    if (f == 0) return sign ? -INFINITY : INFINITY;
    return sign ? -NAN : NAN;
  }
  double x = double(f) / 1024.0;
  if (e == 0) {
    e = -14;
  } else {
    x += 1.0;
    e -= 15;
  }
  x = std::ldexp(x, e);
  return sign ? -x : x;
}

bool pack_float(char* p, Object* v, char code, bool little, bool native) {
  double x;
  if (float_check(v)) {
    x = float_value(v);
  } else {
    x = float_as_double(v);
    if (x == -1.0 && err_occurred()) {
      err_clear();
      struct_err("required argument is not a float");
      return false;
    }
  }
  if (code == 'e') {
    uint16_t h;
    if (!half_pack(x, &h)) return false;
    store_uint(p, h, 2, little);
  } else if (code == 'f') {
    float y = float(x);
    if (!native && std::isinf(y) && !std::isinf(x)) {
      err_format(&Exc_OverflowError, "float too large to pack with f format");
      return false;
    }
    uint32_t u;
    std::memcpy(&u, &y, 4);
    store_uint(p, u, 4, little);
  } else {
    uint64_t u;
    std::memcpy(&u, &x, 8);
    store_uint(p, u, 8, little);
  }
  return true;
}

Object* unpack_float(const char* p, char code, bool little) {
  if (code == 'e') return float_from_double(half_unpack(uint16_t(load_uint(p, 2, little))));
  if (code == 'f') {
    uint32_t u = uint32_t(load_uint(p, 4, little));
    float y;
    std::memcpy(&y, &u, 4);
    return float_from_double(y);
  }
  uint64_t u = load_uint(p, 8, little);
  double d;
  std::memcpy(&d, &u, 8);
  return float_from_double(d);
}

// ---- pack / unpack ------------------------------------------------------------------------------

bool mode_little(char mode) {
  return mode == kLittle || ((mode == kNative || mode == kStdNative) && kHostLittle);
}

// Pack `args` (exactly s->len of them) into buf (s->size bytes, zeroed by the caller).
bool pack_items(StructObject* s, char* buf, Object* const* args) {
  bool little = mode_little(s->mode);
  bool native = s->mode == kNative;
  ssize k = 0;
  for (const Code& code : *s->codes) {
    char* res = buf + code.offset;
    for (ssize r = 0; r < code.repeat; ++r, res += code.size) {
      Object* v = args[k++];
      switch (code.fmt) {
        case 's':
        case 'p': {
          const char* data;
          ssize n;
          if (bytes_check(v)) {
            data = bytes_data(v);
            n = bytes_size(v);
          } else if (bytearray_check(v)) {
            data = static_cast<ByteArrayObject*>(v)->data;
            n = static_cast<ByteArrayObject*>(v)->size;
          } else {
            err_format(struct_error(), "argument for '%c' must be a bytes object", code.fmt);
            return false;
          }
          if (code.fmt == 's') {
            if (n > code.size) n = code.size;
            if (n > 0) std::memcpy(res, data, size_t(n));
          } else if (code.size > 0) {
            if (n > code.size - 1) n = code.size - 1;
            if (n > 0) std::memcpy(res + 1, data, size_t(n));
            if (n > 255) n = 255;
            *res = char((unsigned char)n);
          }
          break;
        }
        case 'c':
          if (!bytes_check(v) || bytes_size(v) != 1) {
            struct_err("char format requires a bytes object of length 1");
            return false;
          }
          *res = bytes_data(v)[0];
          break;
        case '?': {
          int t = object_is_true(v);
          if (t < 0) return false;
          *res = char(t);
          break;
        }
        case 'e':
        case 'f':
        case 'd':
          if (!pack_float(res, v, code.fmt, little, native)) return false;
          break;
        default:
          if (!pack_integer(res, v, code.fmt, code.size, little)) return false;
          break;
      }
    }
  }
  return true;
}

Object* unpack_items(StructObject* s, const char* buf) {
  bool little = mode_little(s->mode);
  Ref t = Ref::steal(tuple_new(s->len));
  if (!t) return nullptr;
  ssize k = 0;
  for (const Code& code : *s->codes) {
    const char* res = buf + code.offset;
    for (ssize r = 0; r < code.repeat; ++r, res += code.size) {
      Object* v;
      switch (code.fmt) {
        case 's':
          v = bytes_from(res, code.size);
          break;
        case 'p': {
          ssize n = code.size > 0 ? (unsigned char)*res : 0;
          if (n >= code.size) n = code.size > 0 ? code.size - 1 : 0;
          v = bytes_from(res + 1, n);
          break;
        }
        case 'c':
          v = bytes_from(res, 1);
          break;
        case '?':
          v = bool_from(*res != 0);
          break;
        case 'e':
        case 'f':
        case 'd':
          v = unpack_float(res, code.fmt, little);
          break;
        default:
          v = unpack_integer(res, code.fmt, code.size, little);
          break;
      }
      if (!v) return nullptr;
      tuple_set_steal(t.get(), k++, v);
    }
  }
  return t.release();
}

Object* do_pack(StructObject* s, Object* const* args, ssize nargs) {
  if (nargs != s->len) {
    return err_format(struct_error(), "pack expected %zd items for packing (got %zd)", s->len,
                      nargs);
  }
  Ref b = Ref::steal(bytes_new_uninit(s->size));
  if (!b) return nullptr;
  std::memset(bytes_data(b.get()), 0, size_t(s->size));
  if (!pack_items(s, bytes_data(b.get()), args)) return nullptr;
  return b.release();
}

// args: buffer, offset, values...
Object* do_pack_into(StructObject* s, Object* const* args, ssize nargs) {
  if (nargs != s->len + 2) {
    if (nargs == 0) return struct_err("pack_into expected buffer argument");
    if (nargs == 1) return struct_err("pack_into expected offset argument");
    return err_format(struct_error(), "pack_into expected %zd items for packing (got %zd)",
                      s->len, nargs - 2);
  }
  BufferView view;
  if (get_buffer(args[0], &view, BUF_SIMPLE) < 0) {
    if (err_matches(&Exc_TypeError)) {
      err_clear();
      err_format(&Exc_TypeError, "argument must be read-write bytes-like object, not %T",
                 args[0]);
    }
    return nullptr;
  }
  struct Releaser {
    BufferView* v;
    ~Releaser() { release_buffer(v); }
  } releaser{&view};
  if (view.readonly) {
    return err_format(&Exc_TypeError, "argument must be read-write bytes-like object, not %T",
                      args[0]);
  }
  ssize offset = number_as_ssize(args[1], &Exc_IndexError);
  if (offset == -1 && err_occurred()) return nullptr;
  if (offset < 0) {
    if (offset + s->size > 0) {
      return err_format(struct_error(), "no space to pack %zd bytes at offset %zd", s->size,
                        offset);
    }
    if (offset + view.len < 0) {
      return err_format(struct_error(), "offset %zd out of range for %zd-byte buffer", offset,
                        view.len);
    }
    offset += view.len;
  }
  if (view.len - offset < s->size) {
    return err_format(struct_error(),
                      "pack_into requires a buffer of at least %zu bytes for packing %zd bytes "
                      "at offset %zd (actual buffer size is %zd)",
                      size_t(s->size + offset), s->size, offset, view.len);
  }
  // As CPython: the field is zeroed, then packed in place (a failure leaves what was packed).
  if (s->size) std::memset(view.buf + offset, 0, size_t(s->size));
  if (!pack_items(s, view.buf + offset, args + 2)) return nullptr;
  return none_ref();
}

Object* do_unpack(StructObject* s, Object* buffer) {
  BufferView view;
  if (get_buffer(buffer, &view, BUF_SIMPLE) < 0) return nullptr;
  if (view.len != s->size) {
    release_buffer(&view);
    return err_format(struct_error(), "unpack requires a buffer of %zd bytes", s->size);
  }
  Object* r = unpack_items(s, view.buf);
  release_buffer(&view);
  return r;
}

Object* do_unpack_from(StructObject* s, Object* buffer, Object* offset_obj) {
  ssize offset = 0;
  if (offset_obj) {
    Ref i = Ref::steal(number_index(offset_obj));
    if (!i) return nullptr;
    offset = int_as_ssize(i.get());
    if (offset == -1 && err_occurred()) return nullptr;
  }
  BufferView view;
  if (get_buffer(buffer, &view, BUF_SIMPLE) < 0) return nullptr;
  struct Releaser {
    BufferView* v;
    ~Releaser() { release_buffer(v); }
  } releaser{&view};
  if (offset < 0) {
    if (offset + s->size > 0) {
      return err_format(struct_error(), "not enough data to unpack %zd bytes at offset %zd",
                        s->size, offset);
    }
    if (offset + view.len < 0) {
      return err_format(struct_error(), "offset %zd out of range for %zd-byte buffer", offset,
                        view.len);
    }
    offset += view.len;
  }
  if (view.len - offset < s->size) {
    return err_format(struct_error(),
                      "unpack_from requires a buffer of at least %zu bytes for unpacking %zd "
                      "bytes at offset %zd (actual buffer size is %zd)",
                      size_t(s->size + offset), s->size, offset, view.len);
  }
  return unpack_items(s, view.buf + offset);
}

// ---- the unpack iterator ------------------------------------------------------------------------

struct UnpackIterObject : Object {
  Object* st;  // Struct
  BufferView* view;  // null once exhausted
  ssize index;
};

UnpackIterObject* as_iter(Object* o) { return static_cast<UnpackIterObject*>(o); }

void iter_release(UnpackIterObject* it) {
  if (it->view) {
    release_buffer(it->view);
    delete it->view;
    it->view = nullptr;
  }
}

Object* do_iter_unpack(StructObject* s, Object* buffer) {
  if (s->size == 0) return struct_err("cannot iteratively unpack with a struct of length 0");
  auto* view = new BufferView();
  if (get_buffer(buffer, view, BUF_SIMPLE) < 0) {
    delete view;
    return nullptr;
  }
  if (view->len % s->size != 0) {
    release_buffer(view);
    delete view;
    return err_format(struct_error(),
                      "iterative unpacking requires a buffer of a multiple of %zd bytes",
                      s->size);
  }
  auto* it = alloc_object<UnpackIterObject>(&UnpackIterType);
  if (!it) {
    release_buffer(view);
    delete view;
    return nullptr;
  }
  it->st = newref(static_cast<Object*>(s));
  it->view = view;
  it->index = 0;
  return it;
}

void iter_dealloc(Object* self) {
  UnpackIterObject* it = as_iter(self);
  iter_release(it);
  xdecref(it->st);
  object_free(self);
}

Object* iter_self(Object* self) { return newref(self); }

Object* unpack_iter_next(Object* self) {
  UnpackIterObject* it = as_iter(self);
  if (!it->view) return nullptr;
  StructObject* s = as_struct(it->st);
  if (it->index >= it->view->len) {
    iter_release(it);
    return nullptr;
  }
  Object* r = unpack_items(s, it->view->buf + it->index);
  it->index += s->size;
  return r;
}

Object* iter_length_hint(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__length_hint__", nargs, kwnames)) return nullptr;
  UnpackIterObject* it = as_iter(self);
  ssize n = 0;
  if (it->view) n = (it->view->len - it->index) / as_struct(it->st)->size;
  return int_from_ssize(n);
}

const MethodDef kIterMethods[] = {
    {"__length_hint__", iter_length_hint, METH_DEFAULT, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---- Struct methods -----------------------------------------------------------------------------

Object* struct_pack_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("Struct.pack", kwnames)) return nullptr;
  return do_pack(as_struct(self), args, nargs);
}

Object* struct_pack_into_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("Struct.pack_into", kwnames)) return nullptr;
  return do_pack_into(as_struct(self), args, nargs);
}

Object* struct_unpack_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("Struct.unpack", nargs, kwnames)) return nullptr;
  return do_unpack(as_struct(self), args[0]);
}

const char* const kUnpackFromParams[] = {"buffer", "offset", nullptr};
const ArgSpec kUnpackFromSpec = {"unpack_from", kUnpackFromParams, 1, 2};

Object* struct_unpack_from_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  Object* out[2];
  if (!parse_args(kUnpackFromSpec, args, nargs, kwnames, out)) return nullptr;
  return do_unpack_from(as_struct(self), out[0], out[1]);
}

Object* struct_iter_unpack_meth(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("Struct.iter_unpack", nargs, kwnames)) return nullptr;
  return do_iter_unpack(as_struct(self), args[0]);
}

Object* struct_sizeof(Object* self, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("__sizeof__", nargs, kwnames)) return nullptr;
  StructObject* s = as_struct(self);
  return int_from_ssize(ssize(sizeof(StructObject)) +
                        ssize(sizeof(Code)) * ssize(s->codes ? s->codes->size() + 1 : 1));
}

Object* struct_get_format(Object* self) {
  Object* f = as_struct(self)->format;
  return f ? newref(f) : none_ref();
}

Object* struct_get_size(Object* self) { return int_from_ssize(as_struct(self)->size); }

const MethodDef kStructMethods[] = {
    {"pack", struct_pack_meth, METH_DEFAULT,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... "
     "packed according\nto the format string S.format.  See help(struct) for more on format\n"
     "strings."},
    {"pack_into", struct_pack_into_meth, METH_DEFAULT,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the "
     "format string S.format\nand write the packed bytes into the writable buffer buf starting "
     "at\noffset.  Note that the offset is a required argument.  See\nhelp(struct) for more on "
     "format strings."},
    {"unpack", struct_unpack_meth, METH_DEFAULT,
     "Return a tuple containing unpacked values."},
    {"unpack_from", struct_unpack_from_meth, METH_DEFAULT,
     "Return a tuple containing unpacked values."},
    {"iter_unpack", struct_iter_unpack_meth, METH_DEFAULT,
     "Return an iterator yielding tuples."},
    {"__sizeof__", struct_sizeof, METH_DEFAULT, "S.__sizeof__() -> size of S in memory, in bytes"},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kStructGetSet[] = {
    {"format", struct_get_format, nullptr, "struct format string"},
    {"size", struct_get_size, nullptr, "struct size in bytes"},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---- module functions ---------------------------------------------------------------------------

Object* mod_pack(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_struct.pack", kwnames)) return nullptr;
  if (nargs == 0) return err_format(&Exc_TypeError, "missing format argument");
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return nullptr;
  return do_pack(as_struct(s.get()), args + 1, nargs - 1);
}

Object* mod_pack_into(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_struct.pack_into", kwnames)) return nullptr;
  if (nargs == 0) return err_format(&Exc_TypeError, "missing format argument");
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return nullptr;
  return do_pack_into(as_struct(s.get()), args + 1, nargs - 1);
}

Object* mod_unpack(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_struct.unpack", kwnames) || !check_positional("unpack", nargs, 2, 2)) {
    return nullptr;
  }
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return nullptr;
  return do_unpack(as_struct(s.get()), args[1]);
}

const char* const kModUnpackFromParams[] = {"", "buffer", "offset", nullptr};
const ArgSpec kModUnpackFromSpec = {"unpack_from", kModUnpackFromParams, 2, 3};

Object* mod_unpack_from(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  Object* out[3];
  if (!parse_args(kModUnpackFromSpec, args, nargs, kwnames, out)) return nullptr;
  Ref s = Ref::steal(cached_struct(out[0]));
  if (!s) return nullptr;
  return do_unpack_from(as_struct(s.get()), out[1], out[2]);
}

Object* mod_iter_unpack(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_no_kwargs("_struct.iter_unpack", kwnames) ||
      !check_positional("iter_unpack", nargs, 2, 2)) {
    return nullptr;
  }
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return nullptr;
  return do_iter_unpack(as_struct(s.get()), args[1]);
}

Object* mod_calcsize(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_one_arg("_struct.calcsize", nargs, kwnames)) return nullptr;
  Ref s = Ref::steal(cached_struct(args[0]));
  if (!s) return nullptr;
  return int_from_ssize(as_struct(s.get())->size);
}

Object* mod_clearcache(Object*, Object* const*, ssize nargs, Object* kwnames) {
  if (!check_no_args("_clearcache", nargs, kwnames)) return nullptr;
  if (g_cache) dict_clear(g_cache);
  return none_ref();
}

const MethodDef kModuleFunctions[] = {
    {"pack", mod_pack, METH_DEFAULT,
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, "
     "... packed according\nto the format string.  See help(struct) for more on format strings."},
    {"pack_into", mod_pack_into, METH_DEFAULT,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according "
     "to the format string and write\nthe packed bytes into the writable buffer buf starting at "
     "offset.  Note\nthat the offset is a required argument.  See help(struct) for more\non "
     "format strings."},
    {"unpack", mod_unpack, METH_DEFAULT,
     "Return a tuple containing values unpacked according to the format string."},
    {"unpack_from", mod_unpack_from, METH_DEFAULT,
     "Return a tuple containing values unpacked according to the format string."},
    {"iter_unpack", mod_iter_unpack, METH_DEFAULT,
     "Return an iterator yielding tuples unpacked from the given bytes."},
    {"calcsize", mod_calcsize, METH_DEFAULT,
     "Return size in bytes of the struct described by the format string."},
    {"_clearcache", mod_clearcache, METH_DEFAULT, "Clear the internal cache."},
    {nullptr, nullptr, 0, nullptr},
};

const char kModuleDoc[] =
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n";

// type("error", (Exception,), {"__module__": "struct"})
Object* make_error_class() {
  Ref n = Ref::steal(str_from_cstr("error"));
  Ref bases = Ref::steal(tuple_pack(1, as_object(&Exc_Exception)));
  Ref d = Ref::steal(dict_new());
  Ref mod = Ref::steal(str_from_cstr("struct"));
  if (!n || !bases || !d || !mod || dict_setitem_str(d.get(), "__module__", mod.get()) < 0) {
    return nullptr;
  }
  Object* argv[3] = {n.get(), bases.get(), d.get()};
  return call(as_object(&TypeType), argv, 3);
}

}  // namespace

Object* struct_module_init() {
  if (!(StructType.flags & TPFLAG_READY)) {
    StructType.ob_type = &TypeType;
    make_immortal(&StructType);
    StructType.name = "_struct.Struct";
    StructType.basicsize = sizeof(StructObject);
    StructType.flags = TPFLAG_BASETYPE;
    StructType.dealloc = struct_dealloc;
    StructType.new_ = struct_new;
    StructType.init = struct_init;
    StructType.methods = kStructMethods;
    StructType.getset = kStructGetSet;
    StructType.doc =
        "Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct object "
        "which writes and reads binary data according to\nthe format string.\n\nSee "
        "help(struct) for more on format strings.";
    if (type_ready(&StructType) < 0) return nullptr;
  }
  if (!(UnpackIterType.flags & TPFLAG_READY)) {
    UnpackIterType.ob_type = &TypeType;
    make_immortal(&UnpackIterType);
    UnpackIterType.name = "_struct.unpack_iterator";
    UnpackIterType.basicsize = sizeof(UnpackIterObject);
    UnpackIterType.dealloc = iter_dealloc;
    UnpackIterType.iter = iter_self;
    UnpackIterType.iternext = unpack_iter_next;
    UnpackIterType.methods = kIterMethods;
    if (type_ready(&UnpackIterType) < 0) return nullptr;
  }
  if (!g_struct_error) {
    g_struct_error = make_error_class();
    if (!g_struct_error) return nullptr;
  }
  if (!g_cache) {
    g_cache = dict_new();
    if (!g_cache) return nullptr;
  }
  Ref m = Ref::steal(module_new("_struct"));
  if (!m || module_add_functions(m.get(), kModuleFunctions) < 0 ||
      module_add_object(m.get(), "Struct", as_object(&StructType)) < 0 ||
      module_add_object(m.get(), "error", g_struct_error) < 0 ||
      module_add_string(m.get(), "__doc__", kModuleDoc) < 0) {
    return nullptr;
  }
  return m.release();
}

}  // namespace gilpy
