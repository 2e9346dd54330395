// The buffer protocol (exporter registry, get_buffer/release_buffer, copying) and memoryview.
// See objects/memoryobject.h for the design; CPython's Objects/memoryobject.c for the semantics.
//
// A memoryview describes its own view (buf, len, itemsize, format, ndim, shape, strides; the
// shape and strides arrays follow the object) of a ManagedBuffer: the one export taken from the
// underlying object, shared by every view derived from it (slices, casts, memoryview(mv),
// toreadonly) and released when the last of them is released or dies. Formats are the native
// single-character struct formats (optionally prefixed by '@'); other formats can be viewed and
// copied but not indexed ("memoryview: unsupported format ...").
#include "objects/memoryobject.h"

#include <cmath>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/floatobject.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/strobject.h"

namespace gilpy {

TypeObject MemoryViewType;
TypeObject MemoryIterType;

// ---- registry and the generic protocol ------------------------------------------------------------

namespace {
struct RegistryEntry {
  TypeObject* type;
  const BufferProcs* procs;
};
constexpr int kMaxExporterTypes = 64;
RegistryEntry g_registry[kMaxExporterTypes];
int g_registry_size = 0;

const BufferProcs* lookup_procs(TypeObject* type) {
  for (TypeObject* t = type; t; t = t->base) {
    for (int i = 0; i < g_registry_size; ++i)
      if (g_registry[i].type == t) return g_registry[i].procs;
  }
  return nullptr;
}

Object* dunder_buffer_name() {
  static Object* name = nullptr;
  if (!name) name = str_intern_cstr_borrowed("__buffer__");
  return name;
}

bool has_dunder_buffer(TypeObject* t) {
  if (!type_has_flag(t, TPFLAG_HEAPTYPE)) return false;
  return type_lookup_borrowed(t, dunder_buffer_name()) != nullptr;
}
}  // namespace

void buffer_register_type(TypeObject* type, const BufferProcs* procs) {
  for (int i = 0; i < g_registry_size; ++i) {
    if (g_registry[i].type == type) {
      g_registry[i].procs = procs;
      return;
    }
  }
  if (g_registry_size < kMaxExporterTypes) g_registry[g_registry_size++] = {type, procs};
}

bool buffer_check(Object* o) {
  TypeObject* t = type_of(o);
  return lookup_procs(t) != nullptr || has_dunder_buffer(t);
}

int get_buffer(Object* o, BufferView* view, int flags) {
  TypeObject* t = type_of(o);
  if (const BufferProcs* p = lookup_procs(t)) {
    *view = BufferView();
    if (p->get(o, view, flags) < 0) {
      view->obj = nullptr;
      return -1;
    }
    return 0;
  }
  if (has_dunder_buffer(t)) {
    // PEP 688: __buffer__(flags) returns a memoryview; export its buffer.
    Ref f = Ref::steal(int_from_i64(flags));
    if (!f) return -1;
    Ref r = Ref::steal(call_method1(o, "__buffer__", f.get()));
    if (!r) return -1;
    if (!memoryview_check(r.get())) {
      err_format(&Exc_TypeError, "__buffer__ returned non-memoryview object");
      return -1;
    }
    return get_buffer(r.get(), view, flags);
  }
  err_format(&Exc_TypeError, "a bytes-like object is required, not '%T'", o);
  return -1;
}

void release_buffer(BufferView* view) {
  Object* o = view->obj;
  if (!o) return;
  if (const BufferProcs* p = lookup_procs(type_of(o))) {
    if (p->release) p->release(o, view);
  }
  view->obj = nullptr;
  decref(o);
}

int buffer_fill_bytes(BufferView* view, Object* exporter, char* buf, ssize len, bool readonly,
                      int flags) {
  if ((flags & BUF_WRITABLE) && readonly) {
    err_set_string(&Exc_BufferError, "Object is not writable.");
    return -1;
  }
  static char empty[1] = {0};
  view->obj = exporter ? newref(exporter) : nullptr;
  view->buf = buf ? buf : empty;
  view->len = len;
  view->itemsize = 1;
  view->readonly = readonly;
  view->ndim = 1;
  view->format = "B";
  view->shape1 = len;
  view->stride1 = 1;
  view->shape = &view->shape1;
  view->strides = &view->stride1;
  view->internal = nullptr;
  return 0;
}

bool buffer_is_contiguous(const BufferView* v, char order) {
  if (v->len == 0 || v->ndim == 0) return true;
  auto c_contig = [v] {
    ssize sd = v->itemsize;
    for (int i = v->ndim - 1; i >= 0; --i) {
      if (v->shape[i] > 1 && v->strides[i] != sd) return false;
      sd *= v->shape[i];
    }
    return true;
  };
  auto f_contig = [v] {
    ssize sd = v->itemsize;
    for (int i = 0; i < v->ndim; ++i) {
      if (v->shape[i] > 1 && v->strides[i] != sd) return false;
      sd *= v->shape[i];
    }
    return true;
  };
  if (order == 'C') return c_contig();
  if (order == 'F') return f_contig();
  return c_contig() || f_contig();
}

bool WritableBufferArg::get(Object* o, const char* fname, const char* argnum) {
  release_buffer(&view_);
  if (get_buffer(o, &view_, BUF_WRITABLE) == 0 && buffer_is_contiguous(&view_, 'C')) return true;
  release_buffer(&view_);
  err_clear();
  err_format(&Exc_TypeError, "%s() argument%s%s must be read-write bytes-like object, not %s",
             fname, *argnum ? " " : "", argnum, o == None ? "None" : type_name(type_of(o)));
  return false;
}

namespace {
// Visit every item pointer of a view in C (last index fastest) or Fortran order.
template <class F>
void for_each_item(const BufferView* v, char order, F&& fn) {
  if (v->ndim == 0) {
    fn(v->buf);
    return;
  }
  for (int i = 0; i < v->ndim; ++i)
    if (v->shape[i] == 0) return;
  ssize idx[kBufferMaxNdim] = {0};
  int nd = v->ndim;
  for (;;) {
    char* p = v->buf;
    for (int i = 0; i < nd; ++i) p += idx[i] * v->strides[i];
    fn(p);
    // increment
    int d = order == 'F' ? 0 : nd - 1;
    for (;;) {
      if (++idx[d] < v->shape[d]) break;
      idx[d] = 0;
      if (order == 'F') {
        if (++d == nd) return;
      } else {
        if (--d < 0) return;
      }
    }
  }
}
}  // namespace

void buffer_copy_to(char* dst, const BufferView* v, char order) {
  if (order == 'A') order = buffer_is_contiguous(v, 'F') && !buffer_is_contiguous(v, 'C') ? 'F' : 'C';
  if (buffer_is_contiguous(v, order)) {
    if (v->len) memcpy(dst, v->buf, size_t(v->len));
    return;
  }
  ssize isz = v->itemsize;
  for_each_item(v, order, [&](const char* p) {
    memcpy(dst, p, size_t(isz));
    dst += isz;
  });
}

Object* buffer_to_bytes(Object* o) {
  BufferView v;
  if (get_buffer(o, &v, BUF_FULL_RO) < 0) return nullptr;
  Object* r = bytes_new_uninit(v.len);
  if (r) buffer_copy_to(bytes_data(r), &v, 'C');
  release_buffer(&v);
  return r;
}

// ---- formats --------------------------------------------------------------------------------------

namespace {

ssize native_itemsize(char c) {
  switch (c) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return -1;
  }
}

// The single native format character of `fmt` ("B", "@B"), or 0.
char native_fmtchar(const char* fmt) {
  if (!fmt) return 'B';
  if (fmt[0] == '@') ++fmt;
  if (fmt[0] && !fmt[1] && native_itemsize(fmt[0]) > 0) return fmt[0];
  return 0;
}

// Static storage for the format strings of cast views.
const char* static_fmtstr(char c, bool at) {
  static char plain[128][2];
  static char with_at[128][3];
  unsigned char u = static_cast<unsigned char>(c) & 127;
  if (at) {
    with_at[u][0] = '@';
    with_at[u][1] = c;
    return with_at[u];
  }
  plain[u][0] = c;
  return plain[u];
}

inline bool is_byte_format(char c) { return c == 'b' || c == 'B' || c == 'c'; }

// Format without a leading '@' (for messages and equivalence).
const char* strip_at(const char* fmt) { return fmt[0] == '@' ? fmt + 1 : fmt; }

float half_to_float(uint16_t h) {
  int sign = h >> 15, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  double v;
  if (exp == 0) v = std::ldexp(double(mant), -24);
  else if (exp == 31) v = mant ? NAN : INFINITY;
  else v = std::ldexp(double(mant | 0x400), exp - 25);
  return float(sign ? -v : v);
}

// Round-half-even float -> IEEE half. false on overflow.
bool double_to_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  double a = std::fabs(x);
  if (std::isnan(x)) {
    *out = uint16_t(sign | 0x7e00);
    return true;
  }
  if (std::isinf(x)) {
    *out = uint16_t(sign | 0x7c00);
    return true;
  }
  if (a == 0) {
    *out = sign;
    return true;
  }
  int e;
  double f = std::frexp(a, &e);  // a = f * 2^e, 0.5 <= f < 1
  if (e < -13) {
    // subnormal: value = m * 2^-24
    double m = std::nearbyint(std::ldexp(a, 24));
    *out = uint16_t(sign | uint16_t(m));  // m may round up to 0x400 (the smallest normal)
    return true;
  }
  double m = std::nearbyint(std::ldexp(f, 11));  // 1024 <= m <= 2048
  if (m == 2048) {
    m = 1024;
    ++e;
  }
  int exp = e - 1 + 15;
  if (exp >= 31) return false;
  *out = uint16_t(sign | (exp << 10) | (uint16_t(m) & 0x3ff));
  return true;
}

