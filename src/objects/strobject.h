// str (objects/strobject.cpp and friends): immutable Unicode text, indexed by code point.
//
// Representation (as CPython's PEP 393): the code points are stored inline after the header in the
// narrowest of three widths, `kind` 1 (Latin-1), 2 (UCS-2) or 4 (UCS-4), followed by a NUL. An
// all-ASCII string's data is also its UTF-8 form; for others the UTF-8 form is computed on demand
// and cached in a side table (strobject.cpp; `utf8_cached` says there is an entry), so that the
// header stays 40 bytes like CPython's PyASCIIObject. The hash is cached (-1 until computed). Strings are immutable once
// returned to Python code, except through the builder (StrWriter) that creates them.
//
// Interned strings (identifiers, attribute names, dict keys of keyword arguments) are immortal and
// unique per text, so the eval loop and dict lookups can compare them by pointer first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/type.h"

namespace gilpy {

struct StrObject : Object {
  ssize length;      // in code points
  hash_t hash;       // -1 until computed
  uint8_t kind;      // 1, 2 or 4 bytes per code point
  uint8_t ascii;     // 1 if every code point < 128
  uint8_t interned;  // 1 if in the interned table (then immortal)
  uint8_t utf8_cached;  // non-ASCII only: 1 if the UTF-8 cache (strobject.cpp) has an entry
  // code points follow

  void* data() { return this + 1; }
  const void* data() const { return this + 1; }
};

extern TypeObject StrType;

inline bool str_check(Object* o) { return type_has_flag(type_of(o), TPFLAG_UNICODE_SUBCLASS); }
inline bool str_check_exact(Object* o) { return type_of(o) == &StrType; }
inline ssize str_length(Object* o) { return static_cast<StrObject*>(o)->length; }
inline int str_kind(Object* o) { return static_cast<StrObject*>(o)->kind; }
inline uint32_t str_read(Object* o, ssize i) {
  auto* s = static_cast<StrObject*>(o);
  switch (s->kind) {
    case 1: return static_cast<const uint8_t*>(s->data())[i];
    case 2: return static_cast<const uint16_t*>(s->data())[i];
    default: return static_cast<const uint32_t*>(s->data())[i];
  }
}

// Construction. The UTF-8 input must be valid (use str_decode_utf8 for untrusted bytes);
// lone surrogates may be encoded in the generalized UTF-8 the parser uses.
Object* str_from_utf8(const char* s, ssize n);
Object* str_from_utf8(std::string_view s);
Object* str_from_cstr(const char* s);
Object* str_from_codepoint(uint32_t cp);          // chr(): single characters are cached
Object* str_from_ucs4(const uint32_t* cps, ssize n);
// Allocate an uninitialised string of `length` code points able to hold `maxchar`; fill it through
// its data() and return it. For builders that know the result size.
Object* str_new_uninit(ssize length, uint32_t maxchar);
// Decode bytes as UTF-8 with an error handler ("strict", "replace", "ignore", "surrogateescape",
// "backslashreplace"); raises UnicodeDecodeError with CPython's message on strict failures.
Object* str_decode_utf8(const char* s, ssize n, const char* errors = "strict");
Object* str_decode(const char* s, ssize n, const char* encoding, const char* errors);
Object* str_encode(Object* str, const char* encoding, const char* errors);  // -> bytes

// UTF-8 view, cached on the object (valid while the object lives). Raises UnicodeEncodeError and
// returns nullptr for lone surrogates.
const char* str_as_utf8(Object* o, ssize* size = nullptr);
inline std::string_view str_view(Object* o) {
  ssize n = 0;
  const char* p = str_as_utf8(o, &n);
  return p ? std::string_view(p, size_t(n)) : std::string_view();
}

// Interning. str_intern returns the unique interned (immortal) string with the same text: the
// argument's reference is consumed and a reference to the interned one is returned.
Object* str_intern(Object* s);
// An interned string for a C++ literal; the result is BORROWED (interned strings are immortal).
Object* str_intern_cstr_borrowed(const char* s);

hash_t str_hash(Object* o);
bool str_equal(Object* a, Object* b);  // pointer check first, then length/kind/memcmp
bool str_equal_cstr(Object* a, const char* s);
int str_compare(Object* a, Object* b);  // -1/0/1 by code point
Object* str_concat(Object* a, Object* b);
Object* str_join(Object* sep, Object* iterable);
Object* str_substring(Object* s, ssize start, ssize end);
// repr(s) with CPython's quoting rules; used by containers' reprs.
Object* str_repr(Object* s);

// Efficient string building (used by every repr/str/format implementation). Accumulates UTF-8 and
// tracks the widest code point; finish() builds the str in one allocation.
class StrWriter {
 public:
  void append(std::string_view utf8);  // must be valid UTF-8
  void append_char(uint32_t cp);
  bool append_str(Object* s);    // false + exception on error (lone surrogates are kept)
  bool append_repr(Object* o);   // appends repr(o); false + exception on error
  bool append_strof(Object* o);  // appends str(o)
  Object* finish();              // new str; the writer is left empty
  std::string& buffer() { return buf_; }
  ssize size_bytes() const { return ssize(buf_.size()); }

 private:
  std::string buf_;
};

// The character predicates and case mappings for all of Unicode (objects/unicode_db.cpp).
bool unicode_isspace(uint32_t cp);
bool unicode_isalpha(uint32_t cp);
bool unicode_isdecimal(uint32_t cp);
bool unicode_isdigit(uint32_t cp);
bool unicode_isnumeric(uint32_t cp);
bool unicode_isalnum(uint32_t cp);
bool unicode_isupper(uint32_t cp);
bool unicode_islower(uint32_t cp);
bool unicode_isprintable(uint32_t cp);
bool unicode_is_xid_start(uint32_t cp);
bool unicode_is_xid_continue(uint32_t cp);
int unicode_decimal_value(uint32_t cp);  // -1 if not a decimal digit

// Append the UTF-8 encoding of cp to out (surrogates encoded as 3 bytes, as the parser does).
void utf8_append(std::string& out, uint32_t cp);

}  // namespace gilpy
