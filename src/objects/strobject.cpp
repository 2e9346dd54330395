// str: representation, construction, UTF-8 conversion, hashing, interning, comparison, the
// sequence slots (concat, repeat, index, slice, contains, iteration), repr, str(), and StrWriter.
// Methods live in str_methods.cpp, str.format and %-formatting in str_format.cpp, codecs in
// codecs.cpp, str.__format__ in format_spec.cpp.
//
// Representation (PEP 393, see strobject.h): code points inline after the header in the narrowest
// width (kind 1/2/4), NUL-terminated, always canonical (str_internal.h). All-ASCII strings are their
// own UTF-8 (`utf8 == data()`); other strings cache their UTF-8 on first request.
//
// Singletons: the empty string and the 256 one-character Latin-1 strings are created on first use
// and immortal (so 'abc'[0] is 'a', as in CPython). Interned strings live in a process-wide open
// addressing table of immortal strings, keyed by their cached hash; independent of dict so it works
// while the types are still being initialised.
//
// Hash: CPython's (core/pyhash.h: SipHash-1-3 under the PYTHONHASHSEED secret) over the code-unit
// bytes, cached in the object. Equal strings are canonical so they hash the same bytes.
#include "objects/strobject.h"

#include <cstring>
#include <new>
#include <unordered_map>
#include <vector>

#include "core/abstract.h"
#include "core/args.h"
#include "core/error.h"
#include "core/pyhash.h"
#include "core/types_init.h"
#include "objects/bytesobject.h"
#include "objects/containers.h"
#include "objects/intobject.h"
#include "objects/singletons.h"
#include "objects/str_internal.h"

namespace gilpy {

TypeObject StrType;
TypeObject StrIterType;       // "str_iterator"
TypeObject StrAsciiIterType;  // "str_ascii_iterator" (CPython 3.12 names the ASCII one apart)

extern const MethodDef kStrMethods[];  // str_methods.cpp

// ---- allocation & singletons --------------------------------------------------------------------

namespace {

Object* g_empty = nullptr;
Object* g_latin1[256];

StrObject* raw_alloc(TypeObject* type, ssize length, int kind, size_t extra) {
  size_t data_bytes = size_t(length + 1) * size_t(kind);
  auto* s = static_cast<StrObject*>(object_alloc(type, sizeof(StrObject) + data_bytes + extra));
  if (!s) return nullptr;
  s->length = length;
  s->hash = -1;
  s->kind = uint8_t(kind);
  s->ascii = 0;
  s->interned = 0;
  s->utf8_cached = 0;
  return s;
}

Object* make_latin1_char(uint32_t c) {
  StrObject* s = raw_alloc(&StrType, 1, 1, 0);
  if (!s) return nullptr;
  static_cast<uint8_t*>(s->data())[0] = uint8_t(c);
  if (c < 128) s->ascii = 1;
  make_immortal(s);
  return s;
}

}  // namespace

Object* str_empty() {
  if (GILPY_UNLIKELY(!g_empty)) {
    StrObject* s = raw_alloc(&StrType, 0, 1, 0);
    if (!s) return nullptr;
    s->ascii = 1;
    make_immortal(s);
    g_empty = s;
  }
  return newref(g_empty);
}

static inline Object* latin1_char(uint32_t c) {
  Object* s = g_latin1[c];
  if (GILPY_UNLIKELY(!s)) {
    s = make_latin1_char(c);
    if (!s) return nullptr;
    g_latin1[c] = s;
  }
  return newref(s);
}

Object* str_new_uninit(ssize length, uint32_t maxchar) {
  if (length < 0) return err_bad_internal_call("str_new_uninit");
  if (length > (ssize(1) << 60) / 4) return err_no_memory();
  int kind = kind_for_maxchar(maxchar);
  StrObject* s = raw_alloc(&StrType, length, kind, 0);
  if (!s) return nullptr;
  if (maxchar < 128) s->ascii = 1;
  return s;
}

uint32_t kind_find_max_char(int kind, const void* data, ssize n) {
  uint32_t m = 0;
  if (kind == 1) {
    const uint8_t* p = static_cast<const uint8_t*>(data);
    ssize i = 0;
    // 8 bytes at a time while everything is ASCII
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
    }
    for (; i < n; ++i)
      if (p[i] > m) m = p[i];
    return m;
  }
  if (kind == 2) {
    const uint16_t* p = static_cast<const uint16_t*>(data);
    for (ssize i = 0; i < n; ++i)
      if (p[i] > m) m = p[i];
    return m;
  }
  const uint32_t* p = static_cast<const uint32_t*>(data);
  for (ssize i = 0; i < n; ++i)
    if (p[i] > m) m = p[i];
  return m;
}