template <class T>
T load(const char* p) {
  T v;
  memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void store(char* p, T v) {
  memcpy(p, &v, sizeof v);
}

Object* unpack_item(const char* p, char fmt) {
  switch (fmt) {
    case 'B': return int_from_i64(load<uint8_t>(p));
    case 'b': return int_from_i64(load<int8_t>(p));
    case 'c': return bytes_from(p, 1);
    case '?': return bool_from(load<uint8_t>(p) != 0);
    case 'h': return int_from_i64(load<int16_t>(p));
    case 'H': return int_from_i64(load<uint16_t>(p));
    case 'i': return int_from_i64(load<int32_t>(p));
    case 'I': return int_from_i64(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return int_from_i64(load<int64_t>(p));
    case 'L': case 'Q': case 'N': case 'P': return int_from_u64(load<uint64_t>(p));
    case 'f': return float_from_double(double(load<float>(p)));
    case 'd': return float_from_double(load<double>(p));
    case 'e': return float_from_double(double(half_to_float(load<uint16_t>(p))));
  }
  return err_format(&Exc_NotImplementedError, "memoryview: format %c not supported", fmt);
}

int type_error_fmt(const char* fmt) {
  err_format(&Exc_TypeError, "memoryview: invalid type for format '%s'", fmt);
  return -1;
}
int value_error_fmt(const char* fmt) {
  err_format(&Exc_ValueError, "memoryview: invalid value for format '%s'", fmt);
  return -1;
}
int fix_error(const char* fmt) {
  if (err_matches(&Exc_TypeError)) {
    err_clear();
    return type_error_fmt(fmt);
  }
  if (err_matches(&Exc_OverflowError) || err_matches(&Exc_ValueError)) {
    err_clear();
    return value_error_fmt(fmt);
  }
  return -1;
}

// Pack `v` into p according to fmt (`fmtstr` names it in messages).
int pack_item(char* p, char fmt, Object* v, const char* fmtstr) {
  switch (fmt) {
    case 'c': {
      if (!bytes_check(v)) return type_error_fmt(fmtstr);
      if (bytes_size(v) != 1) return value_error_fmt(fmtstr);
      *p = bytes_data(v)[0];
      return 0;
    }
    case '?': {
      int t = object_is_true(v);
      if (t < 0) return -1;
      *p = char(t);
      return 0;
    }
    case 'f': case 'd': case 'e': {
      double d = float_as_double(v);
      if (d == -1.0 && err_occurred()) return fix_error(fmtstr);
      if (fmt == 'd') {
        store<double>(p, d);
      } else if (fmt == 'f') {
        float f = float(d);
        if (std::isinf(f) && !std::isinf(d)) return value_error_fmt(fmtstr);
        store<float>(p, f);
      } else {
        uint16_t h;
        if (!double_to_half(d, &h)) return value_error_fmt(fmtstr);
        store<uint16_t>(p, h);
      }
      return 0;
    }
    default: break;
  }
  // integers
  Ref i = Ref::steal(number_index(v));
  if (!i) return fix_error(fmtstr);
  bool is_unsigned = fmt == 'B' || fmt == 'H' || fmt == 'I' || fmt == 'L' || fmt == 'Q' ||
                     fmt == 'N' || fmt == 'P';
  int64_t sv = 0;
  uint64_t uv = 0;
  if (is_unsigned) {
    if (int_sign(i.get()) < 0) return value_error_fmt(fmtstr);
    bool ovf = false;
    sv = int_as_i64(i.get(), &ovf);
    if (ovf) {
      // maybe in [2^63, 2^64)
      Ref big = Ref::steal(int_from_u64(~uint64_t(0)));
      if (!big) return -1;
      if (int_compare(i.get(), big.get()) > 0) return value_error_fmt(fmtstr);
      // i - 2^63 fits in int64
      Ref two63 = Ref::steal(int_from_u64(uint64_t(1) << 63));
      if (!two63) return -1;
      Ref diff = Ref::steal(int_sub(i.get(), two63.get()));
      if (!diff) return -1;
      bool o2 = false;
      int64_t d = int_as_i64(diff.get(), &o2);
      uv = (uint64_t(1) << 63) + uint64_t(d);
    } else {
      uv = uint64_t(sv);
    }
  } else {
    bool ovf = false;
    sv = int_as_i64(i.get(), &ovf);
    if (ovf) return value_error_fmt(fmtstr);
  }
  switch (fmt) {
    case 'B': if (uv > 0xff) return value_error_fmt(fmtstr); store<uint8_t>(p, uint8_t(uv)); break;
    case 'H': if (uv > 0xffff) return value_error_fmt(fmtstr); store<uint16_t>(p, uint16_t(uv)); break;
    case 'I': if (uv > 0xffffffffu) return value_error_fmt(fmtstr); store<uint32_t>(p, uint32_t(uv)); break;
    case 'L': case 'Q': case 'N': case 'P': store<uint64_t>(p, uv); break;
    case 'b': if (sv < -128 || sv > 127) return value_error_fmt(fmtstr); store<int8_t>(p, int8_t(sv)); break;
    case 'h': if (sv < -32768 || sv > 32767) return value_error_fmt(fmtstr); store<int16_t>(p, int16_t(sv)); break;
    case 'i': if (sv < INT32_MIN || sv > INT32_MAX) return value_error_fmt(fmtstr); store<int32_t>(p, int32_t(sv)); break;
    case 'l': case 'q': case 'n': store<int64_t>(p, sv); break;
    default:
      err_format(&Exc_NotImplementedError, "memoryview: format %s not supported", fmtstr);
      return -1;
  }
  return 0;
}

}  // namespace

// ---- memoryview object ----------------------------------------------------------------------------

namespace {

struct ManagedBuffer {
  ssize refs;
  BufferView master;
};

enum : int { MV_C = 1, MV_F = 2 };

struct MemoryViewObject : Object {
  ManagedBuffer* mbuf;  // null once released
  hash_t hash;          // -1 until computed
  ssize exports;        // buffers exported from this view (get_buffer on it)
  int flags;            // MV_C / MV_F contiguity
  BufferView view;      // view.obj unused; shape/strides point into arrays
  ssize arrays[2];      // shape[ndim] then strides[ndim] (allocated for max(ndim, 1))
};

inline MemoryViewObject* mvo(Object* o) { return static_cast<MemoryViewObject*>(o); }

void mbuf_decref(ManagedBuffer* mb) {
  if (--mb->refs > 0) return;
  release_buffer(&mb->master);
  delete mb;
}

void init_flags(MemoryViewObject* m) {
  m->flags = 0;
  if (buffer_is_contiguous(&m->view, 'C')) m->flags |= MV_C;
  if (buffer_is_contiguous(&m->view, 'F')) m->flags |= MV_F;
}

// A new view of mb described by src, with room for `ndim` dimensions (>= src.ndim).
MemoryViewObject* mv_new(ManagedBuffer* mb, const BufferView& src, int ndim) {
  int cap = ndim > src.ndim ? ndim : src.ndim;
  if (cap < 1) cap = 1;
  size_t extra = cap > 1 ? size_t(2 * cap - 2) * sizeof(ssize) : 0;
  auto* m = alloc_object<MemoryViewObject>(&MemoryViewType, extra);
  if (!m) return nullptr;
  m->mbuf = mb;
  ++mb->refs;
  m->hash = -1;
  m->exports = 0;
  new (&m->view) BufferView();
  BufferView& v = m->view;
  v.obj = nullptr;
  v.buf = src.buf;
  v.len = src.len;
  v.itemsize = src.itemsize;
  v.readonly = src.readonly;
  v.ndim = src.ndim;
  v.format = src.format ? src.format : "B";
  v.shape = m->arrays;
  v.strides = m->arrays + cap;
  for (int i = 0; i < src.ndim; ++i) {
    v.shape[i] = src.shape[i];
    v.strides[i] = src.strides[i];
  }
  init_flags(m);
  return m;
}

bool check_released(Object* o) {
  if (!mvo(o)->mbuf) {
    err_set_string(&Exc_ValueError, "operation forbidden on released memoryview object");
    return false;
  }
  return true;
}

void mv_release_now(MemoryViewObject* m) {
  ManagedBuffer* mb = m->mbuf;
  if (!mb) return;
  m->mbuf = nullptr;
  mbuf_decref(mb);
}

// The format character for item access, or 0 with NotImplementedError.
char item_fmt(MemoryViewObject* m) {
  char c = native_fmtchar(m->view.format);
  if (c) return c;
  // As CPython: a single (optionally '@'-prefixed) character is a format "not supported";
  // anything longer is an "unsupported format".
  const char* f = m->view.format[0] == '@' ? m->view.format + 1 : m->view.format;
  if (f[0] && !f[1]) {
    err_format(&Exc_NotImplementedError, "memoryview: format %s not supported", f);
  } else {
    err_format(&Exc_NotImplementedError, "memoryview: unsupported format %s", m->view.format);
  }
  return 0;
}

}  // namespace

Object* memoryview_from_object(Object* o) {
  if (memoryview_check(o)) {
    if (!check_released(o)) return nullptr;
    return mv_new(mvo(o)->mbuf, mvo(o)->view, mvo(o)->view.ndim);
  }
  if (!buffer_check(o))
    return err_format(&Exc_TypeError, "memoryview: a bytes-like object is required, not '%T'", o);
  auto* mb = new ManagedBuffer();
  mb->refs = 0;
  if (get_buffer(o, &mb->master, BUF_FULL_RO) < 0) {
    delete mb;
    return nullptr;
  }
  MemoryViewObject* m = mv_new(mb, mb->master, mb->master.ndim);
  if (!m) {
    mb->refs = 1;
    mbuf_decref(mb);
  }
  return m;
}

Object* memoryview_from_memory(char* mem, ssize size, bool readonly) {
  auto* mb = new ManagedBuffer();
  mb->refs = 0;
  buffer_fill_bytes(&mb->master, nullptr, mem, size, readonly, BUF_SIMPLE);
  MemoryViewObject* m = mv_new(mb, mb->master, 1);
  if (!m) {
    mb->refs = 1;
    mbuf_decref(mb);
  }
  return m;
}

Object* buffer_dunder_buffer(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("__buffer__", nargs, kw)) return nullptr;
  int flags = 0;
  {
    ssize f = number_as_ssize(args[0], &Exc_OverflowError);
    if (f == -1 && err_occurred()) return nullptr;
    flags = int(f);
  }
  if (memoryview_check(self)) {
    if (!check_released(self)) return nullptr;
    BufferView probe;
    if (get_buffer(self, &probe, flags) < 0) return nullptr;
    release_buffer(&probe);
    return memoryview_from_object(self);
  }
  auto* mb = new ManagedBuffer();
  mb->refs = 0;
  if (get_buffer(self, &mb->master, flags) < 0) {
    delete mb;
    return nullptr;
  }
  MemoryViewObject* m = mv_new(mb, mb->master, mb->master.ndim);
  if (!m) {
    mb->refs = 1;
    mbuf_decref(mb);
  }
  return m;
}