uint32_t str_find_max_char(Object* s, ssize start, ssize end) {
  if (str_is_ascii(s)) return 0x7f;
  int kind = str_kind(s);
  return kind_find_max_char(kind, static_cast<const char*>(str_obj(s)->data()) + start * kind,
                            end - start);
}

Object* str_from_kind_data(int kind, const void* data, ssize n) {
  if (n == 0) return str_empty();
  uint32_t maxchar = kind_find_max_char(kind, data, n);
  if (n == 1 && maxchar < 256) return latin1_char(maxchar);
  Object* r = str_new_uninit(n, maxchar);
  if (!r) return nullptr;
  int rk = str_kind(r);
  void* dst = str_obj(r)->data();
  if (rk == kind) {
    memcpy(dst, data, size_t(n) * size_t(kind));
  } else {
    for (ssize i = 0; i < n; ++i) kind_write(rk, dst, i, kind_read(kind, data, i));
  }
  return r;
}

void str_copy_chars(Object* dst, ssize dst_pos, Object* src, ssize src_start, ssize n) {
  if (n <= 0) return;
  int dk = str_kind(dst), sk = str_kind(src);
  char* d = static_cast<char*>(str_obj(dst)->data());
  const char* s = static_cast<const char*>(str_obj(src)->data());
  if (dk == sk) {
    memcpy(d + dst_pos * dk, s + src_start * sk, size_t(n) * size_t(dk));
    return;
  }
  if (sk == 1 && dk == 2) {
    auto* dp = reinterpret_cast<uint16_t*>(d) + dst_pos;
    auto* sp = reinterpret_cast<const uint8_t*>(s) + src_start;
    for (ssize i = 0; i < n; ++i) dp[i] = sp[i];
    return;
  }
  if (sk == 1 && dk == 4) {
    auto* dp = reinterpret_cast<uint32_t*>(d) + dst_pos;
    auto* sp = reinterpret_cast<const uint8_t*>(s) + src_start;
    for (ssize i = 0; i < n; ++i) dp[i] = sp[i];
    return;
  }
  for (ssize i = 0; i < n; ++i) kind_write(dk, d, dst_pos + i, kind_read(sk, s, src_start + i));
}

Object* str_from_codepoint(uint32_t cp) {
  if (cp < 256) return latin1_char(cp);
  if (cp > 0x10ffff) return err_format(&Exc_ValueError, "chr() arg not in range(0x110000)");
  Object* r = str_new_uninit(1, cp);
  if (!r) return nullptr;
  kind_write(str_kind(r), str_obj(r)->data(), 0, cp);
  return r;
}

Object* str_from_ucs4(const uint32_t* cps, ssize n) { return str_from_kind_data(4, cps, n); }

Object* str_substring(Object* s, ssize start, ssize end) {
  ssize len = str_length(s);
  if (start < 0) start = 0;
  if (end > len) end = len;
  if (start >= end) return str_empty();
  if (start == 0 && end == len && str_check_exact(s)) return newref(s);
  int kind = str_kind(s);
  const char* p = static_cast<const char*>(str_obj(s)->data()) + start * kind;
  if (str_is_ascii(s)) {
    ssize n = end - start;
    if (n == 1) return latin1_char(uint8_t(*p));
    Object* r = str_new_uninit(n, 0x7f);
    if (!r) return nullptr;
    memcpy(str_obj(r)->data(), p, size_t(n));
    return r;
  }
  return str_from_kind_data(kind, p, end - start);
}

Object* str_exact_copy(Object* s) {
  if (str_check_exact(s)) return newref(s);
  return str_from_kind_data(str_kind(s), str_obj(s)->data(), str_length(s));
}

// ---- UTF-8 --------------------------------------------------------------------------------------

void utf8_append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    char b[2] = {char(0xc0 | (cp >> 6)), char(0x80 | (cp & 0x3f))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    char b[3] = {char(0xe0 | (cp >> 12)), char(0x80 | ((cp >> 6) & 0x3f)),
                 char(0x80 | (cp & 0x3f))};
    out.append(b, 3);
  } else {
    char b[4] = {char(0xf0 | (cp >> 18)), char(0x80 | ((cp >> 12) & 0x3f)),
                 char(0x80 | ((cp >> 6) & 0x3f)), char(0x80 | (cp & 0x3f))};
    out.append(b, 4);
  }
}

void str_append_utf8_lenient(std::string& out, Object* s) {
  StrObject* so = str_obj(s);
  if (so->ascii) {
    out.append(static_cast<const char*>(so->data()), size_t(so->length));
    return;
  }
  ssize cached_size;
  if (const char* cached = str_utf8_if_cached(s, &cached_size)) {
    out.append(cached, size_t(cached_size));
    return;
  }
  int kind = so->kind;
  const void* d = so->data();
  out.reserve(out.size() + size_t(so->length) * 2);
  for (ssize i = 0; i < so->length; ++i) utf8_append(out, kind_read(kind, d, i));
}

// The UTF-8 forms of non-ASCII strings, made on first request and owned by the table until their
// string is deallocated (str_dealloc). Protected by the GIL like the strings themselves.
namespace {
struct Utf8Form {
  char* data;  // malloc'd, NUL-terminated
  ssize size;
};
std::unordered_map<const Object*, Utf8Form>& utf8_cache() {
  static auto* cache = new std::unordered_map<const Object*, Utf8Form>();  // never destroyed
  return *cache;
}
}  // namespace

const char* str_utf8_if_cached(Object* o, ssize* size) {
  StrObject* s = str_obj(o);
  if (s->ascii) {
    *size = s->length;
    return static_cast<const char*>(s->data());
  }
  if (!s->utf8_cached) return nullptr;
  const Utf8Form& form = utf8_cache().find(o)->second;
  *size = form.size;
  return form.data;
}

const char* str_as_utf8(Object* o, ssize* size) {
  StrObject* s = str_obj(o);
  ssize cached_size;
  if (const char* cached = str_utf8_if_cached(o, &cached_size)) {
    if (size) *size = cached_size;
    return cached;
  }
  int kind = s->kind;
  const void* d = s->data();
  // size first, checking for surrogates
  ssize n = 0;
  for (ssize i = 0; i < s->length; ++i) {
    uint32_t c = kind_read(kind, d, i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c < 0x10000) {
      if (c >= 0xd800 && c <= 0xdfff) {
        // CPython: UnicodeEncodeError('utf-8', s, i, i+1, 'surrogates not allowed')
        ssize j = i + 1;
        while (j < s->length) {
          uint32_t c2 = kind_read(kind, d, j);
          if (c2 < 0xd800 || c2 > 0xdfff) break;
          ++j;
        }
        Ref bytes = Ref::steal(str_encode(o, "utf-8", "strict"));
        (void)bytes;  // raises the proper UnicodeEncodeError
        if (!err_occurred())
          err_set_string(&Exc_UnicodeEncodeError, "surrogates not allowed");
        return nullptr;
      }
      n += 3;
    } else n += 4;
  }
  char* buf = static_cast<char*>(std::malloc(size_t(n) + 1));
  if (!buf) {
    err_no_memory();
    return nullptr;
  }
  char* p = buf;
  for (ssize i = 0; i < s->length; ++i) {
    uint32_t c = kind_read(kind, d, i);
    if (c < 0x80) *p++ = char(c);
    else if (c < 0x800) {
      *p++ = char(0xc0 | (c >> 6));
      *p++ = char(0x80 | (c & 0x3f));
    } else if (c < 0x10000) {
      *p++ = char(0xe0 | (c >> 12));
      *p++ = char(0x80 | ((c >> 6) & 0x3f));
      *p++ = char(0x80 | (c & 0x3f));
    } else {
      *p++ = char(0xf0 | (c >> 18));
      *p++ = char(0x80 | ((c >> 12) & 0x3f));
      *p++ = char(0x80 | ((c >> 6) & 0x3f));
      *p++ = char(0x80 | (c & 0x3f));
    }
  }
  *p = 0;
  utf8_cache().emplace(o, Utf8Form{buf, n});
  s->utf8_cached = 1;
  if (size) *size = n;
  return buf;
}

namespace {
// Is s[0..n) all ASCII? (8 bytes at a time)
inline bool all_ascii(const unsigned char* s, ssize n) {
  ssize i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull) return false;
  }
  for (; i < n; ++i)
    if (s[i] & 0x80) return false;
  return true;
}