Object* buffer_dunder_release_buffer(Object* self, Object* const* args, ssize nargs, Object* kw) {
  if (!check_one_arg("__release_buffer__", nargs, kw)) return nullptr;
  Object* v = args[0];
  if (!memoryview_check(v))
    return err_format(&Exc_TypeError, "expected a memoryview object");
  if (mvo(v)->mbuf && mvo(v)->mbuf->master.obj != self && v != self)
    return err_format(&Exc_ValueError, "memoryview's buffer is not this object");
  Ref r = Ref::steal(call_method0(v, "release"));
  if (!r) return nullptr;
  return none_ref();
}

namespace {

// ---- slots -----------------------------------------------------------------------------------------

Object* mv_new_slot(TypeObject*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"object", nullptr};
  static const ArgSpec spec = {"memoryview", names, 1, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  return memoryview_from_object(a[0]);
}

void mv_dealloc(Object* o) {
  mv_release_now(mvo(o));
  object_free(o);
}

Object* mv_repr(Object* o) {
  if (!mvo(o)->mbuf) return str_from_format("<released memory at %p>", static_cast<void*>(o));
  return str_from_format("<memory at %p>", static_cast<void*>(o));
}

ssize mv_len(Object* o) {
  if (!check_released(o)) return -1;
  if (mvo(o)->view.ndim == 0) {
    err_set_string(&Exc_TypeError, "0-dim memory has no length");
    return -1;
  }
  return mvo(o)->view.shape[0];
}

// Pointer to item `index` along dimension `dim` starting from ptr.
char* lookup_dimension(const BufferView& v, char* ptr, int dim, ssize index) {
  ssize n = v.shape[dim];
  if (index < 0) index += n;
  if (index < 0 || index >= n) {
    err_format(&Exc_IndexError, "index out of bounds on dimension %d", dim + 1);
    return nullptr;
  }
  return ptr + v.strides[dim] * index;
}

Object* mv_item(Object* o, ssize index) {
  if (!check_released(o)) return nullptr;
  MemoryViewObject* m = mvo(o);
  char fmt = item_fmt(m);
  if (!fmt) return nullptr;
  if (m->view.ndim == 0) return err_format(&Exc_TypeError, "invalid indexing of 0-dim memory");
  if (m->view.ndim != 1)
    return err_format(&Exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
  char* p = lookup_dimension(m->view, m->view.buf, 0, index);
  if (!p) return nullptr;
  return unpack_item(p, fmt);
}

bool is_multiindex(Object* key) {
  if (!tuple_check(key)) return false;
  for (ssize i = 0; i < tuple_size(key); ++i)
    if (!index_check(tuple_get_borrowed(key, i))) return false;
  return true;
}
bool is_multislice(Object* key) {
  if (!tuple_check(key)) return false;
  for (ssize i = 0; i < tuple_size(key); ++i)
    if (!slice_check(tuple_get_borrowed(key, i))) return false;
  return true;
}

char* ptr_from_tuple(const BufferView& v, Object* key) {
  ssize n = tuple_size(key);
  if (n > v.ndim) {
    err_format(&Exc_TypeError, "cannot index %zd-dimension view with %zd-element tuple",
               ssize(v.ndim), n);
    return nullptr;
  }
  char* p = v.buf;
  for (ssize d = 0; d < n; ++d) {
    ssize index = number_as_ssize(tuple_get_borrowed(key, d), &Exc_IndexError);
    if (index == -1 && err_occurred()) return nullptr;
    p = lookup_dimension(v, p, int(d), index);
    if (!p) return nullptr;
  }
  return p;
}

// Apply slice `key` to dimension 0 of v (in place).
bool init_slice(BufferView& v, Object* key) {
  ssize start, stop, step;
  if (slice_unpack(key, &start, &stop, &step) < 0) return false;
  ssize n = slice_adjust_indices(v.shape[0], &start, &stop, step);
  v.buf += v.strides[0] * start;
  v.shape[0] = n;
  v.strides[0] *= step;
  ssize len = v.itemsize;
  for (int i = 0; i < v.ndim; ++i) len *= v.shape[i];
  v.len = len;
  return true;
}

Object* mv_getitem(Object* o, Object* key) {
  if (!check_released(o)) return nullptr;
  MemoryViewObject* m = mvo(o);
  BufferView& v = m->view;
  if (v.ndim == 0) {
    if (tuple_check(key) && tuple_size(key) == 0) {
      char fmt = item_fmt(m);
      if (!fmt) return nullptr;
      return unpack_item(v.buf, fmt);
    }
    if (key == Ellipsis) return newref(o);
    return err_format(&Exc_TypeError, "invalid indexing of 0-dim memory");
  }
  if (index_check(key)) {
    ssize index = number_as_ssize(key, &Exc_IndexError);
    if (index == -1 && err_occurred()) return nullptr;
    return mv_item(o, index);
  }
  if (slice_check(key)) {
    MemoryViewObject* r = mv_new(m->mbuf, v, v.ndim);
    if (!r) return nullptr;
    if (!init_slice(r->view, key)) {
      decref(r);
      return nullptr;
    }
    init_flags(r);
    return r;
  }
  if (is_multiindex(key)) {
    if (tuple_size(key) < v.ndim)
      return err_format(&Exc_NotImplementedError, "sub-views are not implemented");
    char fmt = item_fmt(m);
    if (!fmt) return nullptr;
    char* p = ptr_from_tuple(v, key);
    if (!p) return nullptr;
    return unpack_item(p, fmt);
  }
  if (is_multislice(key) && tuple_size(key) > 0)
    return err_format(&Exc_NotImplementedError, "multi-dimensional slicing is not implemented");
  return err_format(&Exc_TypeError, "memoryview: invalid slice key");
}

bool equiv_shape(const BufferView& a, const BufferView& b) {
  if (a.ndim != b.ndim) return false;
  for (int i = 0; i < a.ndim; ++i) {
    if (a.shape[i] != b.shape[i]) return false;
    if (a.shape[i] == 0) break;
  }
  return true;
}

int mv_setitem(Object* o, Object* key, Object* value) {
  if (!check_released(o)) return -1;
  MemoryViewObject* m = mvo(o);
  BufferView& v = m->view;
  char fmt = item_fmt(m);
  if (!fmt) return -1;
  const char* fmtstr = strip_at(v.format);
  if (v.readonly) {
    err_set_string(&Exc_TypeError, "cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    err_set_string(&Exc_TypeError, "cannot delete memory");
    return -1;
  }
  if (v.ndim == 0) {
    if (key == Ellipsis || (tuple_check(key) && tuple_size(key) == 0))
      return pack_item(v.buf, fmt, value, fmtstr);
    err_set_string(&Exc_TypeError, "invalid indexing of 0-dim memory");
    return -1;
  }
  if (index_check(key)) {
    if (v.ndim > 1) {
      err_set_string(&Exc_NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    ssize index = number_as_ssize(key, &Exc_IndexError);
    if (index == -1 && err_occurred()) return -1;
    char* p = lookup_dimension(v, v.buf, 0, index);
    if (!p) return -1;
    return pack_item(p, fmt, value, fmtstr);
  }
  if (slice_check(key) && v.ndim == 1) {
    BufferView src;
    if (get_buffer(value, &src, BUF_FULL_RO) < 0) return -1;
    BufferView dest;
    dest.buf = v.buf;
    dest.itemsize = v.itemsize;
    dest.ndim = 1;
    dest.format = v.format;
    dest.shape1 = v.shape[0];
    dest.stride1 = v.strides[0];
    dest.shape = &dest.shape1;
    dest.strides = &dest.stride1;
    dest.len = v.len;
    if (!init_slice(dest, key)) {
      release_buffer(&src);
      return -1;
    }
    const char* sf = src.format ? strip_at(src.format) : "B";
    if (strcmp(strip_at(dest.format), sf) != 0 || dest.itemsize != src.itemsize ||
        !equiv_shape(dest, src)) {
      release_buffer(&src);
      err_set_string(&Exc_ValueError,
                     "memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    std::string tmp(size_t(src.len), '\0');
    buffer_copy_to(tmp.data(), &src, 'C');
    release_buffer(&src);
    const char* s = tmp.data();
    ssize isz = dest.itemsize;
    for_each_item(&dest, 'C', [&](char* p) {
      memcpy(p, s, size_t(isz));
      s += isz;
    });
    return 0;
  }
  if (is_multiindex(key)) {
    if (tuple_size(key) < v.ndim) {
      err_set_string(&Exc_NotImplementedError, "sub-views are not implemented");
      return -1;
    }
    char* p = ptr_from_tuple(v, key);
    if (!p) return -1;
    return pack_item(p, fmt, value, fmtstr);
  }
  if (slice_check(key) || is_multislice(key)) {
    err_set_string(&Exc_NotImplementedError,
                   "memoryview slice assignments are currently restricted to ndim = 1");
    return -1;
  }
  err_set_string(&Exc_TypeError, "memoryview: invalid slice key");
  return -1;
}

// ---- comparison and hash ---------------------------------------------------------------------------

// Compare the items of two views of equal shape; 1 equal, 0 not, -1 error.
int compare_items(const BufferView& a, char fa, const BufferView& b, char fb) {
  bool raw = fa == fb && fa != 'f' && fa != 'd' && fa != 'e' && fa != '?';
  if (a.ndim == 0) {
    if (raw) return memcmp(a.buf, b.buf, size_t(a.itemsize)) == 0;
    Ref x = Ref::steal(unpack_item(a.buf, fa));
    if (!x) return -1;
    Ref y = Ref::steal(unpack_item(b.buf, fb));
    if (!y) return -1;
    return object_richcompare_bool(x.get(), y.get(), CMP_EQ);
  }
  // walk both in C order in lockstep
  std::string pa, pb;
  std::vector<char*> ptrs_a, ptrs_b;
  for_each_item(&a, 'C', [&](char* p) { ptrs_a.push_back(p); });
  for_each_item(&b, 'C', [&](char* p) { ptrs_b.push_back(p); });
  for (size_t i = 0; i < ptrs_a.size() && i < ptrs_b.size(); ++i) {
    if (raw) {
      if (memcmp(ptrs_a[i], ptrs_b[i], size_t(a.itemsize)) != 0) return 0;
      continue;
    }
    Ref x = Ref::steal(unpack_item(ptrs_a[i], fa));
    if (!x) return -1;
    Ref y = Ref::steal(unpack_item(ptrs_b[i], fb));
    if (!y) return -1;
    int r = object_richcompare_bool(x.get(), y.get(), CMP_EQ);
    if (r <= 0) return r;
  }
  return 1;
}

Object* mv_richcompare(Object* a, Object* b, int op) {
  if (op != CMP_EQ && op != CMP_NE) return not_implemented_ref();
  // `a` may be the other operand (reflected): make `a` the memoryview
  if (!memoryview_check(a)) std::swap(a, b);
  int equal = 0;
  if (!mvo(a)->mbuf || (memoryview_check(b) && !mvo(b)->mbuf)) {
    equal = a == b;  // released views are equal only to themselves
  } else {
    BufferView wbuf;
    const BufferView* w;
    bool have_wbuf = false;
    if (memoryview_check(b)) {
      w = &mvo(b)->view;
    } else {
      if (!buffer_check(b)) return not_implemented_ref();
      if (get_buffer(b, &wbuf, BUF_FULL_RO) < 0) {
        err_clear();
        return not_implemented_ref();
      }
      have_wbuf = true;
      w = &wbuf;
    }
    const BufferView& v = mvo(a)->view;
    if (!equiv_shape(v, *w)) {
      equal = 0;
    } else {
      char fa = native_fmtchar(v.format), fb = native_fmtchar(w->format);
      if (!fa || !fb) {
        // non-native formats: equal only when the formats and the bytes are
        const char* sa = strip_at(v.format);
        const char* sb = w->format ? strip_at(w->format) : "B";
        if (strcmp(sa, sb) != 0 || v.itemsize != w->itemsize) {
          equal = 0;
        } else {
          std::string x(size_t(v.len), '\0'), y(size_t(w->len), '\0');
          buffer_copy_to(x.data(), &v);
          buffer_copy_to(y.data(), w);
          equal = x == y;
        }
      } else {
        equal = compare_items(v, fa, *w, fb);
      }
    }
    if (have_wbuf) release_buffer(&wbuf);
    if (equal < 0) return nullptr;
  }
  return bool_from(op == CMP_EQ ? equal != 0 : equal == 0);
}

hash_t mv_hash(Object* o) {
  MemoryViewObject* m = mvo(o);
  if (m->hash != -1) return m->hash;
  if (!check_released(o)) return -1;
  if (!m->view.readonly) {
    err_set_string(&Exc_ValueError, "cannot hash writable memoryview object");
    return -1;
  }
  char fmt = native_fmtchar(m->view.format);
  if (!is_byte_format(fmt)) {
    err_set_string(&Exc_ValueError, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    return -1;
  }
  Object* base = m->mbuf->master.obj;
  if (base && object_hash(base) == -1) return -1;
  Ref b = Ref::steal(bytes_new_uninit(m->view.len));
  if (!b) return -1;
  buffer_copy_to(bytes_data(b.get()), &m->view);
  hash_t h = object_hash(b.get());
  if (h == -1) return -1;
  m->hash = h;
  return h;
}

// ---- exporting a memoryview -------------------------------------------------------------------------

int mv_getbuffer(Object* o, BufferView* view, int flags) {
  if (!check_released(o)) return -1;
  MemoryViewObject* m = mvo(o);
  const BufferView& v = m->view;
  if ((flags & BUF_WRITABLE) && v.readonly) {
    err_set_string(&Exc_BufferError, "memoryview: underlying buffer is not writable");
    return -1;
  }
  bool req_strides = (flags & BUF_STRIDES) == BUF_STRIDES;
  if ((flags & BUF_C_CONTIGUOUS) == BUF_C_CONTIGUOUS && !(m->flags & MV_C)) {
    err_set_string(&Exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return -1;
  }
  if ((flags & BUF_F_CONTIGUOUS) == BUF_F_CONTIGUOUS && !(m->flags & MV_F)) {
    err_set_string(&Exc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
    return -1;
  }
  if ((flags & BUF_ANY_CONTIGUOUS) == BUF_ANY_CONTIGUOUS && !(m->flags & (MV_C | MV_F))) {
    err_set_string(&Exc_BufferError, "memoryview: underlying buffer is not contiguous");
    return -1;
  }
  if (!req_strides && !(m->flags & MV_C)) {
    err_set_string(&Exc_BufferError, "memoryview: underlying buffer is not C-contiguous");
    return -1;
  }
  view->obj = newref(o);
  view->buf = v.buf;
  view->len = v.len;
  view->itemsize = v.itemsize;
  view->readonly = v.readonly;
  view->ndim = v.ndim;
  view->format = v.format;
  view->shape = v.shape;
  view->strides = v.strides;
  ++m->exports;
  return 0;
}

void mv_releasebuffer(Object* o, BufferView*) { --mvo(o)->exports; }

const BufferProcs kMemoryViewBufferProcs = {mv_getbuffer, mv_releasebuffer};

// ---- methods -----------------------------------------------------------------------------------------

Object* mv_release(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("release", nargs, kw)) return nullptr;
  MemoryViewObject* m = mvo(self);
  if (!m->mbuf) return none_ref();
  if (m->exports > 0)
    return err_format(&Exc_BufferError, "memoryview has %zd exported buffer%s", m->exports,
                      m->exports == 1 ? "" : "s");
  mv_release_now(m);
  return none_ref();
}

Object* mv_enter(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("__enter__", nargs, kw)) return nullptr;
  if (!check_released(self)) return nullptr;
  return newref(self);
}

Object* mv_exit(Object* self, Object* const*, ssize, Object* kw) {
  if (!check_no_kwargs("__exit__", kw)) return nullptr;
  return mv_release(self, nullptr, 0, nullptr);
}

bool parse_order(Object* o, const char* fname, char* order) {
  *order = 'C';
  if (!o || o == None) return true;
  if (!str_check(o)) {
    err_format(&Exc_TypeError, "%s() argument 'order' must be str or None, not %T", fname, o);
    return false;
  }
  const char* s = str_as_utf8(o);
  if (!s) return false;
  if (!strcmp(s, "C")) *order = 'C';
  else if (!strcmp(s, "F")) *order = 'F';
  else if (!strcmp(s, "A")) *order = 'A';
  else {
    err_set_string(&Exc_ValueError, "order must be 'C', 'F' or 'A'");
    return false;
  }
  return true;
}

Object* mv_tobytes(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"order", nullptr};
  static const ArgSpec spec = {"tobytes", names, 0, 1};
  Object* a[1] = {nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!check_released(self)) return nullptr;
  char order;
  if (!parse_order(a[0], "tobytes", &order)) return nullptr;
  const BufferView& v = mvo(self)->view;
  Object* r = bytes_new_uninit(v.len);
  if (!r) return nullptr;
  buffer_copy_to(bytes_data(r), &v, order);
  return r;
}

Object* mv_hex(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (!check_released(self)) return nullptr;
  Ref b = Ref::steal(mv_tobytes(self, nullptr, 0, nullptr));
  if (!b) return nullptr;
  Ref meth = Ref::steal(object_getattr_str(b.get(), "hex"));
  if (!meth) return nullptr;
  return call(meth.get(), args, nargs, kwnames);
}

Object* tolist_rec(const BufferView& v, char fmt, char* ptr, int dim) {
  ssize n = v.shape[dim];
  Ref list = Ref::steal(list_new(n));
  if (!list) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    char* p = ptr + i * v.strides[dim];
    Object* item = dim + 1 == v.ndim ? unpack_item(p, fmt) : tolist_rec(v, fmt, p, dim + 1);
    if (!item) return nullptr;
    list_set_steal(list.get(), i, item);
  }
  return list.release();
}

Object* mv_tolist(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("tolist", nargs, kw)) return nullptr;
  if (!check_released(self)) return nullptr;
  MemoryViewObject* m = mvo(self);
  char fmt = item_fmt(m);
  if (!fmt) return nullptr;
  if (m->view.ndim == 0) return unpack_item(m->view.buf, fmt);
  return tolist_rec(m->view, fmt, m->view.buf, 0);
}

Object* mv_toreadonly(Object* self, Object* const*, ssize nargs, Object* kw) {
  if (!check_no_args("toreadonly", nargs, kw)) return nullptr;
  if (!check_released(self)) return nullptr;
  MemoryViewObject* r = mv_new(mvo(self)->mbuf, mvo(self)->view, mvo(self)->view.ndim);
  if (!r) return nullptr;
  r->view.readonly = true;
  return r;
}

Object* mv_cast(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"format", "shape", nullptr};
  static const ArgSpec spec = {"cast", names, 1, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* format = a[0];
  Object* shape = a[1];
  if (!str_check(format))
    return err_format(&Exc_TypeError, "cast() argument 'format' must be str, not %T", format);
  if (!check_released(self)) return nullptr;
  MemoryViewObject* m = mvo(self);
  const BufferView& v = m->view;
  if (!(m->flags & MV_C))
    return err_format(&Exc_TypeError, "memoryview: casts are restricted to C-contiguous views");
  bool zero = false;
  for (int i = 0; i < v.ndim; ++i)
    if (v.shape[i] == 0) zero = true;
  if ((shape || v.ndim != 1) && zero)
    return err_format(&Exc_TypeError, "memoryview: cannot cast view with zeros in shape or strides");
  ssize ndim = 1;
  if (shape) {
    if (!list_check(shape) && !tuple_check(shape))
      return err_format(&Exc_TypeError, "shape must be a list or a tuple");
    ndim = list_check(shape) ? list_size(shape) : tuple_size(shape);
    if (ndim > kBufferMaxNdim)
      return err_format(&Exc_ValueError, "memoryview: number of dimensions must not exceed %d",
                        kBufferMaxNdim);
    if (v.ndim != 1 && ndim != 1)
      return err_format(&Exc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  // cast to 1-D with the new format
  const char* f = str_as_utf8(format);
  if (!f) return nullptr;
  bool at = f[0] == '@';
  char dest = native_fmtchar(f);
  ssize itemsize = dest ? native_itemsize(dest) : -1;
  if (itemsize < 0 || strlen(f) != size_t(at ? 2 : 1))
    return err_format(&Exc_ValueError,
                      "memoryview: destination format must be a native single character format "
                      "prefixed with an optional '@'");
  char src = native_fmtchar(v.format);
  if ((!src || !is_byte_format(src)) && !is_byte_format(dest))
    return err_format(&Exc_TypeError, "memoryview: cannot cast between two non-byte formats");
  if (v.len % itemsize)
    return err_format(&Exc_TypeError, "memoryview: length is not a multiple of itemsize");
  MemoryViewObject* r = mv_new(m->mbuf, v, int(ndim));
  if (!r) return nullptr;
  Ref keep = Ref::steal(r);
  BufferView& nv = r->view;
  nv.format = static_fmtstr(dest, at);
  nv.itemsize = itemsize;
  nv.ndim = 1;
  nv.shape[0] = nv.len / itemsize;
  nv.strides[0] = itemsize;
  if (shape) {
    ssize len = itemsize;
    for (ssize i = 0; i < ndim; ++i) {
      Object* x = list_check(shape) ? list_get_borrowed(shape, i) : tuple_get_borrowed(shape, i);
      if (!int_check(x))
        return err_format(&Exc_TypeError, "memoryview.cast(): elements of shape must be integers");
      ssize d = number_as_ssize(x, &Exc_OverflowError);
      if (d == -1 && err_occurred()) return nullptr;
      if (d <= 0)
        return err_format(&Exc_ValueError,
                          "memoryview.cast(): elements of shape must be integers > 0");
      if (d > (ssize(1) << 62) / len)
        return err_format(&Exc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
      len *= d;
      nv.shape[i] = d;
    }
    if (len != nv.len)
      return err_format(&Exc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
    nv.ndim = int(ndim);
    ssize sd = itemsize;
    for (ssize i = ndim - 1; i >= 0; --i) {
      nv.strides[i] = sd;
      sd *= nv.shape[i];
    }
  }
  init_flags(r);
  return keep.release();
}

Object* mv_buffer_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return buffer_dunder_buffer(self, args, nargs, kw);
}

Object* mv_release_buffer_m(Object* self, Object* const* args, ssize nargs, Object* kw) {
  return buffer_dunder_release_buffer(self, args, nargs, kw);
}

const MethodDef kMemoryViewMethods[] = {
    {"release", mv_release, METH_DEFAULT, "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", mv_tobytes, METH_DEFAULT, "Return the data in the buffer as a byte string."},
    {"hex", mv_hex, METH_DEFAULT, "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", mv_tolist, METH_DEFAULT, "Return the data in the buffer as a list of elements."},
    {"cast", mv_cast, METH_DEFAULT, "Cast a memoryview to a new format or shape."},
    {"toreadonly", mv_toreadonly, METH_DEFAULT, "Return a readonly version of the memoryview."},
    {"__enter__", mv_enter, METH_DEFAULT, nullptr},
    {"__exit__", mv_exit, METH_DEFAULT, nullptr},
    {"__buffer__", mv_buffer_m, METH_DEFAULT,
     "Return a buffer object that exposes the underlying memory of the object."},
    {"__release_buffer__", mv_release_buffer_m, METH_DEFAULT,
     "Release the buffer object that exposes the underlying memory of the object."},
    {nullptr, nullptr, 0, nullptr}};

// ---- attributes --------------------------------------------------------------------------------------

#define MV_GETTER(name, expr)                          \
  Object* mv_get_##name(Object* self) {                \
    if (!check_released(self)) return nullptr;         \
    MemoryViewObject* m = mvo(self);                   \
    (void)m;                                           \
    return expr;                                       \
  }

Object* ssize_tuple(const ssize* a, int n) {
  Ref t = Ref::steal(tuple_new(n));
  if (!t) return nullptr;
  for (int i = 0; i < n; ++i) {
    Object* x = int_from_ssize(a[i]);
    if (!x) return nullptr;
    tuple_set_steal(t.get(), i, x);
  }
  return t.release();
}

MV_GETTER(obj, newref(m->mbuf->master.obj ? m->mbuf->master.obj : None))
MV_GETTER(nbytes, int_from_ssize(m->view.len))
MV_GETTER(readonly, bool_from(m->view.readonly))
MV_GETTER(itemsize, int_from_ssize(m->view.itemsize))
MV_GETTER(format, str_from_cstr(m->view.format))
MV_GETTER(ndim, int_from_ssize(m->view.ndim))
MV_GETTER(shape, ssize_tuple(m->view.shape, m->view.ndim))
MV_GETTER(strides, ssize_tuple(m->view.strides, m->view.ndim))
MV_GETTER(suboffsets, tuple_empty())
MV_GETTER(c_contiguous, bool_from(m->flags & MV_C))
MV_GETTER(f_contiguous, bool_from(m->flags & MV_F))
MV_GETTER(contiguous, bool_from(m->flags & (MV_C | MV_F)))
#undef MV_GETTER

const GetSetDef kMemoryViewGetSet[] = {
    {"obj", mv_get_obj, nullptr, "The underlying object of the memoryview."},
    {"nbytes", mv_get_nbytes, nullptr,
     "The amount of space in bytes that the array would use in\n a contiguous representation."},
    {"readonly", mv_get_readonly, nullptr, "A bool indicating whether the memory is read only."},
    {"itemsize", mv_get_itemsize, nullptr, "The size in bytes of each element of the memoryview."},
    {"format", mv_get_format, nullptr,
     "A string containing the format (in struct module style)\n for each element in the view."},
    {"ndim", mv_get_ndim, nullptr,
     "An integer indicating how many dimensions of a multi-dimensional\n array the memory represents."},
    {"shape", mv_get_shape, nullptr,
     "A tuple of ndim integers giving the shape of the memory\n as an N-dimensional array."},
    {"strides", mv_get_strides, nullptr,
     "A tuple of ndim integers giving the size in bytes to access\n each element for each dimension of the array."},
    {"suboffsets", mv_get_suboffsets, nullptr, "A tuple of integers used internally for PIL-style arrays."},
    {"c_contiguous", mv_get_c_contiguous, nullptr, "A bool indicating whether the memory is C contiguous."},
    {"f_contiguous", mv_get_f_contiguous, nullptr, "A bool indicating whether the memory is Fortran contiguous."},
    {"contiguous", mv_get_contiguous, nullptr, "A bool indicating whether the memory is contiguous."},
    {nullptr, nullptr, nullptr, nullptr}};

// ---- iterator -----------------------------------------------------------------------------------------

struct MemoryIterObject : Object {
  Object* mv;  // owned; null when exhausted
  ssize index;
  char fmt;
};

Object* mv_iter(Object* o) {
  if (!check_released(o)) return nullptr;
  MemoryViewObject* m = mvo(o);
  if (m->view.ndim == 0) return err_format(&Exc_TypeError, "invalid indexing of 0-dim memory");
  if (m->view.ndim != 1)
    return err_format(&Exc_NotImplementedError, "multi-dimensional sub-views are not implemented");
  char fmt = item_fmt(m);
  if (!fmt) return nullptr;
  auto* it = alloc_object<MemoryIterObject>(&MemoryIterType);
  if (!it) return nullptr;
  it->mv = newref(o);
  it->index = 0;
  it->fmt = fmt;
  return it;
}

void mviter_dealloc(Object* o) {
  xdecref(static_cast<MemoryIterObject*>(o)->mv);
  object_free(o);
}

Object* mviter_next(Object* o) {
  auto* it = static_cast<MemoryIterObject*>(o);
  if (!it->mv) return nullptr;
  MemoryViewObject* m = mvo(it->mv);
  if (!check_released(it->mv)) return nullptr;
  if (it->index < m->view.shape[0]) {
    char* p = m->view.buf + it->index * m->view.strides[0];
    ++it->index;
    return unpack_item(p, it->fmt);
  }
  Object* mv = it->mv;
  it->mv = nullptr;
  decref(mv);
  return nullptr;
}

Object* mviter_self(Object* o) { return newref(o); }

}  // namespace

void init_memoryview_type() {
  TypeObject& t = MemoryViewType;
  t.name = "memoryview";
  t.basicsize = sizeof(MemoryViewObject);
  t.flags = TPFLAG_IMMUTABLETYPE;
  t.doc = "Create a new memoryview object which references the given object.";
  t.base = &ObjectType;
  t.dealloc = mv_dealloc;
  t.repr = mv_repr;
  t.hash = mv_hash;
  t.richcompare = mv_richcompare;
  t.iter = mv_iter;
  t.new_ = mv_new_slot;
  t.len = mv_len;
  t.getitem = mv_getitem;
  t.setitem = mv_setitem;
  t.sq_item = mv_item;
  t.methods = kMemoryViewMethods;
  t.getset = kMemoryViewGetSet;
  register_static_type(&t);
  buffer_register_type(&t, &kMemoryViewBufferProcs);

  TypeObject& it = MemoryIterType;
  it.name = "memory_iterator";
  it.basicsize = sizeof(MemoryIterObject);
  it.flags = TPFLAG_IMMUTABLETYPE;
  it.base = &ObjectType;
  it.dealloc = mviter_dealloc;
  it.iter = mviter_self;
  it.iternext = mviter_next;
  register_static_type(&it);
}

}  // namespace gilpy