// Decodes one generalized UTF-8 sequence at s[i] (surrogates allowed); returns the length, or 0
// when invalid.
inline int decode_one(const unsigned char* s, ssize n, ssize i, uint32_t* cp) {
  unsigned char c = s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xc2 && c <= 0xdf) {
    if (i + 1 < n && (s[i + 1] & 0xc0) == 0x80) {
      *cp = (uint32_t(c & 0x1f) << 6) | (s[i + 1] & 0x3f);
      return 2;
    }
    return 0;
  }
  if (c >= 0xe0 && c <= 0xef) {
    if (i + 2 < n && (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80) {
      uint32_t v = (uint32_t(c & 0x0f) << 12) | (uint32_t(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
      if (v < 0x800) return 0;
      *cp = v;
      return 3;
    }
    return 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (i + 3 < n && (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80 &&
        (s[i + 3] & 0xc0) == 0x80) {
      uint32_t v = (uint32_t(c & 0x07) << 18) | (uint32_t(s[i + 1] & 0x3f) << 12) |
                   (uint32_t(s[i + 2] & 0x3f) << 6) | (s[i + 3] & 0x3f);
      if (v < 0x10000 || v > 0x10ffff) return 0;
      *cp = v;
      return 4;
    }
    return 0;
  }
  return 0;
}
}  // namespace

Object* str_from_utf8_trusted(const char* str, ssize n) {
  const auto* s = reinterpret_cast<const unsigned char*>(str);
  if (n == 0) return str_empty();
  if (all_ascii(s, n)) {
    if (n == 1) return latin1_char(s[0]);
    Object* r = str_new_uninit(n, 0x7f);
    if (!r) return nullptr;
    memcpy(str_obj(r)->data(), s, size_t(n));
    return r;
  }
  // pass 1: length and widest code point (invalid bytes become U+FFFD)
  ssize len = 0;
  uint32_t maxchar = 0;
  for (ssize i = 0; i < n;) {
    uint32_t cp;
    int k = decode_one(s, n, i, &cp);
    if (!k) {
      cp = 0xfffd;
      k = 1;
    }
    if (cp > maxchar) maxchar = cp;
    ++len;
    i += k;
  }
  if (len == 1 && maxchar < 256) return latin1_char(maxchar);
  Object* r = str_new_uninit(len, maxchar);
  if (!r) return nullptr;
  int kind = str_kind(r);
  void* d = str_obj(r)->data();
  ssize j = 0;
  for (ssize i = 0; i < n;) {
    uint32_t cp;
    int k = decode_one(s, n, i, &cp);
    if (!k) {
      cp = 0xfffd;
      k = 1;
    }
    kind_write(kind, d, j++, cp);
    i += k;
  }
  return r;
}

Object* str_from_utf8(const char* s, ssize n) { return str_from_utf8_trusted(s, n); }
Object* str_from_utf8(std::string_view s) { return str_from_utf8_trusted(s.data(), ssize(s.size())); }
Object* str_from_cstr(const char* s) { return str_from_utf8_trusted(s, ssize(strlen(s))); }

// ---- hashing ------------------------------------------------------------------------------------

hash_t str_hash(Object* o) {
  StrObject* s = str_obj(o);
  if (GILPY_LIKELY(s->hash != -1)) return s->hash;
  s->hash = hash_bytes(s->data(), size_t(s->length) * s->kind);
  return s->hash;
}

// ---- comparison ---------------------------------------------------------------------------------

bool str_equal(Object* a, Object* b) {
  if (a == b) return true;
  StrObject* x = str_obj(a);
  StrObject* y = str_obj(b);
  if (x->length != y->length || x->kind != y->kind) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  if (x->interned && y->interned) return false;
  return memcmp(x->data(), y->data(), size_t(x->length) * x->kind) == 0;
}

bool str_equal_cstr(Object* a, const char* s) {
  size_t n = strlen(s);
  StrObject* x = str_obj(a);
  if (x->ascii) return size_t(x->length) == n && memcmp(x->data(), s, n) == 0;
  ssize un = 0;
  const char* u = str_as_utf8(a, &un);
  if (!u) {
    err_clear();
    return false;
  }
  return size_t(un) == n && memcmp(u, s, n) == 0;
}

int str_compare(Object* a, Object* b) {
  if (a == b) return 0;
  StrObject* x = str_obj(a);
  StrObject* y = str_obj(b);
  ssize n = x->length < y->length ? x->length : y->length;
  if (x->kind == 1 && y->kind == 1) {
    int c = memcmp(x->data(), y->data(), size_t(n));
    if (c) return c < 0 ? -1 : 1;
  } else {
    const void* dx = x->data();
    const void* dy = y->data();
    for (ssize i = 0; i < n; ++i) {
      uint32_t ca = kind_read(x->kind, dx, i), cb = kind_read(y->kind, dy, i);
      if (ca != cb) return ca < cb ? -1 : 1;
    }
  }
  return x->length < y->length ? -1 : x->length > y->length ? 1 : 0;
}

// ---- interning ----------------------------------------------------------------------------------

namespace {
struct InternTable {
  std::vector<Object*> slots;  // power-of-two size, nullptr = empty
  size_t used = 0;
};
InternTable& intern_table() {
  static InternTable* t = new InternTable{std::vector<Object*>(1024, nullptr), 0};
  return *t;
}
void intern_insert_slot(InternTable& t, Object* s) {
  size_t mask = t.slots.size() - 1;
  size_t i = size_t(str_hash(s)) & mask;
  while (t.slots[i]) i = (i + 1) & mask;
  t.slots[i] = s;
}
}  // namespace

Object* str_intern(Object* s) {
  if (!s) return nullptr;
  if (str_obj(s)->interned) return s;
  if (!str_check_exact(s)) {
    Object* copy = str_exact_copy(s);
    decref(s);
    if (!copy) return nullptr;
    s = copy;
    if (str_obj(s)->interned) return s;
  }
  InternTable& t = intern_table();
  size_t mask = t.slots.size() - 1;
  size_t i = size_t(str_hash(s)) & mask;
  while (Object* e = t.slots[i]) {
    if (str_equal(e, s)) {
      decref(s);
      return newref(e);
    }
    i = (i + 1) & mask;
  }
  make_immortal(s);
  str_obj(s)->interned = 1;
  t.slots[i] = s;
  if (++t.used * 2 > t.slots.size()) {
    std::vector<Object*> old;
    old.swap(t.slots);
    t.slots.assign(old.size() * 2, nullptr);
    for (Object* e : old)
      if (e) intern_insert_slot(t, e);
  }
  return s;
}

Object* str_intern_cstr_borrowed(const char* cs) {
  // Look up by text without allocating when already interned.
  size_t n = strlen(cs);
  if (all_ascii(reinterpret_cast<const unsigned char*>(cs), ssize(n))) {
    hash_t h = hash_bytes(cs, n);
    InternTable& t = intern_table();
    size_t mask = t.slots.size() - 1;
    for (size_t i = size_t(h) & mask; Object* e = t.slots[i]; i = (i + 1) & mask) {
      StrObject* so = str_obj(e);
      if (so->hash == h && so->kind == 1 && size_t(so->length) == n &&
          memcmp(so->data(), cs, n) == 0)
        return e;
    }
  }
  Object* s = str_from_utf8_trusted(cs, ssize(n));
  if (!s) return nullptr;
  return str_intern(s);  // immortal: returning it as borrowed is fine
}

// ---- concatenation, repetition, join -----------------------------------------------------------

Object* str_concat(Object* a, Object* b) {
  if (!str_check(a) || !str_check(b)) {
    if (!str_check(a))
      return err_format(&Exc_TypeError, "can only concatenate str (not \"%T\") to str", a);
    return err_format(&Exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
  }
  ssize la = str_length(a), lb = str_length(b);
  if (la == 0) return str_exact_copy(b);
  if (lb == 0) return str_exact_copy(a);
  if (la > (ssize(1) << 58) - lb)
    return err_format(&Exc_OverflowError, "strings are too large to concat");
  uint32_t ma = str_max_char_bound(a), mb = str_max_char_bound(b);
  Object* r = str_new_uninit(la + lb, ma > mb ? ma : mb);
  if (!r) return nullptr;
  str_copy_chars(r, 0, a, 0, la);
  str_copy_chars(r, la, b, 0, lb);
  return r;
}

static Object* str_sq_concat(Object* a, Object* b) {
  if (!str_check(b))
    return err_format(&Exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
  return str_concat(a, b);
}

static Object* str_repeat(Object* s, ssize count) {
  ssize len = str_length(s);
  if (count <= 0 || len == 0) return str_empty();
  if (count == 1) return str_exact_copy(s);
  if (len > ((ssize(1) << 62) / 4) / count)
    return err_format(&Exc_OverflowError, "repeated string is too long");
  ssize total = len * count;
  Object* r = str_new_uninit(total, str_max_char_bound(s));
  if (!r) return nullptr;
  int kind = str_kind(r);
  char* d = static_cast<char*>(str_obj(r)->data());
  if (len == 1 && kind == 1) {
    memset(d, str_data1(s)[0], size_t(total));
    return r;
  }
  size_t chunk = size_t(len) * kind;
  memcpy(d, str_obj(s)->data(), chunk);
  size_t done = chunk, all = size_t(total) * kind;
  while (done < all) {  // doubling copies
    size_t n = done < all - done ? done : all - done;
    memcpy(d + done, d, n);
    done += n;
  }
  return r;
}

Object* str_join(Object* sep, Object* iterable) {
  Ref seq;
  if (list_check_exact(iterable) || tuple_check_exact(iterable)) {
    seq = Ref::borrow(iterable);
  } else {
    // Only a failing iter() becomes "can only join an iterable"; errors raised while iterating
    // propagate unchanged, as in CPython.
    Ref it = Ref::steal(object_getiter(iterable));
    if (!it) {
      if (err_matches(&Exc_TypeError)) {
        err_clear();
        return err_format(&Exc_TypeError, "can only join an iterable");
      }
      return nullptr;
    }
    seq = Ref::steal(sequence_list(it.get()));
    if (!seq) return nullptr;
  }
  bool is_list = list_check(seq.get());
  ssize n = is_list ? list_size(seq.get()) : tuple_size(seq.get());
  Object** items = is_list ? list_items(seq.get()) : tuple_items(seq.get());
  if (n == 0) return str_empty();
  if (n == 1 && str_check_exact(items[0])) return newref(items[0]);
  ssize seplen = str_length(sep);
  uint32_t maxchar = seplen ? str_max_char_bound(sep) : 0;
  ssize total = 0;
  for (ssize i = 0; i < n; ++i) {
    Object* it = items[i];
    if (!str_check(it))
      return err_format(&Exc_TypeError, "sequence item %zd: expected str instance, %T found",
                        i, it);
    total += str_length(it);
    uint32_t m = str_max_char_bound(it);
    if (m > maxchar) maxchar = m;
  }
  total += seplen * (n - 1);
  Object* r = str_new_uninit(total, maxchar);
  if (!r) return nullptr;
  ssize pos = 0;
  int kind = str_kind(r);
  char* d = static_cast<char*>(str_obj(r)->data());
  for (ssize i = 0; i < n; ++i) {
    if (i && seplen) {
      if (seplen == 1 && kind == 1) d[pos] = char(str_data1(sep)[0]);
      else str_copy_chars(r, pos, sep, 0, seplen);
      pos += seplen;
    }
    ssize l = str_length(items[i]);
    str_copy_chars(r, pos, items[i], 0, l);
    pos += l;
  }
  return r;
}

// ---- repr ---------------------------------------------------------------------------------------

Object* str_repr(Object* s) {
  ssize len = str_length(s);
  int kind = str_kind(s);
  const void* d = str_obj(s)->data();
  // quote choice: ' unless the string contains ' and no "
  bool has_sq = false, has_dq = false;
  ssize outlen = 2;
  uint32_t maxchar = 0x7f;
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = kind_read(kind, d, i);
    if (c == '\'') has_sq = true;
    else if (c == '"') has_dq = true;
  }
  uint32_t quote = (has_sq && !has_dq) ? '"' : '\'';
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = kind_read(kind, d, i);
    if (c == quote || c == '\\' || c == '\t' || c == '\n' || c == '\r') outlen += 2;
    else if (c < ' ' || c == 0x7f) outlen += 4;
    else if (c < 0x7f) outlen += 1;
    else if (unicode_isprintable(c)) {
      outlen += 1;
      if (c > maxchar) maxchar = c;
    } else if (c < 0x100) outlen += 4;
    else if (c < 0x10000) outlen += 6;
    else outlen += 10;
  }
  Object* r = str_new_uninit(outlen, maxchar);
  if (!r) return nullptr;
  int rk = str_kind(r);
  void* o = str_obj(r)->data();
  ssize j = 0;
  static const char hex[] = "0123456789abcdef";
  auto put = [&](uint32_t c) { kind_write(rk, o, j++, c); };
  put(quote);
  for (ssize i = 0; i < len; ++i) {
    uint32_t c = kind_read(kind, d, i);
    if (c == quote || c == '\\') {
      put('\\');
      put(c);
    } else if (c == '\t') {
      put('\\');
      put('t');
    } else if (c == '\n') {
      put('\\');
      put('n');
    } else if (c == '\r') {
      put('\\');
      put('r');
    } else if (c < ' ' || c == 0x7f) {
      put('\\');
      put('x');
      put(hex[(c >> 4) & 0xf]);
      put(hex[c & 0xf]);
    } else if (c < 0x7f || unicode_isprintable(c)) {
      put(c);
    } else if (c < 0x100) {
      put('\\');
      put('x');
      put(hex[(c >> 4) & 0xf]);
      put(hex[c & 0xf]);
    } else if (c < 0x10000) {
      put('\\');
      put('u');
      for (int sh = 12; sh >= 0; sh -= 4) put(hex[(c >> sh) & 0xf]);
    } else {
      put('\\');
      put('U');
      for (int sh = 28; sh >= 0; sh -= 4) put(hex[(c >> sh) & 0xf]);
    }
  }
  put(quote);
  return r;
}

// ---- slots --------------------------------------------------------------------------------------

static void str_dealloc(Object* o) {
  if (str_obj(o)->utf8_cached) {
    auto it = utf8_cache().find(o);
    std::free(it->second.data);
    utf8_cache().erase(it);
  }
  object_free(o);  // a heap subclass's reference to its type is dropped by subtype_dealloc
}

static Object* str_str_slot(Object* o) { return str_exact_copy(o); }
static hash_t str_hash_slot(Object* o) { return str_hash(o); }

static Object* str_richcompare(Object* a, Object* b, int op) {
  if (!str_check(a) || !str_check(b)) return not_implemented_ref();
  if (op == CMP_EQ || op == CMP_NE) {
    bool eq = str_equal(a, b);
    return bool_from(op == CMP_EQ ? eq : !eq);
  }
  int c = str_compare(a, b);
  bool r = false;
  switch (op) {
    case CMP_LT: r = c < 0; break;
    case CMP_LE: r = c <= 0; break;
    case CMP_GT: r = c > 0; break;
    case CMP_GE: r = c >= 0; break;
  }
  return bool_from(r);
}

static ssize str_len_slot(Object* o) { return str_length(o); }

static int str_contains(Object* s, Object* sub) {
  if (!str_check(sub)) {
    err_format(&Exc_TypeError, "'in <string>' requires string as left operand, not %T", sub);
    return -1;
  }
  return str_find_sub(s, 0, str_length(s), sub, 1) >= 0;
}

static Object* str_item(Object* s, ssize i) {
  ssize len = str_length(s);
  if (i < 0) i += len;
  if (i < 0 || i >= len) return err_format(&Exc_IndexError, "string index out of range");
  uint32_t c = str_read(s, i);
  return str_from_codepoint(c);
}

static Object* str_getitem(Object* s, Object* key) {
  if (int_check(key) && int_is_small(key)) return str_item(s, ssize(int_small_value(key)));
  if (slice_check(key)) {
    ssize start, stop, step;
    if (slice_unpack(key, &start, &stop, &step) < 0) return nullptr;
    ssize n = slice_adjust_indices(str_length(s), &start, &stop, step);
    if (n <= 0) return str_empty();
    if (step == 1) return str_substring(s, start, start + n);
    int kind = str_kind(s);
    const void* d = str_obj(s)->data();
    if (kind == 1) {
      std::string buf(size_t(n), '\0');
      for (ssize i = 0, p = start; i < n; ++i, p += step) buf[size_t(i)] = char(str_data1(s)[p]);
      return str_from_kind_data(1, buf.data(), n);
    }
    std::vector<uint32_t> buf(static_cast<size_t>(n));
    for (ssize i = 0, p = start; i < n; ++i, p += step) buf[size_t(i)] = kind_read(kind, d, p);
    return str_from_kind_data(4, buf.data(), n);
  }
  if (index_check(key)) {
    ssize i = number_as_ssize(key, &Exc_IndexError);
    if (i == -1 && err_occurred()) return nullptr;
    return str_item(s, i);
  }
  return err_format(&Exc_TypeError, "string indices must be integers, not '%T'", key);
}

static Object* str_remainder(Object* a, Object* b) {
  if (!str_check(a)) return not_implemented_ref();
  return str_percent_format(a, b);
}

// str(object='', encoding='utf-8', errors='strict')
static Object* str_new(TypeObject* type, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const names[] = {"object", "encoding", "errors", nullptr};
  static const ArgSpec spec = {"str", names, 0, 3};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref value;
  if (!a[0]) {
    value = Ref::steal(str_empty());
  } else if (!a[1] && !a[2]) {
    value = Ref::steal(object_str(a[0]));
  } else {
    const char* enc = "utf-8";
    const char* errs = "strict";
    if (a[1]) {
      if (!str_check(a[1]))
        return err_format(&Exc_TypeError,
                          "str() argument 'encoding' must be str, not %T", a[1]);
      enc = str_as_utf8(a[1]);
      if (!enc) return nullptr;
    }
    if (a[2]) {
      if (!str_check(a[2]))
        return err_format(&Exc_TypeError, "str() argument 'errors' must be str, not %T", a[2]);
      errs = str_as_utf8(a[2]);
      if (!errs) return nullptr;
    }
    if (str_check(a[0])) return err_format(&Exc_TypeError, "decoding str is not supported");
    if (bytes_check(a[0]) || bytearray_check(a[0])) {
      ByteView v;
      if (!get_byte_view(a[0], &v)) return nullptr;
      value = Ref::steal(str_decode(v.data, v.size, enc, errs));
    } else {  // any other buffer exporter (memoryview, array, mmap), as PyUnicode_FromEncodedObject
      if (!buffer_check(a[0]))
        return err_format(&Exc_TypeError, "decoding to str: need a bytes-like object, %T found",
                          a[0]);
      Ref data = Ref::steal(buffer_to_bytes(a[0]));
      if (!data) return nullptr;
      value = Ref::steal(str_decode(bytes_data(data.get()), bytes_size(data.get()), enc, errs));
    }
  }
  if (!value) return nullptr;
  if (type == &StrType) return value.release();
  return str_subtype_new(type, value.get());
}

Object* str_subtype_new(TypeObject* cls, Object* value) {
  ssize n = str_length(value);
  int kind = str_kind(value);
  // The subtype's extra fields (e.g. __dict__ slot) are placed after the character data.
  ssize extra = cls->basicsize > ssize(sizeof(StrObject)) ? cls->basicsize - ssize(sizeof(StrObject)) : 0;
  size_t data_bytes = (size_t(n + 1) * size_t(kind) + 7) & ~size_t(7);
  StrObject* s = raw_alloc(cls, n, kind, data_bytes - size_t(n + 1) * kind + size_t(extra));
  if (!s) return nullptr;
  memcpy(s->data(), str_obj(value)->data(), size_t(n) * kind);
  s->ascii = str_obj(value)->ascii;
  return s;
}

// ---- iterator -----------------------------------------------------------------------------------

namespace {
struct StrIterObject : Object {
  Object* str;  // owned, null when exhausted
  ssize index;
};

Object* str_iter(Object* s) {
  auto* it = alloc_object<StrIterObject>(str_is_ascii(s) ? &StrAsciiIterType : &StrIterType);
  if (!it) return nullptr;
  it->str = newref(s);
  it->index = 0;
  return it;
}

void striter_dealloc(Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  xdecref(it->str);
  object_free(o);
}

Object* striter_next(Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  Object* s = it->str;
  if (!s) return nullptr;
  if (it->index < str_length(s)) {
    uint32_t c = str_read(s, it->index++);
    return str_from_codepoint(c);
  }
  it->str = nullptr;
  decref(s);
  return nullptr;
}

Object* striter_self(Object* o) { return newref(o); }

Object* striter_length_hint(Object* self, Object* const*, ssize, Object*) {
  auto* it = static_cast<StrIterObject*>(self);
  ssize n = it->str ? str_length(it->str) - it->index : 0;
  return int_from_ssize(n < 0 ? 0 : n);
}

const MethodDef kStrIterMethods[] = {
    {"__length_hint__", striter_length_hint, METH_DEFAULT,
     "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};
}  // namespace

// ---- StrWriter ----------------------------------------------------------------------------------

void StrWriter::append(std::string_view utf8) { buf_.append(utf8.data(), utf8.size()); }
void StrWriter::append_char(uint32_t cp) { utf8_append(buf_, cp); }
bool StrWriter::append_str(Object* s) {
  if (!str_check(s)) {
    err_format(&Exc_TypeError, "expected str, got %T", s);
    return false;
  }
  str_append_utf8_lenient(buf_, s);
  return true;
}
bool StrWriter::append_repr(Object* o) {
  Object* r = object_repr(o);
  if (!r) return false;
  str_append_utf8_lenient(buf_, r);
  decref(r);
  return true;
}
bool StrWriter::append_strof(Object* o) {
  if (str_check_exact(o)) {
    str_append_utf8_lenient(buf_, o);
    return true;
  }
  Object* r = object_str(o);
  if (!r) return false;
  str_append_utf8_lenient(buf_, r);
  decref(r);
  return true;
}
Object* StrWriter::finish() {
  Object* r = str_from_utf8_trusted(buf_.data(), ssize(buf_.size()));
  buf_.clear();
  return r;
}

// ---- type ---------------------------------------------------------------------------------------

static const char kStrDoc[] =
    "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
    "Create a new string object from the given object. If encoding or\n"
    "errors is specified, then the object must expose a data buffer\n"
    "that will be decoded using the given encoding and error handler.\n"
    "Otherwise, returns the result of object.__str__() (if defined)\n"
    "or repr(object).\nencoding defaults to sys.getdefaultencoding().\n"
    "errors defaults to 'strict'.";

void init_str_types() {
  TypeObject& t = StrType;
  t.name = "str";
  t.basicsize = sizeof(StrObject);
  t.itemsize = 1;
  t.flags = TPFLAG_BASETYPE | TPFLAG_IMMUTABLETYPE | TPFLAG_UNICODE_SUBCLASS;
  t.doc = kStrDoc;
  t.base = &ObjectType;
  t.dealloc = str_dealloc;
  t.repr = str_repr;
  t.str = str_str_slot;
  t.hash = str_hash_slot;
  t.richcompare = str_richcompare;
  t.iter = str_iter;
  t.new_ = str_new;
  t.nb_remainder = str_remainder;
  t.len = str_len_slot;
  t.getitem = str_getitem;
  t.contains = str_contains;
  t.sq_concat = str_sq_concat;
  t.sq_repeat = str_repeat;
  t.sq_item = str_item;
  t.methods = kStrMethods;
  register_static_type(&t);

  for (TypeObject* it : {&StrIterType, &StrAsciiIterType}) {
    it->name = it == &StrIterType ? "str_iterator" : "str_ascii_iterator";
    it->basicsize = sizeof(StrIterObject);
    it->flags = TPFLAG_IMMUTABLETYPE;
    it->base = &ObjectType;
    it->dealloc = striter_dealloc;
    it->iter = striter_self;
    it->iternext = striter_next;
    it->methods = kStrIterMethods;
    register_static_type(it);
  }
}

}  // namespace gilpy
